/**
 * More edges of the reading algorithm every coupon adapter runs (utils/coupons/adapter.ts), with
 * the made-up platform of coupons-extract.test.ts: the bounds on areas and on the page walk, where
 * a label and its type come from, line headers, the state beside a hidden area, and the shape of
 * a scan. Written from the mutants the other adapter tests let survive.
 */
import { describe, expect, it } from 'vitest';
import type { AdapterConfig, PageSeen } from '../../utils/coupons/adapter';
import type { CouponScan } from '../../utils/coupons/types';
import { CONFIG, LOADED, labels, read, URL } from './coupons-test-platform';

const types = (s: CouponScan) => s.offers.map((o) => o.type);

describe('prices', () => {
  it('tries the next price selector when the first shows no price', () => {
    expect(read('<div id="price-a">价格</div><div id="price-b">¥12</div>').priceShown).toBe(12);
  });

  it('takes the price after coupons from a 券后 deal, not from the first deal of that element', () => {
    const s = read('<div class="after">满100减10 券后价 ¥90</div>');
    expect(s.priceAfter).toBe(90);
  });
});

describe('the platform', () => {
  it('is empty on a site no platform names', () => {
    const s = read('<div class="cpn-area"><div class="cpn-item">满100减10</div></div>', CONFIG, 'https://shop.example.com/item/1');
    expect(s.platform).toBe('');
    expect(s.itemId).toBeNull();
    expect(s.offers.map((o) => o.key)).toEqual([':unknown:threshold:CNY:min=100:off=10']);
  });
});

describe('bounds', () => {
  it('reads at most 8 coupon areas', () => {
    const areas = Array.from({ length: 9 }, (_, i) => `<div class="cpn-area"><div class="cpn-item">满${100 + i}减${i + 1}</div></div>`).join('');
    const s = read(areas + LOADED);
    expect(labels(s)).toEqual(Array.from({ length: 8 }, (_, i) => `满${100 + i}减${i + 1}`));
  });

  it('reads at most 8 areas found by their words', () => {
    const boxes = Array.from({ length: 9 }, (_, i) => `<div class="promo-box">领券 满${100 + i}减${i + 1}</div>`).join('');
    const s = read(boxes + LOADED);
    expect(s.area).toBe('text-cue');
    expect(s.offers).toHaveLength(8);
  });

  it('does not see a coupon area beyond the elements the page walk looks at', () => {
    const area = '<div class="cpn-area"><div class="cpn-item">满100减10</div></div>';
    expect(read(area + LOADED)).toMatchObject({ state: 'present', area: '.cpn-area' });
    const far = read('<i></i>'.repeat(5_001) + area + LOADED);
    expect(far).toMatchObject({ state: 'not-loaded', offers: [] });
    expect(far.area).toBeUndefined();
  });
});

describe('the fallback by text cue', () => {
  it('never takes a container without text, whatever its cue accepts', () => {
    const anything: AdapterConfig = { ...CONFIG, cue: /^(?!.*广告)/ };
    expect(read('<div class="promo-box">满100减10</div>' + LOADED, anything).area).toBe('text-cue');
    expect(read('<div class="promo-box"></div>' + LOADED, anything).area).toBeUndefined();
  });
});

describe('labels and their type', () => {
  it("reads the label element's title when it has no text, and the item's when neither has", () => {
    expect(labels(read('<div class="cpn-area"><div class="cpn-item"><span class="cpn-label" title="满300减50"></span></div></div>'))).toEqual(['满300减50']);
    expect(labels(read('<div class="cpn-area"><div class="cpn-item" title="满300减50"><span class="cpn-label"></span></div></div>'))).toEqual(['满300减50']);
  });

  it("types an offer by its label element's title", () => {
    const s = read('<div class="cpn-area"><div class="cpn-item"><span class="cpn-label" title="店铺券">满200减30</span></div></div>');
    expect(labels(s)).toEqual(['满200减30']);
    expect(types(s)).toEqual(['shop']);
  });

  it('reads each tag as its own word, also when the markup sets tags and label side by side', () => {
    const side = read(
      '<div class="cpn-area"><div class="cpn-item"><span class="cpn-tag">Prime</span><span class="cpn-tag">Exclusive</span><span class="cpn-label">Save 10% with coupon</span></div></div>',
    );
    expect(labels(side)).toEqual(['Save 10% with coupon']);
    expect(types(side)).toEqual(['member']);
    const one = read('<div class="cpn-area"><div class="cpn-item"><span class="cpn-tag">Prime</span> <span class="cpn-label">Save 10% with coupon</span></div></div>');
    expect(types(one)).toEqual(['member']);
  });

  it('keeps each unread label once', () => {
    const s = read('<div class="cpn-area"><div class="cpn-item">神秘券 88</div><div class="cpn-item">神秘券 88</div></div>');
    expect(s.unparsed).toEqual(['神秘券 88']);
  });
});

describe('an area read line by line', () => {
  it('takes a line without digits of up to 16 characters as the header of the lines below it', () => {
    const s = read('<div class="cpn-area">店铺优惠券请在下方领取后下单使用\n<p>满100减10</p></div>' + LOADED);
    expect(labels(s)).toEqual(['满100减10']);
    expect(types(s)).toEqual(['shop']);
  });

  it('keeps the header over a longer line without digits', () => {
    const s = read('<div class="cpn-area">店铺优惠\n<p>这是一段没有数字而且超过十六个字的说明文字</p><p>满100减10</p></div>' + LOADED);
    expect(labels(s)).toEqual(['满100减10']);
    expect(types(s)).toEqual(['shop']);
  });
});

describe('the state beside a hidden area', () => {
  it('is not-loaded when a visible area has no evidence of loading, even with a hidden area that would count as empty', () => {
    const s = read('<div class="cpn-area">优惠</div><div class="cpn-area" hidden>x</div><div id="price-a">¥10</div>');
    expect(s.state).toBe('not-loaded');
    expect(s.area).toBe('.cpn-area');
  });
});

describe('the shape of a scan', () => {
  it('carries no activity, price or area field when the page shows none', () => {
    expect(read('<p>商品详情</p>' + LOADED)).toStrictEqual({
      platform: 'taobao',
      itemId: '600000000123',
      url: URL,
      state: 'not-loaded',
      offers: [],
      unparsed: [],
    });
  });

  it('gives `loaded` only what the page showed', () => {
    const seen: PageSeen[] = [];
    const cfg: AdapterConfig = {
      ...CONFIG,
      loaded: (_page, s) => {
        seen.push({ ...s });
        return true;
      },
    };
    expect(read('<div class="cpn-area">暂无优惠券</div>', cfg).state).toBe('empty');
    expect(read('<div class="cpn-area">暂无优惠券</div><div id="price-a">¥10</div>', cfg).state).toBe('empty');
    expect(seen.map((s) => Object.keys(s))).toEqual([[], ['priceShown']]);
  });
});
