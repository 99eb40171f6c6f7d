import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ShutoutDB, type FindingRecord } from '../../utils/storage/db';
import { verifyEntries } from '../../utils/evidence/chain';
import { addCapture, amendFinding, chainHead, deleteFinding, pruneBefore, recordPages, recordScope, wipeAll } from '../../utils/evidence/store';
import { sha256Hex } from '../../utils/evidence/hash';
import type { CaptureRecord } from '../../utils/storage/db';
import { findingContentOf } from '../../utils/evidence/content';
import { openEntry } from '../../utils/evidence/commit';
import { Replay, recordDifference } from '../../utils/evidence/replay';
import { CTX, detection, newId, page } from './evidence-helpers';

const dbs: Dexie[] = [];
let seq = 0;
function fresh(): ShutoutDB {
  const d = new ShutoutDB(`evidence-${++seq}`);
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

describe('recording findings', () => {
  it('records each kind once per page load, batched, with its context and chain position', async () => {
    const db = fresh();
    const stored = await recordPages(db, [page(1), page(2, [detection(), detection({ kind: 'risk-challenge', ruleId: 'r2' })]), page(3, [])], CTX, newId);
    expect(stored).toEqual([1, 2, 0]);
    expect(await db.visits.count()).toBe(3);
    // A retry or a later report of the same page load adds nothing.
    expect(await recordPages(db, [page(1), page(2)], CTX, newId)).toEqual([0, 0]);
    const all = await db.findings.orderBy('seq').toArray();
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(all[0]).toMatchObject({ profileLabel: 'lab', browser: 'Chrome 156', uiLanguage: 'zh-CN', tzOffsetMinutes: 480, extensionVersion: '0.1.0', review: 'unreviewed', count: 1, origin: 'local' });
    const chain = await db.chain.orderBy('seq').toArray();
    expect(verifyEntries(chain)).toMatchObject({ ok: true, length: 3 });
    for (const r of all) expect(chain.find((e) => e.recordId === r.id)!.hash).toBe(r.hash);
  });

  it('raises the count of a repeated sighting as an amendment', async () => {
    const db = fresh();
    await recordPages(db, [page(1)], CTX, newId);
    await recordPages(db, [page(1, [{ ...detection(), count: 3 } as never])], CTX, newId);
    expect((await db.findings.toArray())[0]!.count).toBe(3);
    expect((await db.chain.toArray()).map((e) => e.type)).toEqual(['finding', 'amendment']);
    // The chain replays to the raised count.
    const replay = new Replay();
    for (const e of await db.chain.orderBy('seq').toArray()) expect(replay.push(e), replay.problem ?? '').toBe(true);
    expect(replay.records()[0]!.count).toBe(3);
    expect(recordDifference((await db.findings.toArray())[0] as unknown as Record<string, unknown>, replay.records()[0]!)).toBeNull();
  });

  it('keeps a page load reported twice in one batch as one record, at its own chain entry, with the raised count', async () => {
    const db = fresh();
    expect(await recordPages(db, [page(1), page(1, [{ ...detection(), count: 3 } as never])], CTX, newId)).toEqual([1, 0]);
    const chain = await db.chain.orderBy('seq').toArray();
    expect(chain.map((e) => e.type)).toEqual(['finding', 'amendment']);
    const [r] = await db.findings.toArray();
    expect(r).toMatchObject({ seq: 1, hash: chain[0]!.hash, count: 3 });
  });

  it('keeps one record per subject of a kind on a page load', async () => {
    const db = fresh();
    const coupon = (subject?: string) => detection({ kind: 'coupon-missing', ruleId: 'coupons.missing', ...(subject ? { subject } : {}) });
    expect(await recordPages(db, [page(1, [coupon('b1|o1'), coupon('b1|o2'), coupon('b1|o1'), coupon()])], CTX, newId)).toEqual([3]);
    expect(await recordPages(db, [page(1, [coupon('b1|o2'), coupon()])], CTX, newId)).toEqual([0]);
    const all = await db.findings.orderBy('seq').toArray();
    expect(all.map((r) => r.subject)).toEqual(['b1|o1', 'b1|o2', undefined]);
  });

  it('stores what a detection says of its duration and cause, and chains it', async () => {
    const db = fresh();
    const until = '2026-03-21T08:00:00.000Z';
    await recordPages(db, [page(1, [detection({ until, why: '访问被拒绝' })]), page(2)], CTX, newId);
    const [a, b] = await db.findings.orderBy('seq').toArray();
    expect(a).toMatchObject({ until, why: '访问被拒绝' });
    expect(openEntry((await db.chain.get(a!.seq))!).values).toMatchObject({ until, why: '访问被拒绝' });
    expect(b!.until).toBeUndefined();
    expect(b!.why).toBeUndefined();
  });

  it('keeps each page load’s visit with every kind seen on it', async () => {
    const db = fresh();
    await recordPages(db, [page(1, [detection()]), page(2, [])], CTX, newId);
    expect(await db.visits.get('page-000001')).toMatchObject({ url: page(1).url, platform: 'taobao', kinds: ['access-denied'] });
    expect((await db.visits.get('page-000002'))!.kinds).toEqual([]);
    // A later report of the same page load adds its kinds; the first sighting's time stays.
    await recordPages(db, [page(1, [detection({ kind: 'risk-challenge', ruleId: 'r2' }), detection()], { observedAt: '2026-03-20T09:00:00.000Z' })], CTX, newId);
    expect(await db.visits.get('page-000001')).toMatchObject({ at: page(1).observedAt, kinds: ['access-denied', 'risk-challenge'] });
  });
});

describe('the hash chain', () => {
  it('keeps reviews, notes and deletions verifiable as amendments and tombstones', async () => {
    const db = fresh();
    await recordPages(db, [page(1), page(2), page(3)], CTX, newId);
    const [a, b] = await db.findings.orderBy('seq').toArray();
    await amendFinding(db, a!.id, { review: 'false-positive', note: '误报：测试页面' });
    await deleteFinding(db, b!.id, 'user deleted it');
    const chain = await db.chain.orderBy('seq').toArray();
    expect(chain.map((e) => e.type)).toEqual(['finding', 'finding', 'finding', 'amendment', 'tombstone']);
    expect(openEntry(chain[3]!).values).toEqual({ review: 'false-positive', note: '误报：测试页面' });
    // The note is a salted commitment: its value is beside the entry, not in the hashed data.
    expect(JSON.stringify(chain[3]!.data)).not.toContain('误报');
    expect(chain[4]!.data).toMatchObject({ reason: 'user deleted it', hash: b!.hash });
    expect(verifyEntries(chain)).toMatchObject({ ok: true, length: 5 });
    expect((await db.findings.get(a!.id))!.review).toBe('false-positive');
    expect(await db.findings.get(b!.id)).toBeUndefined();
    expect((await chainHead(db)).head).toBe(chain[4]!.hash);
  });

  it('chains an amendment only for what it changes, and keeps a note to 2,000 characters', async () => {
    const db = fresh();
    await recordPages(db, [page(1)], CTX, newId);
    const [a] = await db.findings.toArray();
    // Nothing new: the same review, an empty note where there is none.
    await amendFinding(db, a!.id, { review: 'unreviewed', note: '' });
    await amendFinding(db, a!.id, {});
    expect(await db.chain.count()).toBe(1);
    await amendFinding(db, a!.id, { review: 'confirmed', note: 'x'.repeat(2500) });
    await amendFinding(db, a!.id, { review: 'confirmed', note: 'y' });
    const chain = await db.chain.orderBy('seq').toArray();
    expect(chain.map((e) => openEntry(e).values)).toEqual([expect.anything(), { review: 'confirmed', note: 'x'.repeat(2000) }, { note: 'y' }]);
    expect(await db.findings.get(a!.id)).toMatchObject({ review: 'confirmed', note: 'y' });
    // Setting the note it has already: nothing more.
    await amendFinding(db, a!.id, { note: 'y' });
    expect(await db.chain.count()).toBe(3);
  });

  it('links a capture to its finding, chains it, and deletes it with the finding', async () => {
    const db = fresh();
    await recordPages(db, [page(1), page(2)], CTX, newId);
    const [a, b] = await db.findings.orderBy('seq').toArray();
    const capture = (id: string, findingId: string | null): CaptureRecord => {
      const bytes = new TextEncoder().encode(id);
      return { id, findingId, pageUrl: page(1).url, at: '2026-03-20T08:00:01.000Z', type: 'screenshot', mime: 'image/png', size: bytes.length, sha256: sha256Hex(bytes), blob: new Blob([bytes]) };
    };
    await addCapture(db, capture('cap-a1', a!.id));
    await addCapture(db, capture('cap-a2', a!.id));
    await addCapture(db, capture('cap-b', b!.id));
    await addCapture(db, capture('cap-none', null));
    expect((await db.findings.get(a!.id))!.captureIds).toEqual(['cap-a1', 'cap-a2']);
    const chain = await db.chain.orderBy('seq').toArray();
    expect(chain.map((e) => [e.type, e.recordId])).toEqual([
      ['finding', a!.id],
      ['finding', b!.id],
      ['capture', 'cap-a1'],
      ['capture', 'cap-a2'],
      ['capture', 'cap-b'],
      ['capture', 'cap-none'],
    ]);
    const replay = new Replay();
    for (const e of chain) expect(replay.push(e), replay.problem ?? '').toBe(true);
    expect(replay.records().map((r) => r.captureIds)).toEqual([['cap-a1', 'cap-a2'], ['cap-b']]);
    expect(replay.captures.get('cap-a1')).toMatchObject({ findingId: a!.id, sha256: sha256Hex(new TextEncoder().encode('cap-a1')) });

    await deleteFinding(db, a!.id, 'user deleted it');
    expect((await db.captures.toArray()).map((c) => c.id).sort()).toEqual(['cap-b', 'cap-none']);
    // Deleting a finding that is not there changes nothing.
    await deleteFinding(db, a!.id, 'again');
    expect((await db.chain.toArray()).filter((e) => e.type === 'tombstone')).toHaveLength(1);
  });

  it('refuses to amend or scope a finding that is not there, and chains nothing', async () => {
    const db = fresh();
    await recordPages(db, [page(1)], CTX, newId);
    await expect(amendFinding(db, 'rec-gone', { review: 'confirmed' })).rejects.toThrow(/no finding rec-gone/);
    const check = { at: '2026-03-20T09:00:00.000Z', status: 200, verdict: 'clear' as const, kinds: [], ruleIds: [], redirects: 0 };
    await expect(recordScope(db, 'rec-gone', { scope: 'account', check })).rejects.toThrow(/no finding rec-gone/);
    expect(await db.chain.count()).toBe(1);
  });

  it('names the first entry that was edited, removed or reordered', async () => {
    const db = fresh();
    await recordPages(db, [page(1), page(2), page(3), page(4)], CTX, newId);
    const chain = await db.chain.orderBy('seq').toArray();
    const edited = chain.map((e) => ({ ...e, data: { ...e.data } }));
    edited[1]!.data.snippet = '一切正常';
    expect(verifyEntries(edited)).toMatchObject({ ok: false, firstBad: { seq: 2, recordId: chain[1]!.recordId, reason: 'its content does not match its hash' } });
    expect(verifyEntries([chain[0]!, chain[2]!, chain[3]!])).toMatchObject({ ok: false, firstBad: { seq: 3 } });
    expect(verifyEntries([chain[0]!, chain[2]!, chain[1]!, chain[3]!])).toMatchObject({ ok: false, firstBad: { seq: 3 } });
  });

  it('records retention pruning and wiping everything', async () => {
    const db = fresh();
    await recordPages(db, [page(1), page(2), page(3)], CTX, newId);
    const [first] = await db.findings.orderBy('seq').toArray();
    const bytes = new TextEncoder().encode('shot');
    await addCapture(db, { id: 'cap-1', findingId: first!.id, pageUrl: first!.pageUrl, at: first!.observedAt, type: 'screenshot', mime: 'image/png', size: bytes.length, sha256: sha256Hex(bytes), blob: new Blob([bytes]) });
    expect(await pruneBefore(db, new Date(Date.UTC(2026, 2, 20, 8, 0, 2)))).toBe(1);
    expect(await db.findings.count()).toBe(2);
    expect(await db.captures.count()).toBe(0);
    const tombstone = (await db.chain.orderBy('seq').last())!;
    expect(tombstone).toMatchObject({ type: 'tombstone', recordId: first!.id, data: { reason: 'retention', hash: first!.hash } });
    expect(await pruneBefore(db, new Date(Date.UTC(2026, 2, 20, 8, 0, 2)))).toBe(0);
    const before = await chainHead(db);
    const wipe = await wipeAll(db);
    expect(await db.findings.count()).toBe(0);
    expect(wipe).toMatchObject({ seq: 1, type: 'wipe', data: { previousHead: before.head, previousLength: 5 } });
    expect(verifyEntries(await db.chain.toArray())).toMatchObject({ ok: true, length: 1 });
  });
});

describe('schema migrations', () => {
  it('upgrades a database written by version 1 and chains every record', async () => {
    const name = `migrate-${++seq}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ findings: 'id, &key, observedAt, platform, kind, ruleId' });
    const old = [3, 1, 2].map((i) => ({
      id: `old-${i}`,
      key: `page-${i}|access-denied`,
      pageId: `page-${i}`,
      observedAt: new Date(Date.UTC(2026, 2, i)).toISOString(),
      pageUrl: `https://item.taobao.com/item.htm?id=${i}`,
      pageTitle: '访问被拒绝',
      platform: 'taobao',
      kind: 'access-denied',
      ruleId: 'alibaba.baxia.deny-zh',
      rulesetVersion: '2026.11.21-1',
      snippet: '亲，访问被拒绝',
      where: 'text',
      confidence: 0.9,
      count: 1,
    }));
    await v1.table('findings').bulkAdd(old);
    v1.close();

    const db = new ShutoutDB(name);
    dbs.push(db);
    const upgraded = await db.findings.orderBy('seq').toArray();
    expect(upgraded.map((r) => r.id)).toEqual(['old-1', 'old-2', 'old-3']);
    for (const r of upgraded) {
      const before = old.find((o) => o.id === r.id)!;
      for (const [k, v] of Object.entries(before)) expect((r as unknown as Record<string, unknown>)[k], `${r.id}.${k}`).toEqual(v);
      expect(r).toMatchObject<Partial<FindingRecord>>({ review: 'unreviewed', origin: 'local', captureIds: [], extensionVersion: 'unknown (schema v1)', profileLabel: '' });
    }
    const chain = await db.chain.orderBy('seq').toArray();
    // Version 2 chained them (format 1); version 3 recorded its upgrade and recommitted each (format 2).
    expect(verifyEntries(chain)).toMatchObject({ ok: true, length: 7 });
    expect(chain.map((e) => e.type)).toEqual(['finding', 'finding', 'finding', 'upgrade', 'finding', 'finding', 'finding']);
    chain.slice(0, 3).forEach((e, i) => {
      expect(e.recordId).toBe(upgraded[i]!.id);
      expect(e.data).toEqual(findingContentOf(upgraded[i] as unknown as Record<string, unknown>));
    });
    chain.slice(4).forEach((e, i) => {
      expect(e.recordId).toBe(upgraded[i]!.id);
      expect(e.hash).toBe(upgraded[i]!.hash);
      expect(openEntry(e).values).toMatchObject({ ...findingContentOf(upgraded[i] as unknown as Record<string, unknown>), upgradedFrom: { seq: i + 1, hash: chain[i]!.hash } });
    });
    expect(db.verno).toBe(4);
    // A later report of a page load that version 1 recorded is the same finding, not a new one.
    expect(await recordPages(db, [page(1, [detection()], { pageId: 'page-1' })], CTX, newId)).toEqual([0]);
    expect(await db.findings.count()).toBe(3);
  });
});
