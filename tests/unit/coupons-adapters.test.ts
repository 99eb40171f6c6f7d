import { parseHTML } from 'linkedom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUPON_PLATFORMS, couponAdapterFor, extractCoupons } from '../../utils/coupons/index';
import type { CouponScan, DealKind, OfferType, ParsedAmount } from '../../utils/coupons/types';

const DIR = join(__dirname, '../fixtures/coupons');

interface Fixture {
  path: string;
  url: string;
  state: string;
  html: string;
}

function fixture(path: string): Fixture {
  const html = readFileSync(join(DIR, path), 'utf8');
  const head = /^<!--\s*coupon-fixture\b([\s\S]*?)-->/.exec(html);
  if (!head) throw new Error(`${path}: no coupon-fixture header`);
  const url = /^\s*url:\s*(\S+)\s*$/m.exec(head[1]!)?.[1];
  const state = /^\s*state:\s*(\S+)\s*$/m.exec(head[1]!)?.[1];
  if (!url || !state) throw new Error(`${path}: header needs url: and state:`);
  return { path, url, state, html };
}

function scan(path: string): CouponScan {
  const f = fixture(path);
  const { document } = parseHTML(f.html);
  const s = extractCoupons(document as unknown as ParentNode, f.url);
  if (!s) throw new Error(`${path}: no adapter for ${f.url}`);
  return s;
}

const ALL = readdirSync(DIR).flatMap((p) => readdirSync(join(DIR, p)).map((f) => `${p}/${f}`));

/** A deal with the defaults filled in, as the parser returns it. */
function deal(kind: DealKind, label: string, fields: Partial<ParsedAmount>): ParsedAmount {
  return { kind, currency: null, repeating: false, upTo: false, label, ...fields };
}

/** What is asserted of each offer: everything but the fields every offer of a scan shares. */
function offers(s: CouponScan): Array<{ label: string; type: OfferType; key: string; deal: ParsedAmount }> {
  return s.offers.map((o) => ({ label: o.label, type: o.type, key: o.key, deal: o.deal }));
}

describe('coupon fixtures', () => {
  it('cover every adapter platform with present, empty and not-loaded pages', () => {
    const platforms = new Set(ALL.map((p) => p.split('/')[0]!));
    expect([...platforms].sort()).toEqual(['amazon', 'jd', 'juhuasuan', 'meituan', 'pinduoduo', 'taobao', 'tmall']);
    for (const p of platforms) {
      const states = new Set(ALL.filter((f) => f.startsWith(`${p}/`)).map((f) => fixture(f).state));
      expect([...states].sort(), p).toEqual(['empty', 'not-loaded', 'present']);
      expect(couponAdapterFor(p), p).not.toBeNull();
    }
    expect([...COUPON_PLATFORMS].sort()).toEqual(['amazon', 'jd', 'juhuasuan', 'meituan', 'pinduoduo', 'taobao', 'tmall']);
  });

  it.each(ALL)('%s reads as its header says', (path) => {
    const f = fixture(path);
    const s = scan(path);
    expect(s.state).toBe(f.state);
    expect(s.url).toBe(f.url);
    if (f.state === 'present') expect(s.offers.length).toBeGreaterThan(0);
    else expect(s.offers).toEqual([]);
    for (const o of s.offers) {
      expect(o.platform).toBe(s.platform);
      expect(o.itemId).toBe(s.itemId);
      expect(o.currency).toBe(o.deal.currency);
      expect(o.label.length).toBeLessThanOrEqual(120);
      if (s.itemId) expect(o.key).not.toContain(s.itemId.replace(/^\w+:/, '')); // never the item
    }
  });
});

describe('alibaba adapter (taobao, tmall, juhuasuan)', () => {
  it('reads the 2023+ Taobao coupon area, prices before and after coupon', () => {
    const s = scan('taobao/present.html');
    expect(s).toMatchObject({ platform: 'taobao', itemId: '738259061234', state: 'present', priceShown: 199, priceAfter: 179, area: '[class*="couponInfoArea--"]' });
    expect(offers(s)).toEqual([
      { label: '店铺券 满199减20', type: 'shop', key: 'taobao:shop:threshold:CNY:min=199:off=20', deal: deal('threshold', '店铺券 满199减20', { threshold: 199, amount: 20, currency: 'CNY' }) },
      {
        label: '跨店每满300减50',
        type: 'cross-store',
        key: 'taobao:cross-store:threshold:CNY:min=300:off=50:each',
        deal: deal('threshold', '跨店每满300减50', { threshold: 300, amount: 50, currency: 'CNY', repeating: true }),
      },
      { label: '淘金币可抵1.79元', type: 'platform', key: 'taobao:platform:instant:CNY:off=1.79', deal: deal('instant', '淘金币可抵1.79元', { amount: 1.79, currency: 'CNY' }) },
    ]);
    expect(s.offers.every((o) => o.priceBefore === 199 && o.priceAfter === 179)).toBe(true);
    expect(s.unparsed).toEqual(['第2件半价']);
  });

  it('reads the older Taobao 优惠 row', () => {
    const s = scan('taobao/old-page-present.html');
    expect(s).toMatchObject({ state: 'present', priceShown: 69, area: '#J_OtherDiscount' });
    expect(offers(s)).toEqual([
      { label: '淘金币可抵0.86元', type: 'platform', key: 'taobao:platform:instant:CNY:off=0.86', deal: deal('instant', '淘金币可抵0.86元', { amount: 0.86, currency: 'CNY' }) },
      { label: '店铺优惠券 满49减5', type: 'shop', key: 'taobao:shop:threshold:CNY:min=49:off=5', deal: deal('threshold', '店铺优惠券 满49减5', { threshold: 49, amount: 5, currency: 'CNY' }) },
    ]);
  });

  it('keeps an empty coupon area apart from one that never loaded', () => {
    expect(scan('taobao/empty.html')).toMatchObject({ state: 'empty', priceShown: 39.9, offers: [], unparsed: [] });
    expect(scan('taobao/not-loaded.html')).toMatchObject({ state: 'not-loaded', offers: [] });
    // The old page before its async call: 优惠 row hidden, counters "-".
    expect(scan('taobao/old-page-not-filled.html')).toMatchObject({ state: 'not-loaded', offers: [] });
  });

  it('reads Tmall: shop, member (88VIP), platform (百亿补贴) and Traditional-script cross-store offers', () => {
    const s = scan('tmall/present.html');
    expect(s).toMatchObject({ platform: 'tmall', itemId: '675483920114', priceShown: 6499, priceAfter: 5999 });
    expect(offers(s)).toEqual([
      { label: '店铺满299减30', type: 'shop', key: 'tmall:shop:threshold:CNY:min=299:off=30', deal: deal('threshold', '店铺满299减30', { threshold: 299, amount: 30, currency: 'CNY' }) },
      { label: '88VIP 9.5折', type: 'member', key: 'tmall:member:percent:-:pct=5', deal: deal('percent', '88VIP 9.5折', { percentOff: 5 }) },
      { label: '百亿补贴 官方立减15%', type: 'platform', key: 'tmall:platform:percent:-:pct=15', deal: deal('percent', '百亿补贴 官方立减15%', { percentOff: 15 }) },
      {
        label: '購物津貼 每滿300減50',
        type: 'cross-store',
        key: 'tmall:cross-store:threshold:CNY:min=300:off=50:each',
        deal: deal('threshold', '購物津貼 每滿300減50', { threshold: 300, amount: 50, currency: 'CNY', repeating: true }),
      },
    ]);
    expect(scan('tmall/empty.html')).toMatchObject({ state: 'empty', itemId: '612875439903', priceShown: 168 });
    expect(scan('tmall/not-loaded.html')).toMatchObject({ state: 'not-loaded', itemId: '675483920114' });
  });

  it('reads Juhuasuan by its words, with the campaign id', () => {
    const s = scan('juhuasuan/present.html');
    expect(s).toMatchObject({ platform: 'juhuasuan', itemId: '593841462450', activityId: '10000320600379', area: 'text-cue', priceShown: 59.9 });
    expect(offers(s)).toEqual([
      { label: '聚划算 满2件打9折', type: 'platform', key: 'juhuasuan:platform:percent:-:items=2:pct=10', deal: deal('percent', '聚划算 满2件打9折', { minItems: 2, percentOff: 10 }) },
      { label: '店铺券 满99减10', type: 'shop', key: 'juhuasuan:shop:threshold:CNY:min=99:off=10', deal: deal('threshold', '店铺券 满99减10', { threshold: 99, amount: 10, currency: 'CNY' }) },
      { label: '新人 立减5元', type: 'new-user', key: 'juhuasuan:new-user:instant:CNY:off=5', deal: deal('instant', '新人 立减5元', { amount: 5, currency: 'CNY' }) },
    ]);
    expect(s.offers.every((o) => o.activityId === '10000320600379')).toBe(true);
    // Found by words only, the bar counts as empty because it says so.
    expect(scan('juhuasuan/empty.html')).toMatchObject({ state: 'empty', itemId: '15147840808', activityId: '10000000037163' });
    expect(scan('juhuasuan/not-loaded.html')).toMatchObject({ state: 'not-loaded' });
  });
});

describe('jd adapter', () => {
  it('reads 优惠券 and 促销 rows with scope from the coupon title', () => {
    const s = scan('jd/present.html');
    expect(s).toMatchObject({ platform: 'jd', itemId: '100012043978', state: 'present', priceShown: 1499, area: '#summary-quan', unparsed: [] });
    expect(offers(s)).toEqual([
      { label: '满1000减50', type: 'shop', key: 'jd:shop:threshold:CNY:min=1000:off=50', deal: deal('threshold', '满1000减50', { threshold: 1000, amount: 50, currency: 'CNY' }) },
      { label: '满1499减100', type: 'platform', key: 'jd:platform:threshold:CNY:min=1499:off=100', deal: deal('threshold', '满1499减100', { threshold: 1499, amount: 100, currency: 'CNY' }) },
      { label: '满299减30', type: 'member', key: 'jd:member:threshold:CNY:min=299:off=30', deal: deal('threshold', '满299减30', { threshold: 299, amount: 30, currency: 'CNY' }) },
      {
        label: '每满99元，可减10元现金',
        type: 'unknown',
        key: 'jd:unknown:threshold:CNY:min=99:off=10:each',
        deal: deal('threshold', '每满99元，可减10元现金', { threshold: 99, amount: 10, currency: 'CNY', repeating: true }),
      },
      { label: '满2件，总价打9折', type: 'unknown', key: 'jd:unknown:percent:-:items=2:pct=10', deal: deal('percent', '满2件，总价打9折', { minItems: 2, percentOff: 10 }) },
    ]);
  });

  it('reads the mobile page by its words', () => {
    const s = scan('jd/mobile-present.html');
    expect(s).toMatchObject({ itemId: '100012043978', area: 'text-cue', priceShown: 1499 });
    expect(offers(s)).toEqual([
      { label: '满199减20', type: 'unknown', key: 'jd:unknown:threshold:CNY:min=199:off=20', deal: deal('threshold', '满199减20', { threshold: 199, amount: 20, currency: 'CNY' }) },
      { label: 'PLUS专享 满299减30', type: 'member', key: 'jd:member:threshold:CNY:min=299:off=30', deal: deal('threshold', 'PLUS专享 满299减30', { threshold: 299, amount: 30, currency: 'CNY' }) },
      { label: '京券 5元无门槛', type: 'platform', key: 'jd:platform:instant:CNY:min=0:off=5', deal: deal('instant', '京券 5元无门槛', { amount: 5, threshold: 0, currency: 'CNY' }) },
    ]);
  });

  it('reads empty only once the promotion request returned', () => {
    expect(scan('jd/empty.html')).toMatchObject({ state: 'empty', priceShown: 199, area: '#summary-promotion', offers: [], unparsed: [] });
    const s = scan('jd/not-loaded.html');
    expect(s.state).toBe('not-loaded');
    expect(s.priceShown).toBeUndefined();
  });

  it('takes a hidden 优惠券 row as empty only with the promotions of the same request on the page', () => {
    const page = (promo: string) =>
      `<div class="summary-price"><span class="p-price"><span class="price">199.00</span></span></div>
       <div id="summary-quan" class="li p-choose hide"><div class="dt">优 惠 券</div></div>
       <div id="summary-promotion" class="hide"></div>${promo}`;
    const run = (html: string) => extractCoupons(parseHTML(`<html><body>${html}</body></html>`).document as unknown as ParentNode, 'https://item.jd.com/100038004353.html')!;
    expect(run(page('')).state).toBe('not-loaded');
    expect(run(page('<div class="J-prom-more"><span class="prom-sum">共<em class="prom-number J-prom-count">0</em>项促销</span></div>')).state).toBe('empty');
  });
});

describe('pinduoduo adapter', () => {
  it('reads shop, platform and new-user coupons and 券前 / 券后 prices', () => {
    const s = scan('pinduoduo/present.html');
    expect(s).toMatchObject({ platform: 'pinduoduo', itemId: '222046473456', state: 'present', priceShown: 19.9, priceAfter: 16.9, area: '.coupon-entry' });
    expect(offers(s)).toEqual([
      { label: '店铺券 满10减3', type: 'shop', key: 'pinduoduo:shop:threshold:CNY:min=10:off=3', deal: deal('threshold', '店铺券 满10减3', { threshold: 10, amount: 3, currency: 'CNY' }) },
      { label: '平台券 满9.9减1', type: 'platform', key: 'pinduoduo:platform:threshold:CNY:min=9.9:off=1', deal: deal('threshold', '平台券 满9.9减1', { threshold: 9.9, amount: 1, currency: 'CNY' }) },
      { label: '新人券 3元无门槛', type: 'new-user', key: 'pinduoduo:new-user:instant:CNY:min=0:off=3', deal: deal('instant', '新人券 3元无门槛', { amount: 3, threshold: 0, currency: 'CNY' }) },
    ]);
    expect(scan('pinduoduo/empty.html')).toMatchObject({ state: 'empty', itemId: '351208765432', priceShown: 39.8 });
    expect(scan('pinduoduo/not-loaded.html')).toMatchObject({ state: 'not-loaded', area: '.coupon-entry' });
  });
});

describe('meituan adapter', () => {
  it('reads 代金券, 优惠买单 and 新客 offers of a shop page', () => {
    const s = scan('meituan/present.html');
    expect(s).toMatchObject({ platform: 'meituan', itemId: 'poi:4895741', state: 'present', area: '.deal-list' });
    expect(offers(s)).toEqual([
      { label: '100元代金券 ¥88 已售1.2万', type: 'unknown', key: 'meituan:unknown:instant:CNY:off=100', deal: deal('instant', '100元代金券 ¥88 已售1.2万', { amount: 100, currency: 'CNY' }) },
      { label: '50元代金券 ¥45.5 周一至周日可用', type: 'unknown', key: 'meituan:unknown:instant:CNY:off=50', deal: deal('instant', '50元代金券 ¥45.5 周一至周日可用', { amount: 50, currency: 'CNY' }) },
      { label: '优惠买单 满100减10', type: 'unknown', key: 'meituan:unknown:threshold:CNY:min=100:off=10', deal: deal('threshold', '优惠买单 满100减10', { threshold: 100, amount: 10, currency: 'CNY' }) },
      { label: '新客立减3元', type: 'new-user', key: 'meituan:new-user:instant:CNY:off=3', deal: deal('instant', '新客立减3元', { amount: 3, currency: 'CNY' }) },
    ]);
  });

  it('reads takeaway 红包 in the 满N可用 form and multi-tier 满减', () => {
    const s = scan('meituan/hongbao-present.html');
    expect(s.itemId).toBe('poi:1108365421');
    expect(offers(s).map((o) => [o.key, o.label, o.type])).toEqual([
      ['meituan:unknown:threshold:CNY:min=25:off=5', '¥5满25可用领取', 'unknown'],
      ['meituan:shop:threshold:CNY:min=50:off=10', '¥10满50可用 · 店铺红包', 'shop'],
      ['meituan:unknown:threshold:CNY:min=30:off=5', '满30减5', 'unknown'],
      ['meituan:unknown:threshold:CNY:min=60:off=12', '满60减12', 'unknown'],
      ['meituan:new-user:instant:CNY:off=3', '新客立减3元', 'new-user'],
    ]);
  });

  it('keeps an empty deal list apart from an unrendered page', () => {
    expect(scan('meituan/empty.html')).toMatchObject({ state: 'empty', itemId: 'poi:186532947', area: '.deal-list' });
    expect(scan('meituan/not-loaded.html')).toMatchObject({ state: 'not-loaded', itemId: 'poi:4895741' });
  });
});

describe('amazon adapter', () => {
  it('reads the clip coupon and the promotion, not the rating, stock or delivery lines', () => {
    const s = scan('amazon/present.html');
    expect(s).toMatchObject({ platform: 'amazon', itemId: 'B0BDHWDR12', state: 'present', priceShown: 24.99, area: '#promoPriceBlockMessage_feature_div' });
    expect(offers(s)).toEqual([
      { label: 'Apply $5 coupon', type: 'unknown', key: 'amazon:unknown:instant:USD:off=5', deal: deal('instant', 'Apply $5 coupon', { amount: 5, currency: 'USD' }) },
      {
        label: 'Save 15% on 2 select items.',
        type: 'unknown',
        key: 'amazon:unknown:percent:-:items=2:pct=15',
        deal: deal('percent', 'Save 15% on 2 select items.', { percentOff: 15, minItems: 2 }),
      },
    ]);
  });

  it('reads country sites in their currency', () => {
    const jp = scan('amazon/jp-present.html');
    expect(jp).toMatchObject({ itemId: 'B09V3HN1KC', priceShown: 2980 });
    expect(offers(jp)).toEqual([
      { label: '￥300 OFFクーポンの適用', type: 'unknown', key: 'amazon:unknown:instant:JPY:off=300', deal: deal('instant', '￥300 OFFクーポンの適用', { amount: 300, currency: 'JPY' }) },
    ]);
    const uk = scan('amazon/uk-present.html');
    expect(uk).toMatchObject({ itemId: 'B08L5NP6NG', priceShown: 19.99 });
    expect(offers(uk).map((o) => [o.key, o.type])).toEqual([
      ['amazon:unknown:instant:GBP:off=3', 'unknown'],
      ['amazon:member:percent:-:pct=10', 'member'],
    ]);
  });

  it('reads an empty coupon block as empty and a robot check as not loaded', () => {
    expect(scan('amazon/empty.html')).toMatchObject({ state: 'empty', priceShown: 39.99, area: '#promoPriceBlockMessage_feature_div' });
    expect(scan('amazon/not-loaded.html')).toMatchObject({ state: 'not-loaded', offers: [] });
  });
});

describe('extractCoupons', () => {
  it('returns null for platforms without an adapter and for non-marketplace pages', () => {
    const { document } = parseHTML('<html><body><div class="coupon">Save $5 with coupon</div></body></html>');
    expect(extractCoupons(document as unknown as ParentNode, 'https://www.ebay.com/itm/123456789012')).toBeNull();
    expect(extractCoupons(document as unknown as ParentNode, 'https://example.com/')).toBeNull();
  });

  it('gives the same key for the same coupon on two visits whatever the price and the wording', () => {
    const page = (price: string, label: string) =>
      `<div class="priceWrap--a"><div class="subPrice--b">优惠前 ¥${price}</div></div><div class="couponInfoArea--c"><div class="couponWrap--d"><span class="couponText--e">${label}</span></div></div>`;
    const url = 'https://item.taobao.com/item.htm?id=738259061234';
    const a = extractCoupons(parseHTML(page('199', '店铺券 满199减20')).document as unknown as ParentNode, url)!;
    const b = extractCoupons(parseHTML(page('189', '店铺券满199元减20元')).document as unknown as ParentNode, url)!;
    expect(a.offers[0]!.priceBefore).toBe(199);
    expect(b.offers[0]!.priceBefore).toBe(189);
    expect(a.offers[0]!.key).toBe(b.offers[0]!.key);
  });

  it('does not read coupon words outside the coupon area', () => {
    const html = `<div class="priceWrap--a"><div class="subPrice--b">¥199</div></div>
      <div class="Comment--content--x">满199减20 的券我没领到，差评</div>
      <div class="couponInfoArea--c"><span>优惠</span></div>`;
    const s = extractCoupons(parseHTML(html).document as unknown as ParentNode, 'https://item.taobao.com/item.htm?id=738259061234')!;
    expect(s.state).toBe('empty');
    expect(s.offers).toEqual([]);
  });

  it('uses no browser extension API and no storage', () => {
    const root = join(__dirname, '../../utils/coupons');
    const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) {
      const src = readFileSync(join(root, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
      expect(src, f).not.toMatch(/\b(?:browser|chrome)\.(?:runtime|storage|tabs)|from ['"](?:dexie|wxt|webextension-polyfill)|\bwindow\.|\bdocument\./);
    }
  });
});
