/**
 * The one reading algorithm every coupon adapter runs (utils/coupons/adapter.ts), driven here by a
 * made-up platform's selectors so that each step is seen on its own: prices, the choice of the
 * coupon area, the fallback by text cue, items and lines, unreadable labels, bounds and the state.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { visibleDigits } from '../../utils/coupons/adapter';
import { PageIndex } from '../../utils/coupons/dom';
import { CONFIG, LOADED, labels, read } from './coupons-test-platform';

describe('extractWith: prices', () => {
  it('reads the first visible price the selectors show, before coupons, and the price after them', () => {
    const s = read(
      '<div id="price-a" style="display:none">¥99</div><div id="price-a">价格</div><div id="price-b">券后¥9.9 券前¥12.9</div>' +
        '<div class="after" hidden>券后¥5</div><div class="after">券后价 ¥8</div>',
    );
    expect(s.priceShown).toBe(12.9);
    expect(s.priceAfter).toBe(8);
    expect(s.platform).toBe('taobao');
    expect(s.itemId).toBe('600000000123');
  });

  it("takes Amazon's screen-reader price over its styled fragments", () => {
    const s = read('<div id="price-a"><span class="a-price-whole">1</span><span class="a-offscreen">¥23.50</span></div>');
    expect(s.priceShown).toBe(23.5);
  });

  it('has no price when none is shown', () => {
    const s = read('<div id="price-a">价格</div>');
    expect(s.priceShown).toBeUndefined();
    expect(s.priceAfter).toBeUndefined();
  });
});

describe('extractWith: areas and items', () => {
  it('names the area by its most specific selector, reads labels, titles and tags, and skips hidden items', () => {
    const s = read(
      '<div class="cpn-area"><div class="cpn-item">满100减10</div></div>' +
        '<div class="cpn-best">' +
        '<div class="cpn-item"><span class="cpn-tag">店铺券</span><span class="cpn-label">满200减30</span></div>' +
        '<div class="cpn-item" title="满300减50"></div>' +
        '<div class="cpn-item" hidden>满400减60</div>' +
        '</div>' +
        LOADED,
    );
    expect(s.area).toBe('.cpn-best');
    expect(s.state).toBe('present');
    expect(labels(s)).toEqual(['满100减10', '满200减30', '满300减50']);
    expect(s.offers.map((o) => o.type)).toEqual(['unknown', 'shop', 'unknown']);
  });

  it('reads an area without items line by line, a short line without digits heading the lines below it', () => {
    const s = read('<div class="cpn-area">店铺优惠\n<p>满100减10</p><p>满200减30</p><p>每人限领2张</p><p>神秘券 88</p></div>' + LOADED);
    expect(labels(s)).toEqual(['满100减10', '满200减30']);
    expect(s.offers.map((o) => o.type)).toEqual(['shop', 'shop']);
    // A label that reads like an offer but parses as none is kept to be seen; a limit is not an offer.
    expect(s.unparsed).toEqual(['神秘券 88']);
  });

  it('keeps one offer per key, at most 50 offers and 10 unread labels, each once', () => {
    const many = read(`<div class="cpn-area">${Array.from({ length: 60 }, (_, i) => `<div class="cpn-item">满${100 + i}减${i + 1}</div>`).join('')}</div>`);
    expect(many.offers).toHaveLength(50);
    const twice = read('<div class="cpn-area"><div class="cpn-item">满100减10</div><div class="cpn-item">满100减10</div></div>');
    expect(labels(twice)).toEqual(['满100减10']);
    const unread = read(
      `<div class="cpn-area">${Array.from({ length: 14 }, (_, i) => `<div class="cpn-item">神秘券${i}号 88</div>`).join('')}<div class="cpn-item">神秘券0号 88</div></div>`,
    );
    expect(unread.unparsed).toHaveLength(10);
    expect(new Set(unread.unparsed).size).toBe(10);
    expect(unread.offers).toEqual([]);
  });

  it('ignores labels without digits or that name no offer', () => {
    const s = read('<div class="cpn-area"><div class="cpn-item">领券中心</div><div class="cpn-item">库存 12 件</div></div>' + LOADED);
    expect(s.offers).toEqual([]);
    expect(s.unparsed).toEqual([]);
    expect(s.state).toBe('empty');
  });
});

describe('extractWith: the fallback by text cue', () => {
  it('takes a generic container whose own short text says 领券, only when no coupon area is found', () => {
    const s = read('<div class="promo-box">领券 满100减10</div>' + LOADED);
    expect(s.area).toBe('text-cue');
    expect(labels(s)).toEqual(['领券 满100减10']);
    const withArea = read('<div class="cpn-area"><div class="cpn-item">满50减5</div></div><div class="promo-box">领券 满100减10</div>' + LOADED);
    expect(withArea.area).toBe('.cpn-area');
    expect(labels(withArea)).toEqual(['满50减5']);
  });

  it('leaves out a container that is hidden, has no cue, or is long', () => {
    expect(read('<div class="promo-box" hidden>领券 满100减10</div>' + LOADED).area).toBeUndefined();
    expect(read('<div class="promo-box">满100减10</div>' + LOADED).area).toBeUndefined();
    expect(read(`<div class="promo-box">领券 满100减10 ${'商品详情'.repeat(200)}</div>` + LOADED).area).toBeUndefined();
    expect(read('<div class="promo-box">领券 满100减10</div>' + LOADED, { ...CONFIG, fallback: [] }).area).toBeUndefined();
  });

  it('is empty only when it says so in words: a cue alone may be a skeleton', () => {
    expect(read('<div class="promo-box">领券 暂无优惠券</div>' + LOADED).state).toBe('empty');
    expect(read('<div class="promo-box">领券</div>' + LOADED).state).toBe('not-loaded');
  });
});

describe('extractWith: the state', () => {
  it('is empty for a found area only with evidence that the page loaded, and not while it loads', () => {
    expect(read('<div class="cpn-area">暂无优惠券</div>' + LOADED).state).toBe('empty');
    expect(read('<div class="cpn-area">暂无优惠券</div>').state).toBe('not-loaded');
    expect(read('<div class="cpn-area skeleton">加载中</div>' + LOADED).state).toBe('not-loaded');
  });

  it('is empty for a hidden area only with the stricter evidence, naming that area', () => {
    const shown = read('<div class="cpn-area" hidden>x</div><div id="price-a">¥10</div>');
    expect(shown).toMatchObject({ state: 'empty', area: '.cpn-area', priceShown: 10 });
    const bare = read('<div class="cpn-area" hidden>x</div>' + LOADED);
    expect(bare.state).toBe('not-loaded');
    expect(bare.area).toBeUndefined();
    // Without a stricter test of its own, an adapter's `loaded` serves for hidden areas too.
    const { loadedHidden: _, ...plain } = CONFIG;
    expect(read('<div class="cpn-area" hidden>x</div>' + LOADED, plain).state).toBe('empty');
  });

  it('is not-loaded on a page without any coupon area', () => {
    expect(read('<p>商品详情</p>' + LOADED)).toMatchObject({ state: 'not-loaded', offers: [], unparsed: [] });
    // Even where a hidden area would count as empty: there is none.
    expect(read('<p>商品详情</p><div id="price-a">¥10</div>' + LOADED).state).toBe('not-loaded');
  });
});

describe('visibleDigits', () => {
  it('is true only when a visible element of the selectors holds a digit', () => {
    const { document } = parseHTML('<div id="a" hidden>12</div><div id="b">x</div><div id="c">3</div>');
    const page = new PageIndex(document as unknown as ParentNode, ['#a', '#b', '#c']);
    expect(visibleDigits(page, ['#a', '#b'])).toBe(false);
    expect(visibleDigits(page, ['#c'])).toBe(true);
  });
});
