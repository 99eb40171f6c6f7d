import { afterEach, describe, expect, it } from 'vitest';
import { ShutoutDB } from '../../utils/storage/db';
import { buildJsonExport } from '../../utils/evidence/export';
import { applyImport, planImport } from '../../utils/evidence/import';
import { signJsonExport } from '../../utils/evidence/export';
import { testSigner } from './evidence-helpers';
import { amendFinding, deleteFinding, pruneBefore, recordPages, wipeAll } from '../../utils/evidence/store';
import { applyChanges, computeSummary, loadSummary, MAX_DELTA, type CacheStore, type Summary } from '../../utils/ui/counts';
import { dayKey, lastDays } from '../../utils/ui/format';
import { CTX, detection, newId, page } from './evidence-helpers';

const dbs: ShutoutDB[] = [];
let n = 0;
function fresh(): ShutoutDB {
  const d = new ShutoutDB(`ui-counts-${++n}`);
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

const NOW = new Date('2026-03-25T12:00:00Z');
const memory = (): CacheStore & { value: string | null } => {
  const s = { value: null as string | null, get: () => s.value, set: (v: string) => void (s.value = v) };
  return s;
};

/** The counts by reading every record: what the cached counts must always equal. */
async function bruteForce(db: ShutoutDB): Promise<Summary> {
  const all = (await db.findings.toArray()).filter((r) => r.review !== 'false-positive');
  const days = new Set(lastDays(30, NOW));
  const s: Summary = { total: all.length, falsePositives: await db.findings.where('review').equals('false-positive').count(), byPlatform: {}, byKind: {}, byDay: {} };
  for (const r of all) {
    s.byPlatform[r.platform ?? ''] = (s.byPlatform[r.platform ?? ''] ?? 0) + 1;
    s.byKind[r.kind] = (s.byKind[r.kind] ?? 0) + 1;
    const d = dayKey(new Date(r.observedAt));
    if (days.has(d)) s.byDay[d] = (s.byDay[d] ?? 0) + 1;
  }
  return s;
}

const view = (s: Summary) => {
  const days = new Set(lastDays(30, NOW));
  return { total: s.total, falsePositives: s.falsePositives, byPlatform: s.byPlatform, byKind: s.byKind, byDay: Object.fromEntries(Object.entries(s.byDay).filter(([d]) => days.has(d))) };
};

const at = (i: number) => new Date(Date.UTC(2026, 2, 1 + (i % 24), 3, 0, i % 60)).toISOString();

async function seed(db: ShutoutDB, from: number, count: number) {
  const pages = [];
  for (let i = from; i < from + count; i++) {
    const kinds = i % 3 === 0 ? [detection(), detection({ kind: 'risk-challenge', ruleId: 'r2' })] : [detection({ kind: i % 2 ? 'promotion-denied' : 'access-denied' })];
    pages.push(page(i, kinds, { observedAt: at(i), platform: i % 4 === 0 ? 'jd' : i % 7 === 0 ? null : 'taobao', url: i % 4 === 0 ? `https://item.jd.com/${i}.html` : `https://item.taobao.com/item.htm?id=${i}` }));
  }
  await recordPages(db, pages, CTX, newId, () => NOW);
}

describe('summary counts', () => {
  it('counts from the indexes what reading every record counts, without false positives', async () => {
    const db = fresh();
    await seed(db, 0, 60);
    const ids = (await db.findings.toArray()).map((r) => r.id);
    await amendFinding(db, ids[3]!, { review: 'false-positive' });
    await amendFinding(db, ids[10]!, { review: 'confirmed' });
    const s = await computeSummary(db, NOW);
    expect(view(s)).toEqual(view(await bruteForce(db)));
    expect(s.falsePositives).toBe(1);
    expect(s.seq).toBe(await db.chain.count());
  });

  it('keeps cached counts equal to a fresh count through new findings, reviews, deletions, imports and retention', async () => {
    const db = fresh();
    const store = memory();
    await seed(db, 0, 30);
    const first = await loadSummary(db, store, NOW);
    expect(first.summary).toBeNull();
    expect(view(await first.pending!)).toEqual(view(await bruteForce(db)));

    const check = async () => {
      const l = await loadSummary(db, store, NOW);
      expect(l.summary, 'served from the cache').not.toBeNull();
      expect(view(l.summary!)).toEqual(view(await bruteForce(db)));
    };
    await seed(db, 30, 10);
    await check();
    const rows = await db.findings.orderBy('seq').toArray();
    await amendFinding(db, rows[0]!.id, { review: 'false-positive' });
    await amendFinding(db, rows[1]!.id, { review: 'false-positive' });
    await amendFinding(db, rows[2]!.id, { note: 'seen twice' });
    await check();
    await amendFinding(db, rows[1]!.id, { review: 'confirmed' });
    await deleteFinding(db, rows[0]!.id, 'test');
    await deleteFinding(db, rows[5]!.id, 'test');
    await check();
    // A finding made, marked and deleted between two opens.
    await seed(db, 40, 1);
    const made = await db.findings.orderBy('seq').last();
    await amendFinding(db, made!.id, { review: 'false-positive' });
    await deleteFinding(db, made!.id, 'test');
    await check();

    // Import another browser's findings, with one false positive among them.
    const other = fresh();
    await seed(other, 100, 12);
    const otherRows = await other.findings.toArray();
    await amendFinding(other, otherRows[0]!.id, { review: 'false-positive' });
    const file = buildJsonExport(
      { generator: { name: 'Shutout', version: '0' }, profileLabel: '', exportedAt: NOW.toISOString() },
      await other.chain.orderBy('seq').toArray(),
      await other.findings.orderBy('seq').toArray(),
      false,
    );
    await signJsonExport(file, await testSigner());
    await applyImport(db, await planImport(new TextEncoder().encode(JSON.stringify(file)), 'other.json'));
    await check();

    await pruneBefore(db, new Date(Date.UTC(2026, 2, 10)));
    await check();
  });

  it('counts afresh after a wipe, after too many changes, in another time zone, and when the cache is damaged', async () => {
    const db = fresh();
    const store = memory();
    await seed(db, 0, 5);
    await (await loadSummary(db, store, NOW)).pending;
    await wipeAll(db);
    await seed(db, 10, 2);
    const afterWipe = await loadSummary(db, store, NOW);
    expect(afterWipe.summary).toBeNull();
    expect(view(await afterWipe.pending!)).toEqual(view(await bruteForce(db)));

    const cached = JSON.parse(store.value!);
    expect(await applyChanges(db, { ...cached, tz: cached.tz + 60 }, NOW)).toBeNull();
    expect(await applyChanges(db, { ...cached, hash: 'f'.repeat(64) }, NOW)).toBeNull();
    expect(await applyChanges(db, { ...cached, computedAt: '2026-01-01T00:00:00Z' }, NOW)).toBeNull();
    store.set('{not json');
    expect((await loadSummary(db, store, NOW)).summary).toBeNull();

    const big = fresh();
    const bigStore = memory();
    await (await loadSummary(big, bigStore, NOW)).pending;
    await seed(big, 0, Math.ceil(MAX_DELTA / 1.3));
    const l = await loadSummary(big, bigStore, NOW);
    expect(l.summary).toBeNull();
    expect(view(await l.pending!)).toEqual(view(await bruteForce(big)));
  });

  it('files findings of platforms it does not know under "other"', async () => {
    const db = fresh();
    await recordPages(db, [page(1, [detection({ platform: 'my-shop' })], { platform: 'my-shop' as never })], CTX, newId, () => NOW);
    const s = await computeSummary(db, NOW);
    expect(s.byPlatform).toEqual({ '': 1 });
    const store = memory();
    store.set(JSON.stringify(s));
    await recordPages(db, [page(2, [detection()], { platform: 'my-shop' as never })], CTX, newId, () => NOW);
    expect((await loadSummary(db, store, NOW)).summary!.byPlatform).toEqual({ '': 2 });
  });
});

