/**
 * The shipped data's base64 (utils/detect/base64.ts): the engine's native decoder where the
 * browser has one, the same bytes from the fallback everywhere else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bytesFromBase64, bytesOfView, bytesToBase64 } from '../../utils/detect/base64';
import { builtinTable } from '../../utils/detect/builtin';
import { shipTable, tableFromShipped } from '../../utils/detect/shipped-codec';

type Native = { fromBase64?: (s: string) => Uint8Array };
const U8 = Uint8Array as unknown as Native;
afterEach(() => delete U8.fromBase64);

const all = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) & 0xff);

describe('base64 of the shipped data', () => {
  it('round-trips every byte value, long inputs too, and empty ones', () => {
    expect(bytesFromBase64(bytesToBase64(all))).toEqual(all);
    expect(bytesFromBase64(bytesToBase64(new Uint8Array(0)))).toEqual(new Uint8Array(0));
    expect(bytesToBase64(Uint8Array.of(0, 255, 128))).toBe('AP+A');
  });

  it('takes the bytes of a view only, not its whole buffer', () => {
    const words = Uint16Array.of(1, 2, 3, 4);
    expect([...bytesOfView(words.subarray(1, 3))]).toEqual([2, 0, 3, 0]);
  });

  it("uses the engine's own decoder where there is one, with the same result", () => {
    const calls: string[] = [];
    U8.fromBase64 = (s) => (calls.push(s), Uint8Array.from(Buffer.from(s, 'base64')));
    expect(bytesFromBase64(bytesToBase64(all))).toEqual(all);
    expect(calls).toHaveLength(1);
    // The built-in phrase table decodes to the same automaton either way.
    const shipped = JSON.parse(JSON.stringify(shipTable(builtinTable())));
    const native = tableFromShipped(shipped);
    delete U8.fromBase64;
    const fallback = tableFromShipped(shipped);
    expect(native.phraseIsWordStart).toEqual(fallback.phraseIsWordStart);
    expect(native.automaton.patternLengths).toEqual(fallback.automaton.patternLengths);
  });

  it("carries the phrases' folded texts one per line, and none for a table without phrases", () => {
    const table = builtinTable();
    const shipped = JSON.parse(JSON.stringify(shipTable(table)));
    expect(tableFromShipped(shipped).folded).toEqual(table.folded);
    expect(tableFromShipped({ ...shipped, folded: '' }).folded).toEqual([]);
  });
});
