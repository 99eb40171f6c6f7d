/**
 * Where a notice is the page's main content. Shared by the content script (live DOM) and the
 * CLI (parsed DOM) so that a saved page gets the verdict the extension gave.
 */
export const HEADING_SELECTOR = 'h1, h2, h3, [role="heading"]';

// Class and id fragments of toasts and dialogs, matched case-insensitively (TUXModal, jd-toast,
// layui-layer). A bare "layer" is left out: it would match every video "player".
// Empty states ("nodata", "empty") are where a results area says that it refuses to show results.
const DIALOG_WORDS = ['toast', 'dialog', 'modal', 'popup', 'tips', 'notice', 'alert', 'mask', 'overlay', 'layui-layer', 'nodata', 'no-data', 'noresult', 'no-result', 'empty'];

export const DIALOG_SELECTOR = [
  '[role="dialog"]',
  '[role="alertdialog"]',
  'dialog[open]',
  '[aria-modal="true"]',
  '[role="alert"]',
  '[role="status"]',
  '[aria-live="assertive"]',
  '[aria-live="polite"]',
  ...DIALOG_WORDS.flatMap((w) => [`[class*="${w}" i]`, `[id*="${w}" i]`]),
].join(', ');

/** A dialog or toast holds a short message; longer regions are page content. */
export const DIALOG_MAX_CHARS = 500;
/** The short block of a long page around a phrase: the enclosing element's text stays at most this long. */
export const BLOCK_MAX_CHARS = 300;
/** Bounds on how many regions are read, so that a hostile page cannot make the scan slow. */
export const MAX_REGIONS = 64;

/** Elements whose text is never shown. */
export const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'META', 'LINK', 'TITLE', 'svg', 'SVG', 'IFRAME', 'OBJECT']);
