import { defineConfig } from 'vitest/config';
import { writePlatformIndex } from './scripts/platform-index';

// Tests import the platform registry, whose index lists the files in utils/platforms/.
writePlatformIndex();
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    globalSetup: ['tests/temp-guard.ts'],
    testTimeout: 30_000,
  },
});
