import { defineContentScript } from 'wxt/utils/define-content-script';
import { installTap } from '../utils/content/tap-page';
import { MARKETPLACE_MATCHES } from '../utils/detect/hosts';

// Chromium: the tap runs in the page's world before any page script, so it sees the first API calls.
export default defineContentScript({
  matches: MARKETPLACE_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  include: ['chrome', 'edge', 'opera'],
  main: installTap,
});
