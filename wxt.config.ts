import { resolve } from 'node:path';
import type { PluginOption } from 'vite';
import { defineConfig } from 'wxt';
import { writePlatformIndex } from './scripts/platform-index';

// The registry's index of utils/platforms/ must exist before anything below imports it.
writePlatformIndex();
const { MARKETPLACE_MATCHES } = await import('./utils/detect/hosts');
const { BUILTIN_DATA_FILE, builtinData, shippedData, watchedDomainsLiteral } = await import('./scripts/lib/shipped');

// See README "Permissions" for why each one is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Parallel test runs on one machine can build into separate folders.
  outDir: process.env.SHUTOUT_OUTDIR ?? '.output',
  // Firefox too: MAIN-world content scripts (the tap), no web-accessible files. README "Firefox".
  manifestVersion: 3,
  vite: () => ({
    // The fold tables and the built-in detectors are made here, once, and shipped as data.
    plugins: [shippedData()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // The import worker (utils/evidence/import.worker.ts) loads some modules lazily: ES module workers.
    worker: { format: 'es' },
    ...(process.env.SHUTOUT_NOMINIFY ? { build: { minify: false } } : {}),
    // Source maps for attributing a bundle's bytes to its sources (what the service worker carries: BENCHMARKS.md section 0).
    ...(process.env.SHUTOUT_SOURCEMAP ? { build: { sourcemap: true } } : {}),
  }),
  hooks: {
    // The detectors' data the background hands to the watch script (utils/background/builtin-data.ts).
    'build:publicAssets'(_wxt, files) {
      files.push({ relativeDest: BUILTIN_DATA_FILE, contents: JSON.stringify(builtinData()) });
    },
    // The page-world tap must leave no global: WXT builds each content script as
    // `var <name> = (function(){…})(); <name>;`, which puts `window.tap` on the page and breaks a page
    // script that declares `const tap`. Built from an entry with no exports and without that
    // footer, Rollup's IIFE is anonymous. tests/e2e/tap.e2e.ts checks the result in a page.
    // The bootstrap ("content", document_start) is built the same way, without WXT's runtime, so
    // that it stays small: it only adds two listeners (utils/content/boot.ts).
    'vite:build:extendConfig'(entrypoints, config) {
      const flat = (config.plugins ?? []).flat(Infinity as 1) as PluginOption[];
      const named = (name: string) => (p: PluginOption) => !!p && typeof p === 'object' && 'name' in p && p.name === name;
      // The watch script compiles no detector data: it asks the background for it (utils/detect/shipped-builtin.ts).
      if (entrypoints.length === 1 && entrypoints[0]!.name === 'watch') {
        const at = flat.findIndex(named('shutout:shipped-data'));
        if (at < 0) throw new Error('watch: the shipped-data plugin was not found; see wxt.config.ts');
        flat[at] = shippedData('provided');
        config.plugins = flat;
        return;
      }
      const plain: Record<string, string> = { tap: 'utils/content/tap-main.ts', content: 'utils/content/boot-main.ts' };
      if (entrypoints.length !== 1 || !plain[entrypoints[0]!.name]) return;
      const lib = config.build?.lib;
      if (!lib) throw new Error(`${entrypoints[0]!.name}: WXT no longer builds content scripts in library mode; see wxt.config.ts`);
      lib.entry = resolve(import.meta.dirname, plain[entrypoints[0]!.name]!);
      const kept = flat.filter((p) => !named('wxt:iife-footer')(p));
      if (kept.length === flat.length) throw new Error(`${entrypoints[0]!.name}: WXT's IIFE footer plugin was not found; see wxt.config.ts`);
      // The tap needs only the watched hosts of the descriptors: shipped as a literal, the rest stays out.
      config.plugins = entrypoints[0]!.name === 'tap' ? [...kept, watchedDomainsLiteral()] : kept;
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'webRequest', 'activeTab', ...(browser === 'firefox' ? [] : ['pageCapture', 'offscreen'])],
    host_permissions: MARKETPLACE_MATCHES,
    // Only the time-stamping service the user names in the options, asked for when it is saved.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'shutout@shutout.invalid',
              // MAIN-world content scripts (the tap) arrived in Firefox 128.
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
