/** Building Offers: the comparison key, bounded labels. */
import type { Offer, OfferType, ParsedAmount } from './types';
import { LABEL_MAX } from './types';
import { boundLabel } from './text';

function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * The stable identity of an offer across visits (docs/coupons.md):
 * `platform:type:kind:currency[:min=…][:items=…][:off=…][:pct=…][:cap=…][:each][:upto]`.
 * Only what identifies the deal goes in: never the item, never a price (a price-after offer's
 * key is the same whatever the price), never the label's wording (满199元减20元 and 满199减20
 * are one coupon).
 */
export function offerKey(platform: string, type: OfferType, deal: ParsedAmount): string {
  const parts = [platform, type, deal.kind, deal.currency ?? '-'];
  if (deal.threshold !== undefined) parts.push(`min=${num(deal.threshold)}`);
  if (deal.minItems !== undefined) parts.push(`items=${deal.minItems}`);
  if (deal.amount !== undefined) parts.push(`off=${num(deal.amount)}`);
  if (deal.percentOff !== undefined) parts.push(`pct=${num(deal.percentOff)}`);
  if (deal.cap !== undefined) parts.push(`cap=${num(deal.cap)}`);
  if (deal.repeating) parts.push('each');
  if (deal.upTo) parts.push('upto');
  return parts.join(':');
}

export interface OfferInput {
  platform: string;
  itemId: string | null;
  activityId?: string;
  label: string;
  type: OfferType;
  deal: ParsedAmount;
  priceBefore?: number;
  priceAfter?: number;
}

export function makeOffer(o: OfferInput): Offer {
  const offer: Offer = {
    platform: o.platform,
    itemId: o.itemId,
    label: boundLabel(o.label, LABEL_MAX),
    type: o.type,
    deal: o.deal,
    currency: o.deal.currency,
    key: offerKey(o.platform, o.type, o.deal),
  };
  if (o.activityId) offer.activityId = o.activityId;
  if (o.priceBefore !== undefined) offer.priceBefore = o.priceBefore;
  const after = o.deal.kind === 'price-after' ? o.deal.price : o.priceAfter;
  if (after !== undefined) offer.priceAfter = after;
  return offer;
}
