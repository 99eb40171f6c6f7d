import type { FindingRecord } from '../storage/db';
import { type ChainEntry, type Disclosure } from './chain';
import { SD } from './commit';
import { CSV_FIELDS, CSV_HEADER, csvLines, csvRow } from './csv';
import { Redactor, REDACTABLE_FIELDS, type RedactionReport } from './redact';
import { canonicalJson, sha256Bytes, toBase64 } from './hash';
import { signBytes, type SignatureBlock, type Signer } from './signing';

/** docs/evidence-format.md */
export const EVIDENCE_FORMAT = 'shutout-evidence';
export const EVIDENCE_VERSION = 2;

export interface ExportMeta {
  generator: { name: string; version: string };
  profileLabel: string;
  exportedAt: string;
  /** The UI language at export: the report opens in it (`zh` or `en`). */
  language?: 'zh' | 'en';
}

export interface ChainSummary {
  /** The seq of the head entry: the length of the browser's whole chain. */
  length: number;
  head: string | null;
  /** Format 2: always "original" (redaction withholds commitments; the hashes are the browser's own). */
  hashedOver: 'original' | 'redacted copy';
  /** Present when the file starts after left-out entries (a redacted export leaves out the format-1 entries before an upgrade). */
  from?: { seq: number; prevHash: string };
}

const SENSITIVE = new Set<string>(REDACTABLE_FIELDS);

/**
 * Prepares entries and records for export. Unredacted: as stored. Redacted: every committed field
 * whose value redaction changes loses its disclosure and shows the masked text under `withheld`;
 * hashes stay the browser's own. Format-1 entries before the last upgrade are left out of a
 * redacted export (their values are hashed in the clear and cannot be withheld).
 */
export class ExportChain {
  readonly redactor = new Redactor();
  private last: ChainEntry | null = null;
  private first: ChainEntry | null = null;
  written = 0;

  constructor(
    readonly redact: boolean,
    /** Redacted exports start here (the last `upgrade` entry), when there is one. */
    private readonly startSeq = 1,
  ) {}

  get report(): RedactionReport {
    return { ...this.redactor.report, applied: this.redact };
  }

  /** The entry as exported, or null when it is left out. */
  entry(e: ChainEntry): ChainEntry | null {
    this.last = e;
    if (!this.redact) return this.keep(e);
    if (e.seq < this.startSeq) return null;
    if (!(SD in e.data)) {
      const personal = Object.keys(e.data).filter((k) => SENSITIVE.has(k) && e.data[k]);
      if (personal.length) throw new Error(`chain entry ${e.seq} is in format 1 with ${personal.join(', ')} in the clear: it cannot be redacted`);
      return this.keep(e);
    }
    const disclose: Record<string, Disclosure> = {};
    const withheld: Record<string, unknown> = {};
    for (const [k, d] of Object.entries(e.disclose ?? {})) {
      const masked = this.redactor.field(k, d[1]);
      if (masked === d[1]) disclose[k] = d;
      else {
        withheld[k] = masked;
        if (!this.redactor.report.fields.includes(k)) this.redactor.report.fields.push(k);
      }
    }
    const { disclose: _d, withheld: _w, ...rest } = e;
    return this.keep({ ...rest, ...(Object.keys(disclose).length ? { disclose } : {}), ...(Object.keys(withheld).length ? { withheld } : {}) });
  }

  private keep(e: ChainEntry): ChainEntry {
    this.first ??= e;
    this.written++;
    return e;
  }

  /** A record as exported: masked like its entries (the same placeholders), hash and seq unchanged. */
  record<T extends Record<string, unknown>>(r: T): T {
    return this.redact ? this.redactor.record(r) : r;
  }

  meta(m: ExportMeta): ExportMeta {
    return this.redact ? { ...m, profileLabel: this.redactor.field('profileLabel', m.profileLabel) as string } : m;
  }

  summary(): ChainSummary {
    const from = this.first && this.first.seq > 1 ? { from: { seq: this.first.seq, prevHash: this.first.prevHash } } : {};
    return { length: this.last?.seq ?? 0, head: this.last?.hash ?? null, hashedOver: 'original', ...from };
  }
}

export interface JsonExport extends ExportMeta {
  format: typeof EVIDENCE_FORMAT;
  version: typeof EVIDENCE_VERSION;
  redaction: RedactionReport;
  chain: ChainSummary;
  entries: ChainEntry[];
  records: FindingRecord[];
  /** Over the canonical JSON of everything else in the file (utils/evidence/signing.ts). */
  signature?: SignatureBlock;
  /** RFC 3161 token (base64 DER) over the signature's bytes, when the user named a time-stamping service. */
  timestamp?: string;
}

export function buildJsonExport(meta: ExportMeta, entries: ChainEntry[], records: FindingRecord[], redact: boolean, startSeq = 1): JsonExport {
  const chain = new ExportChain(redact, startSeq);
  const outEntries = entries.map((e) => chain.entry(e)).filter((e): e is ChainEntry => e !== null);
  const outRecords = records.map((r) => chain.record(r as unknown as Record<string, unknown>) as unknown as FindingRecord);
  return {
    format: EVIDENCE_FORMAT,
    version: EVIDENCE_VERSION,
    ...chain.meta(meta),
    redaction: chain.report,
    chain: chain.summary(),
    entries: outEntries,
    records: outRecords,
  };
}

/**
 * One JSON object per line: a header line, then one line per finding (a view for pipelines; not
 * signed). Records keep the hashes of the browser's chain, whose head the header names.
 */
export function toNdjsonLines(meta: ExportMeta, records: FindingRecord[], redact: boolean, entries: ChainEntry[] = []): string[] {
  const chain = new ExportChain(redact);
  const lines = records.map((r) => JSON.stringify(chain.record(r as unknown as Record<string, unknown>)));
  const last = entries[entries.length - 1];
  const summary: ChainSummary = { length: last?.seq ?? 0, head: last?.hash ?? null, hashedOver: 'original' };
  const header = { format: `${EVIDENCE_FORMAT}-ndjson`, version: EVIDENCE_VERSION, ...chain.meta(meta), redaction: chain.report, chain: summary, count: records.length };
  return [JSON.stringify(header), ...lines];
}

export { CSV_FIELDS, csvRow };

/** CSV (a view for spreadsheets): formulas neutralised, numbers as they are. */
export function toCsv(records: FindingRecord[], redact: boolean): string {
  const chain = new ExportChain(redact);
  return CSV_HEADER + csvLines(records.map((r) => csvRow(chain.record(r as unknown as Record<string, unknown>))));
}

/** `20260321-083000`: the UTC time in export file names. */
export function fileStamp(when: Date): string {
  return when.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

export function exportFileName(kind: 'json' | 'ndjson' | 'csv' | 'zip', now = new Date()): string {
  return `shutout-${kind === 'zip' ? 'bundle' : 'export'}-${fileStamp(now)}.${kind}`;
}

/**
 * Signs a JSON export: the signature covers the canonical JSON of everything else in it; the
 * optional timestamp covers the canonical JSON of the signature block.
 */
export async function signJsonExport(data: JsonExport, signer: Signer, timestamper?: (imprint: Uint8Array) => Promise<Uint8Array>): Promise<{ timestamp: 'stamped' | 'off' | { error: string } }> {
  delete data.signature;
  delete data.timestamp;
  data.signature = await signBytes(signer, new TextEncoder().encode(canonicalJson(data)));
  if (!timestamper) return { timestamp: 'off' };
  try {
    data.timestamp = toBase64(await timestamper(sha256Bytes(canonicalJson(data.signature))));
    return { timestamp: 'stamped' };
  } catch (e) {
    return { timestamp: { error: (e as Error).message } };
  }
}
