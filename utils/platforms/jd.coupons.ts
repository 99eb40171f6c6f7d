/**
 * JD item pages (item.jd.com, item.jd.hk, item.m.jd.com).
 *
 * Where the selectors come from (public code that reads these pages; none of it copied):
 * - The 优惠券 row `#summary-quan` (class `hide` until JD's coupon request returns), one coupon
 *   `.quan-item` whose `.text` is the label ("满1088减80") and whose title attribute names the
 *   scope ("仅可购买卡罗莱旗舰店商品 有效期…"): saved JD item pages in public repositories  and a pyppeteer scraper (its xpath_coupon reads
 *   the span inside span.quan-item).
 * - The 促销 row `#summary-promotion` (inside `#J-summary-top`), one promotion `.prom-item` with a
 *   tag `em.hl_red_bg` (满减, 满额返券, 限购) and its text `em.hl_red`; `#prom-quan` /
 *   `.J-prom-quan`: JD's own item.js (setExtraPromotions), a
 *   puppeteer script that reads both rows ('#summary-quan .quan-item' .text and
 *   '#summary-promotion .prom-item' .hl_red), and a "JD for ytzong"
 *   userscript; also `.itemInfo-wrap #summary-quan .quan-item`
 *   in an X-SQL extraction.
 * - Price `.summary-price .p-price .price` (filled by script), `.J-p-<sku>`: the same puppeteer
 *   script and scraper.
 * - item.m.jd.com: no stable coupon selector found; the text-cue fallback reads it.
 */
import { hidden, type PageIndex } from '../coupons/dom';
import { makeAdapter, visibleDigits, type PageSeen } from '../coupons/adapter';

export const AREAS = ['#summary-quan', '.summary-quan', '#summary-promotion', '.summary-promotion', '#prom-quan'] as const;

export const ITEMS = ['.quan-item', '.prom-item', '.J-prom-quan', '[class*="coupon-item" i]', '[class*="couponItem" i]'] as const;

export const LABELS = ['.text', '.hl_red'] as const;

export const TAGS = ['.hl_red_bg'] as const;

export const FALLBACK = ['[class*="coupon" i]', '[id*="coupon" i]', '[class*="quan" i]', '[class*="promotion" i]', '[class*="youhui" i]'] as const;

export const CUE = /领券|领取|优惠券|东券|京券|满\s*\d+\s*(?:元|件)?\s*[减-]|每满|满减|立减|PLUS专享|券后/;

export const PRICE = ['.summary-price .p-price .price', '.p-price .price', '[class*="J-p-"]', '.p-price', '#jd-price', '#specJdPrice', '#priceSale'] as const;

/** JD hides #summary-quan until its coupon request returns; the promotions come from the same call. */
const PROMOTIONS_LOADED = ['#summary-promotion .prom-item', '.summary-promotion .prom-item'];
const PROMOTION_COUNT = ['.J-prom-count', '.prom-number'];

function loadedHidden(page: PageIndex, seen: PageSeen): boolean {
  if (seen.priceShown === undefined) return false;
  if (page.find(PROMOTIONS_LOADED, 8).some((e) => !hidden(e))) return true;
  return visibleDigits(page, PROMOTION_COUNT);
}

export const adapter = makeAdapter({
  areas: AREAS,
  items: ITEMS,
  labels: LABELS,
  tags: TAGS,
  fallback: FALLBACK,
  cue: CUE,
  price: PRICE,
  priceAfter: ['.summary-price', '[class*="coupon-price" i]', '[class*="final-price" i]'],
  currency: () => 'CNY',
  evidence: [...PROMOTIONS_LOADED, ...PROMOTION_COUNT],
  loaded: (_page, seen) => seen.priceShown !== undefined,
  loadedHidden,
});
