import { afterEach, describe, expect, it } from 'vitest';
import { ShutoutDB, type FindingRecord } from '../../utils/storage/db';
import { amendFinding, recordPages } from '../../utils/evidence/store';
import { matcher, NO_FILTER, openWindow, searchWindow, timeBounds, type RecordFilter, type RecordWindow } from '../../utils/ui/records-query';
import { CTX, detection, newId, page } from './evidence-helpers';

const dbs: ShutoutDB[] = [];
let n = 0;
function fresh(): ShutoutDB {
  const d = new ShutoutDB(`ui-records-${++n}`);
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

const KINDS = ['access-denied', 'risk-challenge', 'promotion-denied'] as const;

/** Pages whose findings share a time (one page, several kinds), spread over days and platforms. */
async function seed(db: ShutoutDB, count: number) {
  const pages = [];
  for (let i = 0; i < count; i++) {
    const kinds = i % 5 === 0 ? KINDS.slice(0, 3) : [KINDS[i % 3]!];
    const platform = i % 4 === 0 ? 'jd' : 'taobao';
    pages.push(
      page(
        i,
        kinds.map((k) => detection({ kind: k, snippet: i % 17 === 0 ? `亲，訪問被拒絕 #${i}` : `notice ${i} 活动太火爆` })),
        { observedAt: new Date(Date.UTC(2026, 2, 1 + Math.floor(i / 10), 8, 0, 0)).toISOString(), platform, url: `https://item.${platform}.com/${i}`, title: `item ${i}` },
      ),
    );
  }
  await recordPages(db, pages, CTX, newId);
}

const newestFirst = (a: FindingRecord, b: FindingRecord) => (a.observedAt < b.observedAt ? 1 : a.observedAt > b.observedAt ? -1 : a.id < b.id ? 1 : -1);

async function expected(db: ShutoutDB, f: RecordFilter): Promise<string[]> {
  const { lower, upper } = timeBounds(f);
  const test = matcher(f.text);
  return (await db.findings.toArray())
    .filter((r) => (!f.platform || r.platform === f.platform) && (!f.kind || r.kind === f.kind) && (!f.review || r.review === f.review))
    .filter((r) => r.observedAt >= lower && r.observedAt < upper && test(r))
    .sort(newestFirst)
    .map((r) => r.id);
}

/** Read a window the way the list does: pages in order, then some jumps. */
async function readAll(w: RecordWindow, size = 7): Promise<string[]> {
  const out: string[] = [];
  for (let o = 0; o < w.total; o += size) out.push(...(await w.page(o, size)).map((r) => r.id));
  return out;
}

describe('the records list queries', () => {
  it('lists newest first under every combination of filters, page by page', async () => {
    const db = fresh();
    await seed(db, 120);
    const ids = (await db.findings.orderBy('seq').toArray()).map((r) => r.id);
    for (const i of [1, 4, 9, 30, 31]) await amendFinding(db, ids[i]!, { review: 'false-positive' });
    await amendFinding(db, ids[2]!, { review: 'confirmed' });
    const filters: Array<Partial<RecordFilter>> = [
      {},
      { platform: 'jd' },
      { kind: 'risk-challenge' },
      { platform: 'taobao', kind: 'access-denied' },
      { review: 'false-positive' },
      { review: 'unreviewed', platform: 'taobao' },
      { from: '2026-03-03', to: '2026-03-05' },
      { from: '2026-03-10' },
      { to: '2026-03-02', kind: 'promotion-denied' },
      { platform: 'nowhere' },
    ];
    for (const partial of filters) {
      const f = { ...NO_FILTER, ...partial };
      const want = await expected(db, f);
      // Small sets are read and sorted; large ones are ordered by the observedAt index: both ways.
      for (const smallSet of [3000, 0]) {
        const w = await openWindow(db, f, Object.keys(partial).length === 0 ? ids.length : undefined, smallSet);
        expect(w.total, JSON.stringify(partial)).toBe(want.length);
        expect(await readAll(w), JSON.stringify(partial)).toEqual(want);
      }
    }
  });

  it('continues from loaded rows across rows with the same time, and jumps anywhere', async () => {
    const db = fresh();
    await seed(db, 60);
    const want = await expected(db, NO_FILTER);
    const w = await openWindow(db, NO_FILTER);
    // Page sizes that split groups of same-time findings.
    for (const size of [1, 2, 3, 5, 11]) {
      const again = await openWindow(db, NO_FILTER);
      expect(await readAll(again, size)).toEqual(want);
    }
    expect((await w.page(40, 5)).map((r) => r.id)).toEqual(want.slice(40, 45));
    expect((await w.page(3, 4)).map((r) => r.id)).toEqual(want.slice(3, 7));
    expect((await w.page(7, 4)).map((r) => r.id)).toEqual(want.slice(7, 11));
    expect(await w.page(want.length, 5)).toEqual([]);
  });

  it('searches the filtered window newest first, folding case and Traditional characters, and stops after N matches', async () => {
    const db = fresh();
    await seed(db, 100);
    const f = { ...NO_FILTER, text: '访问被拒绝' };
    const base = await openWindow(db, f);
    const progress: number[] = [];
    const found = await searchWindow(base, f.text, (p) => progress.push(p.scanned));
    const want = await expected(db, f);
    expect(want.length).toBeGreaterThan(3);
    expect(want.length).toBeLessThan(base.total / 4);
    expect((await found.page(0, 1000)).map((r) => r.id)).toEqual(want);
    expect(found.capped).toBe(false);
    expect(progress.at(-1)).toBe(base.total);

    const capped = await searchWindow(await openWindow(db, NO_FILTER), 'NOTICE', undefined, undefined, 10);
    expect(capped.total).toBe(10);
    expect(capped.capped).toBe(true);
    expect((await capped.page(0, 10)).map((r) => r.id)).toEqual((await expected(db, { ...NO_FILTER, text: 'notice' })).slice(0, 10));

    const jd = await searchWindow(await openWindow(db, { ...NO_FILTER, platform: 'jd' }), 'item.jd.com');
    expect(jd.total).toBe((await expected(db, { ...NO_FILTER, platform: 'jd' })).length);

    const ac = new AbortController();
    ac.abort();
    expect((await searchWindow(base, 'notice', undefined, ac.signal)).total).toBe(0);
  });
});
