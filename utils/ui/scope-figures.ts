/**
 * The summary's figures (issue 10): how many blocks were account-level, network-level and
 * inconclusive, per platform. Only checked findings are read (the `scope` index, schema 4); false
 * positives are left out as in the other counts.
 */
import { SCOPES, type Scope } from '../scope/types';
import type { ShutoutDB } from '../storage/db';

export type ScopeCounts = Record<Scope, number>;

export interface ScopeFigures {
  /** By platform id ('' for none), then by scope. */
  byPlatform: Record<string, ScopeCounts>;
  total: ScopeCounts;
}

const zero = (): ScopeCounts => ({ account: 0, network: 0, inconclusive: 0 });

export async function scopeFigures(db: ShutoutDB): Promise<ScopeFigures> {
  const rows = await db.findings.where('scope').anyOf([...SCOPES]).toArray();
  const out: ScopeFigures = { byPlatform: {}, total: zero() };
  for (const r of rows) {
    if (r.review === 'false-positive' || !r.scope) continue;
    const p = (out.byPlatform[r.platform ?? ''] ??= zero());
    p[r.scope]++;
    out.total[r.scope]++;
  }
  return out;
}
