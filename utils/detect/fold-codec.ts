import { bytesFromBase64, bytesOfView, bytesToBase64 } from './base64';
import type { FoldTables } from './fold-tables';

/**
 * The fold tables as shipped in the extension: CLASS as runs (where the class changes) and FOLD
 * as the code units that do not fold to themselves, both as little-endian 16-bit numbers in
 * base64. About 6 KB instead of 192 KB, decoded in two short loops on the first fold; FOLD keeps 0
 * for the code units that fold to themselves (a loop of 65,536 identities cost a page load 3–7 ms).
 */

function toBase64(words: number[]): string {
  return bytesToBase64(bytesOfView(Uint16Array.from(words)));
}

function fromBase64(b64: string): Uint16Array {
  const bytes = bytesFromBase64(b64);
  return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
}

export interface PackedFoldTables {
  /** Pairs: first code unit of a run, its class. */
  classRuns: string;
  /** Pairs: code unit, what it folds to (only where that is not itself). */
  foldPairs: string;
}

export function encodeFoldTables({ FOLD, CLASS }: FoldTables): PackedFoldTables {
  const runs: number[] = [];
  for (let c = 0; c < 65536; c++) if (c === 0 || CLASS[c] !== CLASS[c - 1]) runs.push(c, CLASS[c]!);
  const pairs: number[] = [];
  for (let c = 0; c < 65536; c++) if (FOLD[c] !== c && FOLD[c] !== 0) pairs.push(c, FOLD[c]!);
  return { classRuns: toBase64(runs), foldPairs: toBase64(pairs) };
}

export function decodeFoldTables(packed: PackedFoldTables): FoldTables {
  const CLASS = new Uint8Array(65536);
  const runs = fromBase64(packed.classRuns);
  for (let i = 0; i < runs.length; i += 2) CLASS.fill(runs[i + 1]!, runs[i]!, i + 2 < runs.length ? runs[i + 2]! : 65536);
  const FOLD = new Uint16Array(65536);
  const pairs = fromBase64(packed.foldPairs);
  for (let i = 0; i < pairs.length; i += 2) FOLD[pairs[i]!] = pairs[i + 1]!;
  return { FOLD, CLASS };
}
