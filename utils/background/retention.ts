import { pruneBefore } from '../evidence/store';
import type { ShutoutDB } from '../storage/db';

/**
 * The retention setting: findings observed before the cutoff go (each leaves a tombstone in the
 * chain), and so do the page visits and the coupon ledger's rows (this browser's visits, control
 * views and imported baselines) from before it. Times are compared as ISO 8601 text, which the
 * message checks guarantee (utils/protocol/time.ts).
 */
export async function applyRetention(db: ShutoutDB, retentionDays: number, now = new Date()): Promise<{ findings: number; visits: number; coupons: number }> {
  if (!(retentionDays > 0)) return { findings: 0, visits: 0, coupons: 0 };
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const findings = await pruneBefore(db, cutoff, now);
  const before = cutoff.toISOString();
  const visits = await db.visits.where('at').below(before).delete();
  const coupons = await db.coupons.where('at').below(before).delete();
  return { findings, visits, coupons };
}
