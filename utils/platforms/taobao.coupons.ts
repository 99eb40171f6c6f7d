/**
 * Taobao, Tmall (tmall.com, tmall.hk) and Juhuasuan item pages. Juhuasuan campaign pages lead to
 * the same item detail page, so one adapter reads all three.
 *
 * Where the selectors come from (public code that reads these pages; none of it copied):
 * - PC detail page since 2023 (React, CSS-module class names with a hash suffix, hence the
 *   `[class*="name--"]` form): coupon area `couponInfoArea--`, one coupon `couponWrap--`, its
 *   text `couponText--`; prices in `priceWrap--`, the 券后 price `highlightPrice--`, the price
 *   before coupons `subPrice--`. A Selenium scraper of Taobao item pages (functions extract_price_info / scrape_single_product); the same
 *   `couponText--` class in a Tampermonkey helper and in an XPath
 *   map "couponText--dhGyCUIp". `Price--priceText` /
 *   `Price--extraPriceText`: selenium scraper.
 * - Older PC detail page (server-rendered, KISSY): the 优惠 row `#J_OtherDiscount` with class
 *   `tb-hidden` until the async detail call fills it, its entries `.tb-other-discount-content`
 *   (淘金币可抵0.86元) and `.tb-coupon`; prices `#J_PromoPriceNum`, `#J_StrPrice .tb-rmb-num`,
 *   Tmall `#J_PromoPrice .tm-price`, `#J_StrPriceModBox .tm-price`; counters `#J_SellCounter`
 *   and `#J_RateCounter` print "-" until that call returns. Saved copies of item pages in public
 *   repositories and
 *   scrapers reading them.
 * - H5 / app-style pages (detail.m.tmall.com, main.m.taobao.com, Juhuasuan wap): no stable class
 *   names found; the generic fallback below finds the area by its words.
 */
import { hidden, type PageIndex } from '../coupons/dom';
import { makeAdapter, visibleDigits, type PageSeen } from '../coupons/adapter';

export const AREAS = [
  '[class*="couponInfoArea--"]',
  '#J_OtherDiscount',
  '.tb-other-discount',
  '.tb-coupon',
] as const;

export const ITEMS = [
  '[class*="couponWrap--"]',
  '[class*="couponText--"]',
  '.tb-other-discount-content',
  // Generic names for H5 pages and redesigns (no public source; harmless when absent).
  '[class*="couponItem" i]',
  '[class*="coupon-item" i]',
] as const;

export const LABELS = ['[class*="couponText--"]'] as const;

/** Generic class fragments; kept only when their text carries a coupon cue (CUE). */
export const FALLBACK = [
  '[class*="coupon" i]',
  '[class*="promotion" i]',
  '[class*="Promotion"]',
  '[class*="youhui" i]',
  '[class*="discount" i]',
  '[id*="coupon" i]',
] as const;

export const CUE = /领券|领取优惠券|优惠券|店铺券|平台券|券后|满\s*\d+\s*(?:元|件)?\s*[减-]|跨店|立减|购物津贴|红包|折价券|满减/;

export const PRICE = [
  '[class*="subPrice--"]',
  '#J_PromoPriceNum',
  '#J_PromoPrice .tm-price',
  '#J_StrPrice .tb-rmb-num',
  '#J_StrPriceModBox .tm-price',
  '[class*="priceText--"]',
  '.tm-price',
  '.tb-rmb-num',
  // Without a 优惠前 price the highlighted price is the only one (a 券后 label makes it the after price, read below).
  '[class*="highlightPrice--"]',
] as const;

export const PRICE_AFTER = ['[class*="highlightPrice--"]', '[class*="priceWrap--"]', '[class*="extraPrice--"]'] as const;

/** Counters the old page fills from the same call that brings its promotions. */
const ASYNC_COUNTERS = ['#J_SellCounter', '#J_RateCounter'];

function loaded(page: PageIndex, seen: PageSeen): boolean {
  for (const el of page.find(ASYNC_COUNTERS, 4)) if (!hidden(el) && !/\d/.test(el.textContent ?? '')) return false;
  return seen.priceShown !== undefined || seen.priceAfter !== undefined || visibleDigits(page, ['[class*="priceWrap--"]']);
}

export const adapter = makeAdapter({
  areas: AREAS,
  items: ITEMS,
  labels: LABELS,
  fallback: FALLBACK,
  cue: CUE,
  price: PRICE,
  priceAfter: PRICE_AFTER,
  currency: () => 'CNY',
  evidence: ASYNC_COUNTERS,
  loaded,
});
