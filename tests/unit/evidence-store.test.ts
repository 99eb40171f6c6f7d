import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ShutoutDB, type FindingRecord } from '../../utils/storage/db';
import { verifyEntries } from '../../utils/evidence/chain';
import { amendFinding, chainHead, deleteFinding, pruneBefore, recordPages, wipeAll } from '../../utils/evidence/store';
import { findingContentOf } from '../../utils/evidence/content';
import { openEntry } from '../../utils/evidence/commit';
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
    expect(await pruneBefore(db, new Date(Date.UTC(2026, 2, 20, 8, 0, 2)))).toBe(1);
    expect(await db.findings.count()).toBe(2);
    const before = await chainHead(db);
    const wipe = await wipeAll(db);
    expect(await db.findings.count()).toBe(0);
    expect(wipe).toMatchObject({ seq: 1, type: 'wipe', data: { previousHead: before.head, previousLength: 4 } });
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
  });
});
