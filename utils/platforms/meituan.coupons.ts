/**
 * Meituan shop (POI) and deal pages: www.meituan.com/meishi/N/ and the other category paths,
 * i.meituan.com, h5.waimai.meituan.com shop menus.
 *
 * What these pages show: 代金券 (100元代金券, sold for less), 团购 deals, 红包 ("¥5 满25可用", the
 * wording of Meituan's coupon API that vv314/actions-mtz-coupons src/coupons/gundam.js parses
 * with /满(\d+)可用/), takeaway activities (满25减5, 新客立减3元). No public code reading the
 * current POI page DOM was found; the `AREAS` are the semantic class names of Meituan's
 * server-rendered PC pages (deal lists, coupon and activity blocks), and the fallback finds
 * anything else by its words. An area found by words only counts as `empty` when it says so.
 */
import type { PageIndex } from '../coupons/dom';
import { makeAdapter, visibleDigits, type PageSeen } from '../coupons/adapter';

export const AREAS = [
  '.deal-list',
  '.group-deal-list',
  '[class*="dealList" i]',
  '[class*="coupon-list" i]',
  '[class*="couponList" i]',
  '[class*="voucher" i]',
  '[class*="activity-list" i]',
  '[class*="discount-list" i]',
  '.hb-list',
] as const;

export const ITEMS = [
  '.deal-item',
  '[class*="deal-item" i]',
  '[class*="dealItem" i]',
  '[class*="coupon-item" i]',
  '[class*="couponItem" i]',
  '[class*="voucher-item" i]',
  '[class*="activity-item" i]',
  '.hb-item',
] as const;

export const FALLBACK = ['[class*="coupon" i]', '[class*="deal" i]', '[class*="activity" i]', '[class*="discount" i]', '[class*="hongbao" i]', '[class*="youhui" i]'] as const;

export const CUE = /代金券|优惠券|红包|满\s*\d+\s*(?:元)?\s*(?:[减-]|可用)|立减|团购|新客|折扣|优惠买单/;

/** A POI page lists many deal prices and no price of its own: no price is read. */
export const PRICE = [] as const;

/** A shop or deal name printed: the page rendered its data. */
const TITLES = ['h1', '.shop-name', '.poi-name', '[class*="shopName" i]', '[class*="poiName" i]', '.deal-title', '[class*="dealTitle" i]'];

const SCORES = ['[class*="score" i]', '[class*="avgPrice" i]'];

function loaded(page: PageIndex, seen: PageSeen): boolean {
  if (seen.priceShown !== undefined) return true;
  if (page.find(TITLES, 8).some((el) => (el.textContent ?? '').trim().length > 1)) return true;
  return visibleDigits(page, SCORES);
}

export const adapter = makeAdapter({
  areas: AREAS,
  items: ITEMS,
  fallback: FALLBACK,
  cue: CUE,
  price: PRICE,
  currency: () => 'CNY',
  evidence: [...TITLES, ...SCORES],
  loaded,
});
