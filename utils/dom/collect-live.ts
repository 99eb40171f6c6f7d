import type { Segment } from '../detect/types';
import { hasAnyPhrase, triggerOffsets, type RuleSet } from '../detect/engine';
import type { LooseTable } from '../detect/loose';
import { BLOCK_MAX_CHARS, DIALOG_MAX_CHARS, DIALOG_SELECTOR, HEADING_SELECTOR, isProse, MAX_REGIONS } from './regions';
import { boundedMarkup, WALL_TEXT_MAX } from '../detect/general/structure';
import { CHALLENGE_TITLE, VERIFY_CUES, WIDGET_SELECTOR, widgetOf } from '../detect/general/widgets';
import { FORM_INPUTS, textLengthUpTo as staticTextLengthUpTo, tidyText } from './collect-static';
import { runNow, type Work } from '../content/slices';
import { partition, type Partition } from './partition';
import { LONG_PAGE_CHARS, scanPieces, textLengthUpTo, verify, type Verified } from './collect-long';

/**
 * Visible text of a live page (content script), in the same segments as the CLI's reader
 * (collect-static.ts): the title, headings and dialogs when the text has a phrase, the short
 * blocks around phrases, and the body's text.
 *
 * A page of ordinary length is read with `innerText`, which leaves out scripts, styles,
 * templates and hidden elements. A long page is not: laying out and serialising 100k nodes costs
 * more than everything else together, and nearly all of that text holds no notice. Its pieces'
 * raw text is read instead, phrases are looked for without layout, and only the blocks around
 * what was found are judged and read exactly (collect-long.ts); the body is then stood for by
 * those blocks (`textChars` gives its length). Layout is read only there, never inside a
 * MutationObserver callback. Everything is a generator that yields between bounded steps, so
 * that the content script can spread it over short tasks (utils/content/slices.ts).
 */
export function visible(el: Element): boolean {
  const e = el as HTMLElement;
  if (typeof e.checkVisibility === 'function') return e.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions);
  return e.getClientRects().length > 0;
}

/** Pages with more elements than this are queried piece by piece (a class-substring query over 100k elements took 90 ms). */
const QUERY_WHOLE_MAX = 3000;

/** Read one region element the way both collectors do: bounded, visible, its innerText. */
function readRegion(el: Element, where: Segment['where'], out: Segment[]): void {
  // textContent is cheap and bounds the work before any layout is read.
  const raw = el.textContent ?? '';
  if (raw.trim().length === 0 || raw.length > DIALOG_MAX_CHARS * 4) return;
  if (!visible(el)) return;
  const text = (el as HTMLElement).innerText ?? raw;
  if (text.length > 0 && text.length <= DIALOG_MAX_CHARS) out.push({ where, text });
}

/** The first MAX_REGIONS elements matching `selector`, in document order, read as regions. */
function* regionSegments(root: Document | ShadowRoot, part: Partition | null, selector: string, where: Segment['where'], out: Segment[]): Work<void> {
  if (!part) {
    const found = root.querySelectorAll(selector);
    const n = Math.min(found.length, MAX_REGIONS);
    for (let i = 0; i < n; i++) readRegion(found[i]!, where, out);
    return;
  }
  // The same elements, found piece by piece: the head and the elements above the pieces, then each piece's inside.
  const doc = root as Document;
  const found: Element[] = [];
  const take = (el: Element) => found.length < MAX_REGIONS && found.push(el);
  const html = doc.documentElement;
  if (html?.matches(selector)) take(html);
  if (doc.head) {
    if (doc.head.matches(selector)) take(doc.head);
    doc.head.querySelectorAll(selector).forEach(take);
  }
  for (const { el, leaf } of part.order) {
    if (found.length >= MAX_REGIONS) break;
    if (el.matches(selector)) take(el);
    if (leaf && el.firstElementChild) {
      el.querySelectorAll(selector).forEach(take);
      yield;
    }
  }
  for (const el of found) readRegion(el, where, out);
}

/**
 * The headings and dialogs of a long page that hold a phrase: those matching `selector` among the
 * ancestors of the phrases found, in document order, at most MAX_REGIONS. A heading or dialog
 * without a phrase gives no finding (a rule needs its phrase; the general layer judges only
 * text with a cue), and querying every piece with the dialogs' substring selectors cost a
 * 100k-node page as much as the rest of its scan (BENCHMARKS.md).
 */
function regionsAroundHits(hits: readonly Node[], selectors: ReadonlyArray<readonly [string, Segment['where']]>, out: Segment[]): void {
  const found = selectors.map(() => new Set<Element>());
  const walked = new Set<Element>();
  for (const node of hits) {
    for (let el = node.parentElement; el && !walked.has(el); el = el.parentElement) {
      walked.add(el);
      selectors.forEach(([selector], i) => el!.matches(selector) && found[i]!.add(el!));
    }
  }
  const inOrder = (a: Element, b: Element) => (a.compareDocumentPosition(b) & 4 /* b follows a */ ? -1 : 1);
  selectors.forEach(([, where], i) => {
    for (const el of [...found[i]!].sort(inOrder).slice(0, MAX_REGIONS)) readRegion(el, where, out);
  });
}

function* shadowRootsOf(root: Document | ShadowRoot, part: Partition | null, out: ShadowRoot[]): Work<void> {
  const sweep = (all: ArrayLike<Element>) => {
    for (let i = 0; i < all.length; i++) {
      const sr = all[i]!.shadowRoot;
      if (sr) {
        out.push(sr);
        runNow(shadowRootsOf(sr, null, out));
      }
    }
  };
  if (!part) return sweep(root.querySelectorAll('*'));
  for (const { el, leaf } of part.order) {
    sweep([el]);
    if (leaf && el.firstElementChild) {
      sweep(el.querySelectorAll('*'));
      yield;
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
 * The short blocks of a page around its phrases, as the CLI reads them (collect-static.ts):
 * text nodes walked once, phrases found in their joined text, and from each hit's element up
 * while the enclosing element's text stays short. Layout is read only for these few blocks.
 */
function* liveHitBlocks(body: HTMLElement, hitOffsets: (text: string) => number[], known: Set<string>, out: Segment[]): Work<void> {
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let steps = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++steps % 4096 === 0) yield;
    const tag = n.parentElement?.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') continue;
    const data = (n as Text).data;
    if (!data.trim()) continue;
    nodes.push(n as Text);
    starts.push(length);
    parts.push(data);
    length += data.length + 1;
  }
  const offsets = hitOffsets(parts.join(' '));
  yield;
  blocksAt(body, offsets.map((offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return nodes[lo];
  }), known, out);
}

/** From each hit's text node up while the enclosing element's text stays short; its innerText is a block. */
function blocksAt(body: Element, at: ReadonlyArray<Text | undefined>, known: Set<string>, out: Segment[], measure = (el: Element) => staticTextLengthUpTo(el as never, BLOCK_MAX_CHARS)): void {
  const seen = new Set<Element>();
  for (const node of at) {
    let el: Element | null = node?.parentElement ?? null;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    // Parity with the CLI (tests/e2e/parity.e2e.ts): by default the block is measured as
    // collect-static measures it (text nodes without the whitespace between elements, scripts left
    // out), and its text tidied alike; `textContent` counted the markup's line breaks, stopped one
    // element lower (a paragraph of several, judged prose) and the block was lost.
    while (el.parentElement && el.parentElement !== body && measure(el.parentElement) <= BLOCK_MAX_CHARS) el = el.parentElement;
    if (isProse(el) || !visible(el)) continue;
    const t = tidyText((el as HTMLElement).innerText ?? el.textContent ?? '');
    if (t && t.length <= BLOCK_MAX_CHARS && !known.has(t)) {
      known.add(t);
      out.push({ where: 'block', text: t });
    }
    if (out.length >= MAX_REGIONS * 2) break;
  }
}

/** What the content script reads of a page. */
export interface LiveRead {
  segments: Segment[];
  /** Set when the body's 'text' segments are only the blocks around its phrases (a long page): the body's length. */
  textChars?: number;
}

export interface LiveOptions {
  rules: RuleSet;
  /** The rules' separator-free phrases (rule-sets.ts looseTableOf); without it every page is read with innerText. */
  loose?: LooseTable;
  /** Sweep for open shadow roots; false when the page made none (the page-world tap says). */
  shadowRoots: boolean;
  /** Pages with at least this much raw text are read without innerText. */
  longPageChars?: number;
}

/**
 * Read a page for a scan, as steps (run them with runSliced, or runNow when the page is going
 * away). Frames of the same origin are read too, two levels deep.
 */
export function* collectLive(doc: Document, opts: LiveOptions, depth = 0): Work<LiveRead> {
  const out: Segment[] = [];
  if (doc.title) out.push({ where: 'title', text: doc.title });
  const body = doc.body;
  const set = opts.rules;
  const hasHits = (text: string) => hasAnyPhrase(set, text);
  // The body's length: a long page's raw text, or the text segments read with innerText.
  let chars = 0;
  let anyLong = false;
  let part: Partition | null = null;
  const longAt = opts.longPageChars ?? LONG_PAGE_CHARS;
  let manyElements: boolean | undefined;
  const many = () => (manyElements ??= doc.getElementsByTagName('*').length > QUERY_WHOLE_MAX);

  let long = false;
  // Counting elements is cheap; the body's textContent would already cost a long task on a 100k-node page.
  if (body && opts.loose && many()) {
    part = yield* partition(body);
    const scan = yield* scanPieces(part, set, opts.loose);
    long = scan.chars >= longAt && !scan.overflow;
    if (long) {
      const loose = opts.loose;
      const isTrigger = (id: number) => set.triggers[id] === 1;
      const triggers = yield* verify(part, body, set, loose, scan.finds.filter((f) => f.trigger), visible, isTrigger);
      chars += scan.chars;
      anyLong = true;
      if (triggers.length > 0) {
        regionsAroundHits(triggers.map((v) => v.startNode), [[HEADING_SELECTOR, 'title'], [DIALOG_SELECTOR, 'dialog']], out);
        yield;
        blocksAt(body, triggers.slice(0, MAX_REGIONS).map((v) => v.startNode), new Set(out.map((s) => s.text)), out, (el) => textLengthUpTo(el, BLOCK_MAX_CHARS));
        yield;
        // The words that only qualify a rule (`all`, `unless`) count where they are shown too: one of each is enough.
        const more = yield* verify(part, body, set, loose, scan.finds.filter((f) => !f.trigger), visible, (id) => !isTrigger(id));
        const excerpts = new Set<Element>();
        for (const v of mergeInOrder(triggers, more)) {
          if (excerpts.has(v.excerpt)) continue;
          excerpts.add(v.excerpt);
          out.push({ where: 'text', text: v.text });
        }
      }
    }
  }

  if (!long && body) {
    const bodyText = body.innerText ?? '';
    yield;
    if (hasHits(bodyText)) {
      if (!part && many()) part = yield* partition(body);
      yield* regionSegments(doc, part, HEADING_SELECTOR, 'title', out);
      yield* regionSegments(doc, part, DIALOG_SELECTOR, 'dialog', out);
      yield* liveHitBlocks(body, (text) => triggerOffsets(set, text), new Set(out.map((s) => s.text)), out);
    }
    out.push({ where: 'text', text: bodyText });
    chars += bodyText.length;
  }

  if (opts.shadowRoots) {
    if (!part && body && many()) part = yield* partition(body);
    const roots: ShadowRoot[] = [];
    yield* shadowRootsOf(doc, part, roots);
    for (const sr of roots) {
      const t = shadowText(sr);
      if (hasHits(t)) {
        yield* regionSegments(sr, null, HEADING_SELECTOR, 'title', out);
        yield* regionSegments(sr, null, DIALOG_SELECTOR, 'dialog', out);
      }
      if (t) out.push({ where: 'text', text: t });
      chars += t.length;
      yield;
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
      if (!inner?.body || !visible(frame)) continue;
      const read = yield* collectLive(inner, { ...opts, shadowRoots: true }, depth + 1);
      out.push(...read.segments.filter((s) => s.text));
      if (read.textChars !== undefined) anyLong = true;
      chars += read.textChars ?? read.segments.reduce((n, s) => (s.where === 'text' ? n + s.text.length : n), 0);
    }
  }
  return anyLong ? { segments: out, textChars: chars } : { segments: out };
}

/** Two lists of verified finds, each in document order, as one in document order. */
function mergeInOrder(a: readonly Verified[], b: readonly Verified[]): Verified[] {
  const key = (v: Verified) => v.find.chunk * 1e9 + v.find.end;
  return [...a, ...b].sort((x, y) => key(x) - key(y));
}

/**
 * The same reading, at once and always with innerText (no long-page pass): the segments the
 * content script has always given, for callers that hold no rule set (and the benchmarks).
 */
export function collectLiveSegments(doc: Document, opts: CollectOptions = {}, depth = 0): Segment[] {
  const out: Segment[] = [];
  if (doc.title) out.push({ where: 'title', text: doc.title });
  const body = doc.body;
  const bodyText = body ? (body.innerText ?? '') : '';
  const regions = (root: Document | ShadowRoot, text: string) => {
    if (opts.hasHits && !opts.hasHits(text)) return false;
    runNow(regionSegments(root, null, HEADING_SELECTOR, 'title', out));
    runNow(regionSegments(root, null, DIALOG_SELECTOR, 'dialog', out));
    return true;
  };
  if (regions(doc, bodyText) && body && opts.hitOffsets) runNow(liveHitBlocks(body, opts.hitOffsets, new Set(out.map((s) => s.text)), out));
  if (body) out.push({ where: 'text', text: bodyText });

  if (opts.shadowRoots !== false) {
    const roots: ShadowRoot[] = [];
    runNow(shadowRootsOf(doc, null, roots));
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
 * for only on short pages or pages whose words mention verification. `textChars`: the body's
 * length when its segments are only blocks around phrases (a long page, where only prominent
 * words can make a widget count: general/structure.ts).
 */
export function collectLiveStructure(doc: Document, segments: readonly Segment[], textChars?: number): { markup?: string; widgets: Array<{ id: string; inForm: boolean }> } {
  const chars = textChars ?? segments.reduce((n, s) => (s.where === 'text' ? n + s.text.length : n), 0);
  const markup = chars <= WALL_TEXT_MAX || CHALLENGE_TITLE.test(doc.title) ? boundedMarkup(documentMarkup(doc)) : undefined;
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
