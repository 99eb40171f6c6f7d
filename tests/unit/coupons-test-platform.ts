/**
 * A made-up platform's coupon selectors, so that each step of the one reading algorithm every
 * coupon adapter runs (utils/coupons/adapter.ts) is seen on its own; shared by the adapter tests.
 */
import { parseHTML } from 'linkedom';
import { extractWith, type AdapterConfig } from '../../utils/coupons/adapter';
import type { CouponScan } from '../../utils/coupons/types';

export const CONFIG: AdapterConfig = {
  areas: ['.cpn-best', '.cpn-area'],
  items: ['.cpn-item'],
  labels: ['.cpn-label'],
  tags: ['.cpn-tag'],
  fallback: ['[class*="promo"]'],
  cue: /领券|优惠券|coupon/i,
  price: ['#price-a', '#price-b'],
  priceAfter: ['.after'],
  currency: () => 'CNY',
  evidence: ['#loaded'],
  // The page says it finished loading its promotions with #loaded; a hidden area needs a price.
  loaded: (page) => page.find(['#loaded'], 1).length > 0,
  loadedHidden: (_page, seen) => seen.priceShown !== undefined,
};
export const URL = 'https://item.taobao.com/item.htm?id=600000000123';
export const LOADED = '<div id="loaded"></div>';

/** The scan of a page whose body is `body`, read with `cfg` at `url`. */
export function read(body: string, cfg: AdapterConfig = CONFIG, url = URL): CouponScan {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  return extractWith(cfg, document as unknown as ParentNode, url);
}
export const labels = (s: CouponScan) => s.offers.map((o) => o.label);
