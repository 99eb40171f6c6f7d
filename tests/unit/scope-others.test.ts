import { afterEach, describe, expect, it } from 'vitest';
import { othersAround, placeKey } from '../../utils/scope/others';
import { recordPages } from '../../utils/evidence/store';
import { ShutoutDB, type FindingRecord } from '../../utils/storage/db';
import { CTX, detection, newId, page } from './evidence-helpers';

const dbs: ShutoutDB[] = [];
let n = 0;
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

const ITEM = 'https://item.taobao.com/item.htm?id=600000000001';

describe('"not everyone": others who saw the same page within the same hours', () => {
  it('names imported findings (blocked) and imported ledger visits (unblocked) by their profile labels only', async () => {
    const db = new ShutoutDB(`others-${++n}`);
    dbs.push(db);
    await recordPages(db, [page(1, [detection()], { url: ITEM, observedAt: '2026-03-20T08:00:00.000Z' })], CTX, newId);
    const mine = (await db.findings.toArray())[0]!;
    const imported = (over: Partial<FindingRecord>): FindingRecord => ({ ...mine, id: newId(), key: newId(), origin: 'import', importedFrom: 'zhang-san-phone-13800138000.zip', profileLabel: 'office desktop', ...over });
    await db.findings.bulkAdd([
      imported({ observedAt: '2026-03-20T09:30:00.000Z', scope: 'network' }),
      // Another item, another time, the same label as mine in this browser: none of these count.
      imported({ pageUrl: 'https://item.taobao.com/item.htm?id=600000000002', profileLabel: 'home laptop' }),
      imported({ observedAt: '2026-03-20T12:30:00.000Z', profileLabel: 'late' }),
      { ...mine, id: newId(), key: newId(), observedAt: '2026-03-20T08:10:00.000Z' },
    ]);
    await db.coupons.bulkAdd([
      { id: 'c1', itemKey: 'taobao:600000000001', at: '2026-03-20T07:00:00.000Z', visitId: null, source: 'import', profileLabel: 'colleague in Hangzhou', data: { url: `${ITEM}&spm=a1`, state: 'present', offers: [] } },
      { id: 'c2', itemKey: 'taobao:600000000001', at: '2026-03-20T07:10:00.000Z', visitId: null, source: 'import', profileLabel: 'not loaded', data: { url: ITEM, state: 'not-loaded', offers: [] } },
      { id: 'c3', itemKey: 'taobao:600000000001', at: '2026-03-20T07:20:00.000Z', visitId: null, source: 'control', profileLabel: 'lab', data: { url: ITEM, state: 'present', offers: [] } },
    ]);
    expect(await othersAround(db, mine)).toEqual([
      { label: 'office desktop', state: 'blocked', at: '2026-03-20T09:30:00.000Z', kind: 'access-denied', scope: 'network' },
      { label: 'colleague in Hangzhou', state: 'unblocked', at: '2026-03-20T07:00:00.000Z' },
    ]);
    expect(JSON.stringify(await othersAround(db, mine))).not.toContain('13800138000');
  });

  it('compares platform, path and item, not the query around them', () => {
    expect(placeKey(`${ITEM}&spm=x`)).toBe(placeKey(ITEM));
    expect(placeKey('https://item.taobao.com/item.htm?id=600000000002')).not.toBe(placeKey(ITEM));
    expect(placeKey('https://www.example.com/item.htm?id=600000000001')).toBeNull();
  });
});
