/**
 * The coupon ledger as a file (docs/coupons.md, "Ledger file"): exported by one browser, imported
 * by another as a baseline ("what another account or network saw").
 */
import { z } from 'zod';
import type { ShutoutDB } from '../storage/db';
import type { LedgerVisit } from './compare';
import { fromRecord, toRecord } from './ledger';
import { ObservedAtSchema } from '../protocol/time';

export const LEDGER_FORMAT = 'shutout-coupon-ledger';
export const LEDGER_VERSION = 1;

export interface LedgerFile {
  format: typeof LEDGER_FORMAT;
  version: typeof LEDGER_VERSION;
  exportedAt: string;
  profileLabel: string;
  visits: LedgerVisit[];
}

/** A sum of money on a label: never negative, never absurd (NaN and infinities fail any number). */
const money = () => z.number().min(0).max(1e9);

const Deal = z.object({
  kind: z.enum(['threshold', 'instant', 'percent', 'price-after', 'free-shipping']),
  threshold: money().optional(),
  minItems: z.number().int().min(0).max(100_000).optional(),
  amount: money().optional(),
  percentOff: z.number().min(0).max(100).optional(),
  price: money().optional(),
  cap: money().optional(),
  currency: z.string().max(8).nullable(),
  repeating: z.boolean(),
  upTo: z.boolean(),
  label: z.string().max(500),
});
export const OfferSchema = z.object({
  platform: z.string().max(64),
  itemId: z.string().max(64).nullable(),
  activityId: z.string().max(128).optional(),
  label: z.string().max(500),
  type: z.enum(['shop', 'platform', 'cross-store', 'new-user', 'member', 'unknown']),
  deal: Deal,
  currency: z.string().max(8).nullable(),
  priceBefore: money().optional(),
  priceAfter: money().optional(),
  key: z.string().min(1).max(300),
});
export const VisitSchema = z.object({
  id: z.string().min(1).max(200),
  itemKey: z.string().min(3).max(200),
  at: ObservedAtSchema,
  source: z.enum(['visit', 'import', 'control']),
  profileLabel: z.string().max(200),
  baselineName: z.string().max(200).optional(),
  scan: z.object({
    platform: z.string().max(64),
    itemId: z.string().max(64).nullable(),
    url: z.string().max(8192),
    state: z.enum(['present', 'empty', 'not-loaded']),
    offers: z.array(OfferSchema).max(200),
  }),
});
const LedgerSchema = z.object({
  format: z.literal(LEDGER_FORMAT),
  version: z.literal(LEDGER_VERSION),
  exportedAt: z.string(),
  profileLabel: z.string().max(200),
  visits: z.array(VisitSchema).max(500_000),
});

export class LedgerImportError extends Error {}

/** This browser's own visits and control views, as a file others can import. */
export async function exportLedger(db: ShutoutDB, profileLabel: string, now = new Date()): Promise<LedgerFile> {
  const visits = (await db.coupons.where('source').anyOf(['visit', 'control']).toArray()).map(fromRecord);
  return { format: LEDGER_FORMAT, version: LEDGER_VERSION, exportedAt: now.toISOString(), profileLabel, visits };
}

export function parseLedger(text: string, source: string): LedgerFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LedgerImportError(`${source} is not valid JSON (${(e as Error).message})`);
  }
  const r = LedgerSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new LedgerImportError(`${source} is not a Shutout coupon ledger: ${i.path.join('.') || 'file'}: ${i.message}`);
  }
  return r.data as LedgerFile;
}

/**
 * Import another ledger as a baseline, in one transaction. Visits keep their ids (prefixed with
 * the baseline's name), so importing the same file twice adds nothing.
 */
export async function importLedger(db: ShutoutDB, file: LedgerFile, source: string): Promise<{ added: number; skipped: number; baselineName: string; itemKeys: string[] }> {
  const baselineName = (file.profileLabel || source).slice(0, 200);
  const visits: LedgerVisit[] = file.visits
    .filter((v) => v.scan.state !== 'not-loaded')
    .map((v) => ({ ...v, id: `import:${baselineName}:${v.id}`.slice(0, 400), source: 'import', baselineName }));
  return db.transaction('rw', db.coupons, async () => {
    const have = new Set(await db.coupons.where('id').anyOf(visits.map((v) => v.id)).primaryKeys());
    const fresh = visits.filter((v) => !have.has(v.id));
    await db.coupons.bulkAdd(fresh.map(toRecord));
    return { added: fresh.length, skipped: visits.length - fresh.length, baselineName, itemKeys: [...new Set(fresh.map((v) => v.itemKey))] };
  });
}
