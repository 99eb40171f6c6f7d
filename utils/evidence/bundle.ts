import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import Papa from 'papaparse';
import type { CaptureRecord, FindingRecord } from '../storage/db';
import type { ChainEntry } from './chain';
import { CSV_FIELDS, csvRow, EVIDENCE_VERSION, ExportChain, type ChainSummary, type ExportMeta } from './export';
import { sha256Stream } from './hash';
import type { RedactionReport } from './redact';

/** docs/evidence-format.md: the evidence bundle. */
export const BUNDLE_FORMAT = 'shutout-bundle';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface BundleManifest extends ExportMeta {
  format: typeof BUNDLE_FORMAT;
  version: typeof EVIDENCE_VERSION;
  chain: ChainSummary;
  redaction: RedactionReport & { capturesIncluded: boolean };
  records: number;
  files: ManifestFile[];
}

export interface BundleSource {
  meta: ExportMeta;
  redact: boolean;
  includeCaptures: boolean;
  /** Chain entries in seq order, in pages. */
  entries(): AsyncIterable<ChainEntry[]>;
  /** Current findings, in pages. */
  records(): AsyncIterable<FindingRecord[]>;
  captures(): AsyncIterable<CaptureRecord>;
}

const encoder = new TextEncoder();
const CHUNK = 1 << 20;

function readme(m: BundleManifest): string {
  return [
    'Shutout evidence bundle',
    '=======================',
    '',
    `Created ${m.exportedAt} by ${m.generator.name} ${m.generator.version}${m.profileLabel ? ` (profile "${m.profileLabel}")` : ''}.`,
    `Findings: ${m.records}. Chain entries: ${m.chain.length}. Chain head: ${m.chain.head ?? '(empty)'}.`,
    '',
    'Files',
    '- records.ndjson  the hash chain: one entry per line (finding, amendment, tombstone, capture, import, wipe).',
    '                  hash = SHA-256( prevHash + "\\n" + canonical JSON of {seq, type, recordId, at, data} ).',
    '- findings.csv    the findings as they stand now, one per row (for spreadsheets).',
    '- captures/       screenshots and page snapshots, each also listed in the chain with its SHA-256.',
    '- manifest.json   every file above with its size and SHA-256, and the chain head.',
    '',
    m.redaction.applied
      ? `Redaction: ON. Masked in fields ${m.redaction.fields.join(', ') || '(none needed)'}: ${Object.entries(m.redaction.counts).map(([k, v]) => `${v} ${k}`).join(', ')}. Hashes are over the redacted copy.${m.redaction.capturesIncluded ? '' : ' Screenshots and snapshots were left out, since they cannot be redacted.'}`
      : 'Redaction: OFF. This bundle holds the data as recorded, and the hashes the extension wrote.',
    '',
    'Check it: npx shutout verify <this file>   (exit 0 intact, 1 altered, 2 unreadable)',
    '',
  ].join('\n');
}

/**
 * Streams the bundle as ZIP chunks to `sink`, hashing every file as it goes; the manifest comes
 * last. Memory stays bounded by one page of records or one chunk of a capture.
 */
export async function writeBundle(src: BundleSource, sink: (chunk: Uint8Array) => void | Promise<void>): Promise<BundleManifest> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  const drain = async () => {
    if (failure) throw failure;
    for (const c of out.splice(0)) await sink(c);
  };
  const files: ManifestFile[] = [];
  const exported = new Date(src.meta.exportedAt);
  const mtime = Number.isNaN(exported.getTime()) ? new Date() : exported;
  const addFile = async (path: string, chunks: AsyncIterable<Uint8Array | string>, compress: boolean) => {
    const file = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    // One fixed time for every file: fflate would otherwise stamp the local header and the
    // central directory at different moments, and verify compares the two.
    file.mtime = mtime;
    zip.add(file);
    const h = sha256Stream();
    let size = 0;
    for await (const c of chunks) {
      const bytes = typeof c === 'string' ? encoder.encode(c) : c;
      if (bytes.length === 0) continue;
      h.update(bytes);
      size += bytes.length;
      file.push(bytes, false);
      await drain();
    }
    file.push(new Uint8Array(0), true);
    await drain();
    files.push({ path, size, sha256: h.hex() });
  };

  const chain = new ExportChain(src.redact);
  await addFile(
    'records.ndjson',
    (async function* () {
      for await (const page of src.entries()) yield page.map((e) => JSON.stringify(chain.entry(e)) + '\n').join('');
    })(),
    true,
  );
  let records = 0;
  await addFile(
    'findings.csv',
    (async function* () {
      yield Papa.unparse({ fields: [...CSV_FIELDS], data: [] }, { newline: '\r\n' }) + '\r\n';
      for await (const page of src.records()) {
        records += page.length;
        const rows = page.map((r) => csvRow(chain.record(r)));
        if (rows.length) yield Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
      }
    })(),
    true,
  );
  if (src.includeCaptures) {
    for await (const cap of src.captures()) {
      const ext = cap.type === 'mhtml' ? 'mhtml' : cap.mime === 'image/jpeg' ? 'jpg' : 'png';
      await addFile(
        `captures/${cap.id}.${ext}`,
        (async function* () {
          for (let at = 0; at < cap.blob.size; at += CHUNK) yield new Uint8Array(await cap.blob.slice(at, at + CHUNK).arrayBuffer());
        })(),
        cap.type === 'mhtml',
      );
    }
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: EVIDENCE_VERSION,
    ...src.meta,
    chain: chain.summary(),
    redaction: { ...chain.report, applied: src.redact, capturesIncluded: src.includeCaptures },
    records,
    files: [...files],
  };
  await addFile('README.txt', (async function* () { yield readme(manifest); })(), true);
  manifest.files = [...files];
  const text = JSON.stringify(manifest, null, 2);
  const m = new ZipDeflate('manifest.json', { level: 6 });
  m.mtime = mtime;
  zip.add(m);
  m.push(encoder.encode(text), true);
  zip.end();
  await drain();
  return manifest;
}
