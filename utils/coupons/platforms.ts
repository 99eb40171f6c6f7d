/**
 * Platforms whose coupon areas Shutout reads: those whose descriptor names a reader
 * (`coupons` in utils/platforms/<id>.ts). Without the readers themselves (index.ts), so that the
 * service worker can ask which item pages have coupons without carrying the code that reads them.
 */
import { MARKETPLACES } from '../detect/platforms';

export const COUPON_PLATFORMS: readonly string[] = MARKETPLACES.filter((d) => !!d.coupons).map((d) => d.id);
