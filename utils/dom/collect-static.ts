import type { Segment } from '../detect/types';
import { BLOCK_MAX_CHARS, DIALOG_MAX_CHARS, DIALOG_SELECTOR, HEADING_SELECTOR, INVISIBLE_TAGS, isProse, MAX_REGIONS } from './regions';
import { WALL_TEXT_MAX } from '../detect/general/structure';
import { VERIFY_CUES, WIDGET_SELECTOR, widgetOf } from '../detect/general/widgets';
import { isStyleHidden, markStyleHidden } from './style-hidden';

/**
 * Visible text of a parsed page without layout (CLI, tests): the same regions as the content
 * script, with visibility judged from markup: the `hidden` attribute, inline display:none or
 * visibility:hidden, the page's own style sheets' plain rules that hide (style-hidden.ts),
 * aria-hidden dialogs, and tags that never render. happy-dom's innerText
 * took 21 s on a 100k-node page here; this walk is linear.
 */
type Node_ = { nodeType: number; nodeValue: string | null; childNodes: ArrayLike<Node_> };
type Element_ = Node_ & {
  tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  parentElement: Element_ | null;
};

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TR', 'TD', 'TH', 'UL', 'BUTTON', 'OPTION',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|content-visibility\s*:\s*hidden)/i;

/**
 * An overlay waiting to be opened, as a saved page without its style sheets still says: hidden from
 * assistive technology and, by a utility class whose meaning is fixed (Tailwind's and Bootstrap's
 * `invisible`, Tailwind's `opacity-0`), from the eye (LinkedIn's sign-up modal, titled "Security
 * verification", under every guest job search). The browser's reading sees it hidden too.
 */
const UNOPENED_OVERLAY = /(?:^|\s)(?:invisible|opacity-0)(?:\s|$)/;

function hiddenSelf(el: Element_): boolean {
  if (INVISIBLE_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.tagName === 'INPUT' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true;
  if (el.tagName === 'DIALOG' && !el.hasAttribute('open')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && UNOPENED_OVERLAY.test(el.getAttribute('class') ?? '')) return true;
  const style = el.getAttribute('style');
  return (!!style && HIDDEN_STYLE.test(style)) || isStyleHidden(el);
}

export function visibleStatic(el: Element_): boolean {
  for (let e: Element_ | null = el; e; e = e.parentElement) if (hiddenSelf(e)) return false;
  return true;
}

/** Whitespace as `visibleText` leaves it: runs of spaces one space, a line break with its surrounding space one line break. */
export function tidyText(text: string): string {
  return text.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** Visible text of a subtree, iteratively (deep pages must not overflow the stack). */
export function visibleText(root: Node_): string {
  const parts: string[] = [];
  const stack: Array<Node_ | null> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      parts.push('\n');
      continue;
    }
    if (!node) continue;
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (node.nodeType === 1) {
      const el = node as Element_;
      if (hiddenSelf(el)) continue;
      if (BLOCK.has(el.tagName)) {
        parts.push('\n');
        stack.push(null);
      }
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return tidyText(parts.join(''));
}

interface StaticDocument {
  title?: string;
  body: (Node_ & { querySelectorAll(sel: string): ArrayLike<unknown> }) | null;
  querySelectorAll(sel: string): ArrayLike<unknown>;
}

function regions(doc: StaticDocument, selector: string, where: Segment['where'], out: Segment[]): void {
  let found: ArrayLike<unknown>;
  try {
    found = doc.querySelectorAll(selector);
  } catch {
    return;
  }
  const n = Math.min(found.length, MAX_REGIONS);
  for (let i = 0; i < n; i++) {
    const el = found[i] as Element_;
    if (!visibleStatic(el)) continue;
    const text = visibleText(el);
    if (text.length > 0 && text.length <= DIALOG_MAX_CHARS) out.push({ where, text });
  }
}

/** Visible text nodes of a subtree with the element each sits in, in document order. */
function visibleTextNodes(root: Node_): Array<{ el: Element_; text: string }> {
  const out: Array<{ el: Element_; text: string }> = [];
  const stack: Node_[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      const el = (node as Node_ & { parentElement: Element_ | null }).parentElement;
      if (el && text.trim()) out.push({ el, text });
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (node.nodeType === 1 && hiddenSelf(node as Element_)) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/**
 * Visible text length of a subtree, counted only up to `limit` (a big container is not walked
 * through): the trimmed text nodes, without the whitespace between elements. The live reader
 * climbs hit blocks with this same measure, so that both readers stop at the same element.
 */
export function textLengthUpTo(root: Node_, limit: number): number {
  let n = 0;
  const stack: Node_[] = [root];
  while (stack.length > 0 && n <= limit) {
    const node = stack.pop()!;
    if (node.nodeType === 3) n += (node.nodeValue ?? '').trim().length;
    else if (node.nodeType === 1 && !hiddenSelf(node as Element_)) {
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return n;
}

export interface StaticCollectOptions {
  /** Where phrases that matter start in a text (engine's triggerOffsets). Without it no blocks are read. */
  hitOffsets?(text: string): number[];
}

/**
 * The short blocks of a page around its phrases (see hit-blocks in docs/fixtures.md): from the
 * element of each hit, up while the enclosing element's text stays short.
 */
function staticHitBlocks(body: Node_, opts: StaticCollectOptions, known: Set<string>, out: Segment[]): void {
  if (!opts.hitOffsets) return;
  const nodes = visibleTextNodes(body);
  const starts: number[] = [];
  let text = '';
  for (const n of nodes) {
    starts.push(text.length);
    text += n.text + ' ';
  }
  const seen = new Set<Element_>();
  for (const offset of opts.hitOffsets(text)) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let el: Element_ | null = nodes[lo]?.el ?? null;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    while (el.parentElement && el.parentElement !== (body as unknown) && textLengthUpTo(el.parentElement, BLOCK_MAX_CHARS) <= BLOCK_MAX_CHARS) el = el.parentElement;
    if (isProse(el as never)) continue;
    const t = visibleText(el);
    if (t && t.length <= BLOCK_MAX_CHARS && !known.has(t)) {
      known.add(t);
      out.push({ where: 'block', text: t });
    }
    if (out.length >= MAX_REGIONS * 2) break;
  }
}

export function collectStaticSegments(doc: StaticDocument, opts: StaticCollectOptions = {}): Segment[] {
  markStyleHidden(doc as never);
  const out: Segment[] = [];
  const title = (doc.title ?? '').trim();
  if (title) out.push({ where: 'title', text: title });
  regions(doc, HEADING_SELECTOR, 'title', out);
  regions(doc, DIALOG_SELECTOR, 'dialog', out);
  if (doc.body) {
    staticHitBlocks(doc.body, opts, new Set(out.map((s) => s.text)), out);
    out.push({ where: 'text', text: visibleText(doc.body) });
  }
  return out;
}

type Queryable = { querySelectorAll(sel: string): ArrayLike<unknown> };
type Matchable = Element_ & { closest?(sel: string): (Element_ & Queryable) | null; matches(sel: string): boolean };

/** Inputs that make a form a login or contact form (a widget there is part of the form). */
export const FORM_INPUTS = 'input[type="password"], input[type="text"], input[type="email"], input[type="tel"], textarea';

/**
 * Visible challenge widgets of a parsed page. Looked for only on pages that are short or mention
 * verification, which bounds the query on very large saved pages.
 */
export function staticWidgets(doc: Queryable, visibleChars: number, cueText: string): Array<{ id: string; inForm: boolean }> {
  if (visibleChars > WALL_TEXT_MAX && !VERIFY_CUES.test(cueText)) return [];
  let found: ArrayLike<unknown>;
  try {
    found = doc.querySelectorAll(WIDGET_SELECTOR);
  } catch {
    return [];
  }
  const out: Array<{ id: string; inForm: boolean }> = [];
  const seen = new Set<string>();
  for (let i = 0; i < Math.min(found.length, MAX_REGIONS); i++) {
    const el = found[i] as Matchable;
    if (!visibleStatic(el)) continue;
    const w = widgetOf(el);
    if (!w || seen.has(w.id)) continue;
    seen.add(w.id);
    const form = el.closest?.('form');
    out.push({ id: w.id, inForm: !!form && form.querySelectorAll(FORM_INPUTS).length > 0 });
  }
  return out;
}
