/**
 * A visit of an item page's coupon area as it crosses a boundary: in a content script's message
 * (utils/protocol/messages.ts) and in a ledger file (ledger-file.ts). zod's functional build
 * (`zod/mini`), as the rest of the message protocol, so that the service worker stays small.
 */
import * as z from 'zod/mini';
import { ObservedAtSchema } from '../protocol/time';

/** Text of at most `max` characters (and at least `min`). */
const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
/** A sum of money on a label: never negative, never absurd (NaN and infinities fail any number). */
const money = () => z.optional(z.number().check(z.gte(0), z.lte(1e9)));

const Deal = z.object({
  kind: z.enum(['threshold', 'instant', 'percent', 'price-after', 'free-shipping']),
  threshold: money(),
  minItems: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
  amount: money(),
  percentOff: z.optional(z.number().check(z.gte(0), z.lte(100))),
  price: money(),
  cap: money(),
  currency: z.nullable(text(8)),
  repeating: z.boolean(),
  upTo: z.boolean(),
  label: text(500),
});

export const OfferSchema = z.object({
  platform: text(64),
  itemId: z.nullable(text(64)),
  activityId: z.optional(text(128)),
  label: text(500),
  type: z.enum(['shop', 'platform', 'cross-store', 'new-user', 'member', 'unknown']),
  deal: Deal,
  currency: z.nullable(text(8)),
  priceBefore: money(),
  priceAfter: money(),
  key: text(300, 1),
});

export const VisitSchema = z.object({
  id: text(200, 1),
  itemKey: text(200, 3),
  at: ObservedAtSchema,
  source: z.enum(['visit', 'import', 'control']),
  profileLabel: text(200),
  baselineName: z.optional(text(200)),
  scan: z.object({
    platform: text(64),
    itemId: z.nullable(text(64)),
    url: text(8192),
    state: z.enum(['present', 'empty', 'not-loaded']),
    offers: z.array(OfferSchema).check(z.maxLength(200)),
  }),
});
