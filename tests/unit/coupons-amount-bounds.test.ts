import { describe, expect, it } from 'vitest';
import { findOffers, parseOffer, parsePrice } from '../../utils/coupons/amount';

/*
 * The edges of the amount parser (utils/coupons/amount.ts): where a number stops making sense as
 * money, a rate or a count, and how far apart Meituan's "满25可用" and its amount may stand.
 * Written from the mutants that the table-driven cases in coupons-amount.test.ts let survive.
 */

describe('money amounts', () => {
  it('reads thousands separators only in groups of three, and any number of groups', () => {
    expect(parsePrice('¥12,345')).toEqual({ value: 12345, currency: 'CNY' });
    expect(parsePrice('¥1,234,567')).toEqual({ value: 1234567, currency: 'CNY' });
    expect(parsePrice('¥1,234,567.5')).toEqual({ value: 1234567.5, currency: 'CNY' });
  });

  it('refuses an amount of zero', () => {
    expect(parseOffer('满100减0')).toBeNull();
    expect(parseOffer('立减0元')).toBeNull();
    expect(parsePrice('¥0')).toBeNull();
  });

  it('keeps the currency a threshold deal names after its number', () => {
    expect(parseOffer('满2件减5USD')).toMatchObject({ kind: 'threshold', minItems: 2, amount: 5, currency: 'USD' });
    expect(parseOffer('满99USD包邮')).toMatchObject({ kind: 'free-shipping', threshold: 99, currency: 'USD' });
  });
});

describe('rates and counts', () => {
  it('refuses percentages of 0 and of 100 or more', () => {
    expect(parseOffer('Save 0% with coupon')).toBeNull();
    expect(parseOffer('Save 100% with coupon')).toBeNull();
    expect(parseOffer('Save 150% with coupon')).toBeNull();
    expect(parseOffer('Save 99% with coupon')).toMatchObject({ kind: 'percent', percentOff: 99 });
    expect(parseOffer('Save 1% with coupon')).toMatchObject({ kind: 'percent', percentOff: 1 });
  });

  it('refuses a 折 rate that rounds to nothing off or to everything off', () => {
    expect(parseOffer('9.9999折')).toBeNull();
    expect(parseOffer('0.0001折')).toBeNull();
    expect(parseOffer('9.9折')).toMatchObject({ percentOff: 1 });
    expect(parseOffer('0.1折')).toMatchObject({ percentOff: 99 });
  });

  it('reads counts written as words, in any case', () => {
    expect(parseOffer('Buy two, get 10% off')).toMatchObject({ kind: 'percent', minItems: 2, percentOff: 10 });
    expect(parseOffer('Buy Three, get 10% off')).toMatchObject({ minItems: 3 });
  });

  it('takes item counts from 1 to 999 only', () => {
    expect(parseOffer('满999件减10元')).toMatchObject({ kind: 'threshold', minItems: 999, amount: 10 });
    // Out of range the count is no count: only the discount is read, as a plain 减10元.
    expect(parseOffer('满1000件减10元')).toMatchObject({ kind: 'instant', amount: 10 });
    expect(parseOffer('满0件减10元')).toMatchObject({ kind: 'instant', amount: 10 });
  });

  it('refuses a discount equal to its threshold', () => {
    expect(parseOffer('满100减100')).toBeNull();
    expect(parseOffer('满100减99')).toMatchObject({ threshold: 100, amount: 99 });
  });

  it('says whether a deal repeats (每满)', () => {
    expect(parseOffer('满2件打9折')).toMatchObject({ kind: 'percent', minItems: 2, repeating: false });
    expect(parseOffer('每满2件打9折')).toMatchObject({ kind: 'percent', minItems: 2, repeating: true });
    expect(parseOffer('满300享8.5折')).toMatchObject({ kind: 'percent', threshold: 300, repeating: false });
    expect(parseOffer('每满300享8.5折')).toMatchObject({ kind: 'percent', threshold: 300, repeating: true });
    expect(parseOffer('满2件包邮')).toMatchObject({ kind: 'free-shipping', minItems: 2, repeating: false });
  });
});

describe("Meituan's 满N可用 and its amount", () => {
  it('takes the amount after the threshold or before it', () => {
    expect(parseOffer('满25可用 ¥5')).toMatchObject({ kind: 'threshold', threshold: 25, amount: 5, currency: 'CNY' });
    expect(parseOffer('¥5 满25可用')).toMatchObject({ kind: 'threshold', threshold: 25, amount: 5 });
  });

  it('labels the deal with both parts', () => {
    expect(findOffers('满25可用 ¥5').map((d) => d.label)).toEqual(['满25可用 ¥5']);
    expect(findOffers('¥5 满25可用').map((d) => d.label)).toEqual(['¥5 满25可用']);
  });

  it('takes an amount up to 12 characters away, and no farther', () => {
    expect(parseOffer(`满25可用${' '.repeat(12)}¥5`)).toMatchObject({ amount: 5 });
    expect(parseOffer(`满25可用${'_'.repeat(13)}¥5`)).toBeNull();
    expect(parseOffer(`¥5${'_'.repeat(12)}满25可用`)).toMatchObject({ amount: 5 });
    expect(parseOffer(`¥5${'_'.repeat(13)}满25可用`)).toBeNull();
  });

  it('takes the nearest amount below the threshold', () => {
    expect(parseOffer('¥3___满25可用_¥5')).toMatchObject({ amount: 5 });
    expect(parseOffer('¥3_满25可用___¥5')).toMatchObject({ amount: 3 });
    expect(parseOffer('满25可用 30元 4元')).toMatchObject({ amount: 4 });
    expect(parseOffer('满25可用 ¥25')).toBeNull();
  });
});

describe('currencies of bare symbols', () => {
  it('reads $ as the site’s dollar, as TWD on a Traditional label, as USD otherwise', () => {
    expect(parseOffer('滿500折$50')).toMatchObject({ threshold: 500, amount: 50, currency: 'TWD' });
    expect(parseOffer('Save $5 with coupon')).toMatchObject({ currency: 'USD' });
    expect(parseOffer('Save $5 with coupon', { currency: 'AUD' })).toMatchObject({ currency: 'AUD' });
    expect(parseOffer('Save $5 with coupon', { currency: 'EUR' })).toMatchObject({ currency: 'USD' });
  });

  it('reads ¥ as JPY on a Japanese site and CNY elsewhere, 元 as the site’s TWD or HKD', () => {
    expect(parsePrice('¥100', { currency: 'JPY' })).toEqual({ value: 100, currency: 'JPY' });
    expect(parsePrice('¥100', { currency: 'USD' })).toEqual({ value: 100, currency: 'CNY' });
    expect(parsePrice('100元', { currency: 'TWD' })).toEqual({ value: 100, currency: 'TWD' });
    expect(parsePrice('100元', { currency: 'HKD' })).toEqual({ value: 100, currency: 'HKD' });
    expect(parsePrice('100元', { currency: 'JPY' })).toEqual({ value: 100, currency: 'CNY' });
  });
});

describe('the rules’ other branches', () => {
  it('reads "save N% on N select items" and refuses its 0%', () => {
    expect(parseOffer('Save 15% on 2 select items')).toMatchObject({ kind: 'percent', percentOff: 15, minItems: 2, currency: null });
    expect(parseOffer('Save 0% on 2 select items')).toBeNull();
    expect(parseOffer('Save 0% each on Qualifying items offered by X when you purchase 1 or more')).toBeNull();
  });

  it('reads "buy N, save $M" as money off a count, and refuses "buy N, get 0% off"', () => {
    expect(parseOffer('Buy 3 save $5')).toMatchObject({ kind: 'threshold', minItems: 3, amount: 5, currency: 'USD' });
    expect(parseOffer('Buy 3, get 0% off')).toBeNull();
  });

  it('reads "spend $N get M% off" and refuses its 0%', () => {
    expect(parseOffer('Spend $50 get 10% off')).toMatchObject({ kind: 'percent', threshold: 50, percentOff: 10, currency: 'USD' });
    expect(parseOffer('Spend $50 get 0% off')).toBeNull();
  });

  it('gives 无门槛 coupons a threshold of 0, and others none', () => {
    expect(parseOffer('10元无门槛券')).toEqual({ kind: 'instant', amount: 10, threshold: 0, currency: 'CNY', repeating: false, upTo: false, label: '10元无门槛券' });
    expect(parseOffer('5元店铺券')).toEqual({ kind: 'instant', amount: 5, currency: 'CNY', repeating: false, upTo: false, label: '5元店铺券' });
    expect(parseOffer('无门槛 ¥5')).toEqual({ kind: 'instant', amount: 5, threshold: 0, currency: 'CNY', repeating: false, upTo: false, label: '无门槛 ¥5' });
    expect(parseOffer('红包 ¥5')).toEqual({ kind: 'instant', amount: 5, currency: 'CNY', repeating: false, upTo: false, label: '红包 ¥5' });
  });

  it('says "up to" only when the label says it', () => {
    expect(parseOffer('Save up to $50')).toMatchObject({ kind: 'instant', amount: 50, upTo: true });
    expect(parseOffer('Save $50')).toMatchObject({ kind: 'instant', amount: 50, upTo: false });
    expect(parseOffer('up to 30% off')).toMatchObject({ kind: 'percent', percentOff: 30, upTo: true });
    expect(parseOffer('30% off')).toMatchObject({ kind: 'percent', percentOff: 30, upTo: false });
  });
});

describe('bounds of a scan', () => {
  it('reads only the first 4,000 characters of a text', () => {
    expect(findOffers(`${'x'.repeat(3995)} 满199减20`)).toEqual([]);
    expect(findOffers(`${'x'.repeat(3980)} 满199减20`)).toHaveLength(1);
  });

  it('never lets 满N可用 borrow an amount that another deal holds', () => {
    expect(findOffers('满30减5元满25可用').map((d) => d.label)).toEqual(['满30减5元']);
  });
});
