import type { Work } from '../content/slices';
import { phrasesIn, type RuleSet } from '../detect/engine';
import type { LooseTable } from '../detect/loose';
import { foldLooseInto } from '../detect/normalize';
import type { Partition } from './partition';

/**
 * The first pass over a long page, without laying it out: the text of each piece of the body
 * (`textContent`, which leaves out nothing but costs no layout) folded without separators and run
 * through the separator-free automaton. What it finds is a superset of the phrases the page shows
 * (hidden text, and words of neighbouring blocks that touch, are found too); each find is then
 * located in its text node and judged where it is: visible or not (checkVisibility), and read
 * exactly (innerText of the small block around it). Layout is read only there.
 */

/** A page whose pieces hold at least this much text is read this way; shorter pages are read with innerText. */
export const LONG_PAGE_CHARS = 20_000;
/** Text folded and scanned per step. */
const STEP_CHARS = 32_768;
/** Finds kept per separator-free phrase: enough to find a visible one, bounded on hostile pages. */
const MAX_PER_PATTERN = 16;
/** Finds kept in all. */
const MAX_FINDS = 1024;
/** The block read around a find: climbing while the enclosing element's text stays this short. */
export const EXCERPT_CHARS = 600;
/** An element longer than this around a find is not read with innerText: the text node around the find is. */
const EXCERPT_HARD = 4000;

export interface Find {
  pattern: number;
  chunk: number;
  /** Offsets in the chunk's text; `start` is -1 when the phrase began in an earlier chunk. */
  start: number;
  end: number;
  trigger: boolean;
}

export interface LongScan {
  /** Characters of text in the pieces (scripts and styles left out; hidden text counted). */
  chars: number;
  finds: Find[];
  /** A phrase that can fire occurred more often than kept: the finds may miss the visible one. */
  overflow: boolean;
}

interface Scratch {
  codes: Uint16Array;
  origin: Int32Array;
}

/** Fold and scan every piece of the body, in document order, the automaton's state carried from piece to piece. */
export function* scanPieces(part: Partition, set: RuleSet, loose: LooseTable): Work<LongScan> {
  const buf: Scratch = { codes: new Uint16Array(4096), origin: new Int32Array(4096) };
  const lengths = loose.automaton.patternLengths;
  const perPattern = new Uint8Array(lengths.length);
  const isTrigger = new Uint8Array(lengths.length);
  for (let p = 0; p < lengths.length; p++) {
    for (let k = loose.from[p]!; k < loose.from[p + 1]!; k++) if (set.triggers[loose.ids[k]!]) isTrigger[p] = 1;
  }
  const finds: Find[] = [];
  let overflow = false;
  let chars = 0;
  let state = 0;
  let stepped = 0;
  for (let chunk = 0; chunk < part.chunks.length; chunk++) {
    const node = part.chunks[chunk]!;
    const text = node.nodeType === 3 ? (node as Text).data : (node.textContent ?? '');
    chars += text.length;
    let len = 0;
    for (let from = 0; from < text.length; from += STEP_CHARS) {
      const to = Math.min(text.length, from + STEP_CHARS);
      const at = len;
      len = foldLooseInto(text, from, to, buf, at);
      state = loose.automaton.scanFrom(buf.codes, at, len, state, (pattern, end) => {
        if (perPattern[pattern]! >= MAX_PER_PATTERN || finds.length >= MAX_FINDS) {
          if (isTrigger[pattern]) overflow = true;
          return;
        }
        perPattern[pattern]!++;
        const start = end - lengths[pattern]!;
        finds.push({ pattern, chunk, start: start >= 0 ? buf.origin[start]! : -1, end: buf.origin[end - 1]! + 1, trigger: isTrigger[pattern] === 1 });
      });
      stepped += to - from;
      if (stepped >= STEP_CHARS) {
        stepped = 0;
        yield;
      }
    }
  }
  return { chars, finds, overflow };
}

/** Where a find lies: the text nodes at its start and end. */
interface Located {
  find: Find;
  startNode: Text;
  endNode: Text;
  /** Offset of the find's end in endNode. */
  endOffset: number;
}

/** Locate finds (sorted by chunk, then end) in their chunks' text nodes, walking each chunk once. */
function* locate(part: Partition, finds: readonly Find[]): Work<Located[]> {
  const out: Located[] = [];
  let i = 0;
  while (i < finds.length) {
    const chunk = finds[i]!.chunk;
    const node = part.chunks[chunk]!;
    const group: Find[] = [];
    while (i < finds.length && finds[i]!.chunk === chunk) group.push(finds[i++]!);
    if (!node.isConnected) continue;
    if (node.nodeType === 3) {
      for (const find of group) out.push({ find, startNode: node as Text, endNode: node as Text, endOffset: find.end });
      continue;
    }
    // Offsets wanted, in order: each find's start (or its end when it began earlier) and end.
    const wants = group.flatMap((find, g) => [
      { at: find.start >= 0 ? find.start : 0, g, end: false },
      { at: Math.max(0, find.end - 1), g, end: true },
    ]);
    wants.sort((a, b) => a.at - b.at);
    const starts: Array<Text | undefined> = new Array(group.length);
    const ends: Array<Text | undefined> = new Array(group.length);
    const endOffsets: number[] = new Array(group.length).fill(0);
    const walker = node.ownerDocument!.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
    let base = 0;
    let t = walker.nextNode() as Text | null;
    let steps = 0;
    for (const w of wants) {
      while (t && base + t.data.length <= w.at) {
        base += t.data.length;
        t = walker.nextNode() as Text | null;
        if (++steps % 4096 === 0) yield;
      }
      if (!t) break;
      if (w.end) {
        ends[w.g] = t;
        endOffsets[w.g] = w.at - base + 1;
      } else starts[w.g] = t;
    }
    group.forEach((find, g) => {
      const startNode = starts[g];
      const endNode = ends[g];
      if (startNode && endNode) out.push({ find, startNode, endNode, endOffset: endOffsets[g]! });
    });
    yield;
  }
  return out;
}

function commonElement(a: Node, b: Node): Element | null {
  const pa = a.parentElement;
  if (a === b || !pa) return pa;
  for (let e: Element | null = pa; e; e = e.parentElement) if (e.contains(b)) return e;
  return null;
}

/** Length of an element's text (text nodes' data, trimmed at the ends), counted only up to `limit`. */
export function textLengthUpTo(el: Element, limit: number): number {
  const walker = el.ownerDocument!.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let n = 0;
  let leading = true;
  for (let t = walker.nextNode() as Text | null; t && n <= limit; t = walker.nextNode() as Text | null) {
    const d = leading ? t.data.trimStart() : t.data;
    if (d.length > 0) leading = false;
    n += d.length;
  }
  return n;
}

/** A verified find: visible, and its phrase is in the exact reading of the block around it. */
export interface Verified {
  find: Find;
  startNode: Text;
  /** The block read around it, and its text (innerText). */
  excerpt: Element;
  text: string;
}

/**
 * Judge finds where they are: visible, and their phrase in the exact reading of the block around
 * them. Returns the verified ones, in the order given.
 */
export function* verify(
  part: Partition,
  body: Element,
  set: RuleSet,
  loose: LooseTable,
  finds: readonly Find[],
  visible: (el: Element) => boolean,
  accept: (phraseId: number) => boolean,
): Work<Verified[]> {
  const located = yield* locate(part, finds);
  const out: Verified[] = [];
  const read = new Map<Element, { text: string; ids: Set<number> } | null>();
  let steps = 0;
  for (const { find, startNode, endNode, endOffset } of located) {
    if (++steps % 16 === 0) yield;
    if (!startNode.isConnected || !endNode.isConnected) continue;
    const el = commonElement(startNode, endNode);
    if (!el || !visible(el)) continue;
    let excerpt = el;
    while (excerpt.parentElement && excerpt.parentElement !== body && textLengthUpTo(excerpt.parentElement, EXCERPT_CHARS) <= EXCERPT_CHARS) excerpt = excerpt.parentElement;
    let reading = read.get(excerpt);
    if (reading === undefined) {
      let text: string;
      if (textLengthUpTo(excerpt, EXCERPT_HARD) > EXCERPT_HARD) {
        // A long run of text: the words of its text node around the find (visible, as its element is).
        text = endNode.data.slice(Math.max(0, endOffset - EXCERPT_CHARS / 2), endOffset + EXCERPT_CHARS / 2).trim();
      } else {
        text = ((excerpt as HTMLElement).innerText ?? excerpt.textContent ?? '').trim();
      }
      reading = text ? { text, ids: phrasesIn(set, text) } : null;
      read.set(excerpt, reading);
    }
    if (!reading) continue;
    let exact = false;
    for (let k = loose.from[find.pattern]!; k < loose.from[find.pattern + 1]! && !exact; k++) {
      const id = loose.ids[k]!;
      exact = accept(id) && reading.ids.has(id);
    }
    if (exact) out.push({ find, startNode, excerpt, text: reading.text });
  }
  return out;
}
