import { describe, expect, it } from 'vitest';
import { findOffers, parseOffer, parsePrice } from '../../utils/coupons/amount';
import type { ParsedAmount } from '../../utils/coupons/types';

/*
 * Real coupon and promotion labels, and where each kind was seen. Files are named by repository
 * where the search that found them could name it; the others are described, not cited:
 * [jd-page]    saved JD item pages in public repositories: 满1088减80, 满159减30 and
 *              购生鲜返汽车用品199减100优惠券, 满2000减100 / 满1000减35 / 满10000减500
 * [jd-script]  a puppeteer script reading JD's 优惠券 and 促销 rows: 满149减15,
 *              满2件，总价打9折, 每满99元，可减10元现金, 满X元减Y元
 * [tb-page]    saved Taobao item pages: 淘金币可抵0.86元, 淘金币可抵3.72元
 * [promo-copy] shopping-festival copy in public code: 跨店每满300-30 / 满199-20 / 满300-50 (Douyin card
 *              template), 跨店每满300减40, 跨店每满1000-200, 「满 199 减 30」「跨店每满 300 减 50」,
 *              满99元减10元 (LoveStudy-Zhu/webgl_project static/src/js/couponStoreData.js)
 * [mt-api]     Meituan coupon wording: "满N可用" (vv314/actions-mtz-coupons src/coupons/gundam.js),
 *              ¥5 满25可用 / 无门槛 (Meituan red-packet list)
 * [amz-scrape] Amazon coupon texts in scrapers and their tests: "Save 15%with coupon (some sizes/colors)",
 *              "Save 10%" + "with coupon (some sizes/colors)", "Save 5% with coupon (some sizes/colors)",
 *              "Save 10% with coupon", "Apply ₹200 coupon", "R$20 off",
 *              regexes /Save (.*?) with coupon/, /Apply (.*?) coupon/,
 *              /(\d+)\%\s*OFFクーポンの適用/ (Amazon JP)
 * [pdd-app]    PDD app wording an AutoJS script keys on: 券前¥…, 限1件 ¥4.68
 * [brief]      the wording listed in Shutout's coupon brief (Taobao/Tmall/JD/Amazon labels, Traditional
 *              script 滿199減20 / 折價券, traps)
 */

type Expect = Partial<Omit<ParsedAmount, 'label'>>;

const CASES: Array<[label: string, expected: Expect, source: string]> = [
  // Threshold discounts (满X减Y), Simplified
  ['满199减20', { kind: 'threshold', threshold: 199, amount: 20, currency: 'CNY', repeating: false }, 'brief'],
  ['满199元减10元', { kind: 'threshold', threshold: 199, amount: 10, currency: 'CNY' }, 'brief'],
  ['每满300减30', { kind: 'threshold', threshold: 300, amount: 30, repeating: true }, 'brief'],
  ['满1088减80', { kind: 'threshold', threshold: 1088, amount: 80 }, 'jd-page'],
  ['满159减30', { kind: 'threshold', threshold: 159, amount: 30 }, 'jd-page'],
  ['满2000减100', { kind: 'threshold', threshold: 2000, amount: 100 }, 'jd-page'],
  ['满1000减35', { kind: 'threshold', threshold: 1000, amount: 35 }, 'jd-page'],
  ['满10000减500', { kind: 'threshold', threshold: 10000, amount: 500 }, 'jd-page'],
  ['满149减15', { kind: 'threshold', threshold: 149, amount: 15 }, 'jd-script'],
  ['每满99元，可减10元现金', { kind: 'threshold', threshold: 99, amount: 10, repeating: true, currency: 'CNY' }, 'jd-script'],
  ['满399元减50元', { kind: 'threshold', threshold: 399, amount: 50 }, 'jd-script'],
  ['跨店每满300-30', { kind: 'threshold', threshold: 300, amount: 30, repeating: true }, 'promo-copy'],
  ['满199-20', { kind: 'threshold', threshold: 199, amount: 20 }, 'promo-copy'],
  ['满300-50', { kind: 'threshold', threshold: 300, amount: 50 }, 'promo-copy'],
  ['跨店每满300减40', { kind: 'threshold', threshold: 300, amount: 40, repeating: true }, 'promo-copy'],
  ['跨店每满1000-200', { kind: 'threshold', threshold: 1000, amount: 200, repeating: true }, 'promo-copy'],
  ['满 199 减 30', { kind: 'threshold', threshold: 199, amount: 30 }, 'promo-copy'],
  ['跨店每满 300 减 50', { kind: 'threshold', threshold: 300, amount: 50, repeating: true }, 'promo-copy'],
  ['满99元减10元', { kind: 'threshold', threshold: 99, amount: 10 }, 'promo-copy'],
  ['店铺优惠券 满49减5', { kind: 'threshold', threshold: 49, amount: 5 }, 'brief'],
  ['购生鲜返汽车用品199减100优惠券', { kind: 'threshold', threshold: 199, amount: 100 }, 'jd-page'],
  ['每满300减30，最高减300', { kind: 'threshold', threshold: 300, amount: 30, repeating: true, cap: 300 }, 'promo-copy'],
  ['满1,000减100', { kind: 'threshold', threshold: 1000, amount: 100 }, 'jd-page'],
  ['满3件减10元', { kind: 'threshold', minItems: 3, amount: 10 }, 'jd-script'],
  ['满300省30', { kind: 'threshold', threshold: 300, amount: 30 }, 'promo-copy'],
  // Full-width digits and Traditional script
  ['满１９９减２０', { kind: 'threshold', threshold: 199, amount: 20 }, 'brief'],
  ['滿199減20', { kind: 'threshold', threshold: 199, amount: 20, currency: 'CNY' }, 'brief'],
  ['每滿300減30', { kind: 'threshold', threshold: 300, amount: 30, repeating: true }, 'brief'],
  ['折價券 滿$500折$50', { kind: 'threshold', threshold: 500, amount: 50, currency: 'TWD' }, 'brief'],
  ['滿499折50', { kind: 'threshold', threshold: 499, amount: 50 }, 'brief'],
  ['購物津貼 每滿300減50', { kind: 'threshold', threshold: 300, amount: 50, repeating: true }, 'brief'],
  ['ＰＬＵＳ專享 滿２９９減３０', { kind: 'threshold', threshold: 299, amount: 30 }, 'brief'],
  // Meituan
  ['¥5 满25可用', { kind: 'threshold', threshold: 25, amount: 5, currency: 'CNY' }, 'mt-api'],
  ['满50可用 ¥10', { kind: 'threshold', threshold: 50, amount: 10 }, 'mt-api'],
  ['¥3 无门槛', { kind: 'instant', amount: 3, threshold: 0 }, 'mt-api'],
  ['100元代金券', { kind: 'instant', amount: 100, currency: 'CNY' }, 'mt-api'],
  // Instant discounts
  ['立减5元', { kind: 'instant', amount: 5, currency: 'CNY' }, 'brief'],
  ['直降100元', { kind: 'instant', amount: 100 }, 'brief'],
  ['领券立减20', { kind: 'instant', amount: 20 }, 'brief'],
  ['新人专享 首单立减3元', { kind: 'instant', amount: 3 }, 'brief'],
  ['淘金币可抵0.86元', { kind: 'instant', amount: 0.86, currency: 'CNY' }, 'tb-page'],
  ['淘金币可抵3.72元', { kind: 'instant', amount: 3.72 }, 'tb-page'],
  ['10元无门槛券', { kind: 'instant', amount: 10, threshold: 0 }, 'brief'],
  ['新人券 3元无门槛', { kind: 'instant', amount: 3, threshold: 0 }, 'pdd-app'],
  ['5元店铺券', { kind: 'instant', amount: 5 }, 'brief'],
  ['优惠券 ¥5', { kind: 'instant', amount: 5 }, 'brief'],
  // Percentages and 折
  ['5折', { kind: 'percent', percentOff: 50, currency: null }, 'brief'],
  ['8.5折', { kind: 'percent', percentOff: 15 }, 'brief'],
  ['95折', { kind: 'percent', percentOff: 5 }, 'brief'],
  ['88VIP 9.5折', { kind: 'percent', percentOff: 5 }, 'brief'],
  ['低至3折', { kind: 'percent', percentOff: 70, upTo: true }, 'brief'],
  ['满2件，总价打9折', { kind: 'percent', minItems: 2, percentOff: 10 }, 'jd-script'],
  ['满2件9折', { kind: 'percent', minItems: 2, percentOff: 10 }, 'jd-script'],
  ['满300享8.5折', { kind: 'percent', threshold: 300, percentOff: 15, currency: 'CNY' }, 'brief'],
  ['官方立减15%', { kind: 'percent', percentOff: 15 }, 'brief'],
  ['滿2件打8折', { kind: 'percent', minItems: 2, percentOff: 20 }, 'brief'],
  // Price after coupon
  ['券后价 ¥179', { kind: 'price-after', price: 179, currency: 'CNY' }, 'brief'],
  ['券后¥179', { kind: 'price-after', price: 179 }, 'brief'],
  ['券后¥179起', { kind: 'price-after', price: 179 }, 'brief'],
  ['券后价：￥1,299.00', { kind: 'price-after', price: 1299 }, 'brief'],
  ['到手价¥899', { kind: 'price-after', price: 899 }, 'brief'],
  ['券後價 ¥179', { kind: 'price-after', price: 179 }, 'brief'],
  // Free shipping: its own kind, never a money discount
  ['满99包邮', { kind: 'free-shipping', threshold: 99, currency: 'CNY' }, 'brief'],
  ['满2件包邮', { kind: 'free-shipping', minItems: 2 }, 'brief'],
  ['滿99元免運費', { kind: 'free-shipping', threshold: 99 }, 'brief'],
  ['FREE delivery on orders over $35 shipped by Amazon', { kind: 'free-shipping', threshold: 35, currency: 'USD' }, 'brief'],
  // English (Amazon and others)
  ['Save $5 with coupon', { kind: 'instant', amount: 5, currency: 'USD' }, 'brief'],
  ['Save $5.00 with coupon', { kind: 'instant', amount: 5, currency: 'USD' }, 'amz-scrape'],
  ['Apply 10% coupon', { kind: 'percent', percentOff: 10 }, 'brief'],
  ['Apply $5 coupon', { kind: 'instant', amount: 5, currency: 'USD' }, 'amz-scrape'],
  ['Save 15% on 2 select items', { kind: 'percent', percentOff: 15, minItems: 2 }, 'brief'],
  ['Save 15%with coupon (some sizes/colors)', { kind: 'percent', percentOff: 15 }, 'amz-scrape'],
  ['Save 10% with coupon (some sizes/colors)', { kind: 'percent', percentOff: 10 }, 'amz-scrape'],
  ['Save 5% with coupon (some sizes/colors)', { kind: 'percent', percentOff: 5 }, 'amz-scrape'],
  ['Apply ₹200 coupon', { kind: 'instant', amount: 200, currency: 'INR' }, 'amz-scrape'],
  ['R$20 off', { kind: 'instant', amount: 20, currency: 'BRL' }, 'amz-scrape'],
  ['10% OFFクーポンの適用', { kind: 'percent', percentOff: 10 }, 'amz-scrape'],
  ['Save £3.00 with voucher', { kind: 'instant', amount: 3, currency: 'GBP' }, 'amz-scrape'],
  ['Save 5% on any 4 qualifying items', { kind: 'percent', percentOff: 5, minItems: 4 }, 'amz-scrape'],
  ['Save 10% each on Qualifying items offered by Anker Direct when you purchase 1 or more.', { kind: 'percent', percentOff: 10, minItems: 1 }, 'amz-scrape'],
  ['Prime members save an extra 10%', { kind: 'percent', percentOff: 10 }, 'amz-scrape'],
  ['Spend $50, save $10', { kind: 'threshold', threshold: 50, amount: 10, currency: 'USD' }, 'brief'],
  ['$10 off orders over $50', { kind: 'threshold', threshold: 50, amount: 10 }, 'brief'],
  ['Buy 2, get 10% off', { kind: 'percent', minItems: 2, percentOff: 10 }, 'brief'],
  ['Extra 20% off', { kind: 'percent', percentOff: 20 }, 'brief'],
];

const TRAPS: Array<[label: string, source: string]> = [
  ['¥199.00', 'brief: plain price'],
  ['$24.99', 'brief: plain price'],
  ['￥1,499.00', 'jd-page: price'],
  ['限购2件', 'brief: purchase limit'],
  ['每人限领1张', 'jd-page: claim limit'],
  ['月销2000+', 'brief: sales count'],
  ['已售10万+', 'brief: sales count'],
  ['已拼10万+件', 'pdd-app: sales count'],
  ['用了3个月，满意', 'brief: review text'],
  ['Only 3 left in stock', 'brief: stock'],
  ['Limit 2 per customer', 'brief: limit'],
  ['4.5 out of 5 stars', 'brief: rating'],
  ['3月28日', 'brief: date'],
  ['FREE delivery Thursday, March 28', 'amz-scrape: delivery date'],
  ['有效期2020-03-09至2020-03-31', 'jd-page: validity'],
  ['RTX 4090 24G', 'brief: model number'],
  ['小米14 Ultra 16GB+512GB', 'brief: model number'],
  ['三折叠伞 3折叠', 'brief: 折叠 is folding'],
  ['包邮', 'brief: service tag, no threshold'],
  ['全场包邮 · 7天无理由退货 · 48小时发货', 'pdd-app: service tags'],
  ['3期免息', 'brief: instalments'],
  ['第二件半价', 'left out: no number to compare'],
  ['限1件 ¥4.68', 'pdd-app: limit with price'],
  ['券前¥12.9', 'pdd-app: price before coupon'],
  ['购买不超过5件时享受优惠，超出数量以结算价为准', 'jd-page: promotion limit'],
  ['满分好评', 'brief: 满 without a number'],
  ['满100分', 'brief: 满 a score'],
  ['10折', 'brief: no discount'],
  ['48,213 ratings', 'amz-scrape: rating count'],
];

describe('parseOffer on real coupon labels', () => {
  it.each(CASES)('%s', (label, expected) => {
    const got = parseOffer(label);
    expect(got, label).not.toBeNull();
    expect(got).toMatchObject(expected);
    expect(got!.label).toBe(label.replace(/\s+/g, ' ').trim());
  });

  it('counts at least 60 real labels', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
});

describe('parseOffer on traps', () => {
  it.each(TRAPS)('%s is not an offer', (label) => {
    expect(parseOffer(label)).toBeNull();
  });
});

describe('parsed fields', () => {
  it('gives the whole structure for a threshold deal', () => {
    expect(parseOffer('店铺优惠券 满199减20')).toEqual({
      kind: 'threshold',
      threshold: 199,
      amount: 20,
      currency: 'CNY',
      repeating: false,
      upTo: false,
      label: '店铺优惠券 满199减20',
    });
  });

  it('leaves currency null for a percentage without money', () => {
    expect(parseOffer('8.5折')).toEqual({ kind: 'percent', percentOff: 15, currency: null, repeating: false, upTo: false, label: '8.5折' });
  });

  it('reads the site currency for bare ¥ and $', () => {
    expect(parseOffer('￥300 OFFクーポンの適用', { currency: 'JPY' })).toMatchObject({ kind: 'instant', amount: 300, currency: 'JPY' });
    expect(parseOffer('Save $5.00 with coupon', { currency: 'CAD' })).toMatchObject({ amount: 5, currency: 'CAD' });
    expect(parseOffer('1,000円OFF')).toMatchObject({ kind: 'instant', amount: 1000, currency: 'JPY' });
    expect(parseOffer('满199减20', { currency: 'HKD' })).toMatchObject({ currency: 'HKD' });
  });

  it('prefers the most specific deal in a label', () => {
    expect(parseOffer('券后¥179 满199减20')).toMatchObject({ kind: 'threshold', threshold: 199 });
    expect(parseOffer('直降100元 到手价¥899')).toMatchObject({ kind: 'instant', amount: 100 });
  });

  it('rejects a threshold below its discount', () => {
    expect(parseOffer('满20减30')).toBeNull();
  });

  it('bounds the label it keeps', () => {
    const long = '满199减20 ' + '很长的说明'.repeat(60);
    expect(parseOffer(long)!.label.length).toBeLessThanOrEqual(120);
  });
});

describe('findOffers', () => {
  it('reads every tier of a multi-tier promotion, in order, each with its own words', () => {
    expect(findOffers('满199元减20元，满399元减50元').map((d) => [d.threshold, d.amount, d.label])).toEqual([
      [199, 20, '满199元减20元'],
      [399, 50, '满399元减50元'],
    ]);
  });

  it('reads a coupon strip line', () => {
    expect(findOffers('领券 店铺优惠券 满199减20 满99减10 券后¥179').map((d) => d.kind)).toEqual(['threshold', 'threshold', 'price-after']);
  });

  it('finds nothing in ordinary page text', () => {
    expect(findOffers('月销 2000+ · 限购5件 · 超出商品库存限制时将无法下单 · 4.8分 · 3月28日发货')).toEqual([]);
  });
});

describe('parsePrice', () => {
  it('reads prices as pages print them', () => {
    expect(parsePrice('¥199.00')).toEqual({ value: 199, currency: 'CNY' });
    expect(parsePrice('￥1,299')).toEqual({ value: 1299, currency: 'CNY' });
    expect(parsePrice('$24.99')).toEqual({ value: 24.99, currency: 'USD' });
    expect(parsePrice('5,00 €')).toEqual({ value: 5, currency: 'EUR' });
    expect(parsePrice('1499.00', { currency: 'CNY' })).toEqual({ value: 1499, currency: 'CNY' });
    expect(parsePrice('¥--')).toBeNull();
  });
});

describe('parsePrice: currencies and number forms', () => {
  // What a yuan sign means depends on the site: 元 is the Taiwan or Hong Kong dollar there, never the yen.
  it.each([
    ['100元', { currency: 'TWD' }, { value: 100, currency: 'TWD' }],
    ['100块', { currency: 'HKD' }, { value: 100, currency: 'HKD' }],
    ['100圆', {}, { value: 100, currency: 'CNY' }],
    ['100元', { currency: 'JPY' }, { value: 100, currency: 'CNY' }],
    ['eur 12', {}, { value: 12, currency: 'EUR' }],
    ['rs. 250', {}, { value: 250, currency: 'INR' }],
    ['Rs 250', {}, { value: 250, currency: 'INR' }],
    ['100 gbp', {}, { value: 100, currency: 'GBP' }],
    ['₩5000', {}, { value: 5000, currency: 'KRW' }],
    ['NT$ 100', {}, { value: 100, currency: 'TWD' }],
    ['$100', { currency: 'JPY' }, { value: 100, currency: 'USD' }],
    ['$100', { currency: 'CAD' }, { value: 100, currency: 'CAD' }],
    ['1,234.50', {}, { value: 1234.5, currency: null }],
    ['12,34', {}, { value: 12.34, currency: null }],
    ['¥2万', {}, { value: 20000, currency: 'CNY' }],
    ['3 万元', {}, { value: 30000, currency: 'CNY' }],
  ] as const)('%s (%o)', (text, opts, expected) => {
    expect(parsePrice(text, opts)).toEqual(expected);
  });
});
