/** What an import would add, before anything is stored (the same rules as applyImport). */
import type { ShutoutDB } from '../storage/db';
import type { ImportPlan } from '../evidence/import';

export interface ImportPreview {
  /** Findings in the file (deleted ones not counted). */
  inFile: number;
  /** Of those, already here (same id or same page and kind). */
  already: number;
  fresh: number;
  /** Time span of the findings in the file. */
  from: string | null;
  to: string | null;
}

export async function previewImport(db: ShutoutDB, plan: ImportPlan): Promise<ImportPreview> {
  const tombstoned = new Set(plan.entries.filter((e) => e.type === 'tombstone').map((e) => e.recordId));
  const findings = plan.entries.filter((e) => (e.type === 'finding' || e.type === 'import') && !tombstoned.has(e.recordId));
  const ids = findings.map((e) => String(e.data.id ?? e.recordId));
  const keys = findings.map((e) => String(e.data.key ?? ''));
  const [haveIds, haveKeys] = await Promise.all([db.findings.where('id').anyOf(ids).primaryKeys(), db.findings.where('key').anyOf(keys).keys()]);
  const idSet = new Set(haveIds);
  const keySet = new Set(haveKeys.map(String));
  const already = findings.filter((e, i) => idSet.has(ids[i]!) || keySet.has(keys[i]!)).length;
  const times = findings.map((e) => String(e.data.observedAt ?? '')).filter(Boolean).sort();
  return { inFile: findings.length, already, fresh: findings.length - already, from: times[0] ?? null, to: times[times.length - 1] ?? null };
}
