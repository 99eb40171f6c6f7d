import Papa from 'papaparse';
import type { CaptureRecord, FindingRecord } from '../storage/db';
import { GENESIS, entryHash, type ChainEntry } from './chain';
import { emptyReport, redactRecord, type RedactionReport } from './redact';

/** docs/evidence-format.md */
export const EVIDENCE_FORMAT = 'shutout-evidence';
export const EVIDENCE_VERSION = 1;

export interface ExportMeta {
  generator: { name: string; version: string };
  profileLabel: string;
  exportedAt: string;
}

export interface ChainSummary {
  length: number;
  head: string | null;
  /** "original": the hashes the extension wrote; "redacted copy": recomputed over the redacted entries. */
  hashedOver: 'original' | 'redacted copy';
}

/**
 * Prepares entries and records for export: unchanged, or redacted with the chain recomputed over
 * the redacted copy (seq numbers kept), so that a shared export verifies on its own.
 */
export class ExportChain {
  readonly report: RedactionReport = emptyReport();
  private prev = GENESIS;
  private hashOf = new Map<string, string>();
  length = 0;

  constructor(readonly redact: boolean) {}

  entry(e: ChainEntry): ChainEntry {
    this.length++;
    if (!this.redact) {
      this.prev = e.hash;
      if (e.type === 'finding') this.hashOf.set(e.recordId, e.hash);
      return e;
    }
    const data = redactRecord(e.data, this.report);
    const body = { seq: e.seq, type: e.type, recordId: e.recordId, at: e.at, data };
    const hash = entryHash(this.prev, body);
    const out: ChainEntry = { ...body, prevHash: this.prev, hash };
    this.prev = hash;
    if (e.type === 'finding') this.hashOf.set(e.recordId, hash);
    return out;
  }

  record(r: FindingRecord): FindingRecord {
    const out = this.redact ? redactRecord(r as unknown as Record<string, unknown>, this.report) as unknown as FindingRecord : r;
    return { ...out, hash: this.hashOf.get(r.id) ?? out.hash };
  }

  summary(): ChainSummary {
    return { length: this.length, head: this.length ? this.prev : null, hashedOver: this.redact ? 'redacted copy' : 'original' };
  }
}

export interface JsonExport extends ExportMeta {
  format: typeof EVIDENCE_FORMAT;
  version: typeof EVIDENCE_VERSION;
  redaction: RedactionReport;
  chain: ChainSummary;
  entries: ChainEntry[];
  records: FindingRecord[];
}

export function buildJsonExport(meta: ExportMeta, entries: ChainEntry[], records: FindingRecord[], redact: boolean): JsonExport {
  const chain = new ExportChain(redact);
  const outEntries = entries.map((e) => chain.entry(e));
  const outRecords = records.map((r) => chain.record(r));
  return {
    format: EVIDENCE_FORMAT,
    version: EVIDENCE_VERSION,
    ...meta,
    redaction: chain.report,
    chain: chain.summary(),
    entries: outEntries,
    records: outRecords,
  };
}

/** One JSON object per line: a header line, then one line per finding. */
export function toNdjsonLines(meta: ExportMeta, records: FindingRecord[], redact: boolean, entries: ChainEntry[] = []): string[] {
  const chain = new ExportChain(redact);
  entries.forEach((e) => chain.entry(e));
  const lines = records.map((r) => JSON.stringify(chain.record(r)));
  const header = { format: `${EVIDENCE_FORMAT}-ndjson`, version: EVIDENCE_VERSION, ...meta, redaction: chain.report, chain: chain.summary(), count: records.length };
  return [JSON.stringify(header), ...lines];
}

export const CSV_FIELDS = [
  'id', 'observedAt', 'tzOffsetMinutes', 'platform', 'kind', 'ruleId', 'rulesetVersion', 'where', 'confidence', 'until',
  'pageUrl', 'pageTitle', 'snippet', 'review', 'note', 'count', 'profileLabel', 'browser', 'extensionVersion', 'uiLanguage',
  'origin', 'seq', 'hash',
] as const;

/**
 * CSV through Papa Parse. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * are prefixed with an apostrophe, so page text such as =HYPERLINK(...) stays inert.
 */
export function toCsv(records: FindingRecord[], redact: boolean, entries: ChainEntry[] = []): string {
  const chain = new ExportChain(redact);
  entries.forEach((e) => chain.entry(e));
  const rows = records.map((r) => csvRow(chain.record(r)));
  return Papa.unparse({ fields: [...CSV_FIELDS], data: rows }, { escapeFormulae: true, newline: '\r\n' });
}

/** One finding as a CSV row, in CSV_FIELDS order (empty cells for absent fields). */
export function csvRow(record: FindingRecord): string[] {
  const r = record as unknown as Record<string, unknown>;
  return CSV_FIELDS.map((f) => (r[f] === undefined || r[f] === null ? '' : String(r[f])));
}

/** `20260321-083000`: the UTC time in export file names. */
export function fileStamp(when: Date): string {
  return when.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

export function exportFileName(kind: 'json' | 'ndjson' | 'csv' | 'zip', now = new Date()): string {
  return `shutout-${kind === 'zip' ? 'bundle' : 'export'}-${fileStamp(now)}.${kind}`;
}

export type { CaptureRecord };
