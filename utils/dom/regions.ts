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
/**
 * The short block of a long page around a phrase: the enclosing element's text stays at most this
 * long. 300, not 200: a marketplace's notice inside its page is often one paragraph of two or three
 * sentences (a seller account deactivated, sales suspended), which 200 cut from the reading.
 */
export const BLOCK_MAX_CHARS = 300;
/** Bounds on how many regions are read, so that a hostile page cannot make the scan slow. */
export const MAX_REGIONS = 64;

/** Elements whose text is never shown. */
export const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'META', 'LINK', 'TITLE', 'svg', 'SVG', 'IFRAME', 'OBJECT']);

/** Where a page's prose lives: a phrase there is quoted or discussed, not shown as a notice. */
export const PROSE_SELECTOR =
  'article, blockquote, q, cite, pre, code, [class*="comment" i], [class*="article" i], [class*="post-content" i], [class*="markdown" i], [class*="entry-content" i]';

interface ProseElement {
  tagName: string;
  parentElement: ProseElement | null;
  children: ArrayLike<{ tagName: string }>;
  closest(selector: string): unknown;
}

/** Is a block part of the page's prose: inside an article or quote, or one paragraph among several? */
export function isProse(el: ProseElement): boolean {
  try {
    if (el.closest(PROSE_SELECTOR)) return true;
  } catch {
    /* a DOM without this selector's syntax: judge by paragraphs only */
  }
  const parent = el.parentElement;
  if (el.tagName !== 'P' || !parent) return false;
  // `children` once: linkedom builds a new array on every read, which made this loop quadratic (15 s
  // for an 836 KB API reference page whose paragraphs share one parent).
  const siblings = parent.children;
  let paragraphs = 0;
  for (let i = 0; i < siblings.length && paragraphs < 3; i++) if (siblings[i]!.tagName === 'P') paragraphs++;
  return paragraphs >= 3;
}
