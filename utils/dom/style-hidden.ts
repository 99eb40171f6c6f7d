/**
 * Elements that a page's own `<style>` sheets hide, for the readers that have no layout (the
 * CLI's saved pages, the background's anonymous view and handed-over pages). A browser never
 * shows `<div class="gone">` under `.gone{display:none}`, and neither may a static reading, or a
 * page's hidden copy of a notice fires in `shutout scan` and not in the browser.
 *
 * Only what is certain is applied: top-level rules (not inside @media, @supports …) of sheets
 * for every medium, with plain selectors (no pseudo-classes), that say `display: none` or
 * `visibility: hidden`. An element that any rule or its own style attribute shows again is
 * kept: the cascade is not computed, so the reading errs towards showing text, as it did before.
 */

type El = { getAttribute(n: string): string | null; matches(sel: string): boolean; closest(sel: string): unknown };
type Doc = { querySelectorAll(sel: string): ArrayLike<unknown> };

/** Bounds, so that a page's styles cost a static reading little: sheets, characters, selectors, elements. */
export const STYLE_BOUNDS = { sheets: 64, chars: 256 * 1024, selectors: 400, elements: 20_000 } as const;

const HIDES = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;
const SHOWS = /(?:^|;)\s*(?:display\s*:\s*(?!none)[a-z-]+|visibility\s*:\s*visible)\s*(?:!\s*important\s*)?(?:;|$)/i;
const ALL_MEDIA = /^\s*(?:all|screen)?\s*$/i;

const HIDDEN = new WeakSet<object>();

/** Was this element found hidden by its page's style sheets (markStyleHidden)? */
export function isStyleHidden(el: object): boolean {
  return HIDDEN.has(el);
}

/** Top-level rules of a sheet: [selector list, declarations]; at-rule blocks are passed over. */
export function topLevelRules(css: string): Array<[string, string]> {
  const text = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
  const out: Array<[string, string]> = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    // The end of this block, counting nested braces (an at-rule's block holds rules).
    let depth = 1;
    let j = open + 1;
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
    }
    // A statement at-rule before it (`@import …;`, `@charset …;`) ends at its semicolon.
    const head = prelude.slice(prelude.lastIndexOf(';') + 1).trim();
    if (head && !head.startsWith('@') && depth === 0) out.push([head, text.slice(open + 1, j - 1)]);
    i = j;
  }
  return out;
}

/** Splits a selector list at its top-level commas. */
function selectorsOf(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter((s) => s.length > 0 && s.length <= 256);
}

/** Elements matching any of the selectors, one query for all, one by one if the engine refuses one. */
function queryEach(doc: Doc, selectors: string[], limit: number): unknown[] {
  if (selectors.length === 0) return [];
  try {
    return Array.from(doc.querySelectorAll(selectors.join(','))).slice(0, limit);
  } catch {
    const out = new Set<unknown>();
    for (const s of selectors) {
      try {
        for (const e of Array.from(doc.querySelectorAll(s))) if (out.size < limit) out.add(e);
      } catch {
        /* a selector this engine does not know */
      }
    }
    return [...out];
  }
}

function matchesAny(el: El, selectors: string[]): boolean {
  if (selectors.length === 0) return false;
  try {
    return el.matches(selectors.join(','));
  } catch {
    return selectors.some((s) => {
      try {
        return el.matches(s);
      } catch {
        return false;
      }
    });
  }
}

/** Finds the elements `doc`'s own style sheets hide and marks them for isStyleHidden. */
export function markStyleHidden(doc: Doc): void {
  let sheets: unknown[];
  try {
    sheets = Array.from(doc.querySelectorAll('style')).slice(0, STYLE_BOUNDS.sheets);
  } catch {
    return;
  }
  const hide: string[] = [];
  const show: string[] = [];
  let chars = 0;
  for (const s of sheets) {
    const sheet = s as El & { textContent: string | null };
    // A sheet for print, or one that applies only without scripts, is not what a visitor saw.
    if (!ALL_MEDIA.test(sheet.getAttribute('media') ?? '') || sheet.closest('noscript')) continue;
    const css = (sheet.textContent ?? '').slice(0, STYLE_BOUNDS.chars - chars);
    chars += css.length;
    for (const [list, decls] of topLevelRules(css)) {
      const into = HIDES.test(decls) ? hide : SHOWS.test(decls) ? show : null;
      if (!into) continue;
      for (const sel of selectorsOf(list)) if (!sel.includes(':') && into.length < STYLE_BOUNDS.selectors) into.push(sel);
    }
    if (chars >= STYLE_BOUNDS.chars) break;
  }
  for (const e of queryEach(doc, hide, STYLE_BOUNDS.elements)) {
    const el = e as El;
    const own = el.getAttribute('style');
    if (own && SHOWS.test(own)) continue;
    if (matchesAny(el, show)) continue;
    HIDDEN.add(el as object);
  }
}
