/**
 * Edge cases of the evidence primitives, asserted exactly: salted field commitments
 * (utils/evidence/commit.ts), signature blocks and fingerprints (signing.ts), canonical JSON,
 * hex and Base64 (hash.ts), CSV cells (csv.ts) and the chain verifier's entry check (chain.ts).
 * Every input is built with the project's own functions; no digest is written out by hand.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chainAfter, verifyEntries, type ChainEntry, type Disclosure } from '../../utils/evidence/chain';
import { checkDisclosure, commitData, disclosureOf, fieldDigest, isCommitted, openEntry, SD, type DisclosureFile } from '../../utils/evidence/commit';
import { csvLines, csvRow, CSV_FIELDS, neutralise, neutraliseV1 } from '../../utils/evidence/csv';
import { canonicalJson, CanonicalJsonError, fromBase64, hexToBytes, MAX_JSON_DEPTH, sha256Bytes, sha256Hex, toBase64 } from '../../utils/evidence/hash';
import { fingerprintOf, formatFingerprint, parseFingerprint, signBytes, SIGNATURE_ALGORITHM, SIGNATURE_FORMAT, verifySignature, type SignatureBlock, type Signer } from '../../utils/evidence/signing';
import { testSigner } from './evidence-helpers';

/** Salts `salt-1`, `salt-2`, … in the order commitData asks for them. */
function counterSalt(): () => string {
  let i = 0;
  return () => `salt-${++i}`;
}

const URL_ = 'https://www.zhihu.com/people/zhang-san?uid=42';
const NOTE = '测试页面';
const PLAIN = { kind: 'access-denied', pageUrl: URL_, count: 2, note: NOTE };

/** A format-2 entry's data and disclosures: kind and count in clear, pageUrl (salt-1) and note (salt-2) committed. */
function committed() {
  const r = commitData(PLAIN, counterSalt());
  return { data: r.data, disclose: r.disclose as Record<'pageUrl' | 'note', Disclosure> };
}

describe('commitData', () => {
  it('commits the redactable fields under _sd with one salt each and keeps the others in clear', () => {
    const r = commitData(PLAIN, counterSalt());
    expect(r).toStrictEqual({
      data: { kind: 'access-denied', count: 2, [SD]: { pageUrl: fieldDigest('salt-1', 'pageUrl', URL_), note: fieldDigest('salt-2', 'note', NOTE) } },
      disclose: { pageUrl: ['salt-1', URL_], note: ['salt-2', NOTE] },
    });
    // The digest is SHA-256 of `salt:name:canonicalJSON(value)`.
    expect(fieldDigest('salt-1', 'pageUrl', URL_)).toBe(sha256Hex(`salt-1:pageUrl:${canonicalJson(URL_)}`));
    expect(fieldDigest('s', 'note', { b: 1, a: [2] })).toBe(sha256Hex('s:note:{"a":[2],"b":1}'));
  });

  it('drops undefined values, committed or not, without asking for a salt', () => {
    const salt = vi.fn(() => 'never');
    const r = commitData({ kind: 'x', count: undefined, pageUrl: undefined, note: undefined }, salt);
    expect(r).toStrictEqual({ data: { kind: 'x' } });
    expect(Object.keys(r)).toEqual(['data']);
    expect(Object.keys(r.data)).toEqual(['kind']);
    expect(salt).not.toHaveBeenCalled();
    // One undefined committed field next to a defined one: only the defined one is committed.
    const mixed = commitData({ pageUrl: undefined, note: NOTE }, counterSalt());
    expect(mixed).toStrictEqual({ data: { [SD]: { note: fieldDigest('salt-1', 'note', NOTE) } }, disclose: { note: ['salt-1', NOTE] } });
  });

  it('returns data without _sd and without disclosures when nothing is committed', () => {
    const r = commitData({ kind: 'x', count: 1, review: 'confirmed' });
    expect(r).toStrictEqual({ data: { kind: 'x', count: 1, review: 'confirmed' } });
    expect('disclose' in r).toBe(false);
    expect(SD in r.data).toBe(false);
    expect(commitData({})).toStrictEqual({ data: {} });
  });

  it('uses a fresh random salt of 32 hex digits by default', () => {
    const a = commitData({ note: NOTE });
    const b = commitData({ note: NOTE });
    expect(a.disclose!.note![0]).toMatch(/^[0-9a-f]{32}$/);
    expect(a.disclose!.note![0]).not.toBe(b.disclose!.note![0]);
    expect((a.data[SD] as Record<string, string>).note).not.toBe((b.data[SD] as Record<string, string>).note);
  });
});

describe('isCommitted', () => {
  it('is true only for data whose _sd is a non-null object', () => {
    expect(isCommitted({ [SD]: {} })).toBe(true);
    expect(isCommitted({ [SD]: { note: 'x' } })).toBe(true);
    expect(isCommitted({ [SD]: null })).toBe(false);
    expect(isCommitted({ [SD]: 'digest' })).toBe(false);
    expect(isCommitted({ [SD]: undefined })).toBe(false);
    expect(isCommitted({ note: 'x' })).toBe(false);
  });
});

describe('openEntry, format 1 (no commitments)', () => {
  it('states the data as it is, as a copy', () => {
    const data = { kind: 'x', note: 'n' };
    const r = openEntry({ data });
    expect(r).toStrictEqual({ values: { kind: 'x', note: 'n' }, withheld: [] });
    expect(r.values).not.toBe(data);
  });

  it('refuses disclosures or withheld text beside data that commits to nothing', () => {
    const data = { kind: 'x', note: 'n' };
    const problem = 'it discloses fields its data does not commit to';
    expect(openEntry({ data, disclose: {} })).toStrictEqual({ values: { kind: 'x', note: 'n' }, withheld: [], problem });
    expect(openEntry({ data, disclose: { note: ['s', 'n'] } })).toStrictEqual({ values: { kind: 'x', note: 'n' }, withheld: [], problem });
    expect(openEntry({ data, withheld: {} })).toStrictEqual({ values: { kind: 'x', note: 'n' }, withheld: [], problem });
    expect(openEntry({ data, withheld: { note: '***' } })).toStrictEqual({ values: { kind: 'x', note: 'n' }, withheld: [], problem });
  });
});

describe('openEntry, format 2', () => {
  it('opens every commitment whose disclosure matches', () => {
    const { data, disclose } = committed();
    expect(openEntry({ data, disclose })).toStrictEqual({ values: { kind: 'access-denied', count: 2, pageUrl: URL_, note: NOTE }, withheld: [] });
  });

  it('names a field without disclosure as withheld, with its masked text or null', () => {
    const { data, disclose } = committed();
    expect(openEntry({ data, disclose: { note: disclose.note }, withheld: { pageUrl: 'https://www.zhihu.com/people/[user-1]' } })).toStrictEqual({
      values: { kind: 'access-denied', count: 2, pageUrl: 'https://www.zhihu.com/people/[user-1]', note: NOTE },
      withheld: ['pageUrl'],
    });
    expect(openEntry({ data, disclose: { note: disclose.note } })).toStrictEqual({ values: { kind: 'access-denied', count: 2, pageUrl: null, note: NOTE }, withheld: ['pageUrl'] });
    expect(openEntry({ data })).toStrictEqual({ values: { kind: 'access-denied', count: 2, pageUrl: null, note: null }, withheld: ['pageUrl', 'note'] });
  });

  it('refuses disclosures or withheld text that are not objects', () => {
    const { data, disclose } = committed();
    const refused = { values: { kind: 'access-denied', count: 2 }, withheld: [], problem: 'its disclosures are not objects' };
    for (const bad of ['pageUrl', 7, true]) {
      expect(openEntry({ data, disclose: bad as unknown as ChainEntry['disclose'] }), `disclose ${String(bad)}`).toStrictEqual(refused);
      expect(openEntry({ data, disclose, withheld: bad as unknown as ChainEntry['withheld'] }), `withheld ${String(bad)}`).toStrictEqual(refused);
    }
    // null is read as "none", as undefined is.
    expect(openEntry({ data, disclose: null as unknown as ChainEntry['disclose'], withheld: null as unknown as ChainEntry['withheld'] })).toStrictEqual({
      values: { kind: 'access-denied', count: 2, pageUrl: null, note: null },
      withheld: ['pageUrl', 'note'],
    });
  });

  it('refuses a disclosure of a field the data does not commit to', () => {
    const { data, disclose } = committed();
    expect(openEntry({ data, disclose: { ...disclose, snippet: ['salt-9', '亲，访问被拒绝'] } })).toStrictEqual({
      values: { kind: 'access-denied', count: 2 },
      withheld: [],
      problem: 'it discloses snippet, which its data does not commit to',
    });
    // Even a field that is in clear in the data.
    expect(openEntry({ data, disclose: { kind: ['salt-9', 'access-denied'] } })).toMatchObject({ problem: 'it discloses kind, which its data does not commit to' });
  });

  it('refuses withheld text for a field that is not committed, or that is also disclosed', () => {
    const { data, disclose } = committed();
    expect(openEntry({ data, disclose: { note: disclose.note }, withheld: { snippet: '***' } })).toStrictEqual({
      values: { kind: 'access-denied', count: 2 },
      withheld: [],
      problem: 'it shows snippet as withheld, which its data does not commit to or also discloses',
    });
    expect(openEntry({ data, disclose, withheld: { pageUrl: '[url-1]' } })).toStrictEqual({
      values: { kind: 'access-denied', count: 2 },
      withheld: [],
      problem: 'it shows pageUrl as withheld, which its data does not commit to or also discloses',
    });
  });

  it('refuses a commitment that is not a digest string, or to a field that is never committed', () => {
    const { data, disclose } = committed();
    const sd = data[SD] as Record<string, unknown>;
    expect(openEntry({ data: { ...data, [SD]: { ...sd, note: 42 } }, disclose })).toStrictEqual({
      values: { kind: 'access-denied', count: 2, pageUrl: URL_ },
      withheld: [],
      problem: 'its commitment to note is malformed',
    });
    expect(openEntry({ data: { [SD]: { pageUrl: null } } })).toStrictEqual({ values: {}, withheld: [], problem: 'its commitment to pageUrl is malformed' });
    // `count` is not a redactable field: a well-formed commitment to it is still refused.
    const count = { [SD]: { count: fieldDigest('s', 'count', 3) } };
    expect(openEntry({ data: count, disclose: { count: ['s', 3] } })).toStrictEqual({ values: {}, withheld: [], problem: 'its commitment to count is malformed' });
    expect(openEntry({ data: count })).toStrictEqual({ values: {}, withheld: [], problem: 'its commitment to count is malformed' });
  });

  it('refuses a disclosure that is not [salt, value]', () => {
    const { data, disclose } = committed();
    const malformed = (d: unknown) => openEntry({ data, disclose: { ...disclose, pageUrl: d as [string, unknown] } });
    const problem = { values: { kind: 'access-denied', count: 2 }, withheld: [], problem: 'its disclosure of pageUrl is malformed' };
    expect(malformed(['salt-1'])).toStrictEqual(problem);
    expect(malformed([])).toStrictEqual(problem);
    expect(malformed(['salt-1', URL_, 'extra'])).toStrictEqual(problem);
    expect(malformed({ 0: 'salt-1', 1: URL_, length: 2 })).toStrictEqual(problem);
    expect(malformed('salt-1')).toStrictEqual(problem);
    expect(malformed(null)).toStrictEqual(problem);
    // A salt that is not a string, even one whose text would open the commitment.
    const numeric = commitData({ pageUrl: URL_ }, () => '123');
    expect(openEntry({ data: numeric.data, disclose: { pageUrl: ['123', URL_] } })).toStrictEqual({ values: { pageUrl: URL_ }, withheld: [] });
    expect(openEntry({ data: numeric.data, disclose: { pageUrl: [123 as unknown as string, URL_] } })).toStrictEqual({ values: {}, withheld: [], problem: 'its disclosure of pageUrl is malformed' });
  });

  it('says a disclosed value that has no canonical JSON cannot be hashed', () => {
    const { data, disclose } = committed();
    expect(openEntry({ data, disclose: { ...disclose, note: ['salt-2', Number.NaN] } })).toStrictEqual({
      values: { kind: 'access-denied', count: 2, pageUrl: URL_ },
      withheld: [],
      problem: 'its disclosure of note cannot be hashed: canonical JSON has no NaN or Infinity',
    });
    let deep: unknown = 'x';
    for (let i = 0; i <= MAX_JSON_DEPTH; i++) deep = [deep];
    expect(openEntry({ data, disclose: { ...disclose, pageUrl: ['salt-1', deep] } })).toStrictEqual({
      values: { kind: 'access-denied', count: 2 },
      withheld: [],
      problem: `its disclosure of pageUrl cannot be hashed: nested more than ${MAX_JSON_DEPTH} levels deep`,
    });
  });

  it('refuses a disclosure with the wrong value, the wrong salt, or another field’s salt and value', () => {
    const { data, disclose } = committed();
    const problem = { values: { kind: 'access-denied', count: 2 }, withheld: [], problem: 'its disclosed pageUrl does not match the commitment in the chain' };
    expect(openEntry({ data, disclose: { ...disclose, pageUrl: ['salt-1', 'https://www.zhihu.com/people/someone-else'] } })).toStrictEqual(problem);
    expect(openEntry({ data, disclose: { ...disclose, pageUrl: ['salt-2', URL_] } })).toStrictEqual(problem);
    expect(openEntry({ data, disclose: { pageUrl: disclose.note, note: disclose.pageUrl } })).toStrictEqual(problem);
    expect(openEntry({ data, disclose: { note: ['salt-2', `${NOTE} `] } })).toStrictEqual({
      values: { kind: 'access-denied', count: 2, pageUrl: null },
      withheld: ['pageUrl'],
      problem: 'its disclosed note does not match the commitment in the chain',
    });
  });
});

describe('disclosure files', () => {
  const at = '2026-03-20T08:00:00.000Z';
  const { data, disclose } = committed();
  const [first, entry] = chainAfter(null, [
    { type: 'finding', recordId: 'f-0', at, data: { kind: 'x' } },
    { type: 'finding', recordId: 'f-1', at, data, disclose },
  ]) as [ChainEntry, ChainEntry];

  it('names the entry, the field, its salt and its value', () => {
    expect(disclosureOf(entry, 'pageUrl')).toStrictEqual({ format: 'shutout-disclosure', seq: 2, entryHash: entry.hash, field: 'pageUrl', salt: 'salt-1', value: URL_ });
    expect(disclosureOf(entry, 'snippet')).toBeNull();
    expect(disclosureOf(first, 'pageUrl')).toBeNull();
  });

  it('opens the commitment it names', () => {
    expect(checkDisclosure(entry, disclosureOf(entry, 'pageUrl')!)).toStrictEqual({ ok: true });
    expect(checkDisclosure(entry, disclosureOf(entry, 'note')!)).toStrictEqual({ ok: true });
  });

  it('refuses a disclosure naming another entry hash', () => {
    const d = disclosureOf(entry, 'pageUrl')!;
    expect(checkDisclosure(entry, { ...d, entryHash: first.hash })).toStrictEqual({ ok: false, problem: `entry 2 in this bundle has hash ${entry.hash}, the disclosure names ${first.hash}` });
    expect(checkDisclosure(first, d)).toStrictEqual({ ok: false, problem: `entry 2 in this bundle has hash ${first.hash}, the disclosure names ${entry.hash}` });
  });

  it('refuses a field the entry has no commitment to', () => {
    const d = disclosureOf(entry, 'pageUrl')!;
    const kind: DisclosureFile = { ...d, field: 'kind', value: 'x' };
    expect(checkDisclosure(entry, { ...d, field: 'snippet' })).toStrictEqual({ ok: false, problem: 'entry 2 has no commitment to snippet' });
    expect(checkDisclosure(entry, kind)).toStrictEqual({ ok: false, problem: 'entry 2 has no commitment to kind' });
    expect(checkDisclosure({ ...first, data: { [SD]: { pageUrl: 7 } } }, { ...d, entryHash: first.hash })).toStrictEqual({ ok: false, problem: 'entry 2 has no commitment to pageUrl' });
    expect(checkDisclosure(first, { ...kind, entryHash: first.hash, seq: 1 })).toStrictEqual({ ok: false, problem: 'entry 1 has no commitment to kind' });
  });

  it('refuses the wrong value or the wrong salt', () => {
    const d = disclosureOf(entry, 'pageUrl')!;
    const problem = { ok: false, problem: 'the disclosed pageUrl does not open the commitment in entry 2' };
    expect(checkDisclosure(entry, { ...d, value: 'https://www.zhihu.com/people/someone-else' })).toStrictEqual(problem);
    expect(checkDisclosure(entry, { ...d, salt: 'salt-2' })).toStrictEqual(problem);
  });
});

describe('signature blocks', () => {
  let signer: Signer;
  let other: Signer;
  let block: SignatureBlock;
  const data = new TextEncoder().encode('{"format":"shutout-bundle","files":[]}');
  const mismatch = 'the signature does not match: the signed file was changed after signing, or signed by another key';
  beforeAll(async () => {
    signer = await testSigner();
    other = await testSigner();
    block = await signBytes(signer, data);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('are written with the format, the algorithm, the key, its fingerprint and a 64-byte signature', () => {
    expect(block).toStrictEqual({ format: SIGNATURE_FORMAT, algorithm: SIGNATURE_ALGORITHM, publicKey: toBase64(signer.publicKey), fingerprint: signer.fingerprint, signature: expect.any(String) });
    expect(SIGNATURE_FORMAT).toBe('shutout-signature');
    expect(SIGNATURE_ALGORITHM).toBe('ECDSA-P256-SHA256');
    expect(fingerprintOf(signer.publicKey)).toBe(signer.fingerprint);
    expect(signer.fingerprint).toBe(sha256Hex(signer.publicKey));
    expect(fromBase64(block.signature)).toHaveLength(64);
  });

  it('verify with the key they carry', async () => {
    expect(await verifySignature(block, data)).toStrictEqual({ ok: true, fingerprint: signer.fingerprint });
  });

  it('are refused when they are not Shutout signature blocks, before anything is read from them', async () => {
    const refused = { ok: false, fingerprint: '', problem: 'the signature is not a Shutout signature block' };
    for (const bad of [null, undefined, 'shutout-signature', 42, [], {}, { ...block, format: 'shutout-signature-v2' }, { ...block, format: undefined }]) {
      expect(await verifySignature(bad, data), JSON.stringify(bad)).toStrictEqual(refused);
    }
    // Something that is not an object even though it carries every property of a good block.
    const fn = Object.assign(() => undefined, { ...block });
    expect(fn.signature).toBe(block.signature);
    expect(await verifySignature(fn, data)).toStrictEqual(refused);
  });

  it('are refused with another algorithm, named in the problem', async () => {
    expect(await verifySignature({ ...block, algorithm: 'ECDSA-P384-SHA384' }, data)).toStrictEqual({ ok: false, fingerprint: '', problem: 'the signature algorithm ECDSA-P384-SHA384 is not ECDSA-P256-SHA256' });
    const { algorithm: _a, ...noAlgorithm } = block;
    expect(await verifySignature(noAlgorithm, data)).toStrictEqual({ ok: false, fingerprint: '', problem: 'the signature algorithm undefined is not ECDSA-P256-SHA256' });
    expect(await verifySignature({ ...block, algorithm: 'ecdsa-p256-sha256' }, data)).toStrictEqual({ ok: false, fingerprint: '', problem: 'the signature algorithm ecdsa-p256-sha256 is not ECDSA-P256-SHA256' });
  });

  it('are refused as malformed when the key or signature is not text', async () => {
    const malformed = { ok: false, fingerprint: '', problem: 'the signature block is malformed' };
    const { publicKey: _p, ...noKey } = block;
    const { signature: _s, ...noSignature } = block;
    for (const bad of [noKey, noSignature, { ...block, publicKey: 42 }, { ...block, signature: null }, { ...block, publicKey: [...signer.publicKey] }]) {
      expect(await verifySignature(bad, data), JSON.stringify(bad)).toStrictEqual(malformed);
    }
  });

  it('accept a key of up to 400 characters and a signature of up to 200 (line breaks included), and refuse one more', async () => {
    expect(block.publicKey.length).toBeLessThan(400);
    expect(block.signature.length).toBeLessThan(200);
    const malformed = { ok: false, fingerprint: '', problem: 'the signature block is malformed' };
    const wrapped = (s: string, n: number) => s.padEnd(n, '\n');
    expect(await verifySignature({ ...block, publicKey: wrapped(block.publicKey, 400) }, data)).toStrictEqual({ ok: true, fingerprint: signer.fingerprint });
    expect(await verifySignature({ ...block, publicKey: wrapped(block.publicKey, 401) }, data)).toStrictEqual(malformed);
    expect(await verifySignature({ ...block, signature: wrapped(block.signature, 200) }, data)).toStrictEqual({ ok: true, fingerprint: signer.fingerprint });
    expect(await verifySignature({ ...block, signature: wrapped(block.signature, 201) }, data)).toStrictEqual(malformed);
    expect(await verifySignature({ ...block, publicKey: wrapped(block.publicKey, 401), signature: wrapped(block.signature, 200) }, data)).toStrictEqual(malformed);
  });

  it('are refused when the stated fingerprint is not exactly that of the key, with the key’s own fingerprint', async () => {
    const wrong = { ok: false, fingerprint: signer.fingerprint, problem: 'the fingerprint stated in the signature is not that of its public key' };
    for (const fingerprint of [other.fingerprint, signer.fingerprint.toUpperCase(), formatFingerprint(signer.fingerprint), '', undefined]) {
      expect(await verifySignature({ ...block, fingerprint }, data), String(fingerprint)).toStrictEqual(wrong);
    }
    // The key of another signer with this block's fingerprint: the fingerprint reported is the key's.
    expect(await verifySignature({ ...block, publicKey: toBase64(other.publicKey) }, data)).toStrictEqual({ ...wrong, fingerprint: other.fingerprint });
  });

  it('are refused when the key is not a P-256 public key', async () => {
    const garbage = new Uint8Array(91).map((_, i) => (i * 7 + 3) & 255);
    expect(await verifySignature({ ...block, publicKey: toBase64(garbage), fingerprint: fingerprintOf(garbage) }, data)).toStrictEqual({
      ok: false,
      fingerprint: fingerprintOf(garbage),
      problem: 'the public key in the signature is not a P-256 key',
    });
    const p384 = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', p384.publicKey));
    expect(await verifySignature({ ...block, publicKey: toBase64(spki), fingerprint: fingerprintOf(spki) }, data)).toStrictEqual({
      ok: false,
      fingerprint: fingerprintOf(spki),
      problem: 'the public key in the signature is not a P-256 key',
    });
    const empty = new Uint8Array(0);
    expect(await verifySignature({ ...block, publicKey: '', fingerprint: fingerprintOf(empty) }, data)).toStrictEqual({
      ok: false,
      fingerprint: fingerprintOf(empty),
      problem: 'the public key in the signature is not a P-256 key',
    });
  });

  it('are refused when the signature does not match the data, is another key’s, or is not 64 bytes', async () => {
    const refused = { ok: false, fingerprint: signer.fingerprint, problem: mismatch };
    expect(await verifySignature(block, new TextEncoder().encode('{"format":"shutout-bundle","files":[1]}'))).toStrictEqual(refused);
    const byOther = await signBytes(other, data);
    expect(await verifySignature({ ...block, signature: byOther.signature }, data)).toStrictEqual(refused);
    const sig = fromBase64(block.signature);
    for (const bad of [sig.subarray(0, 63), new Uint8Array([...sig, 0]), new Uint8Array(0), new Uint8Array([...sig, ...sig])]) {
      expect(await verifySignature({ ...block, signature: toBase64(bad) }, data), `${bad.length} bytes`).toStrictEqual(refused);
    }
  });

  it('refuse a signature of other than 64 bytes without asking WebCrypto, whatever it would answer', async () => {
    const verify = vi.spyOn(crypto.subtle, 'verify').mockResolvedValue(true);
    const sig = fromBase64(block.signature);
    expect(await verifySignature({ ...block, signature: toBase64(new Uint8Array([...sig, 0])) }, data)).toStrictEqual({ ok: false, fingerprint: signer.fingerprint, problem: mismatch });
    expect(verify).not.toHaveBeenCalled();
    expect(await verifySignature(block, data)).toStrictEqual({ ok: true, fingerprint: signer.fingerprint });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('import the public key as a verify-only key that cannot be exported', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    expect(await verifySignature(block, data)).toStrictEqual({ ok: true, fingerprint: signer.fingerprint });
    expect(importKey).toHaveBeenCalledTimes(1);
    expect(importKey.mock.calls[0]!.slice(2)).toEqual([{ name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']]);
    const key = (await importKey.mock.results[0]!.value) as CryptoKey;
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(['verify']);
  });
});

describe('fingerprints', () => {
  let fp: string;
  beforeAll(async () => {
    fp = (await testSigner()).fingerprint;
  });

  it('are 64 lower-case hex digits, shown as sixteen groups of four', () => {
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    const shown = formatFingerprint(fp);
    expect(shown).toBe(fp.match(/.{4}/g)!.join(' '));
    expect(shown).toHaveLength(79);
    expect(formatFingerprint('abcdefgh')).toBe('abcd efgh');
    expect(formatFingerprint('abcdefghi')).toBe('abcd efgh i');
    expect(formatFingerprint('abcd')).toBe('abcd');
    expect(formatFingerprint('abc')).toBe('abc');
    expect(formatFingerprint('')).toBe('');
  });

  it('are read as people type them: spaces, colons, dashes, underscores, line breaks, upper case', () => {
    const pairs = fp.match(/../g)!;
    for (const typed of [fp, fp.toUpperCase(), formatFingerprint(fp), formatFingerprint(fp.toUpperCase()), pairs.join(':'), pairs.join('-'), pairs.join('_'), `  ${fp}\n`, `${fp.slice(0, 32)}\r\n\t${fp.slice(32)}`]) {
      expect(parseFingerprint(typed), JSON.stringify(typed)).toBe(fp);
    }
  });

  it('are refused unless exactly 64 hex digits remain', () => {
    for (const typed of [fp.slice(1), `${fp}0`, `0${fp}`, `${fp}g`, `g${fp}`, `x${fp.slice(1)}`, `${fp.slice(1)}x`, fp.replace(/^(.{10})./, '$1.'), fp.match(/../g)!.join('.'), fp + fp, '', '   ', 'g'.repeat(64)]) {
      expect(parseFingerprint(typed), JSON.stringify(typed)).toBeNull();
    }
  });
});

describe('canonical JSON, hex and Base64 edges', () => {
  const nest = (n: number, wrap: (v: unknown) => unknown, inner: unknown) => {
    let v = inner;
    for (let i = 0; i < n; i++) v = wrap(v);
    return v;
  };

  it('counts containers, not values, against the depth limit', () => {
    for (const wrap of [(v: unknown) => [v], (v: unknown) => ({ k: v })]) {
      expect(() => canonicalJson(nest(MAX_JSON_DEPTH - 1, wrap, []))).not.toThrow();
      expect(() => canonicalJson(nest(MAX_JSON_DEPTH - 1, wrap, {}))).not.toThrow();
      expect(() => canonicalJson(nest(MAX_JSON_DEPTH, wrap, []))).toThrow(new CanonicalJsonError(`nested more than ${MAX_JSON_DEPTH} levels deep`));
      expect(() => canonicalJson(nest(MAX_JSON_DEPTH, wrap, {}))).toThrow(CanonicalJsonError);
      expect(() => canonicalJson(nest(MAX_JSON_DEPTH, wrap, 'leaf'))).not.toThrow();
      expect(() => canonicalJson(nest(MAX_JSON_DEPTH, wrap, null))).not.toThrow();
    }
    // Arrays and objects mixed count alike.
    expect(() => canonicalJson(nest(MAX_JSON_DEPTH / 2, (v) => ({ a: [v] }), 0))).not.toThrow();
    expect(() => canonicalJson(nest(MAX_JSON_DEPTH / 2, (v) => ({ a: [v] }), [0]))).toThrow(CanonicalJsonError);
    // An undefined array item at the deepest level is written as null, not refused.
    expect(canonicalJson(nest(MAX_JSON_DEPTH - 1, (v) => [v], [undefined]))).toBe(`${'['.repeat(MAX_JSON_DEPTH)}null${']'.repeat(MAX_JSON_DEPTH)}`);
  });

  it('drops a key whose value is undefined but keeps keys whose values are null, empty or false', () => {
    expect(canonicalJson({ z: undefined, y: null, x: '', w: 0, v: false, u: [], t: {} })).toBe('{"t":{},"u":[],"v":false,"w":0,"x":"","y":null}');
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(canonicalJson({ a: [undefined, { b: undefined }] })).toBe('{"a":[null,{}]}');
  });

  it('reads hex of any length, two digits to a byte, an odd last digit dropped', () => {
    expect([...hexToBytes(sha256Hex('abc'))]).toEqual([...sha256Bytes('abc')]);
    expect([...hexToBytes('0123456789abcdefABCDEF')]).toEqual([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xab, 0xcd, 0xef]);
    expect([...hexToBytes('abc')]).toEqual([0xab]);
  });

  it('drops a single dangling Base64 character, which cannot make a byte', () => {
    expect([...fromBase64('Q')]).toEqual([]);
    expect([...fromBase64('/')]).toEqual([]);
    expect([...fromBase64('AAAAQ')]).toEqual([0, 0, 0]);
    expect([...fromBase64('AQIDB')]).toEqual([1, 2, 3]);
    expect([...fromBase64('AQIDBA')]).toEqual([1, 2, 3, 4]);
    expect([...fromBase64('AQIDBAU')]).toEqual([1, 2, 3, 4, 5]);
    expect([...fromBase64('AQ==')]).toEqual([1]);
    expect([...fromBase64('====')]).toEqual([]);
    expect([...fromBase64('')]).toEqual([]);
  });

  it('ignores characters outside the alphabet, including the URL-safe ones', () => {
    expect([...fromBase64('AQ-_ID\tB A')]).toEqual([1, 2, 3, 4]);
    expect(toBase64(fromBase64(`${toBase64(sha256Bytes('x'))}`))).toBe(toBase64(sha256Bytes('x')));
  });
});

describe('CSV cell edges', () => {
  const at = (row: string[], f: (typeof CSV_FIELDS)[number]) => row[CSV_FIELDS.indexOf(f)];

  it('prefixes a cell that starts with tab or CR, not one that merely contains them', () => {
    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('\rx')).toBe("'\rx");
    for (const cell of ['a\tb', 'a\rb', 'x\t=1', 'a\r\n=1', 'note\t']) expect(neutralise(cell), JSON.stringify(cell)).toBe(cell);
    expect(neutraliseV1('a\tb')).toBe('a\tb');
    expect(neutraliseV1('\tb')).toBe("'\tb");
  });

  it('writes null and undefined as empty cells', () => {
    expect(csvRow({ note: null, snippet: undefined, count: null, seq: null, scopeCheck: { reason: null, status: undefined } })).toEqual(CSV_FIELDS.map(() => ''));
    expect(csvRow({})).toEqual(CSV_FIELDS.map(() => ''));
  });

  it('leaves only numbers in the numeric columns unprefixed', () => {
    const row = csvRow({ count: '=1+1', seq: '-3', tzOffsetMinutes: '+480', confidence: -0.5, scopeCheck: { status: -1, reason: '-x', at: '@t' } });
    expect(at(row, 'count')).toBe("'=1+1");
    expect(at(row, 'seq')).toBe("'-3");
    expect(at(row, 'tzOffsetMinutes')).toBe("'+480");
    expect(at(row, 'confidence')).toBe('-0.5');
    expect(at(row, 'scopeStatus')).toBe('-1');
    expect(at(row, 'scopeReason')).toBe("'-x");
    expect(at(row, 'scopeCheckedAt')).toBe("'@t");
  });

  it('prefixes a negative number in a column that is not numeric', () => {
    const row = csvRow({ note: -5, snippet: 7, why: -1.5 });
    expect(at(row, 'note')).toBe("'-5");
    expect(at(row, 'snippet')).toBe('7');
    expect(at(row, 'why')).toBe("'-1.5");
  });

  it('neutralises version-1 rows the way Papa Parse did, and version-2 rows more strictly', () => {
    const record = { note: ' =1', snippet: '＝1', pageTitle: '=x', why: '\u200b@x', count: -2 };
    const v1 = csvRow(record, 1);
    expect([at(v1, 'note'), at(v1, 'snippet'), at(v1, 'pageTitle'), at(v1, 'why'), at(v1, 'count')]).toEqual([' =1', '＝1', "'=x", '\u200b@x', '-2']);
    const v2 = csvRow(record);
    expect([at(v2, 'note'), at(v2, 'snippet'), at(v2, 'pageTitle'), at(v2, 'why'), at(v2, 'count')]).toEqual(["' =1", "'＝1", "'=x", "'\u200b@x", '-2']);
    expect(csvRow(record, 2)).toEqual(v2);
  });

  it('writes lines with CRLF after every row, quoting only where CSV needs it, and nothing for no rows', () => {
    expect(csvLines([])).toBe('');
    expect(csvLines([['a', 'b']])).toBe('a,b\r\n');
    expect(csvLines([['=1', 'x,y'], ['say "hi"', '']])).toBe('=1,"x,y"\r\n"say ""hi""",\r\n');
  });
});

describe('the chain verifier’s entry check', () => {
  it('refuses a function even when it carries every field of a good entry', () => {
    const [good] = chainAfter(null, [{ type: 'finding', recordId: 'f-1', at: '2026-03-20T08:00:00.000Z', data: { kind: 'x' } }]) as [ChainEntry];
    expect(verifyEntries([good])).toMatchObject({ ok: true });
    const fn = Object.assign(() => undefined, { ...good });
    expect(fn.hash).toBe(good.hash);
    expect(verifyEntries([fn as unknown as ChainEntry])).toEqual({ ok: false, length: 1, firstBad: { seq: 1, recordId: 'f-1', reason: 'it is not a chain entry' } });
  });
});
