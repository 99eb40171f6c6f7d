/** Bundles bench/engine-entry.ts for the browser with esbuild (an IIFE, no minification: readable profiles). */
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from '../scripts/lib/browser';

export async function engineBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'bench/engine-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    sourcemap: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text + '\n//# sourceURL=shutout-bench-engine.js\n';
}
