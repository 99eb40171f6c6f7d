/**
 * Coupons: which offers a page shows. Pure TypeScript, no browser API, no storage: the content
 * script passes `document`, the CLI and the tests a linkedom document. Schema and rules:
 * docs/coupons.md.
 */
import { ADAPTERS_BY_PLATFORM } from '../platforms/_generated/coupons';
import { MARKETPLACES, platformOf } from '../detect/platforms';
import type { CouponAdapter } from './adapter';
import type { CouponScan } from './types';
import { parseItemRef } from './item-id';

export * from './types';
export { parseOffer, findOffers, parsePrice, DEAL_KINDS, type ParseOptions } from './amount';
export { parseItemRef, itemIdOf, type ItemRef } from './item-id';
export { classifyOffer, TYPE_CUES } from './classify';
export { offerKey, makeOffer } from './offer';
export type { CouponAdapter } from './adapter';

/** Each platform's reader, from its descriptor's `coupons` (the platform whose `<id>.coupons.ts` reads its pages). */
const byPlatform = new Map<string, CouponAdapter>();
for (const d of MARKETPLACES) {
  if (!d.coupons) continue;
  const adapter = ADAPTERS_BY_PLATFORM[d.coupons];
  if (!adapter) throw new Error(`utils/platforms/${d.id}.ts: coupons '${d.coupons}' names no utils/platforms/${d.coupons}.coupons.ts`);
  byPlatform.set(d.id, adapter);
}

/** The adapter for a platform id, or null when Shutout does not read that platform's coupons. */
export function couponAdapterFor(platform: string | null | undefined): CouponAdapter | null {
  return (platform && byPlatform.get(platform)) || null;
}

export { COUPON_PLATFORMS } from './platforms';

/**
 * The coupon offers the page at `url` shows, or null when its platform has no adapter.
 * Never throws on a strange page: a page it cannot read comes back 'not-loaded'.
 */
export function extractCoupons(doc: ParentNode, url: string): CouponScan | null {
  const adapter = couponAdapterFor(platformOf(url));
  if (!adapter) return null;
  try {
    return adapter.extract(doc, url);
  } catch {
    const ref = parseItemRef(url);
    return { platform: platformOf(url)!, itemId: ref?.itemId ?? null, url, state: 'not-loaded', offers: [], unparsed: [] };
  }
}
