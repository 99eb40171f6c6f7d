import { defineConfig } from 'vitest/config';
import { writePlatformIndex } from './scripts/platform-index';

// Tests import the platform registry, whose index lists the files in utils/platforms/.
writePlatformIndex();

// End-to-end tests drive Debian's Chromium with the built extension: one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/temp-guard.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
