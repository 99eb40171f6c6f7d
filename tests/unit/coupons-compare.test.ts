/**
 * missingOffers and its baselines, one rule at a time (utils/coupons/compare.ts, docs/coupons.md):
 * each case holds only the visits that rule decides, so that no other baseline can answer for it.
 */
import { describe, expect, it } from 'vitest';
import { CONTROL_FRESH_MS, describeMissing, itemKeyOf, missingOffers, type LedgerVisit, type MissingOffer } from '../../utils/coupons/compare';
import type { Offer } from '../../utils/coupons/types';

const HOUR = 3_600_000;

function offer(key: string, label = key): Offer {
  return { platform: 'taobao', itemId: '1', label, type: 'shop', deal: { kind: 'instant', amount: 5, currency: 'CNY', repeating: false, upTo: false, label }, currency: 'CNY', key };
}

const T0 = Date.parse('2026-03-02T12:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

let n = 0;
function visit(offers: string[], o: Partial<Omit<LedgerVisit, 'scan'>> & { state?: LedgerVisit['scan']['state'] } = {}): LedgerVisit {
  const { state = offers.length > 0 ? 'present' : 'empty', ...rest } = o;
  return {
    id: `v${++n}`,
    itemKey: 'taobao:1',
    at: at(0),
    source: 'visit',
    profileLabel: 'me',
    ...rest,
    scan: { platform: 'taobao', itemId: '1', url: 'https://item.taobao.com/item.htm?id=1', state, offers: offers.map((k) => offer(k)) },
  };
}
const control = (offers: string[], ms: number, id?: string) => visit(offers, { source: 'control', at: at(ms), baselineName: 'logged-out visitor', ...(id ? { id } : {}) });
const keys = (missing: MissingOffer[]) => missing.map((m) => `${m.baseline}:${m.baselineName ?? ''}:${m.offer.key}@${m.baselineVisitId}`);

describe('the control view baseline', () => {
  const now = visit(['a']);

  it('counts a control view up to 24 hours before or after the visit', () => {
    expect(CONTROL_FRESH_MS).toBe(24 * HOUR);
    for (const ms of [-24 * HOUR, -HOUR, 0, HOUR, 24 * HOUR]) {
      const c = control(['a', 'b'], ms);
      expect(keys(missingOffers(now, [c])), `${ms / HOUR} h`).toEqual([`control:logged-out visitor:b@${c.id}`]);
    }
  });

  it('ignores a control view more than 24 hours before or after the visit, alone', () => {
    for (const ms of [-24 * HOUR - 1, 24 * HOUR + 1, -30 * 24 * HOUR, 30 * 24 * HOUR]) {
      expect(missingOffers(now, [control(['a', 'b'], ms)]), `${ms / HOUR} h`).toEqual([]);
    }
  });

  it('uses the latest fresh control view, not a stale later one or an earlier fresh one', () => {
    const older = control(['a', 'old'], -2 * HOUR);
    const latest = control(['a', 'new'], HOUR);
    const stale = control(['a', 'stale'], 25 * HOUR);
    expect(keys(missingOffers(now, [older, stale, latest]))).toEqual([`control:logged-out visitor:new@${latest.id}`]);
    expect(keys(missingOffers(now, [latest, stale, older]))).toEqual([`control:logged-out visitor:new@${latest.id}`]);
  });

  it('of two control views taken at the same time, uses the first', () => {
    const first = control(['a', 'x'], HOUR);
    const second = control(['a', 'y'], HOUR);
    expect(keys(missingOffers(now, [first, second]))).toEqual([`control:logged-out visitor:x@${first.id}`]);
  });

  it('reports what it found: offer, names, times and both visit ids', () => {
    const c = control(['a', 'b'], -HOUR);
    expect(missingOffers(now, [c])).toEqual([
      { offer: offer('b'), baseline: 'control', baselineName: 'logged-out visitor', seenAt: c.at, baselineVisitId: c.id, visitId: now.id, visitAt: now.at },
    ]);
  });
});

describe('the history baseline', () => {
  it('is the latest earlier own visit that showed offers', () => {
    const now = visit(['a']);
    const oldest = visit(['a', 'old'], { at: at(-3 * HOUR) });
    const latest = visit(['a', 'b'], { at: at(-HOUR) });
    const empty = visit([], { at: at(-HOUR / 2) });
    const notLoaded = visit(['c'], { at: at(-HOUR / 4), state: 'not-loaded' });
    expect(keys(missingOffers(now, [latest, oldest, empty, notLoaded]))).toEqual([`history::b@${latest.id}`]);
    expect(keys(missingOffers(now, [oldest, latest]))).toEqual([`history::b@${latest.id}`]);
  });

  it('is never a later visit or one at the same time, and has no age limit', () => {
    const now = visit(['a']);
    expect(missingOffers(now, [visit(['a', 'b'], { at: at(HOUR) }), visit(['a', 'c'], { at: at(0) })])).toEqual([]);
    const yearAgo = visit(['a', 'b'], { at: at(-365 * 24 * HOUR) });
    expect(keys(missingOffers(now, [yearAgo]))).toEqual([`history::b@${yearAgo.id}`]);
  });

  it('of two earlier visits at the same time, uses the first', () => {
    const now = visit(['a']);
    const first = visit(['x'], { at: at(-HOUR) });
    const second = visit(['y'], { at: at(-HOUR) });
    expect(keys(missingOffers(now, [first, second]))).toEqual([`history::x@${first.id}`]);
  });
});

describe('imported baselines', () => {
  it('use the latest visit of each imported ledger, in the order the ledgers first appear', () => {
    const now = visit(['a']);
    const bobOld = visit(['a', 'b-old'], { source: 'import', baselineName: 'bob', at: at(-5 * HOUR) });
    const ann = visit(['a', 'ann'], { source: 'import', baselineName: 'ann', at: at(-2 * HOUR) });
    const bobNew = visit(['a', 'b-new'], { source: 'import', baselineName: 'bob', at: at(-4 * HOUR) });
    const annOld = visit(['a', 'ann-old'], { source: 'import', baselineName: 'ann', at: at(-3 * HOUR) });
    expect(keys(missingOffers(now, [bobOld, ann, bobNew, annOld]))).toEqual([`import:bob:b-new@${bobNew.id}`, `import:ann:ann@${ann.id}`]);
  });

  it('count whenever they were taken, even after the visit, and without a name', () => {
    const now = visit(['a']);
    const later = visit(['a', 'b'], { source: 'import', at: at(90 * 24 * HOUR) });
    const missing = missingOffers(now, [later]);
    expect(keys(missing)).toEqual([`import::b@${later.id}`]);
    expect(missing[0]).not.toHaveProperty('baselineName');
  });

  it('of two visits of one ledger at the same time, use the first', () => {
    const now = visit(['a']);
    const first = visit(['x'], { source: 'import', baselineName: 'bob', at: at(-HOUR) });
    const second = visit(['y'], { source: 'import', baselineName: 'bob', at: at(-HOUR) });
    expect(keys(missingOffers(now, [first, second]))).toEqual([`import:bob:x@${first.id}`]);
  });
});

describe('what is compared', () => {
  it('only visits of the same item, never the visit itself, and only baselines whose coupon area showed offers', () => {
    const now = visit(['a']);
    const otherItem = visit(['a', 'b'], { itemKey: 'taobao:2', at: at(-HOUR) });
    // The same visit stored earlier with more offers (a repeat of an id replaces it in the ledger).
    const itself = { ...now, at: at(-HOUR), scan: { ...now.scan, offers: [offer('a'), offer('b')] } };
    const emptyControl = visit([], { source: 'control', at: at(-HOUR) });
    const notLoadedImport = visit(['b'], { source: 'import', baselineName: 'bob', state: 'not-loaded' });
    expect(missingOffers(now, [otherItem, itself, emptyControl, notLoadedImport])).toEqual([]);
  });

  it('raises nothing for a visit whose coupon area did not load, and everything for one that loaded empty', () => {
    const before = visit(['a', 'b'], { at: at(-HOUR) });
    expect(missingOffers(visit(['a'], { state: 'not-loaded' }), [before])).toEqual([]);
    expect(keys(missingOffers(visit([]), [before]))).toEqual([`history::a@${before.id}`, `history::b@${before.id}`]);
  });

  it('names an offer once per baseline, in the order history, imports, control', () => {
    const now = visit([]);
    const c = control(['x'], HOUR);
    const h = visit(['x', 'x'], { at: at(-HOUR) });
    const i = visit(['x'], { source: 'import', baselineName: 'bob', at: at(-HOUR) });
    expect(keys(missingOffers(now, [c, i, h]))).toEqual([`history::x@${h.id}`, `import:bob:x@${i.id}`, `control:logged-out visitor:x@${c.id}`]);
  });

  it('keys Taobao, Tmall and Juhuasuan views of one item together, and other platforms apart', () => {
    expect(itemKeyOf('tmall', '7')).toBe('taobao:7');
    expect(itemKeyOf('juhuasuan', '7')).toBe('taobao:7');
    expect(itemKeyOf('taobao', '7')).toBe('taobao:7');
    expect(itemKeyOf('jd', '7')).toBe('jd:7');
  });
});

describe('describeMissing', () => {
  const m: MissingOffer = { offer: offer('k', '满199减20'), baseline: 'import', baselineName: 'bob', seenAt: '2026-03-01T00:00:00Z', baselineVisitId: 'b', visitId: 'v', visitAt: '2026-03-02T00:00:00Z' };

  it('names the offer, the baseline and both times', () => {
    expect(describeMissing(m)).toBe('"满199减20" seen by imported baseline "bob" at 2026-03-01T00:00:00Z, missing at 2026-03-02T00:00:00Z');
    expect(describeMissing({ ...m, baseline: 'history', baselineName: undefined })).toBe('"满199减20" seen by this profile earlier at 2026-03-01T00:00:00Z, missing at 2026-03-02T00:00:00Z');
    expect(describeMissing({ ...m, baseline: 'control', baselineName: 'logged-out visitor' })).toContain('seen by logged-out view "logged-out visitor" at');
  });

  it('is at most 200 characters', () => {
    const long = describeMissing({ ...m, offer: offer('k', '满'.repeat(300)) });
    expect(long).toHaveLength(200);
    expect(long.startsWith('"满满')).toBe(true);
  });
});
