import type { FindingRecord, ShutoutDB } from '../storage/db';
import { writeBundle, type BundleManifest } from './bundle';
import type { ChainEntry } from './chain';
import { buildJsonExport, exportFileName, toCsv, toNdjsonLines, type ExportMeta } from './export';

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
  manifest?: BundleManifest;
}

/** Build an export file from the database, as the popup's and options page's Export buttons do. */
export async function exportDatabase(
  db: ShutoutDB,
  format: ExportFormat,
  meta: ExportMeta,
  opts: { redact: boolean; includeCaptures?: boolean },
): Promise<ExportResult> {
  const now = new Date(meta.exportedAt);
  if (format === 'zip') {
    const sink = new BlobSink('application/zip');
    const manifest = await writeBundle(
      {
        meta,
        redact: opts.redact,
        includeCaptures: opts.includeCaptures ?? !opts.redact,
        entries: () => entryPages(db),
        records: () => recordPages(db),
        async *captures() {
          for (const id of await db.captures.orderBy('at').primaryKeys()) {
            const c = await db.captures.get(id);
            if (c) yield c;
          }
        },
      },
      sink.push,
    );
    return { blob: sink.result(), name: exportFileName('zip', now), count: manifest.records, manifest };
  }
  const records = await all(recordPages(db));
  const entries = await all(entryPages(db));
  if (format === 'csv') {
    // A byte-order mark so that spreadsheet programs read the file as UTF-8 (Chinese text).
    return { blob: new Blob(['\ufeff', toCsv(records, opts.redact, entries)], { type: 'text/csv' }), name: exportFileName('csv', now), count: records.length };
  }
  if (format === 'ndjson') {
    const lines = toNdjsonLines(meta, records, opts.redact, entries);
    return { blob: new Blob(lines.map((l) => l + '\n'), { type: 'application/x-ndjson' }), name: exportFileName('ndjson', now), count: records.length };
  }
  const data = buildJsonExport(meta, entries, records, opts.redact);
  return { blob: new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), name: exportFileName('json', now), count: records.length };
}
