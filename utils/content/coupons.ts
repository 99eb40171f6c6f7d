import { COUPON_PLATFORMS, extractCoupons } from '../coupons/index';
import { parseItemRef } from '../coupons/item-id';
import type { CouponScan } from '../coupons/types';
import type { CouponVisitMessage } from '../protocol/messages';

/** When the coupon area has not rendered yet, look again after these pauses (ms): at 1.5 s and 4 s. */
export const COUPON_RETRY_DELAYS = [1500, 2500];

/**
 * Reads the coupon area of an item page once it has rendered, and reports the visit. A page
 * whose area never renders is reported as 'not-loaded', which raises nothing: a page that
 * failed to load must never look like a withheld coupon.
 */
export function watchCoupons(opts: {
  doc: Document;
  url: string;
  pageId: string;
  send(msg: CouponVisitMessage): Promise<unknown>;
  setTimeout(fn: () => void, ms: number): unknown;
  /** Runs `fn` in an idle period of its own, apart from the text scan's task. */
  idle?(fn: () => void): void;
  isStale(): boolean;
}): void {
  const ref = parseItemRef(opts.url);
  if (!ref?.itemId || !COUPON_PLATFORMS.includes(ref.platform)) return;
  let attempt = 0;
  const report = async (scan: CouponScan) => {
    const msg: CouponVisitMessage = {
      type: 'coupons/visit',
      pageId: opts.pageId,
      url: opts.url,
      observedAt: new Date().toISOString(),
      scan: { platform: scan.platform, itemId: scan.itemId, url: scan.url, state: scan.state, offers: scan.offers.slice(0, 200) },
    };
    // A few tries: the worker may be starting.
    for (let i = 0; i < 4; i++) {
      try {
        const res = (await opts.send(msg)) as { ok?: boolean } | undefined;
        if (res?.ok) return;
      } catch {
        /* retry */
      }
      await new Promise((r) => opts.setTimeout(() => r(undefined), 250 * 2 ** i));
    }
  };
  const look = () => {
    if (opts.isStale()) return;
    const scan = extractCoupons(opts.doc, opts.url);
    if (!scan) return;
    if (scan.state === 'not-loaded' && attempt < COUPON_RETRY_DELAYS.length) {
      opts.setTimeout(look, COUPON_RETRY_DELAYS[attempt++]!);
      return;
    }
    void report(scan);
  };
  (opts.idle ?? ((fn) => opts.setTimeout(fn, 0)))(look);
}
