/**
 * The hashing primitives of the evidence chain (utils/evidence/hash.ts): canonical JSON, the
 * SHA-256 helpers, hex and Base64. `shutout verify` recomputes every hash the extension wrote,
 * so each byte these produce is part of the evidence format (docs/evidence-format.md).
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToHex, canonicalJson, CanonicalJsonError, fromBase64, hexToBytes, MAX_JSON_DEPTH, sha256Bytes, sha256Hex, sha256Stream, toBase64 } from '../../utils/evidence/hash';

const nodeSha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('canonicalJson', () => {
  it('sorts keys by code point at every level and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, B: true })).toBe('{"B":true,"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ é: 1, z: 2, 'ｚ': 3 })).toBe('{"z":2,"é":1,"ｚ":3}');
  });

  it('drops undefined object values, writes undefined array items as null, and null as null', () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined, null, 1] })).toBe('{"b":null,"c":[null,null,1]}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('writes strings, numbers and booleans as JSON does, and escapes keys', () => {
    expect(canonicalJson(['引号"\n', 1.5, -0, false, 1e21])).toBe('["引号\\"\\n",1.5,0,false,1e+21]');
    expect(canonicalJson({ 'a"b': 1 })).toBe('{"a\\"b":1}');
  });

  it('refuses NaN and the infinities', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => canonicalJson({ n: bad })).toThrow(CanonicalJsonError);
      expect(() => canonicalJson(bad)).toThrow('canonical JSON has no NaN or Infinity');
    }
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and refuses one more, in arrays and objects`, () => {
    expect(MAX_JSON_DEPTH).toBe(32);
    const nest = (n: number, wrap: (v: unknown) => unknown) => {
      let v: unknown = 0;
      for (let i = 0; i < n; i++) v = wrap(v);
      return v;
    };
    for (const wrap of [(v: unknown) => [v], (v: unknown) => ({ k: v })]) {
      expect(() => canonicalJson(nest(MAX_JSON_DEPTH, wrap))).not.toThrow();
      expect(() => canonicalJson(nest(MAX_JSON_DEPTH + 1, wrap))).toThrow(new CanonicalJsonError(`nested more than ${MAX_JSON_DEPTH} levels deep`));
    }
  });
});

describe('SHA-256', () => {
  it('hashes text as UTF-8 and bytes as they are, in lower-case hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('访问被拒绝')).toBe(nodeSha(Buffer.from('访问被拒绝', 'utf8')));
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect(sha256Hex(bytes)).toBe(nodeSha(bytes));
    expect(bytesToHex(sha256Bytes('访问被拒绝'))).toBe(nodeSha('访问被拒绝'));
    expect(bytesToHex(sha256Bytes(bytes))).toBe(nodeSha(bytes));
  });

  it('gives the same digest streamed in chunks of text and bytes', () => {
    const s = sha256Stream();
    s.update('访问');
    s.update(new TextEncoder().encode('被拒绝'));
    s.update(new Uint8Array([7]));
    expect(s.hex()).toBe(nodeSha(Buffer.concat([Buffer.from('访问被拒绝'), Buffer.from([7])])));
  });
});

describe('hex and Base64', () => {
  it('reads hex into bytes', () => {
    expect([...hexToBytes('00ff10Ab')]).toEqual([0, 255, 16, 171]);
    expect(hexToBytes('')).toHaveLength(0);
  });

  it('writes and reads Base64 as Node does, for every length of the last group', () => {
    for (let n = 0; n <= 8; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      const b64 = Buffer.from(bytes).toString('base64');
      expect(toBase64(bytes), `${n} bytes`).toBe(b64);
      expect([...fromBase64(b64)], `${n} bytes`).toEqual([...bytes]);
    }
    const all = new Uint8Array(256).map((_, i) => i);
    expect(toBase64(all)).toBe(Buffer.from(all).toString('base64'));
    expect([...fromBase64(Buffer.from(all).toString('base64'))]).toEqual([...all]);
  });

  it('reads Base64 with line breaks and without padding', () => {
    expect(new TextDecoder().decode(fromBase64('5Ymn\n5Yq/\r\n'))).toBe('剧势');
    expect([...fromBase64('AAEC')]).toEqual([0, 1, 2]);
    expect([...fromBase64('AAE')]).toEqual([0, 1]);
    expect([...fromBase64('AA')]).toEqual([0]);
  });
});
