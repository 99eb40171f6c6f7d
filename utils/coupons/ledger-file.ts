/**
 * The coupon ledger as a file (docs/coupons.md, "Ledger file"): exported by one browser, imported
 * by another as a baseline ("what another account or network saw").
 */
import * as v from 'valibot';
import { VisitSchema } from './schema';
import { firstIssue, text } from '../protocol/schema';
import type { ShutoutDB } from '../storage/db';
import type { LedgerVisit } from './compare';
import { fromRecord, toRecord } from './ledger';
import { Redactor, type RedactionReport } from '../evidence/redact';

export const LEDGER_FORMAT = 'shutout-coupon-ledger';
export const LEDGER_VERSION = 1;

export interface LedgerFile {
  format: typeof LEDGER_FORMAT;
  version: typeof LEDGER_VERSION;
  exportedAt: string;
  profileLabel: string;
  visits: LedgerVisit[];
  /** Present when the "redact exports" setting masked the profile label and the page URLs. */
  redaction?: RedactionReport;
}

const LedgerSchema = v.object({
  format: v.literal(LEDGER_FORMAT),
  version: v.literal(LEDGER_VERSION),
  exportedAt: v.string(),
  profileLabel: text(200),
  visits: v.pipe(v.array(VisitSchema), v.maxLength(500_000)),
});

export class LedgerImportError extends Error {}

/**
 * This browser's own visits and control views, as a file others can import. With `redact` (the
 * "redact exports" setting) the profile label and the page URLs are masked like any export's;
 * offers are the shop's words and stay.
 */
export async function exportLedger(db: ShutoutDB, profileLabel: string, now = new Date(), redact = false): Promise<LedgerFile> {
  const visits = (await db.coupons.where('source').anyOf(['visit', 'control']).toArray()).map(fromRecord);
  const file: LedgerFile = { format: LEDGER_FORMAT, version: LEDGER_VERSION, exportedAt: now.toISOString(), profileLabel, visits };
  if (!redact) return file;
  const r = new Redactor();
  return {
    ...file,
    profileLabel: r.field('profileLabel', profileLabel) as string,
    visits: visits.map((v) => ({
      ...v,
      profileLabel: r.field('profileLabel', v.profileLabel) as string,
      ...(v.baselineName ? { baselineName: r.field('baselineName', v.baselineName) as string } : {}),
      scan: { ...v.scan, url: r.url(v.scan.url) },
    })),
    redaction: { ...r.report, applied: true, fields: ['profileLabel', 'url'] },
  };
}

export function parseLedger(text: string, source: string): LedgerFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LedgerImportError(`${source} is not valid JSON (${(e as Error).message})`);
  }
  const r = v.safeParse(LedgerSchema, data);
  if (!r.success) throw new LedgerImportError(`${source} is not a Shutout coupon ledger: ${firstIssue(r.issues, 'file')}`);
  return r.output as LedgerFile;
}

/**
 * Import another ledger as a baseline, in one transaction. Comparisons use only the latest visit
 * of each item whose coupon area showed offers (compare.ts), so only that visit is stored: a
 * shared ledger of 100,000 visits of one item adds one row, and each later visit of the item
 * reads one row instead of 100,000. Visits keep their ids (prefixed with the baseline's name), so
 * importing the same file twice adds nothing.
 */
export async function importLedger(
  db: ShutoutDB,
  file: LedgerFile,
  source: string,
): Promise<{ added: number; skipped: number; superseded: number; baselineName: string; itemKeys: string[] }> {
  const baselineName = (file.profileLabel || source).slice(0, 200);
  const latest = new Map<string, LedgerVisit>();
  for (const v of file.visits) {
    if (v.scan.state !== 'present') continue;
    const best = latest.get(v.itemKey);
    if (!best || v.at > best.at) latest.set(v.itemKey, v);
  }
  const visits: LedgerVisit[] = [...latest.values()].map((v) => ({ ...v, id: `import:${baselineName}:${v.id}`.slice(0, 400), source: 'import', baselineName }));
  return db.transaction('rw', db.coupons, async () => {
    const have = new Set(await db.coupons.where('id').anyOf(visits.map((v) => v.id)).primaryKeys());
    const fresh = visits.filter((v) => !have.has(v.id));
    await db.coupons.bulkAdd(fresh.map(toRecord));
    return {
      added: fresh.length,
      skipped: visits.length - fresh.length,
      superseded: file.visits.length - visits.length,
      baselineName,
      itemKeys: [...new Set(fresh.map((v) => v.itemKey))],
    };
  });
}
