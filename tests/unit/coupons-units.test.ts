/**
 * The coupon core's small units, one behaviour each: offer keys and offers, labels cut at a
 * character boundary, offer types from their words, the ledger file's redaction and import, and
 * an adapter that throws on a strange page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ShutoutDB } from '../../utils/storage/db';
import { classifyOffer } from '../../utils/coupons/classify';
import { extractCoupons } from '../../utils/coupons/index';
import { exportLedger, importLedger, parseLedger } from '../../utils/coupons/ledger-file';
import { toRecord } from '../../utils/coupons/ledger';
import { makeOffer, offerKey } from '../../utils/coupons/offer';
import { boundLabel, collapse, normalizeCouponText } from '../../utils/coupons/text';
import type { ParsedAmount } from '../../utils/coupons/types';
import type { LedgerVisit } from '../../utils/coupons/compare';

const deal = (d: Partial<ParsedAmount>): ParsedAmount => ({ kind: 'threshold', currency: 'CNY', repeating: false, upTo: false, label: 'x', ...d }) as ParsedAmount;

describe('offer keys and offers', () => {
  it('keys a cap and an "up to" apart from the same deal without them', () => {
    const base = offerKey('taobao', 'shop', deal({ threshold: 300, amount: 30 }));
    expect(offerKey('taobao', 'shop', deal({ threshold: 300, amount: 30, cap: 300 }))).toBe(`${base}:cap=300`);
    expect(offerKey('taobao', 'shop', deal({ threshold: 300, amount: 30, upTo: true }))).toBe(`${base}:upto`);
    expect(offerKey('taobao', 'shop', deal({ threshold: 300, amount: 30, repeating: true }))).toBe(`${base}:each`);
  });
  it('sets an activity, a price before and a price after only when there is one; a price-after deal gives its own price', () => {
    const plain = makeOffer({ platform: 'taobao', itemId: '1', label: '满300减30', type: 'shop', deal: deal({ threshold: 300, amount: 30 }) });
    expect(Object.keys(plain)).not.toContain('activityId');
    expect(Object.keys(plain)).not.toContain('priceBefore');
    expect(Object.keys(plain)).not.toContain('priceAfter');
    const full = makeOffer({ platform: 'taobao', itemId: '1', label: '券后价', type: 'platform', deal: deal({ kind: 'price-after', price: 88 } as Partial<ParsedAmount>), activityId: 'a1', priceBefore: 100, priceAfter: 90 });
    expect(full).toMatchObject({ activityId: 'a1', priceBefore: 100, priceAfter: 88 });
    const given = makeOffer({ platform: 'taobao', itemId: '1', label: '满300减30', type: 'shop', deal: deal({ threshold: 300, amount: 30 }), priceAfter: 90 });
    expect(given.priceAfter).toBe(90);
  });
});

describe('labels and types', () => {
  it('normalises width and dashes without changing the length, also past a 4,096-character chunk', () => {
    expect(normalizeCouponText('ＡＢ１—')).toBe('AB1-');
    const long = `${'x'.repeat(5000)}满３００减３０`;
    const folded = normalizeCouponText(long);
    expect(folded).toHaveLength(long.length);
    expect(folded).toBe(`${'x'.repeat(5000)}满300减30`);
    expect(normalizeCouponText('plain')).toBe('plain');
  });
  it('collapses each run of white space, full-width and no-break spaces included, to one space', () => {
    expect(collapse(' a \n\t b\u3000\u3000c\u00a0 d ')).toBe('a b c d');
  });
  it('cuts a long label before a surrogate pair, never inside it', () => {
    expect(boundLabel('ab😀cd', 4)).toBe('ab…');
    expect(boundLabel('ab😀cd', 5)).toBe('ab😀…');
    expect(boundLabel('  ab   cd ', 10)).toBe('ab cd');
  });
  it('reads the words of several texts joined by a space ("sold" + "by" is a shop\'s offer)', () => {
    expect(classifyOffer('sold', 'by Example Store')).toBe('shop');
    expect(classifyOffer(null, undefined, '')).toBe('unknown');
  });
});

describe('the ledger file', () => {
  const dbs: ShutoutDB[] = [];
  let n = 0;
  const fresh = () => {
    const db = new ShutoutDB(`coupons-units-${++n}`);
    dbs.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });
  const scan = { platform: 'taobao', itemId: '738259061234', url: 'https://item.taobao.com/item.htm?id=738259061234', state: 'present' as const, offers: [] };
  const v = (id: string, at: string, extra: Partial<LedgerVisit> = {}): LedgerVisit => ({ id, itemKey: 'taobao:738259061234', at, source: 'visit', profileLabel: 'me', scan, ...extra });

  it('masks a control view\'s name in a redacted export and says which fields it masked', async () => {
    const db = fresh();
    await db.coupons.bulkPut([toRecord(v('c1', '2026-03-01T00:00:00Z', { source: 'control', baselineName: '张三的对照' }))]);
    const redacted = await exportLedger(db, 'me', new Date('2026-03-02T00:00:00Z'), true);
    expect(redacted.visits[0]!.baselineName).toBeDefined();
    expect(redacted.visits[0]!.baselineName).not.toContain('张三');
    expect(redacted.redaction).toMatchObject({ applied: true, fields: ['profileLabel', 'url'] });
  });

  it('says which file is no ledger and why', () => {
    expect(() => parseLedger('{"format":"something else"}', 'x.json')).toThrow(/^x\.json is not a Shutout coupon ledger: \S/);
  });

  it('keeps the latest visit of an item, the first of two at the same time, and a baseline name of at most 200 characters', async () => {
    const file = { format: 'shutout-coupon-ledger', version: 1, exportedAt: '2026-03-05T00:00:00.000Z', profileLabel: '', visits: [
      v('a-old', '2026-03-01T00:00:00Z'), v('b-new', '2026-03-03T00:00:00Z'), v('c-same', '2026-03-03T00:00:00Z'), v('d-older', '2026-03-02T00:00:00Z'),
    ] };
    const db = fresh();
    const source = 'x'.repeat(300);
    const result = await importLedger(db, parseLedger(JSON.stringify(file), source), source);
    expect(result.baselineName).toBe('x'.repeat(200));
    expect(result).toMatchObject({ added: 1, superseded: 3 });
    expect((await db.coupons.toArray()).map((r) => r.id)).toEqual([`import:${'x'.repeat(200)}:b-new`]);
  });
});

describe('an adapter that throws', () => {
  it('gives a strange page as not loaded, with its item, instead of throwing', () => {
    const hostile = { querySelector: () => { throw new Error('boom'); }, querySelectorAll: () => { throw new Error('boom'); } } as unknown as ParentNode;
    expect(extractCoupons(hostile, 'https://item.taobao.com/item.htm?id=738259061234')).toEqual({
      platform: 'taobao', itemId: '738259061234', url: 'https://item.taobao.com/item.htm?id=738259061234', state: 'not-loaded', offers: [], unparsed: [],
    });
    expect(extractCoupons(hostile, 'https://example.com/')).toBeNull();
  });
});
