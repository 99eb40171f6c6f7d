import { defineContentScript } from 'wxt/utils/define-content-script';
import { installBoot } from '../utils/content/boot';
import { MARKETPLACE_MATCHES } from '../utils/detect/hosts';

// The bootstrap: at document_start only the listeners that must be in place before the page's
// scripts (the tap's messages, the shadow-root signal), kept for the watch script
// (watch.content.ts), which brings the engine. Built from
// utils/content/boot-main.ts without WXT's wrapper (wxt.config.ts), so that it stays a few hundred bytes.
export default defineContentScript({
  matches: MARKETPLACE_MATCHES,
  runAt: 'document_start',
  main() {
    installBoot(window, document);
  },
});
