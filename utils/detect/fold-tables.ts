import { T2S_PAIRS } from './t2s-table';

/**
 * The two 64 Ki tables behind `fold` (normalize.ts), computed from their definition. The
 * extension does not run this: its build ships the finished tables as compact data
 * (fold-codec.ts; wxt.config.ts swaps this module for the decoded data), so that no tab pays
 * for computing them. Node (the CLI, the tests) computes them here.
 */

/** Code unit classes. */
export const SEP = 0; // punctuation and white space: dropped, or one space between two word characters
export const WORD = 1; // Latin, digits, other alphabets: words separated by spaces
export const CJK = 2; // ideographs and kana: no spaces between words

/** Variant characters that notices use interchangeably. */
const VARIANTS: Array<[string, string]> = [
  ['呦', '哟'],
  ['唷', '哟'],
  ['帐', '账'],
  ['帳', '账'],
  ['賬', '账'],
  ['麽', '么'],
  ['著', '着'],
  ['裏', '里'],
  ['綫', '线'],
  ['綫', '线'],
  ['鍾', '钟'],
];

function isCjk(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x2fdf) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3100 && c <= 0x31ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) // astral ideographs arrive as surrogate pairs
  );
}

function isSeparator(c: number): boolean {
  if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
  return (
    (c >= 0x80 && c <= 0xbf && c !== 0xaa && c !== 0xb5 && c !== 0xba) ||
    c === 0xd7 ||
    c === 0xf7 ||
    (c >= 0x2000 && c <= 0x2bff) || // general punctuation, symbols, arrows, shapes
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation and ideographic space
    c === 0x30fb ||
    (c >= 0xfe10 && c <= 0xfe6f) || // vertical, compatibility and small forms
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0xfeff ||
    (c >= 0x1f000 && c <= 0x1ffff) ||
    (c >= 0xe000 && c <= 0xf8ff) // private use: icon fonts
  );
}

export interface FoldTables {
  /**
   * Folded code unit of each code unit, or 0 where it folds to itself (readers take `FOLD[c] || c`):
   * the shipped tables hold only the code units that change (fold-codec.ts), and a tab then makes no
   * table of 65,536 identities.
   */
  FOLD: Uint16Array;
  /** SEP, WORD or CJK of each code unit. */
  CLASS: Uint8Array;
}

export function foldTables(): FoldTables {
  const FOLD = new Uint16Array(65536);
  const CLASS = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    let f = c;
    if (c >= 0xff01 && c <= 0xff5e) f = c - 0xfee0; // full-width ASCII
    if (f >= 0x41 && f <= 0x5a) f += 32;
    FOLD[c] = f;
    CLASS[c] = isSeparator(f) ? SEP : isCjk(f) ? CJK : WORD;
  }
  // Lower-case the other cased alphabets (Latin-1 to Cyrillic, Vietnamese).
  for (let c = 0xc0; c < 0x530; c++) {
    if (CLASS[c] === WORD) FOLD[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  }
  for (let c = 0x1e00; c < 0x1f00; c++) FOLD[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) FOLD[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
  for (const [from, to] of VARIANTS) FOLD[from.charCodeAt(0)] = to.charCodeAt(0);
  return { FOLD, CLASS };
}
