/**
 * Bundles bench/engine-entry.ts for the browser with esbuild (an IIFE, no minification: readable
 * profiles), with the fold tables and the built-in detectors swapped for the data the
 * extension's build ships (scripts/lib/shipped.ts), as in the content script.
 */
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from '../scripts/lib/browser';
import { builtinModule, foldTablesModule } from '../scripts/lib/shipped';

function shipped(): Plugin {
  const made = new Map<string, () => string>([
    [join(ROOT, 'utils/detect/fold-tables.ts'), foldTablesModule],
    [join(ROOT, 'utils/detect/builtin.ts'), builtinModule],
  ]);
  return {
    name: 'shutout-shipped',
    setup(b) {
      b.onLoad({ filter: /utils[\\/]detect[\\/](fold-tables|builtin)\.ts$/ }, (args) => {
        const make = made.get(args.path);
        return make ? { contents: make(), loader: 'ts', resolveDir: join(ROOT, 'utils/detect') } : undefined;
      });
    },
  };
}

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
    plugins: [shipped()],
  });
  return result.outputFiles[0]!.text + '\n//# sourceURL=shutout-bench-engine.js\n';
}
