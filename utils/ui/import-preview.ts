/** What an import would add, before anything is stored (the same rules as applyImport). */
import type { ShutoutDB } from '../storage/db';
import { splitImport, type ImportPlan } from '../evidence/import';

export interface ImportPreview {
  /** Live findings in the file (deleted ones not counted). */
  inFile: number;
  /** Of those, already here (same id or same page and kind). */
  already: number;
  fresh: number;
  /** Time span of the findings in the file. */
  from: string | null;
  to: string | null;
  /** The key that signed the file (format 2), or null (format 1). */
  fingerprint: string | null;
}

export async function previewImport(db: ShutoutDB, plan: ImportPlan): Promise<ImportPreview> {
  const { fresh, already } = await splitImport(db, plan);
  let from: string | null = null;
  let to: string | null = null;
  for (const f of plan.findings) {
    const t = String(f.content.observedAt ?? '');
    if (!t) continue;
    if (from === null || t < from) from = t;
    if (to === null || t > to) to = t;
  }
  return { inFile: plan.findings.length, already, fresh: fresh.length, from, to, fingerprint: plan.fingerprint };
}
