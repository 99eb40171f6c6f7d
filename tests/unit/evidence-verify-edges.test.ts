/**
 * The edges of utils/evidence/verify.ts, asserted exactly: the depth limit, every message for
 * something that is not a chain entry, the chain and record checks, the signature outcomes and
 * the JSON export checks with their summary lines (mutation testing left these unchecked).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainAfter, type ChainEntry, type NewEntry } from '../../utils/evidence/chain';
import { signJsonExport, type JsonExport } from '../../utils/evidence/export';
import { exportDatabase } from '../../utils/evidence/export-browser';
import { fromBase64 } from '../../utils/evidence/hash';
import { installationSigner } from '../../utils/evidence/keystore';
import { formatFingerprint, signBytes, type Signer } from '../../utils/evidence/signing';
import { amendFinding, recordPages } from '../../utils/evidence/store';
import { readTimestamp, requestTimestamp } from '../../utils/evidence/timestamp';
import { ChainCheck, checkJsonExport, checkRecords, checkSignature, NotEvidence, tooDeep, verifyJsonExport } from '../../utils/evidence/verify';
import { CTX, databases, detection, newId, page, testSigner } from './evidence-helpers';
import { startTsa, type LocalTsa } from './tsa-server';

const META = { generator: { name: 'Shutout', version: '0.1.0' }, profileLabel: 'lab', exportedAt: '2026-03-21T00:00:00.000Z', language: 'zh' as const };
const AT = '2026-03-20T08:00:00.000Z';
const FORMAT1_NOTE = 'format 1: not signed — anyone could have recomputed this chain; its findings’ first counts are not in the chain';
const COMPARE = ' — compare it with the fingerprint you were given, or pass --key FINGERPRINT';
const NO_CHAIN_KEY = 'the chain in this file does not name a key';

const dbs = databases('verify-edges');
let tsa: LocalTsa | undefined;
let signerA: Signer;
let signerB: Signer;
beforeAll(async () => {
  signerA = await testSigner();
  signerB = await testSigner();
});
afterAll(async () => {
  await dbs.remove();
  await tsa?.close();
});

/** `levels` objects, each holding the next: deep(1) is `{}`, deep(2) is `{ d: {} }`. */
function deep(levels: number): Record<string, unknown> {
  let v: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) v = { d: v };
  return v;
}
function deepArray(levels: number): unknown[] {
  let v: unknown[] = [];
  for (let i = 1; i < levels; i++) v = [v];
  return v;
}

const finding = (id: string, extra: Record<string, unknown> = {}): NewEntry => ({ type: 'finding', recordId: id, at: AT, data: { id, kind: 'access-denied', observedAt: AT, key: `page|${id}`, ...extra } });
const recordOf = (e: ChainEntry): Record<string, unknown> => ({ ...e.data, count: 1, review: 'unreviewed', captureIds: [], seq: e.seq, hash: e.hash });
const summaryOf = (entries: ChainEntry[]) => ({ length: entries.at(-1)?.seq ?? 0, head: entries.at(-1)?.hash ?? null, hashedOver: 'original' as const });

function checked(entries: ChainEntry[], stated: ConstructorParameters<typeof ChainCheck>[0] = summaryOf(entries)): ChainCheck {
  const c = new ChainCheck(stated);
  for (const e of entries) expect(c.push(e), c.problem ?? '').toBe(true);
  return c;
}

/** The message of the NotEvidence that `f` throws. */
function notEvidence(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(NotEvidence);
    return (e as Error).message;
  }
  throw new Error('nothing was thrown');
}
async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(NotEvidence);
    return (e as Error).message;
  }
  throw new Error('nothing was thrown');
}

const enc = (s: string) => new TextEncoder().encode(s);

/** A copy of a version-2 export signed again by `signer` (its timestamp dropped, as signJsonExport does). */
async function signed(data: Record<string, unknown>, signer: Signer): Promise<Record<string, unknown>> {
  const copy = structuredClone(data) as unknown as JsonExport;
  await signJsonExport(copy, signer);
  return copy as unknown as Record<string, unknown>;
}
function v1(entries: ChainEntry[], records: unknown[]): Record<string, unknown> {
  return { format: 'shutout-evidence', version: 1, chain: summaryOf(entries), entries, records };
}

async function jsonOf(blob: Blob): Promise<Record<string, unknown> & { entries: ChainEntry[]; records: Array<Record<string, unknown>>; chain: { head: string | null } }> {
  return JSON.parse(new TextDecoder().decode(new Uint8Array(await blob.arrayBuffer())));
}

async function seededDb(withKey: boolean) {
  const d = dbs.fresh();
  const signer = withKey ? await installationSigner(d) : signerA;
  await recordPages(
    d,
    [
      page(1),
      page(2, [detection({ kind: 'account-restricted', snippet: '手机 13812345678 账号受限' })], { url: 'https://www.zhihu.com/people/zhang-san?uid=42&sid=SECRET' }),
      page(3, [detection({ kind: 'promotion-denied', snippet: '手机 13912345678 无法参与' })], { url: 'https://www.zhihu.com/people/li-si?uid=43' }),
    ],
    CTX,
    newId,
  );
  const first = (await d.findings.orderBy('seq').first())!;
  await amendFinding(d, first.id, { review: 'confirmed', note: '请回电 13712345678' });
  return { d, signer };
}

describe('tooDeep', () => {
  it('counts the top value as level 0 and refuses an object or array at the limit', () => {
    expect(tooDeep(deep(32))).toBe(false);
    expect(tooDeep(deep(33))).toBe(true);
    expect(tooDeep(deepArray(32))).toBe(false);
    expect(tooDeep(deepArray(33))).toBe(true);
    expect(tooDeep({}, 0)).toBe(true);
    expect(tooDeep([], 0)).toBe(true);
    expect(tooDeep({}, 1)).toBe(false);
    expect(tooDeep({ a: {} }, 1)).toBe(true);
    expect(tooDeep([[]], 1)).toBe(true);
    expect(tooDeep({ a: [1, { b: {} }] }, 3)).toBe(true);
    expect(tooDeep({ a: [1, { b: {} }] }, 4)).toBe(false);
  });

  it('never counts null or primitives, at any limit', () => {
    for (const v of [null, undefined, 0, 1, 'x', true]) {
      expect(tooDeep(v, 0)).toBe(false);
      expect(tooDeep(v)).toBe(false);
    }
    expect(tooDeep({ a: 1, b: 'x', c: null, d: true }, 1)).toBe(false);
    expect(tooDeep([null, 1, 'x', false], 1)).toBe(false);
    // A deep value beside primitives and nulls is still found.
    expect(tooDeep([null, 1, 'x', deep(32)])).toBe(true);
    expect(tooDeep({ a: null, b: 2, c: deepArray(32) })).toBe(true);
    expect(tooDeep([null, 1, 'x', deep(31)])).toBe(false);
  });
});

describe('ChainCheck: what is not a chain entry', () => {
  const [e1, e2] = chainAfter(null, [finding('r1'), finding('r2')]) as [ChainEntry, ChainEntry];

  it('names the entry and what it is instead', () => {
    const msg = (e: unknown) => notEvidence(() => new ChainCheck(undefined).push(e as ChainEntry));
    expect(msg(null)).toBe('chain entry 1 is null, not a chain entry');
    expect(msg(7)).toBe('chain entry 1 is number, not a chain entry');
    expect(msg('x')).toBe('chain entry 1 is string, not a chain entry');
    expect(msg(undefined)).toBe('chain entry 1 is undefined, not a chain entry');
    expect(msg([e1])).toBe('chain entry 1 is object, not a chain entry');
  });

  it('names each missing part, null or absent or of another type', () => {
    const msg = (e: unknown) => notEvidence(() => new ChainCheck(undefined).push(e as ChainEntry));
    for (const k of ['seq', 'type', 'recordId', 'at', 'prevHash', 'hash'] as const) {
      expect(msg({ ...e1, [k]: null })).toBe(`chain entry 1 has no ${k} (null)`);
      const without: Record<string, unknown> = { ...e1 };
      delete without[k];
      expect(msg(without)).toBe(`chain entry 1 has no ${k} (undefined)`);
      expect(msg({ ...e1, [k]: k === 'seq' ? '1' : 1 })).toBe(`chain entry 1 has no ${k} (${k === 'seq' ? 'string' : 'number'})`);
    }
    expect(msg({ ...e1, data: null })).toBe('chain entry 1 has no data (null)');
    expect(msg({ ...e1, data: undefined })).toBe('chain entry 1 has no data (undefined)');
    expect(msg({ ...e1, data: [] })).toBe('chain entry 1 has no data (object)');
    expect(msg({ ...e1, data: 'x' })).toBe('chain entry 1 has no data (string)');
  });

  it('refuses an entry nested 32 levels deep (the entry itself is level 0), not one level less', () => {
    expect(notEvidence(() => new ChainCheck(undefined).push({ ...e1, data: deep(32) }))).toBe('chain entry 1 is nested more than 32 levels deep: not Shutout data');
    const c = new ChainCheck(undefined);
    expect(c.push({ ...e1, data: deep(31) })).toBe(false);
    expect(c.problem).toBe('chain entry 1 (record r1): its content does not match its hash');
  });

  it('counts the entries before it', () => {
    const c = new ChainCheck(undefined);
    expect(c.push(e1)).toBe(true);
    expect(notEvidence(() => c.push(null as unknown as ChainEntry))).toBe('chain entry 2 is null, not a chain entry');
    expect(notEvidence(() => c.push({ ...e2, hash: 5 } as unknown as ChainEntry))).toBe('chain entry 2 has no hash (number)');
  });
});

describe('ChainCheck: chain, replay, head and length', () => {
  const entries = chainAfter(null, [finding('r1'), finding('r2'), finding('r3'), finding('r4')]);
  const head = entries[3]!.hash;

  it('accepts a whole chain and its stated head and length', () => {
    const c = checked(entries);
    expect(c.lastSeq).toBe(4);
    expect(c.head()).toBe(head);
    expect(c.finish()).toBeNull();
    expect(c.problem).toBeNull();
  });

  it('names the entry and its record at the first altered one, and takes nothing after it', () => {
    const c = new ChainCheck(summaryOf(entries));
    expect(c.push(entries[0]!)).toBe(true);
    expect(c.push({ ...entries[1]!, hash: 'f'.repeat(64) })).toBe(false);
    expect(c.problem).toBe('chain entry 2 (record r2): its content does not match its hash');
    expect(c.push(entries[2]!)).toBe(false);
    expect(c.push(null as unknown as ChainEntry)).toBe(false);
    expect(c.lastSeq).toBe(1);
    expect(c.verifier.length).toBe(2);
    expect(c.finish()).toBe('chain entry 2 (record r2): its content does not match its hash');
  });

  it('takes nothing after a problem found in replay either', () => {
    const bad = chainAfter(null, [finding('r1'), { type: 'tombstone', recordId: 'r1', at: AT, data: { hash: '0'.repeat(64), reason: 'x' } }, finding('r2')]);
    const c = new ChainCheck(summaryOf(bad));
    expect(c.push(bad[0]!)).toBe(true);
    expect(c.push(bad[1]!)).toBe(false);
    const problem = `chain entry 2: it names hash ${'0'.repeat(64)}, not the hash of the finding it deletes`;
    expect(c.problem).toBe(problem);
    expect(c.push(bad[2]!)).toBe(false);
    expect(c.push(null as unknown as ChainEntry)).toBe(false);
    expect(c.lastSeq).toBe(2);
    expect(c.verifier.length).toBe(2);
    expect(c.head()).toBe(bad[1]!.hash);
    expect(c.finish()).toBe(problem);
    // Only a format-1 "redacted copy" lets a tombstone name another hash.
    const copy = checked(bad, { ...summaryOf(bad), hashedOver: 'redacted copy' });
    expect(copy.finish()).toBeNull();
    expect([...copy.replay.live.keys()]).toEqual(['r2']);
  });

  it('starts a partial chain where `from` says, only when `from` has a numeric seq and a text prevHash', () => {
    const tail = entries.slice(2);
    const from = { seq: 3, prevHash: entries[2]!.prevHash };
    const c = checked(tail, { ...summaryOf(entries), from });
    expect(c.finish()).toBeNull();
    expect(c.lastSeq).toBe(4);
    expect(c.verifier.length).toBe(2);
    const whole = 'chain entry 3 (record r3): sequence number 3 where 1 was expected (an entry is missing or out of order)';
    for (const stated of [summaryOf(entries), { ...summaryOf(entries), from: { seq: '3', prevHash: from.prevHash } }, { ...summaryOf(entries), from: { seq: 3, prevHash: 7 } }, { ...summaryOf(entries), from: 'x' }, { ...summaryOf(entries), from: null }]) {
      const p = new ChainCheck(stated as never);
      expect(p.push(tail[0]!)).toBe(false);
      expect(p.problem).toBe(whole);
    }
  });

  it('records the key a wipe names, and only a wipe’s', () => {
    const wiped = chainAfter(null, [{ type: 'wipe', recordId: 'all', at: AT, data: { previousHead: null, previousLength: 0, key: 'a'.repeat(64) } }, finding('r1'), finding('r2', { key: 'b'.repeat(64) })]);
    expect(checked(wiped).replay.keys).toEqual(['a'.repeat(64)]);
    const keyless = chainAfter(null, [{ type: 'wipe', recordId: 'all', at: AT, data: { previousHead: null, previousLength: 0, key: null } }, finding('r1')]);
    expect(checked(keyless).replay.keys).toEqual([]);
    expect(checked(entries).replay.keys).toEqual([]);
  });

  it('finish(): no stated summary, another head, another length', () => {
    const unstated = new ChainCheck(undefined);
    for (const e of entries) expect(unstated.push(e)).toBe(true);
    expect(unstated.finish()).toBe('the file states no chain head');
    expect(new ChainCheck(undefined).finish()).toBe('the file states no chain head');
    expect(checked(entries, { ...summaryOf(entries), head: 'f'.repeat(64) }).finish()).toBe(`the chain head stated in the file (${'f'.repeat(64)}) does not match the entries (${head})`);
    expect(checked(entries, { length: 4, hashedOver: 'original' } as never).finish()).toBe(`the chain head stated in the file (undefined) does not match the entries (${head})`);
    expect(checked(entries, { ...summaryOf(entries), length: 3 }).finish()).toBe('the chain length stated in the file does not match the entries');
    expect(checked(entries, { ...summaryOf(entries), length: 5 }).finish()).toBe('the chain length stated in the file does not match the entries');
  });

  it('an empty chain: head null, length 0', () => {
    const c = new ChainCheck({ length: 0, head: null, hashedOver: 'original' });
    expect(c.head()).toBeNull();
    expect(c.finish()).toBeNull();
    expect(new ChainCheck({ length: 1, head: null, hashedOver: 'original' }).finish()).toBe('the chain length stated in the file does not match the entries');
    expect(new ChainCheck({ length: 0, head: 'x', hashedOver: 'original' }).finish()).toBe('the chain head stated in the file (x) does not match the entries (null)');
  });

  it('withheldNote: nothing withheld, one entry, several entries', () => {
    const c = checked(entries);
    expect(c.withheldNote()).toBeNull();
    c.replay.withheld.set('pageUrl', 3);
    c.replay.withheld.set('snippet', 1);
    expect(c.withheldNote()).toBe("withheld by redaction: pageUrl (3 entries), snippet (1 entry); every other field matches the chain head, which is the browser's own");
    const one = checked(entries);
    one.replay.withheld.set('note', 1);
    expect(one.withheldNote()).toBe("withheld by redaction: note (1 entry); every other field matches the chain head, which is the browser's own");
  });
});

describe('checkRecords', () => {
  const entries = chainAfter(null, [finding('r1'), finding('r2')]);
  const [rec1, rec2] = entries.map(recordOf) as [Record<string, unknown>, Record<string, unknown>];

  it('accepts one record per live finding, in any order', () => {
    expect(checkRecords([rec1, rec2], checked(entries))).toBeNull();
    expect(checkRecords([rec2, rec1], checked(entries))).toBeNull();
  });

  it('numbers a record that is not a finding from 1', () => {
    expect(checkRecords([rec1, 5], checked(entries))).toBe('record 2 is not a finding');
    expect(checkRecords([null], checked(entries))).toBe('record 1 is not a finding');
    expect(checkRecords([rec1, rec2, [rec1]], checked(entries))).toBe('record 3 is not a finding');
    expect(checkRecords([{ ...rec1, id: 5 }], checked(entries))).toBe('record 1 is not a finding');
  });

  it('names a record twice, one not live, one that differs, and a live finding without its record', () => {
    expect(checkRecords([rec1, rec1], checked(entries))).toBe('record r1 appears twice');
    expect(checkRecords([rec1, rec2, { ...rec1, id: 'r9' }], checked(entries))).toBe('record r9 has no live entry in the chain (never recorded, or deleted)');
    expect(checkRecords([rec1, { ...rec2, kind: 'link-blocked' }], checked(entries))).toBe('record r2 (chain entry 2): its kind differs from what the chain records');
    expect(checkRecords([rec1], checked(entries))).toBe('finding r2 is live in the chain but its record is missing');
    expect(checkRecords([rec2], checked(entries))).toBe('finding r1 is live in the chain but its record is missing');
    expect(checkRecords([], checked([]))).toBeNull();
  });
});

describe('checkSignature', () => {
  const data = enc('{"manifest":true}');
  const plain = () => checked(chainAfter(null, [finding('r1')]));
  const keyed = (fp: string) => checked(chainAfter(null, [{ type: 'key', recordId: 'key', at: AT, data: { fingerprint: fp } }, finding('r1')]));

  it('refuses a --key that is not a fingerprint, before anything else', async () => {
    const block = await signBytes(signerA, data);
    expect(await rejection(checkSignature(block, data, plain(), { key: 'nothex' }))).toBe('--key nothex is not a key fingerprint (64 hexadecimal digits)');
    expect(await rejection(checkSignature(undefined, data, plain(), { key: '' }))).toBe('--key  is not a key fingerprint (64 hexadecimal digits)');
    expect(await rejection(checkSignature(block, data, plain(), { key: signerA.fingerprint.slice(1) }))).toBe(`--key ${signerA.fingerprint.slice(1)} is not a key fingerprint (64 hexadecimal digits)`);
  });

  it('a missing signature, and one that does not verify', async () => {
    expect(await checkSignature(undefined, data, plain(), {})).toEqual({ problem: 'the signature is missing (every format-2 export is signed)', notes: [] });
    const block = await signBytes(signerA, enc('something else'));
    expect(await checkSignature(block, data, plain(), {})).toEqual({
      problem: 'the signature does not match: the signed file was changed after signing, or signed by another key',
      notes: [],
      fingerprint: signerA.fingerprint,
    });
  });

  it('a key other than the one the chain names, or the one the reader named', async () => {
    const byB = await signBytes(signerB, data);
    expect(await checkSignature(byB, data, keyed(signerA.fingerprint), {})).toEqual({
      problem: `signed by key ${signerB.fingerprint}, but the chain names key ${signerA.fingerprint}`,
      notes: [],
      fingerprint: signerB.fingerprint,
    });
    const typed = formatFingerprint(signerA.fingerprint).toUpperCase();
    expect(await checkSignature(byB, data, plain(), { key: typed })).toEqual({
      problem: `signed by key ${formatFingerprint(signerB.fingerprint)}, not by the key you named (${formatFingerprint(signerA.fingerprint)})`,
      notes: [],
      fingerprint: signerB.fingerprint,
    });
  });

  it('the notes: the named key or the advice to compare, and a chain that names no key', async () => {
    const byA = await signBytes(signerA, data);
    const fmt = formatFingerprint(signerA.fingerprint);
    expect(await checkSignature(byA, data, keyed(signerA.fingerprint), { key: signerA.fingerprint })).toEqual({ notes: [`signed by key ${fmt} (the key you named)`], fingerprint: signerA.fingerprint });
    expect(await checkSignature(byA, data, keyed(signerA.fingerprint), {})).toEqual({ notes: [`signed by key ${fmt}${COMPARE}`], fingerprint: signerA.fingerprint });
    expect(await checkSignature(byA, data, plain(), {})).toEqual({ notes: [`signed by key ${fmt}${COMPARE}`, NO_CHAIN_KEY], fingerprint: signerA.fingerprint });
    expect(await checkSignature(byA, data, plain(), { key: fmt })).toEqual({ notes: [`signed by key ${fmt} (the key you named)`, NO_CHAIN_KEY], fingerprint: signerA.fingerprint });
  });
});

describe('checkJsonExport: what is not a JSON export', () => {
  const base = { format: 'shutout-evidence', version: 2, chain: { length: 0, head: null, hashedOver: 'original' }, entries: [], records: [] };

  it('refuses other data and unknown versions', async () => {
    const notJson = 'not a Shutout JSON export (format is not "shutout-evidence")';
    for (const d of [null, undefined, 5, 'shutout-evidence', [], { format: 'shutout-evidence-ndjson' }, {}]) expect(await rejection(checkJsonExport(d))).toBe(notJson);
    const version = (v: unknown) => rejection(verifyJsonExport({ ...base, version: v }));
    expect(await version(undefined)).toBe('a Shutout JSON export of version undefined, which this verifier does not know');
    expect(await version(3)).toBe('a Shutout JSON export of version 3, which this verifier does not know');
    expect(await version('2')).toBe('a Shutout JSON export of version "2", which this verifier does not know');
    expect(await version('x'.repeat(30))).toBe(`a Shutout JSON export of version "${'x'.repeat(19)}, which this verifier does not know`);
  });

  it('refuses a file without entries or without records', async () => {
    const missing = 'not a Shutout JSON export: entries or records are missing';
    expect(await rejection(verifyJsonExport({ ...base, entries: undefined }))).toBe(missing);
    expect(await rejection(verifyJsonExport({ ...base, entries: {} }))).toBe(missing);
    expect(await rejection(verifyJsonExport({ ...base, records: undefined }))).toBe(missing);
    expect(await rejection(verifyJsonExport({ ...base, records: 'x' }))).toBe(missing);
  });

  it('refuses a record that is not an object, or nested too deep, numbered from 1', async () => {
    const records = (r: unknown[]) => rejection(verifyJsonExport({ ...base, records: r }));
    expect(await records([null])).toBe('record 1 is null, not a finding');
    expect(await records([{ id: 'x' }, null])).toBe('record 2 is null, not a finding');
    expect(await records([{ id: 'x' }, { id: 'y' }, 7])).toBe('record 3 is number, not a finding');
    expect(await records([[]])).toBe('record 1 is object, not a finding');
    expect(await records(['x'])).toBe('record 1 is string, not a finding');
    expect(await records([{ id: 'x' }, deep(33)])).toBe('record 2 is nested more than 32 levels deep: not Shutout data');
    // One level less is read, and fails as a record.
    expect(await verifyJsonExport({ ...base, records: [deep(32)] })).toEqual({ ok: false, summary: '0 chain entries, 1 records', problem: 'record 1 is not a finding', notes: [], format: 2 });
  });

  it('refuses a signature that is not a block, or nested too deep', async () => {
    const sig = (s: unknown) => rejection(verifyJsonExport({ ...base, signature: s }));
    for (const s of [null, 'sig', 5, [], deep(33)]) expect(await sig(s)).toBe('the signature is not a signature block');
    expect(await verifyJsonExport({ ...base, signature: deep(32) })).toEqual({ ok: false, summary: '0 chain entries, 0 records', problem: 'the signature is not a Shutout signature block', notes: [], format: 2, fingerprint: '' });
  });

  it('refuses a chain summary nested too deep', async () => {
    expect(await rejection(verifyJsonExport({ ...base, chain: deep(33) }))).toBe('the chain summary is not Shutout data');
    expect(await rejection(verifyJsonExport({ ...base, chain: { length: 0, head: null, from: deep(32) } }))).toBe('the chain summary is not Shutout data');
    expect(await verifyJsonExport({ ...base, chain: deep(32) })).toEqual({ ok: false, summary: '0 chain entries, 0 records', problem: 'the chain head stated in the file (undefined) does not match the entries (null)', notes: [], format: 2 });
    expect(await verifyJsonExport({ ...base, chain: 'x' })).toEqual({ ok: false, summary: '0 chain entries, 0 records', problem: 'the file states no chain head', notes: [], format: 2 });
  });

  it('refuses an entry that is not one', async () => {
    const entries = chainAfter(null, [finding('r1'), finding('r2')]);
    expect(await rejection(verifyJsonExport(v1([entries[0]!, null as never], [])))).toBe('chain entry 2 is null, not a chain entry');
  });
});

describe('checkJsonExport: format 1', () => {
  const entries = chainAfter(null, [finding('r1'), finding('r2')]);
  const head = entries[1]!.hash;

  it('verifies, says it is not signed, and refuses a named key', async () => {
    const data = v1(entries, entries.map(recordOf));
    expect(await verifyJsonExport(data)).toEqual({ ok: true, summary: `2 chain entries and 2 records intact; head ${head}`, notes: [FORMAT1_NOTE], format: 1, head });
    expect(await verifyJsonExport(data, { key: signerA.fingerprint })).toEqual({
      ok: false,
      summary: '2 chain entries, 2 records',
      problem: 'format 1 exports are not signed, so they cannot be tied to the key you named',
      notes: [],
      format: 1,
    });
  });

  it('fails with the counts of the file and the first problem', async () => {
    const data = v1(entries, [recordOf(entries[0]!)]);
    expect(await verifyJsonExport(data)).toEqual({ ok: false, summary: '2 chain entries, 1 records', problem: 'finding r2 is live in the chain but its record is missing', notes: [], format: 1 });
    const altered = v1([entries[0]!, { ...entries[1]!, recordId: 'r9' }], entries.map(recordOf));
    expect(await verifyJsonExport(altered)).toEqual({ ok: false, summary: '2 chain entries, 2 records', problem: 'chain entry 2 (record r9): its content does not match its hash', notes: [], format: 1 });
  });

  it('says (empty) for the head of an empty chain', async () => {
    expect(await verifyJsonExport(v1([], []))).toEqual({ ok: true, summary: '0 chain entries and 0 records intact; head (empty)', notes: [FORMAT1_NOTE], format: 1, head: null });
  });

  it('reports progress at entry 0 and every 20,000 entries', async () => {
    const many = chainAfter(null, Array.from({ length: 20001 }, (): NewEntry => ({ type: 'upgrade', recordId: 'upgrade', at: AT, data: {} })));
    const calls: Array<[number, number]> = [];
    const { report, check } = await checkJsonExport(v1(many, []), {}, (i, total) => calls.push([i, total]));
    expect(report).toMatchObject({ ok: true, summary: `20001 chain entries and 0 records intact; head ${many.at(-1)!.hash}` });
    expect(check.lastSeq).toBe(20001);
    expect(calls).toEqual([
      [0, 20001],
      [20000, 20001],
    ]);
    const few: Array<[number, number]> = [];
    await checkJsonExport(v1(entries, entries.map(recordOf)), {}, (i, total) => few.push([i, total]));
    expect(few).toEqual([[0, 2]]);
  });
});

describe('checkJsonExport: format 2 from the extension’s own export', () => {
  it('verifies an export whose chain names its key, with and without --key', async () => {
    const { d, signer } = await seededDb(true);
    const data = await jsonOf((await exportDatabase(d, 'json', META, { redact: false, signer })).blob);
    const head = data.chain.head;
    const fmt = formatFingerprint(signer.fingerprint);
    const summary = `${data.entries.length} chain entries and ${data.records.length} records intact; head ${head}`;
    expect(data.entries.length).toBe(5);
    expect(await verifyJsonExport(data)).toEqual({ ok: true, summary, notes: [`signed by key ${fmt}${COMPARE}`], format: 2, head, fingerprint: signer.fingerprint });
    expect(await verifyJsonExport(data, { key: fmt })).toEqual({ ok: true, summary, notes: [`signed by key ${fmt} (the key you named)`], format: 2, head, fingerprint: signer.fingerprint });
    expect(await rejection(verifyJsonExport(data, { key: 'abc' }))).toBe('--key abc is not a key fingerprint (64 hexadecimal digits)');

    const other = await signed(data, signerB);
    expect(await verifyJsonExport(other)).toEqual({
      ok: false,
      summary: '5 chain entries, 3 records',
      problem: `signed by key ${signerB.fingerprint}, but the chain names key ${signer.fingerprint}`,
      notes: [],
      format: 2,
      fingerprint: signerB.fingerprint,
    });
    const { signature: _s, ...unsigned } = data;
    expect(await verifyJsonExport(unsigned)).toEqual({ ok: false, summary: '5 chain entries, 3 records', problem: 'the signature is missing (every format-2 export is signed)', notes: [], format: 2 });
  });

  it('says when the chain names no key, and names what a redacted export withholds', async () => {
    const { d } = await seededDb(false);
    const fmt = formatFingerprint(signerA.fingerprint);
    const full = await jsonOf((await exportDatabase(d, 'json', META, { redact: false, signer: signerA })).blob);
    expect(await verifyJsonExport(full)).toEqual({
      ok: true,
      summary: `4 chain entries and 3 records intact; head ${full.chain.head}`,
      notes: [`signed by key ${fmt}${COMPARE}`, NO_CHAIN_KEY],
      format: 2,
      head: full.chain.head,
      fingerprint: signerA.fingerprint,
    });
    const redacted = await jsonOf((await exportDatabase(d, 'json', META, { redact: true, signer: signerA })).blob);
    expect(redacted.chain.head).toBe(full.chain.head);
    const r = await verifyJsonExport(redacted);
    expect(r).toEqual({
      ok: true,
      summary: `4 chain entries and 3 records intact; head ${full.chain.head}`,
      notes: [`signed by key ${fmt}${COMPARE}`, NO_CHAIN_KEY, expect.any(String)],
      format: 2,
      head: full.chain.head,
      fingerprint: signerA.fingerprint,
    });
    expect(r.notes[2]).toBe("withheld by redaction: profileLabel (3 entries), pageUrl (2 entries), snippet (2 entries), note (1 entry); every other field matches the chain head, which is the browser's own");
  });

  it('verifies an empty export', async () => {
    const d = dbs.fresh();
    const data = await jsonOf((await exportDatabase(d, 'json', META, { redact: false, signer: signerA })).blob);
    expect(await verifyJsonExport(data)).toEqual({
      ok: true,
      summary: '0 chain entries and 0 records intact; head (empty)',
      notes: [`signed by key ${formatFingerprint(signerA.fingerprint)}${COMPARE}`, NO_CHAIN_KEY],
      format: 2,
      head: null,
      fingerprint: signerA.fingerprint,
    });
  });

  it('checks a timestamp beside the signature: one that cannot be read fails, one from a TSA adds its notes', async () => {
    const { d } = await seededDb(false);
    const data = await jsonOf((await exportDatabase(d, 'json', META, { redact: false, signer: signerA })).blob);
    const fail = (problem: string) => ({ ok: false, summary: '4 chain entries, 3 records', problem, notes: [], format: 2, fingerprint: signerA.fingerprint });
    // Not text: read as no bytes at all.
    expect(await verifyJsonExport({ ...data, timestamp: 5 })).toEqual(fail('timestamp: the token is not DER'));
    expect(await verifyJsonExport({ ...data, timestamp: '' })).toEqual(fail('timestamp: the token is not DER'));

    tsa = await startTsa();
    const stamped = await jsonOf((await exportDatabase(d, 'json', META, { redact: false, signer: signerA, timestamper: (imprint) => requestTimestamp(tsa!.url, imprint) })).blob);
    expect(typeof stamped.timestamp).toBe('string');
    const info = readTimestamp(fromBase64(stamped.timestamp as string))!;
    const r = await verifyJsonExport(stamped);
    expect(r).toMatchObject({ ok: true, format: 2, head: stamped.chain.head, fingerprint: signerA.fingerprint });
    expect(r.problem).toBeUndefined();
    expect(r.notes).toHaveLength(4);
    expect(r.notes.slice(0, 2)).toEqual([`signed by key ${formatFingerprint(signerA.fingerprint)}${COMPARE}`, NO_CHAIN_KEY]);
    expect(r.notes[2]).toBe(`timestamp: ${info.genTime} by CN=Shutout Test TSA (serial ${info.serial}); the token stamps this file's signature, and the TSA's signature on it verifies`);
    expect(r.notes[3]).toContain('cannot be checked offline without its root');
    // The token stamps the signature block: another signature leaves it stamping another digest.
    const resigned = { ...(await signed(stamped, signerA)), timestamp: stamped.timestamp };
    expect(await verifyJsonExport(resigned)).toEqual(fail('timestamp: the token stamps another digest than this file’s signature'));
  });
});
