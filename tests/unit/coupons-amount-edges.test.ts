import { describe, expect, it } from 'vitest';
import { findOffers, parseOffer, parsePrice } from '../../utils/coupons/amount';
import type { ParsedAmount } from '../../utils/coupons/types';

/*
 * More edges of the amount parser (utils/coupons/amount.ts), written from the mutants that
 * coupons-amount.test.ts and coupons-amount-bounds.test.ts let survive: the currency each rule
 * hands on, "repeating" where a deal never repeats, caps only on deals that can have one, and
 * how deals found by different rules share a text.
 */

/** A deal with the defaults filled in, as the parser returns it. */
function deal(kind: ParsedAmount['kind'], label: string, fields: Partial<ParsedAmount>): ParsedAmount {
  return { kind, currency: null, repeating: false, upTo: false, label, ...fields };
}

describe('the currency each rule reads from its own money', () => {
  it.each([
    // [label, kind, currency] — a currency the label names, never the CJK default
    ['滿$300享8.5折', 'percent', 'TWD'], // cn-threshold-percent
    ['满25可用 HK$5', 'threshold', 'HKD'], // cn-usable-over
    ['立减HK$5', 'instant', 'HKD'], // cn-instant-strong
    ['HK$50 店铺券', 'instant', 'HKD'], // cn-coupon-amount
    ['红包 HK$5', 'instant', 'HKD'], // cn-coupon-then-amount
    ['省HK$5', 'instant', 'HKD'], // cn-instant-weak
    ['券后价 HK$179', 'price-after', 'HKD'], // cn-price-after
    ['HK$179 券后价', 'price-after', 'HKD'], // cn-price-after-reverse
    ['Price after coupon: $19.99', 'price-after', 'USD'], // en-price-after
    ['Save $5', 'instant', 'USD'], // en-save
    ['Get 10% off orders over $50', 'percent', 'USD'], // en-off-over, percent
  ] as const)('%s → %s in %s', (label, kind, currency) => {
    expect(parseOffer(label)).toMatchObject({ kind, currency });
  });

  it('reads a percentage off orders over an amount with its threshold', () => {
    expect(parseOffer('Get 10% off orders over $50')).toEqual(deal('percent', 'Get 10% off orders over $50', { threshold: 50, percentOff: 10, currency: 'USD' }));
  });

  it('reads 圆 as the site’s Taiwan or Hong Kong dollar, like 元', () => {
    expect(parsePrice('100圆', { currency: 'TWD' })).toEqual({ value: 100, currency: 'TWD' });
    expect(parsePrice('100圆', { currency: 'HKD' })).toEqual({ value: 100, currency: 'HKD' });
  });

  it('names the first money’s currency: ¥ on a Japanese site is JPY even next to 元', () => {
    expect(parseOffer('满¥100减5元', { currency: 'JPY' })).toMatchObject({ kind: 'threshold', threshold: 100, amount: 5, currency: 'JPY' });
  });

  it('gives a deal without money the currency of its cap', () => {
    expect(parseOffer('Save 10% with coupon, up to $50')).toEqual(deal('percent', 'Save 10% with coupon, up to $50', { percentOff: 10, cap: 50, currency: 'USD' }));
    expect(parseOffer('8.5折，最高减50元')).toMatchObject({ kind: 'percent', percentOff: 15, cap: 50, currency: 'CNY' });
  });
});

describe('deals that never repeat', () => {
  it.each([
    ['199减20', deal('threshold', '199减20', { threshold: 199, amount: 20, currency: 'CNY' })],
    ['Spend $50, save $10', deal('threshold', 'Spend $50, save $10', { threshold: 50, amount: 10, currency: 'USD' })],
    ['$10 off orders over $50', deal('threshold', '$10 off orders over $50', { threshold: 50, amount: 10, currency: 'USD' })],
    ['$10 off $50+', deal('threshold', '$10 off $50+', { threshold: 50, amount: 10, currency: 'USD' })],
  ] as const)('%s', (label, expected) => {
    expect(parseOffer(label)).toEqual(expected);
  });
});

describe('caps', () => {
  it('reads a cap after a percentage deal', () => {
    expect(parseOffer('满300享8.5折，最高减50元')).toMatchObject({ kind: 'percent', threshold: 300, percentOff: 15, cap: 50, currency: 'CNY' });
  });

  it('gives an instant discount no cap: a fixed amount has nothing to cap', () => {
    expect(parseOffer('立减5元，最高减300元')).toEqual(deal('instant', '立减5元，最高减300元', { amount: 5, currency: 'CNY' }));
  });
});

describe("Meituan's 满N可用: an amount right against it", () => {
  it('takes an amount that starts where 可用 ends', () => {
    expect(parseOffer('满25可用¥5')).toMatchObject({ kind: 'threshold', threshold: 25, amount: 5 });
  });

  it('prefers the amount before on a tie in distance', () => {
    expect(parseOffer('¥3满25可用¥4')).toMatchObject({ kind: 'threshold', threshold: 25, amount: 3 });
  });
});

describe('deals of different rules in one text', () => {
  it('keeps a deal that ends where another begins', () => {
    expect(findOffers('立减5元满199减20').map((d) => [d.kind, d.label])).toEqual([
      ['instant', '立减5元'],
      ['threshold', '满199减20'],
    ]);
    expect(findOffers('满199减20立减5元').map((d) => [d.kind, d.label])).toEqual([
      ['threshold', '满199减20'],
      ['instant', '立减5元'],
    ]);
  });

  it('keeps a deal before another one found first', () => {
    expect(findOffers('立减5元 满199减20').map((d) => d.kind)).toEqual(['instant', 'threshold']);
  });

  it('lists deals in reading order, not in the order of the rules', () => {
    expect(findOffers('券后¥179 满199减20').map((d) => d.kind)).toEqual(['price-after', 'threshold']);
    expect(findOffers('立减5元 券后¥179 满199减20').map((d) => d.kind)).toEqual(['instant', 'price-after', 'threshold']);
  });

  it('keeps 满N可用 with its amount beside a deal before it, after it, or touching it', () => {
    const read = (text: string) => findOffers(text).map((d) => [d.threshold, d.amount, d.label]);
    expect(read('满30减5 满25可用 ¥3')).toEqual([
      [30, 5, '满30减5'],
      [25, 3, '满25可用 ¥3'],
    ]);
    expect(read('¥3 满25可用 满30减5')).toEqual([
      [25, 3, '¥3 满25可用'],
      [30, 5, '满30减5'],
    ]);
    expect(read('满25可用¥3满30减5')).toEqual([
      [25, 3, '满25可用¥3'],
      [30, 5, '满30减5'],
    ]);
    expect(read('满30减5$3满25可用')).toEqual([
      [30, 5, '满30减5'],
      [25, 3, '$3满25可用'],
    ]);
  });
});

describe('parsePrice bounds', () => {
  it('reads only the first 200 characters', () => {
    expect(parsePrice(`${'x'.repeat(190)} ¥5`)).toEqual({ value: 5, currency: 'CNY' });
    expect(parsePrice(`${'x'.repeat(250)} ¥5`)).toBeNull();
  });
});
