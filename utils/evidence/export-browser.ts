import type { ShutoutDB } from '../storage/db';
import { writeBundle, type BundleResult, type Timestamper } from './bundle';
import type { ChainEntry } from './chain';
import { buildJsonExport, exportFileName, signJsonExport, toCsv, toNdjsonLines, type ExportMeta } from './export';
import type { Signer } from './signing';
import type { FindingRecord } from '../storage/db';

export type ExportFormat = 'json' | 'csv' | 'ndjson' | 'zip';

const PAGE = 2000;

/** Keyset paging on `seq` (offset paging re-walks the index on every page: quadratic at 100,000 records). */
async function* pages<T extends { seq: number }>(load: (afterSeq: number) => Promise<T[]>): AsyncGenerator<T[]> {
  let after = -Infinity;
  for (;;) {
    const page = await load(after);
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}

const entryPages = (db: ShutoutDB) => pages<ChainEntry>((after) => db.chain.where('seq').above(after).limit(PAGE).toArray());
const recordPages = (db: ShutoutDB) => pages<FindingRecord>((after) => db.findings.where('seq').above(after).limit(PAGE).toArray());

async function all<T>(it: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of it) out.push(...p);
  return out;
}

/**
 * Blob parts are folded into a Blob every few MiB: the browser keeps large Blobs on disk, so a
 * bundle with a gigabyte of screenshots does not have to fit in memory.
 */
class BlobSink {
  private blob = new Blob([]);
  private parts: Uint8Array[] = [];
  private pending = 0;
  constructor(private readonly type: string) {}
  push = (chunk: Uint8Array): void => {
    this.parts.push(chunk);
    this.pending += chunk.length;
    if (this.pending > 8 << 20) this.fold();
  };
  private fold(): void {
    this.blob = new Blob([this.blob, ...(this.parts as BlobPart[])], { type: this.type });
    this.parts = [];
    this.pending = 0;
  }
  result(): Blob {
    this.fold();
    return this.blob;
  }
}

export interface ExportResult {
  blob: Blob;
  name: string;
  count: number;
  /** The signing key's fingerprint (bundles and JSON exports). */
  fingerprint?: string;
  /** Whether a trusted timestamp was added, or why not. */
  timestamp?: BundleResult['timestamp'];
}

export interface ExportOptions {
  redact: boolean;
  includeCaptures?: boolean;
  /** Signs bundles and JSON exports (the installation's key: utils/evidence/keystore.ts). */
  signer: Signer;
  /** RFC 3161, only when the user named a time-stamping service. */
  timestamper?: Timestamper;
}

/** A redacted export starts at the last `upgrade` entry: the format-1 entries before it hold values in the clear. */
async function redactedStart(db: ShutoutDB): Promise<number> {
  const upgrade = await db.chain.where('type').equals('upgrade').last();
  return upgrade?.seq ?? 1;
}

/** Build an export file from the database, as the popup's and options page's Export buttons do. */
export async function exportDatabase(db: ShutoutDB, format: ExportFormat, meta: ExportMeta, opts: ExportOptions): Promise<ExportResult> {
  const now = new Date(meta.exportedAt);
  const startSeq = opts.redact ? await redactedStart(db) : 1;
  if (format === 'zip') {
    const sink = new BlobSink('application/zip');
    const r = await writeBundle(
      {
        meta,
        redact: opts.redact,
        includeCaptures: opts.includeCaptures ?? !opts.redact,
        startSeq,
        entries: () => entryPages(db),
        async *captures() {
          for (const id of await db.captures.orderBy('at').primaryKeys()) {
            const c = await db.captures.get(id);
            if (c) yield c;
          }
        },
        captureBlob: async (id) => (await db.captures.get(id))?.blob ?? null,
      },
      sink.push,
      opts.signer,
      opts.timestamper,
    );
    return { blob: sink.result(), name: exportFileName('zip', now), count: r.manifest.records, fingerprint: r.fingerprint, timestamp: r.timestamp };
  }
  const records = await all(recordPages(db));
  if (format === 'csv') {
    // A byte-order mark so that spreadsheet programs read the file as UTF-8 (Chinese text).
    return { blob: new Blob(['\ufeff', toCsv(records, opts.redact)], { type: 'text/csv' }), name: exportFileName('csv', now), count: records.length };
  }
  if (format === 'ndjson') {
    const last = await db.chain.orderBy('seq').last();
    const lines = toNdjsonLines(meta, records, opts.redact, last ? [last] : []);
    return { blob: new Blob(lines.map((l) => l + '\n'), { type: 'application/x-ndjson' }), name: exportFileName('ndjson', now), count: records.length };
  }
  const entries = await all(entryPages(db));
  const data = buildJsonExport(meta, entries, records, opts.redact, startSeq);
  const signed = await signJsonExport(data, opts.signer, opts.timestamper);
  return { blob: new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), name: exportFileName('json', now), count: records.length, fingerprint: opts.signer.fingerprint, timestamp: signed.timestamp };
}
