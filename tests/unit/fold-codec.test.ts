/**
 * The fold tables as the extension ships them (fold-codec.ts) fold every code unit as the tables
 * Node makes (fold-tables.ts), though the shipped FOLD keeps only the code units that change.
 */
import { describe, expect, it } from 'vitest';
import { decodeFoldTables, encodeFoldTables } from '../../utils/detect/fold-codec';
import { CJK, foldTables, SEP, WORD } from '../../utils/detect/fold-tables';

describe('the shipped fold tables', () => {
  // Made inside each test, not while the file loads: mutation testing's per-test coverage sees only
  // what a test runs, and would run none of these tests against a mutant of the codec.
  const make = () => {
    const made = foldTables();
    const packed = encodeFoldTables(made);
    return { made, packed, shipped: decodeFoldTables(packed) };
  };

  it('fold and class every one of the 65,536 code units as the tables they were made from', () => {
    const { made, shipped } = make();
    let changed = 0;
    for (let c = 0; c < 65536; c++) {
      expect(shipped.FOLD[c]! || c).toBe(made.FOLD[c]);
      expect(shipped.CLASS[c]).toBe(made.CLASS[c]);
      if (made.FOLD[c] !== c) changed++;
    }
    // Only the code units that change are kept: the rest read 0, "itself".
    expect(shipped.FOLD.filter((f) => f !== 0).length).toBe(changed);
    expect(changed).toBeGreaterThan(800);
  });

  it('are small: runs of classes and the pairs that change, not two 64 KiB tables', () => {
    const { made, packed, shipped } = make();
    expect(packed.classRuns.length + packed.foldPairs.length).toBeLessThan(16_000);
    expect(new Set(made.CLASS)).toEqual(new Set([SEP, WORD, CJK]));
    // Spot checks that the decoding reads the pairs in order (code unit, then what it folds to).
    expect(String.fromCharCode(shipped.FOLD['A'.charCodeAt(0)]!)).toBe('a');
    expect(String.fromCharCode(shipped.FOLD['Ａ'.charCodeAt(0)]!)).toBe('a');
    expect(String.fromCharCode(shipped.FOLD['訪'.charCodeAt(0)]!)).toBe('访');
    expect(shipped.FOLD['a'.charCodeAt(0)]).toBe(0);
    expect(shipped.CLASS[' '.charCodeAt(0)]).toBe(SEP);
    expect(shipped.CLASS['访'.charCodeAt(0)]).toBe(CJK);
    expect(shipped.CLASS[0xffff]).toBe(made.CLASS[0xffff]);
  });

  it('encode a table that already keeps 0 for "itself" as the full table', () => {
    const { packed, shipped } = make();
    expect(encodeFoldTables(shipped)).toEqual(packed);
  });
});
