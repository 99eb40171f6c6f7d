/**
 * What Shutout reads from a page's coupon area. Pure data: no browser API, no storage. The
 * content script (live DOM), the CLI (linkedom) and the tests all produce the same shapes.
 * Schema, key rule and state rule: docs/coupons.md.
 */

/**
 * The kind of deal a coupon or promotion label offers.
 * - `threshold`: money off once a spend (or an item count) is reached: 满199减20, 满2件减5,
 *   每满300减30 (repeating), Spend $50 save $10, Buy 2 save $5.
 * - `instant`: money off without a threshold: 立减5元, 5元无门槛券, Save $5 with coupon.
 * - `percent`: a percentage off or a 折 rate, with an optional money or item threshold:
 *   8.5折 (15 % off), 满2件9折, Apply 10% coupon, Save 15% on 2 select items.
 * - `price-after`: the price after the coupon, without the coupon itself: 券后价 ¥179.
 * - `free-shipping`: shipping waived past a threshold (满99包邮, Free delivery on orders over £25).
 *   A promotion, but not a money discount: kept apart so that comparisons can weigh it
 *   differently. A bare "包邮" (a service tag shown to everyone) is not an offer.
 */
export type DealKind = 'threshold' | 'instant' | 'percent' | 'price-after' | 'free-shipping';

/** A coupon or promotion label parsed into numbers (utils/coupons/amount.ts). */
export interface ParsedAmount {
  kind: DealKind;
  /** Minimum spend in `currency` (满199 → 199). 0 when the label says there is none (无门槛). */
  threshold?: number;
  /** Minimum number of items (满2件, on 2 select items, Buy 2). */
  minItems?: number;
  /** Money off, in `currency` (threshold and instant deals). */
  amount?: number;
  /** Percentage off: 15 for "15% off" and for "8.5折". */
  percentOff?: number;
  /** price-after deals: the price after the coupon. Changes with the item's price. */
  price?: number;
  /** Largest discount the deal gives (每满300减30，最高减300 → 300). */
  cap?: number;
  /** ISO 4217 code (CNY for ¥/￥/元 on Chinese labels, USD for $ …), null when the label names no money. */
  currency: string | null;
  /** 每满: the discount repeats for every multiple of the threshold. */
  repeating: boolean;
  /** 低至 / up to: the best case, not the rate every buyer gets. */
  upTo: boolean;
  /** The label as given, whitespace collapsed and trimmed. */
  label: string;
}

/**
 * Who funds or may use an offer, from the wording around it.
 * shop: 店铺券, 店铺优惠券, 商家券 · platform: 平台券, 天猫券, 京券/东券, 百亿补贴, 官方立减 ·
 * cross-store: 跨店满减, 购物津贴 · new-user: 新人, 新客, 首单, first order · member: 会员, 88VIP,
 * PLUS, Prime · unknown: nothing said.
 */
export type OfferType = 'shop' | 'platform' | 'cross-store' | 'new-user' | 'member' | 'unknown';

/** One offer the page shows. */
export interface Offer {
  /** Platform id from utils/detect/platforms.ts (taobao, tmall, juhuasuan, jd, pinduoduo, meituan, amazon). */
  platform: string;
  /** The item the page is about (utils/coupons/item-id.ts), null when the URL does not say. */
  itemId: string | null;
  /** A campaign id in the URL (Juhuasuan ju_id, JD activity), when there is one. */
  activityId?: string;
  /** The label as shown: whitespace collapsed, trimmed, at most LABEL_MAX characters. */
  label: string;
  type: OfferType;
  deal: ParsedAmount;
  /** Same as deal.currency. */
  currency: string | null;
  /** The price the page shows before coupons, when the adapter read one. */
  priceBefore?: number;
  /** The price the page shows after coupons (券后), when it shows one. */
  priceAfter?: number;
  /**
   * Stable identity for comparing visits: platform, type, deal kind, currency and the deal's
   * numbers (threshold, items, amount, percent, cap, repeating). Never a price, never the item:
   * the same 满199减20 shop coupon has the same key on every visit. Rule: docs/coupons.md.
   */
  key: string;
}

/**
 * - `present`: a coupon area was found and at least one offer was read from it.
 * - `empty`: a coupon area was found, the page had finished loading its promotions, and it
 *   holds no offer.
 * - `not-loaded`: no coupon area, a skeleton or loading placeholder, or no evidence that the
 *   page finished loading. A page that failed to load must never look like a withheld coupon,
 *   so every doubt lands here.
 */
export type CouponState = 'present' | 'empty' | 'not-loaded';

/** What one page shows. */
export interface CouponScan {
  platform: string;
  itemId: string | null;
  activityId?: string;
  url: string;
  state: CouponState;
  offers: Offer[];
  /** The price the page shows (before coupons), when the adapter read one. */
  priceShown?: number;
  /** The price after coupons (券后) the page shows, when it shows one. */
  priceAfter?: number;
  /** Labels in the coupon area that look like offers but did not parse (at most 10). */
  unparsed: string[];
  /** Which selector (or "text-cue") located the coupon area, for debugging; absent when none did. */
  area?: string;
}

/** Labels are kept to this many characters. */
export const LABEL_MAX = 120;
