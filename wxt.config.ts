import { defineConfig } from 'wxt';
import { MARKETPLACE_MATCHES } from './utils/hosts';

// See README "Permissions" for why each one is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Parallel test runs on one machine can build into separate folders.
  outDir: process.env.SHUTOUT_OUTDIR ?? '.output',
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // The import worker (utils/evidence/import.worker.ts) loads some modules lazily: ES module workers.
    worker: { format: 'es' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'webRequest', 'activeTab', ...(browser === 'firefox' ? [] : ['pageCapture'])],
    host_permissions: MARKETPLACE_MATCHES,
    // Only the time-stamping service the user names in the options, asked for when it is saved.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://*/*'] } : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // Firefox only: the page-world tap is injected from this file (Chromium runs it as a MAIN-world content script).
    ...(browser === 'firefox' ? { web_accessible_resources: [{ resources: ['tap-page.js'], matches: MARKETPLACE_MATCHES }] } : {}),
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'shutout@shutout.invalid',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
