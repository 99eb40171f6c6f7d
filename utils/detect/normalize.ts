import { CJK, foldTables, SEP, WORD, type FoldTables } from './fold-tables';

/**
 * Text folding shared by rules and pages, so that a phrase written once matches every way a
 * page may print it: full-width or half-width, upper or lower case, Traditional or
 * Simplified, variant characters, and any punctuation or spacing between the words.
 *
 * Works on UTF-16 code units through two 64 KiB tables so that a 500k-character page folds
 * in one pass without allocating strings. The tables are made on the first fold, not when a
 * script loads (the extension decodes them from shipped data: fold-tables.ts).
 */

let FOLD: Uint16Array;
let CLASS: Uint8Array;

function tables(): FoldTables {
  if (!FOLD) ({ FOLD, CLASS } = foldTables());
  return { FOLD, CLASS };
}

export interface Folded {
  /** Folded code units; only the first `length` are used. */
  codes: Uint16Array;
  length: number;
  /** For each folded code unit, the index of the code unit in the original text it came from. */
  origin: Int32Array;
}

/** Fold `text` for matching. Runs of separators become one space between two word characters and vanish elsewhere. */
export function fold(text: string): Folded {
  if (!FOLD) tables();
  const n = text.length;
  const codes = new Uint16Array(n);
  const origin = new Int32Array(n);
  let len = 0;
  let pendingSep = false;
  let lastWord = false;
  for (let i = 0; i < n; i++) {
    const raw = text.charCodeAt(i);
    const cls = CLASS[raw]!;
    if (cls === SEP) {
      pendingSep = len > 0;
      continue;
    }
    const isWord = cls === WORD;
    if (pendingSep && lastWord && isWord) {
      codes[len] = 32;
      origin[len++] = i - 1;
    }
    pendingSep = false;
    lastWord = isWord;
    codes[len] = FOLD[raw]! || raw;
    origin[len++] = i;
  }
  return { codes, length: len, origin };
}

/** Folded text as a string (for phrases, and for tests). */
export function foldToString(text: string): string {
  const f = fold(text);
  let out = '';
  for (let i = 0; i < f.length; i += 4096) {
    out += String.fromCharCode(...f.codes.subarray(i, Math.min(f.length, i + 4096)));
  }
  return out;
}

/** Is the folded code unit a word character (so that an English phrase must not continue into it)? */
export function isWordUnit(code: number): boolean {
  if (!CLASS) tables();
  return CLASS[code] === WORD && code !== 32;
}

/**
 * Fold `text[from, to)` without any separator, appending to `out` from `at` (grown when full):
 * the content script's first pass over a long page's raw text, where element boundaries are not
 * known and a phrase's words may touch. Returns the new length.
 */
export function foldLooseInto(text: string, from: number, to: number, out: { codes: Uint16Array; origin: Int32Array }, at: number): number {
  if (!FOLD) tables();
  let len = at;
  if (out.codes.length < at + (to - from)) grow(out, at + (to - from));
  const { codes, origin } = out;
  for (let i = from; i < to; i++) {
    const raw = text.charCodeAt(i);
    if (CLASS[raw] === SEP) continue;
    codes[len] = FOLD[raw]! || raw;
    origin[len++] = i;
  }
  return len;
}

function grow(out: { codes: Uint16Array; origin: Int32Array }, n: number): void {
  const size = Math.max(n, out.codes.length * 2, 1024);
  const codes = new Uint16Array(size);
  const origin = new Int32Array(size);
  codes.set(out.codes);
  origin.set(out.origin);
  out.codes = codes;
  out.origin = origin;
}

/** A phrase folded without separators, as foldLooseInto reads a page. */
export function foldLooseToString(text: string): string {
  return foldToString(text).replace(/ /g, '');
}
