/**
 * A visit of an item page's coupon area as it crosses a boundary: in a content script's message
 * (utils/protocol/messages.ts) and in a ledger file (ledger-file.ts). Valibot, as the rest of the
 * message protocol: modular, so the service worker carries only the checks it uses.
 */
import * as v from 'valibot';
import { int, range, text } from '../protocol/schema';
import { ObservedAtSchema } from '../protocol/time';

/** A sum of money on a label: never negative, never absurd. */
const money = () => v.optional(range(0, 1e9));

const Deal = v.object({
  kind: v.picklist(['threshold', 'instant', 'percent', 'price-after', 'free-shipping']),
  threshold: money(),
  minItems: v.optional(int(0, 100_000)),
  amount: money(),
  percentOff: v.optional(range(0, 100)),
  price: money(),
  cap: money(),
  currency: v.nullable(text(8)),
  repeating: v.boolean(),
  upTo: v.boolean(),
  label: text(500),
});

export const OfferSchema = v.object({
  platform: text(64),
  itemId: v.nullable(text(64)),
  activityId: v.optional(text(128)),
  label: text(500),
  type: v.picklist(['shop', 'platform', 'cross-store', 'new-user', 'member', 'unknown']),
  deal: Deal,
  currency: v.nullable(text(8)),
  priceBefore: money(),
  priceAfter: money(),
  key: text(300, 1),
});

export const ScanSchema = v.object({
  platform: text(64),
  itemId: v.nullable(text(64)),
  url: text(8192),
  state: v.picklist(['present', 'empty', 'not-loaded']),
  offers: v.pipe(v.array(OfferSchema), v.maxLength(200)),
});

export const VisitSchema = v.object({
  id: text(200, 1),
  itemKey: text(200, 3),
  at: ObservedAtSchema,
  source: v.picklist(['visit', 'import', 'control']),
  profileLabel: text(200),
  baselineName: v.optional(text(200)),
  scan: ScanSchema,
});
