/**
 * What the popup's Coupons view shows (issue: coupons). The queries behind these functions live
 * in utils/coupons/ledger.ts; the UI only depends on this file.
 */
export type BaselineKind = 'history' | 'import' | 'control';

export interface OfferView {
  key: string;
  /** The label as the page showed it. */
  label: string;
  /** shop / platform / cross-store / new-user / member / unknown */
  type: string;
}

export interface MissingOfferView {
  offer: OfferView;
  baseline: BaselineKind;
  /** For imported baselines: the file or label it came from; for control views: "logged-out visitor". */
  baselineName?: string;
  /** When the baseline saw the offer (UTC ISO). */
  seenAt: string;
}

export interface ItemCouponsView {
  itemKey: string;
  platform: string;
  itemId: string;
  url: string;
  /** The latest visit: what the page showed now. state 'not-loaded' means the coupon area did not render. */
  current: { at: string; state: 'present' | 'empty' | 'not-loaded'; offers: OfferView[] } | null;
  missing: MissingOfferView[];
  /** Explicit refusals (promotion-denied findings) on this item. */
  refused: Array<{ snippet: string; at: string }>;
}

export interface MissingItemSummary {
  itemKey: string;
  platform: string;
  itemId: string;
  url: string;
  missingCount: number;
  lastAt: string;
}
