/**
 * Pinduoduo / Yangkeduo goods pages (mobile.yangkeduo.com/goods.html?goods_id=…).
 *
 * PDD's H5 page is a React build whose class names are hashed per release, and its data sits in
 * `window.rawData.store.initDataObj.goods` (read that way by a public crawler's cleaner,
 * Xpectuer/LibianCrawlers data_cleaner_ci/general_data_process/libian_crawler/clean_and_merge_platforms/match_pdd.ts).
 * Shutout reads only visible text, so this adapter leans on words: PDD prints 领券 / 店铺券 /
 * 平台券 rows, "券后¥x" and "券前¥x" next to the price (the wording an AutoJS script for the PDD
 * app keys on: /券前¥[\d.]+/, /限\d+件\s*¥[\d.]+/; found by searching public code
 * "拼多多 券前", no repository name given).
 *
 * The `AREAS` names are semantic names PDD uses on server-rendered pages and in Shutout's own
 * corpus (tests/fixtures/corpus/negative/pinduoduo/goods-normal.html: `.coupon-entry`); no
 * public reader of the current DOM was found. When none match, the fallback finds the area by
 * its words; an area found that way only counts as `empty` when it says so (暂无可用优惠券).
 */
import { makeAdapter } from '../coupons/adapter';

export const AREAS = ['.coupon-entry', '.goods-coupon', '.mall-coupon', '[class*="goods-coupon" i]', '[class*="couponBar" i]'] as const;

export const ITEMS = ['.coupon-item', '[class*="coupon-item" i]', '[class*="couponItem" i]'] as const;

export const FALLBACK = ['[class*="coupon" i]', '[class*="promotion" i]', '[class*="discount" i]', '[class*="quan" i]', '[class*="benefit" i]'] as const;

export const CUE = /领券|领取优惠券|优惠券|店铺券|平台券|券后|满\s*\d+\s*(?:元|件)?\s*[减-]|立减|百亿补贴|多件优惠/;

export const PRICE = ['[class*="coupon-before" i]', '.goods-price .price', '[class*="goods-price" i]', '[class*="goodsPrice" i]', '.price'] as const;

export const PRICE_AFTER = ['.goods-price', '[class*="goods-price" i]', '[class*="after-coupon" i]'] as const;

export const adapter = makeAdapter({
  areas: AREAS,
  items: ITEMS,
  fallback: FALLBACK,
  cue: CUE,
  price: PRICE,
  priceAfter: PRICE_AFTER,
  currency: () => 'CNY',
  loaded: (_page, seen) => seen.priceShown !== undefined || seen.priceAfter !== undefined,
});
