import type { Segment } from '../detect/types';
import { BLOCK_MAX_CHARS, DIALOG_MAX_CHARS, DIALOG_SELECTOR, HEADING_SELECTOR, isProse, MAX_REGIONS } from './regions';
import { boundedMarkup, WALL_TEXT_MAX } from '../detect/general/structure';
import { VERIFY_CUES, WIDGET_SELECTOR, widgetOf } from '../detect/general/widgets';
import { FORM_INPUTS, textLengthUpTo, tidyText } from './collect-static';

/**
 * Visible text of a live page (content script). The body is read once with `innerText`,
 * which already leaves out scripts, styles, templates and hidden elements; headings and
 * dialogs are read again, bounded, so that a notice that is the page's main content weighs more.
 * Layout-reading calls happen here, never inside a MutationObserver callback.
 */
export function visible(el: Element): boolean {
  const e = el as HTMLElement;
  if (typeof e.checkVisibility === 'function') return e.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions);
  return e.getClientRects().length > 0;
}

function regionSegments(root: Document | ShadowRoot, selector: string, where: Segment['where'], out: Segment[]): void {
  const found = root.querySelectorAll(selector);
  const n = Math.min(found.length, MAX_REGIONS);
  for (let i = 0; i < n; i++) {
    const el = found[i] as HTMLElement;
    // textContent is cheap and bounds the work before any layout is read.
    const raw = el.textContent ?? '';
    if (raw.trim().length === 0 || raw.length > DIALOG_MAX_CHARS * 4) continue;
    if (!visible(el)) continue;
    const text = el.innerText ?? raw;
    if (text.length > 0 && text.length <= DIALOG_MAX_CHARS) out.push({ where, text });
  }
}

function shadowRootsOf(root: Document | ShadowRoot, out: ShadowRoot[]): void {
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const sr = all[i]!.shadowRoot;
    if (sr) {
      out.push(sr);
      shadowRootsOf(sr, out);
    }
  }
}

function shadowText(sr: ShadowRoot): string {
  const parts: string[] = [];
  for (const child of Array.from(sr.children)) {
    const t = (child as HTMLElement).innerText;
    if (t) parts.push(t);
  }
  return parts.join('\n');
}

export interface CollectOptions {
  /**
   * Does this text contain any rule's phrase? Headings and dialogs only matter where there is a
   * hit, and finding them is the costly part (a class-substring query over a 100k-element page
   * took 130 ms here), so they are read only when the page's text has a hit.
   */
  hasHits?(text: string): boolean;
  /** Sweep for open shadow roots (every element is visited); false when the page made none. */
  shadowRoots?: boolean;
  /** Where the phrases that matter start in a text (engine's triggerOffsets): the short blocks around them are read. */
  hitOffsets?(text: string): number[];
}

/**
 * The short blocks of a long page around its phrases, as the CLI reads them (collect-static.ts):
 * text nodes walked once, phrases found in their joined text, and from each hit's element up
 * while the enclosing element's text stays short. Layout is read only for these few blocks.
 */
function liveHitBlocks(body: HTMLElement, hitOffsets: (text: string) => number[], known: Set<string>, out: Segment[]): void {
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const tag = n.parentElement?.tagName;
      return tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    if (!data.trim()) continue;
    nodes.push(n as Text);
    starts.push(length);
    parts.push(data);
    length += data.length + 1;
  }
  const seen = new Set<Element>();
  for (const offset of hitOffsets(parts.join(' '))) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let el: Element | null = nodes[lo]?.parentElement ?? null;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    // Parity with the CLI (tests/e2e/parity.e2e.ts): the block is measured as collect-static
    // measures it (text nodes without the whitespace between elements, scripts left out), and its
    // text tidied alike; `textContent` counted the markup's line breaks, stopped one element lower
    // (a paragraph of several, judged prose) and the block was lost.
    while (el.parentElement && el.parentElement !== body && textLengthUpTo(el.parentElement as never, BLOCK_MAX_CHARS) <= BLOCK_MAX_CHARS) el = el.parentElement;
    if (isProse(el) || !visible(el)) continue;
    const t = tidyText((el as HTMLElement).innerText ?? el.textContent ?? '');
    if (t && t.length <= BLOCK_MAX_CHARS && !known.has(t)) {
      known.add(t);
      out.push({ where: 'block', text: t });
    }
    if (out.length >= MAX_REGIONS * 2) break;
  }
}

export function collectLiveSegments(doc: Document, opts: CollectOptions = {}, depth = 0): Segment[] {
  const out: Segment[] = [];
  if (doc.title) out.push({ where: 'title', text: doc.title });
  const body = doc.body;
  const bodyText = body ? (body.innerText ?? '') : '';
  const regions = (root: Document | ShadowRoot, text: string) => {
    if (opts.hasHits && !opts.hasHits(text)) return false;
    regionSegments(root, HEADING_SELECTOR, 'title', out);
    regionSegments(root, DIALOG_SELECTOR, 'dialog', out);
    return true;
  };
  if (regions(doc, bodyText) && body && opts.hitOffsets) liveHitBlocks(body, opts.hitOffsets, new Set(out.map((s) => s.text)), out);
  if (body) out.push({ where: 'text', text: bodyText });

  if (opts.shadowRoots !== false) {
    const roots: ShadowRoot[] = [];
    shadowRootsOf(doc, roots);
    for (const sr of roots) {
      const t = shadowText(sr);
      regions(sr, t);
      if (t) out.push({ where: 'text', text: t });
    }
  }

  if (depth < 2) {
    for (const frame of Array.from(doc.getElementsByTagName('iframe'))) {
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument; // null or throws when cross-origin
      } catch {
        inner = null;
      }
      if (inner?.body && visible(frame)) out.push(...collectLiveSegments(inner, { ...opts, shadowRoots: true }, depth + 1).filter((s) => s.text));
    }
  }
  return out;
}

/**
 * The document's markup as the server sent it, as near as the live page allows: the document
 * element with the comments around it (`shutout scan` reads the saved file whole, and a wall may
 * leave its marker in a comment before `<html>`).
 */
function documentMarkup(doc: Document): string {
  let out = '';
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 8) out += `<!--${(n as Comment).data}-->\n`;
    else if (n.nodeType === 1) out += (n as Element).outerHTML + '\n';
  }
  return out;
}

/**
 * Structure of a live page for the general layer: the markup of a wall-shaped page (little
 * visible text, so serialising it is cheap) and the visible challenge widgets. Widgets are looked
 * for only on short pages or pages whose words mention verification.
 */
export function collectLiveStructure(doc: Document, segments: readonly Segment[]): { markup?: string; widgets: Array<{ id: string; inForm: boolean }> } {
  const chars = segments.reduce((n, s) => (s.where === 'text' ? n + s.text.length : n), 0);
  const markup = chars <= WALL_TEXT_MAX ? boundedMarkup(documentMarkup(doc)) : undefined;
  const widgets: Array<{ id: string; inForm: boolean }> = [];
  const cue = chars <= WALL_TEXT_MAX || segments.some((s) => VERIFY_CUES.test(s.where === 'text' && s.text.length > 4000 ? s.text.slice(0, 4000) : s.text));
  if (!cue) return { markup, widgets };
  const found = doc.querySelectorAll(WIDGET_SELECTOR);
  const seen = new Set<string>();
  for (let i = 0; i < Math.min(found.length, MAX_REGIONS); i++) {
    const el = found[i]!;
    if (!visible(el)) continue;
    const w = widgetOf(el);
    if (!w || seen.has(w.id)) continue;
    seen.add(w.id);
    const form = el.closest('form');
    widgets.push({ id: w.id, inForm: !!form && form.querySelector(FORM_INPUTS) !== null });
  }
  return { markup, widgets };
}
