import { defineContentScript } from 'wxt/utils/define-content-script';
import { installTap } from '../utils/content/tap-page';
import { MARKETPLACE_MATCHES } from '../utils/detect/hosts';

// The tap runs in the page's world before any page script, so it sees the first API calls; no file
// is exposed to pages and no element is added. Built without WXT's wrapper (wxt.config.ts hooks).
export default defineContentScript({
  matches: MARKETPLACE_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  main: installTap,
});
