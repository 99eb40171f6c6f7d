/**
 * The hash chain on its own (utils/evidence/chain.ts, docs/evidence-format.md "The hash chain"):
 * what each hash covers, and that no edit can be hidden by re-pointing the entries after it.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainAfter, ChainVerifier, entryHash, GENESIS, verifyEntries, type ChainEntry, type EntryBody, type NewEntry } from '../../utils/evidence/chain';

const body: EntryBody = { seq: 1, type: 'finding', recordId: 'f-1', at: '2026-03-01T08:00:00.000Z', data: { kind: 'access-denied', url: 'https://item.jd.com/1.html', count: 1 } };
const news = (n: number): NewEntry[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'finding' as const, recordId: `f-${i + 1}`, at: `2026-03-01T08:0${i}:00.000Z`, data: { i, snippet: `第${i + 1}条` } }));

/** The documented formula, written out independently of the code under test. */
function documentedHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

/** An edit hidden as well as it can be: the entry is rehashed and the next entry re-pointed at it. */
function editAndRepoint(chain: ChainEntry[], index: number, data: Record<string, unknown>): ChainEntry[] {
  const out = chain.map((e) => ({ ...e }));
  const edited = out[index]!;
  edited.data = data;
  edited.hash = entryHash(edited.prevHash, edited);
  const next = out[index + 1];
  if (next) next.prevHash = edited.hash;
  return out;
}

describe('an entry hash', () => {
  it('is SHA-256 of the previous hash, a newline and the canonical JSON of seq, type, recordId, at and data', () => {
    const canonical = '{"at":"2026-03-01T08:00:00.000Z","data":{"count":1,"kind":"access-denied","url":"https://item.jd.com/1.html"},"recordId":"f-1","seq":1,"type":"finding"}';
    expect(entryHash(GENESIS, body)).toBe(documentedHash(GENESIS, canonical));
    const prev = 'ab'.repeat(32);
    expect(entryHash(prev, body)).toBe(documentedHash(prev, canonical));
  });

  it('depends on the previous hash', () => {
    expect(entryHash('1'.repeat(64), body)).not.toBe(entryHash('2'.repeat(64), body));
  });

  it('covers every field of the body', () => {
    const base = entryHash(GENESIS, body);
    for (const changed of [{ seq: 2 }, { type: 'amendment' as const }, { recordId: 'f-2' }, { at: '2026-03-01T08:00:01.000Z' }, { data: { ...body.data, count: 2 } }]) {
      expect(entryHash(GENESIS, { ...body, ...changed }), JSON.stringify(changed)).not.toBe(base);
    }
  });

  it('leaves out what sits beside the body: disclosures, withheld text, the hashes themselves', () => {
    const entry: ChainEntry = { ...body, prevHash: GENESIS, hash: 'x', disclose: { snippet: ['salt', 'text'] }, withheld: { snippet: '***' } };
    expect(entryHash(GENESIS, entry)).toBe(entryHash(GENESIS, body));
  });
});

describe('chainAfter', () => {
  it('starts an empty chain at seq 1 after 64 zeros and links each entry to the one before', () => {
    const chain = chainAfter(null, news(3));
    expect(GENESIS).toBe('0'.repeat(64));
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chain[0]!.prevHash).toBe(GENESIS);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain[2]!.prevHash).toBe(chain[1]!.hash);
    for (const e of chain) expect(e.hash).toBe(entryHash(e.prevHash, e));
    expect(new Set(chain.map((e) => e.hash)).size).toBe(3);
  });

  it('continues after the last entry of an existing chain', () => {
    const first = chainAfter(null, news(2));
    const more = chainAfter(first[1]!, news(2));
    expect(more.map((e) => e.seq)).toEqual([3, 4]);
    expect(more[0]!.prevHash).toBe(first[1]!.hash);
    expect(verifyEntries([...first, ...more])).toEqual({ ok: true, length: 4, head: more[1]!.hash });
  });

  it('keeps disclosures beside the entry, outside its hash', () => {
    const [e] = chainAfter(null, [{ ...news(1)[0]!, disclose: { snippet: ['s', 'v'] } }]);
    expect(e!.disclose).toEqual({ snippet: ['s', 'v'] });
    expect(verifyEntries([{ ...e!, disclose: { snippet: ['other', 'value'] } }]).ok).toBe(true);
  });
});

describe('verifyEntries', () => {
  const chain = chainAfter(null, news(4));

  it('accepts the chain as written and reports its length and head', () => {
    expect(verifyEntries(chain)).toEqual({ ok: true, length: 4, head: chain[3]!.hash });
    expect(verifyEntries([])).toEqual({ ok: true, length: 0, head: GENESIS });
  });

  it('names an edited entry that was rehashed and whose successor was re-pointed: the successor no longer matches', () => {
    for (const i of [0, 1, 2]) {
      const forged = editAndRepoint(chain, i, { i, snippet: 'edited' });
      expect(verifyEntries(forged), `entry ${i + 1}`).toEqual({
        ok: false,
        length: i + 2,
        firstBad: { seq: i + 2, recordId: `f-${i + 2}`, reason: 'its content does not match its hash' },
      });
    }
  });

  it('names an edited entry that was not rehashed', () => {
    const forged = chain.map((e, i) => (i === 1 ? { ...e, data: { ...e.data, snippet: 'edited' } } : e));
    expect(verifyEntries(forged)).toEqual({ ok: false, length: 2, firstBad: { seq: 2, recordId: 'f-2', reason: 'its content does not match its hash' } });
  });

  it('names an entry whose previous-hash was changed', () => {
    const forged = chain.map((e, i) => (i === 2 ? { ...e, prevHash: 'f'.repeat(64) } : e));
    expect(verifyEntries(forged)).toMatchObject({ ok: false, firstBad: { seq: 3, reason: 'its previous-hash does not match the entry before it' } });
  });

  it('names a missing or reordered entry by its sequence number', () => {
    expect(verifyEntries([chain[0]!, chain[2]!])).toEqual({
      ok: false,
      length: 2,
      firstBad: { seq: 3, recordId: 'f-3', reason: 'sequence number 3 where 2 was expected (an entry is missing or out of order)' },
    });
    expect(verifyEntries([chain[1]!, chain[2]!])).toMatchObject({ ok: false, firstBad: { seq: 2, reason: 'sequence number 2 where 1 was expected (an entry is missing or out of order)' } });
  });

  it('stops at the first bad entry', () => {
    const forged = chain.map((e, i) => (i >= 1 ? { ...e, hash: 'e'.repeat(64) } : e));
    expect(verifyEntries(forged)).toEqual({ ok: false, length: 2, firstBad: { seq: 2, recordId: 'f-2', reason: 'its content does not match its hash' } });
  });

  it('says what is wrong with something that is not an entry', () => {
    const notEntries: unknown[] = [null, 'text', { ...chain[0]!, seq: '1' }, { ...chain[0]!, hash: 1 }, { ...chain[0]!, data: null }, { ...chain[0]!, data: [1] }, { ...chain[0]!, data: 'x' }];
    for (const e of notEntries) {
      const r = verifyEntries([e as ChainEntry]);
      expect(r, JSON.stringify(e)).toMatchObject({ ok: false, length: 1, firstBad: { reason: 'it is not a chain entry' } });
    }
    expect(verifyEntries([null as unknown as ChainEntry])).toMatchObject({ firstBad: { seq: 1, recordId: '?' } });
    expect(verifyEntries([chain[0]!, { ...chain[1]!, seq: 'two' } as unknown as ChainEntry])).toMatchObject({ firstBad: { seq: 2, recordId: 'f-2' } });
    expect(verifyEntries([{ ...chain[0]!, seq: 7, data: null } as unknown as ChainEntry])).toMatchObject({ firstBad: { seq: 7, recordId: 'f-1' } });
  });

  it('says an entry cannot be hashed when its data has no canonical JSON', () => {
    const bad = { ...chain[0]!, data: { n: Number.NaN } };
    expect(verifyEntries([bad])).toEqual({ ok: false, length: 1, firstBad: { seq: 1, recordId: 'f-1', reason: 'it cannot be hashed: canonical JSON has no NaN or Infinity' } });
  });
});

describe('ChainVerifier', () => {
  const chain = chainAfter(null, news(5));

  it('verifies a partial chain from the hash before its first entry, at whatever seq that entry has', () => {
    const v = new ChainVerifier(chain[1]!.hash);
    for (const e of chain.slice(2)) expect(v.push(e)).toBe(true);
    expect(v.result()).toEqual({ ok: true, length: 3, head: chain[4]!.hash });
    expect(v.head).toBe(chain[4]!.hash);
  });

  it('still holds a partial chain to consecutive sequence numbers after its first entry', () => {
    const v = new ChainVerifier(chain[0]!.hash);
    expect(v.push(chain[1]!)).toBe(true);
    expect(v.push(chain[3]!)).toBe(false);
    expect(v.result()).toMatchObject({ ok: false, firstBad: { seq: 4, reason: 'sequence number 4 where 3 was expected (an entry is missing or out of order)' } });
  });

  it('holds a partial chain to the sequence number it is told', () => {
    const v = new ChainVerifier(chain[1]!.hash, 4);
    expect(v.push(chain[2]!)).toBe(false);
    expect(v.firstBad).toMatchObject({ seq: 3, reason: 'sequence number 3 where 4 was expected (an entry is missing or out of order)' });
  });

  it('holds a whole chain to start at seq 1', () => {
    const v = new ChainVerifier();
    const renumbered = chainAfter({ seq: 1, hash: GENESIS }, news(1));
    expect(v.push(renumbered[0]!)).toBe(false);
    expect(v.firstBad).toMatchObject({ seq: 2, reason: 'sequence number 2 where 1 was expected (an entry is missing or out of order)' });
  });

  it('refuses everything after the first bad entry and keeps the first reason', () => {
    const v = new ChainVerifier();
    expect(v.push(chain[0]!)).toBe(true);
    expect(v.push({ ...chain[1]!, hash: '0'.repeat(64) })).toBe(false);
    expect(v.push(chain[1]!)).toBe(false);
    expect(v.push(chain[2]!)).toBe(false);
    expect(v.length).toBe(2);
    expect(v.head).toBe(chain[0]!.hash);
    expect(v.result()).toEqual({ ok: false, length: 2, firstBad: { seq: 2, recordId: 'f-2', reason: 'its content does not match its hash' } });
  });
});
