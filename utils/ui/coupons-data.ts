/**
 * The Coupons view's data, from utils/coupons/ledger.ts (written by the coupons feature). The
 * module is looked up with import.meta.glob so that the popup builds, and shows empty coupon
 * views, before that module exists.
 */
import type { ShutoutDB } from '../storage/db';
import type { ItemCouponsView, MissingItemSummary } from '../coupons/view';

export interface LedgerModule {
  itemCoupons(db: ShutoutDB, url: string): Promise<ItemCouponsView | null>;
  itemsWithMissingCoupons(db: ShutoutDB, limit: number): Promise<MissingItemSummary[]>;
}

const modules = import.meta.glob<LedgerModule>('../coupons/ledger.ts');

let override: (() => Promise<Partial<LedgerModule> | null>) | undefined;

/** Replace the ledger (tests). */
export function setLedgerLoader(load: (() => Promise<Partial<LedgerModule> | null>) | undefined): void {
  override = load;
}

async function ledger(): Promise<Partial<LedgerModule> | null> {
  if (override) return override();
  const load = Object.values(modules)[0];
  if (!load) return null;
  try {
    return await load();
  } catch {
    return null;
  }
}

/** Is coupon tracking part of this build? */
export async function couponsAvailable(): Promise<boolean> {
  const m = await ledger();
  return typeof m?.itemCoupons === 'function';
}

export async function itemCoupons(db: ShutoutDB, url: string): Promise<ItemCouponsView | null> {
  const m = await ledger();
  if (typeof m?.itemCoupons !== 'function') return null;
  return m.itemCoupons(db, url);
}

export async function itemsWithMissingCoupons(db: ShutoutDB, limit: number): Promise<MissingItemSummary[]> {
  const m = await ledger();
  if (typeof m?.itemsWithMissingCoupons !== 'function') return [];
  return m.itemsWithMissingCoupons(db, limit);
}
