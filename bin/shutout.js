#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so that it shares the detection core's source with the extension.
import { register } from 'tsx/esm/api';

register();
// The platform registry's index (utils/platforms/_generated/), current with the descriptors on disk.
const { writePlatformIndex } = await import('../scripts/platform-index.ts');
writePlatformIndex();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
