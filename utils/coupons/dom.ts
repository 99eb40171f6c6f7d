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
  const out: Element[] = [];
  for (let i = 0; i < list.length && i < limit; i++) out.push(list[i]!);
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

/**
 * How many elements, in document order from the top of the page, the page index looks at. Item
 * pages put their price and coupon area near the top (after the header and navigation); the
 * recommendation grids, reviews and footer that make a page 100k elements long come after. An
 * area beyond this bound is not seen, and the page then reads `not-loaded`, never `empty`.
 * Walking 10,000 elements took about 1.4 ms (warm) in Chromium on this project's 2-core machine.
 */
export const WALK_LIMIT = 5_000;

type Plan =
  | { kind: 'id'; id: string; head: string; rest: string | null }
  | { kind: 'walk'; head: string; rest: string | null }
  | { kind: 'query'; sel: string };

/**
 * Split a selector at its first descendant combinator (outside brackets and quotes) into the
 * first compound and the rest; `rest` is undefined when a child/sibling combinator follows
 * (such selectors are queried as a whole).
 */
function splitHead(sel: string): [string, string | null | undefined] {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && (/\s/.test(c) || c === '>' || c === '+' || c === '~')) {
      const rest = sel.slice(i).trim();
      if (/^[>+~]/.test(rest)) return [sel.slice(0, i), undefined];
      return [sel.slice(0, i), rest || null];
    }
  }
  return [sel, null];
}

const ATTR = /\[(class|id)\s*([*^$]?=)\s*"([^"]+)"(?:\s+i)?\]/g;

interface Needles {
  /** Substrings of class or id attributes ([class*=…], [id^=…]). */
  frags: Set<string>;
  /** Whole class tokens (.name). */
  tokens: Set<string>;
  /** Tag names (h1). */
  tags: Set<string>;
}

function planOf(sel: string, needles: Needles | null): Plan {
  const s = sel.trim();
  const [head, rest] = splitHead(s);
  if (rest === undefined) return { kind: 'query', sel: s };
  if (/^#[\w-]+$/.test(head)) return { kind: 'id', id: head.slice(1), head, rest };
  // tag, .class, tag.class, [class*="…"], [id^="…"] … (one compound, no pseudo-classes)
  const m = /^([a-zA-Z][\w-]*)?((?:\.[\w-]+|\[(?:class|id)\s*[*^$]?=\s*"[^"]+"(?:\s+i)?\])*)$/.exec(head);
  if (!m || (!m[1] && !m[2])) return { kind: 'query', sel: s };
  if (needles) {
    const parts = m[2] ?? '';
    // Class names outside the attribute tests: a dot in [class*="k.m"] is not one.
    const classes = [...parts.replace(/\[[^\]]*\]/g, '').matchAll(/\.([\w-]+)/g)].map((x) => x[1]!);
    const attrs = [...parts.matchAll(ATTR)].map((x) => x[3]!);
    // The walk's patterns ignore case, as class names compare here.
    if (classes.length > 0) needles.tokens.add(classes[0]!);
    else if (attrs.length > 0) needles.frags.add(attrs[0]!);
    else if (m[1]) needles.tags.add(m[1].toUpperCase());
  }
  return { kind: 'walk', head, rest };
}

/** Plans of the selectors seen so far (the adapters' lists are fixed, so this stays small). */
const PLANS = new Map<string, Plan>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The element and its ancestors, outermost first. */
function ancestry(e: Node): Node[] {
  const out: Node[] = [];
  for (let n: Node | null = e; n; n = n.parentNode) out.push(n);
  return out.reverse();
}

/**
 * Document order of two elements, from their ancestries: linkedom's compareDocumentPosition
 * answers "preceding" for two elements in different subtrees whichever comes first, which put
 * the CLI's results out of the order a browser gives.
 */
function byDocumentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  const pa = ancestry(a);
  const pb = ancestry(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  // One contains the other: the container comes first.
  if (i === pa.length) return -1;
  if (i === pb.length) return 1;
  for (let s = pa[i]!.nextSibling; s; s = s.nextSibling) if (s === pb[i]) return -1;
  return 1;
}

/**
 * One bounded pass over the page that finds every element the adapter's page-level selectors
 * can match, so that no selector costs a traversal of a 100k-element page:
 * - `#id` selectors go to getElementById (a hash lookup, anywhere in the page);
 * - `.class`, `tag`, `[class*="…"]`, `[id^="…"]` selectors are matched against the candidates a
 *   single walk of the first WALK_LIMIT elements collected (their class or id holds a needle);
 * - a part after the first descendant combinator (`#J_StrPrice .tb-rmb-num`) is queried inside
 *   the element found (a small subtree);
 * - any other selector is queried on the whole page (slow: the adapters' lists avoid them).
 */
export class PageIndex {
  private readonly root: ParentNode;
  private readonly limit: number;
  private readonly byId: ((id: string) => Element | null) | null;
  private readonly registered = new Set<string>();
  private readonly needles: Needles = { frags: new Set(), tokens: new Set(), tags: new Set() };
  /** Filled by the walk, on the first query that needs it (id lookups never do). */
  private candidates: Element[] | null = null;
  private walkedCount = 0;
  private reachedEnd = true;

  constructor(root: ParentNode, selectors: readonly string[], limit = WALK_LIMIT) {
    this.root = root;
    this.limit = limit;
    const doc = root as unknown as { getElementById?: (id: string) => Element | null };
    this.byId = typeof doc.getElementById === 'function' ? (id) => doc.getElementById!(id) : null;
    for (const s of selectors) {
      this.registered.add(s);
      planOf(s, this.needles);
    }
  }

  /** Elements the walk looked at (0 until a query needed it), and whether it reached the end of the page. */
  get walked(): number {
    return this.walkedCount;
  }

  get complete(): boolean {
    return this.reachedEnd;
  }

  private walk(): Element[] {
    if (this.candidates) return this.candidates;
    const found: Element[] = [];
    this.candidates = found;
    const { frags, tokens, tags } = this.needles;
    const frag = frags.size ? new RegExp([...frags].map(escapeRe).join('|'), 'i') : null;
    const token = tokens.size ? new RegExp(`(?:^|\\s)(?:${[...tokens].map(escapeRe).join('|')})(?:\\s|$)`, 'i') : null;
    // From the root's first element (<html> for a document; a parsed fragment's first element)
    // in document order; `top` is where the walk climbs back to and stops.
    const top = this.root as unknown as Node;
    let el: Element | null = this.root.firstElementChild;
    let n = 0;
    while (el && n < this.limit) {
      n++;
      const cls = el.className;
      const id = el.id;
      if (
        (typeof cls === 'string' && cls && ((token && token.test(cls)) || (frag && frag.test(cls)))) ||
        (id && frag && frag.test(id)) ||
        (tags.size > 0 && tags.has(el.tagName.toUpperCase()))
      ) {
        found.push(el);
      }
      const t = el.tagName;
      const skip = t === 'SCRIPT' || t === 'STYLE' || t === 'TEMPLATE' || t === 'NOSCRIPT' || t === 'svg' || t === 'SVG';
      const first = skip ? null : el.firstElementChild;
      if (first) {
        el = first;
        continue;
      }
      while (el && el !== top && !el.nextElementSibling) el = el.parentElement;
      el = el && el !== top ? el.nextElementSibling : null;
    }
    this.walkedCount = n;
    this.reachedEnd = el === null;
    return found;
  }

  /** Elements matching any of the selectors, in document order, at most `limit`. */
  find(selectors: readonly string[], limit = 64): Element[] {
    const out = new Set<Element>();
    for (const s of selectors) {
      let plan = PLANS.get(s);
      if (!plan) PLANS.set(s, (plan = planOf(s, null)));
      let heads: Element[];
      // An #id on a root without getElementById (a fragment) is queried like any other selector.
      if (plan.kind === 'query' || !this.registered.has(s) || (plan.kind === 'id' && !this.byId)) {
        for (const e of queryAll(this.root, [s], limit)) out.add(e);
        continue;
      }
      if (plan.kind === 'id') {
        const e = this.byId!(plan.id);
        heads = e ? [e] : [];
      } else {
        heads = [];
        for (const c of this.walk()) {
          try {
            if (c.matches(plan.head)) heads.push(c);
          } catch {
            /* unknown selector */
          }
        }
      }
      for (const h of heads) {
        if (plan.rest) for (const e of queryAll(h, [plan.rest], limit)) out.add(e);
        else out.add(h);
      }
    }
    const list = [...out];
    if (list.length > 1) list.sort(byDocumentOrder);
    return list.slice(0, limit);
  }
}

/** Something that finds elements by selector: a PageIndex, or a plain node (queried directly). */
export type Finder = PageIndex | ParentNode;

export function findIn(where: Finder, selectors: readonly string[], limit = 64): Element[] {
  return where instanceof PageIndex ? where.find(selectors, limit) : queryAll(where, selectors, limit);
}

/** Of the visible elements matching the selectors, the one whose selector comes first. */
export function firstVisible(root: Finder, selectors: readonly string[], stop: Element | null = null): Element | null {
  const found = findIn(root, selectors, 32).filter((e) => !hidden(e, stop));
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
