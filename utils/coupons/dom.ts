/**
 * The little DOM reading the adapters need, the same on a live page (content script) and on a
 * parsed one (linkedom in the CLI and tests): selector queries in one pass, visibility from
 * markup, and the text of one small subtree. Nothing here walks the whole page: every walk is
 * bounded to a coupon area or an item, and every query to a number of results.
 */

/** Tags whose text is never shown. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE', 'META', 'LINK']);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'TABLE', 'TR', 'TD', 'TH', 'UL',
  'BUTTON', 'LABEL',
]);

/**
 * Class names that hide an element on the platforms read here: JD's `hide`, Taobao's
 * `tb-hidden`, Amazon's `aok-hidden` / `a-hidden`, and the usual utility classes.
 */
const HIDDEN_CLASS = /(?:^|\s)(?:hide|hidden|tb-hidden|J-hide|d-none|is-hidden|aok-hidden|a-hidden|invisible)(?:\s|$)/;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Is this element itself hidden by its markup (not by its ancestors)? */
export function hiddenSelf(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const cls = el.getAttribute('class');
  return !!cls && HIDDEN_CLASS.test(cls);
}

/** Hidden by its own markup or an ancestor's, up to (not including) `stop`, at most 64 levels. */
export function hidden(el: Element, stop: Element | null = null): boolean {
  let e: Element | null = el;
  for (let depth = 0; e && e !== stop && depth < 64; depth++, e = e.parentElement) if (hiddenSelf(e)) return true;
  return false;
}

/** All elements matching any of the selectors, in document order, in one query (at most `limit`). */
export function queryAll(root: ParentNode, selectors: readonly string[], limit = 64): Element[] {
  if (selectors.length === 0) return [];
  let list: ArrayLike<Element>;
  try {
    list = root.querySelectorAll(selectors.join(', '));
  } catch {
    // A selector this engine does not know: query them one by one, skipping the bad one.
    const out: Element[] = [];
    for (const s of selectors) {
      try {
        const found = root.querySelectorAll(s);
        for (let i = 0; i < found.length && out.length < limit; i++) if (!out.includes(found[i]!)) out.push(found[i]!);
      } catch {
        /* skip */
      }
    }
    return out;
  }
  const n = Math.min(list.length, limit);
  const out: Element[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = list[i]!;
  return out;
}

/** The first selector (in priority order) an element matches, or null. */
export function matchedSelector(el: Element, selectors: readonly string[]): string | null {
  for (const s of selectors) {
    try {
      if (el.matches(s)) return s;
    } catch {
      /* unknown selector */
    }
  }
  return null;
}

/** Of the visible elements matching the selectors, the one whose selector comes first. */
export function firstVisible(root: ParentNode, selectors: readonly string[], stop: Element | null = null): Element | null {
  const found = queryAll(root, selectors, 32).filter((e) => !hidden(e, stop));
  if (found.length <= 1) return found[0] ?? null;
  for (const s of selectors) {
    for (const e of found) {
      try {
        if (e.matches(s)) return e;
      } catch {
        /* unknown selector */
      }
    }
  }
  return found[0] ?? null;
}

/** Drop elements contained in another element of the list (keep the outermost). */
export function outermost(els: Element[]): Element[] {
  return els.filter((e) => !els.some((o) => o !== e && o.contains(e)));
}

/**
 * Visible text of one subtree, block elements on their own lines, white space collapsed within
 * a line. Bounded: at most `maxNodes` nodes visited and `maxChars` characters kept.
 */
export function readText(root: Element, maxChars = 2000, maxNodes = 4000): string {
  const parts: string[] = [];
  let chars = 0;
  let visited = 0;
  const stack: Array<Node | null> = [root];
  while (stack.length > 0 && chars < maxChars && visited < maxNodes) {
    const node = stack.pop();
    if (node === null) {
      parts.push('\n');
      continue;
    }
    if (!node) continue;
    visited++;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      parts.push(v);
      chars += v.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el !== root && hiddenSelf(el)) continue;
    if (BLOCK_TAGS.has(el.tagName)) {
      parts.push('\n');
      stack.push(null);
    }
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return parts
    .join('')
    .replace(/[ \t\r\f\v\u00a0\u3000]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim()
    .slice(0, maxChars);
}

/** One line: readText with line breaks turned into spaces. */
export function lineText(root: Element, maxChars = 400): string {
  return readText(root, maxChars, 1000).replace(/\n+/g, ' ').trim();
}

const LOADING_SELECTOR = [
  '[class*="skeleton" i]',
  '[class*="shimmer" i]',
  '[class*="loading" i]',
  '[class*="placeholder" i]',
  '[class*="spinner" i]',
  '[aria-busy="true"]',
].join(', ');
const LOADING_CLASS = /skeleton|shimmer|loading|placeholder|spinner/i;
const LOADING_TEXT = /加载中|正在加载|载入中|載入中|请稍候|請稍候|loading/i;

/**
 * Is this coupon area still a skeleton or a loading placeholder? Its own class, a visible
 * skeleton/spinner inside it, or loading words with nothing else.
 */
export function isLoading(area: Element, text: string): boolean {
  const cls = `${area.getAttribute('class') ?? ''} ${area.getAttribute('id') ?? ''}`;
  if (LOADING_CLASS.test(cls) || area.getAttribute('aria-busy') === 'true') return true;
  for (const e of queryAll(area, [LOADING_SELECTOR], 16)) if (!hidden(e, area)) return true;
  return LOADING_TEXT.test(text) && !/\d/.test(text.replace(LOADING_TEXT, ''));
}
