import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { CaptureRecord } from '../storage/db';
import type { ChainEntry } from './chain';
import { CSV_HEADER, csvLines, csvRow } from './csv';
import { EVIDENCE_VERSION, ExportChain, type ChainSummary, type ExportMeta } from './export';
import { canonicalJson, sha256Bytes, sha256Stream } from './hash';
import type { RedactionReport } from './redact';
import { Replay } from './replay';
import { platformName } from './report/platform-names';
import { renderReport, type ReportCapture } from './report/render';
import { signBytes, type Signer } from './signing';
import { readTimestamp } from './timestamp';

/** docs/evidence-format.md: the evidence bundle. */
export const BUNDLE_FORMAT = 'shutout-bundle';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface BundleManifest extends ExportMeta {
  format: typeof BUNDLE_FORMAT;
  version: number;
  chain: ChainSummary;
  redaction: RedactionReport & { capturesIncluded: boolean };
  records: number;
  /** Fingerprint of the key whose signature is in signature.json. */
  key?: string;
  files: ManifestFile[];
}

/** Asks a time-stamping service for a token over the SHA-256 of `stamped` (the signature file). */
export type Timestamper = (imprint: Uint8Array) => Promise<Uint8Array>;

export interface BundleSource {
  meta: ExportMeta;
  redact: boolean;
  includeCaptures: boolean;
  /** Redacted exports start at this entry (the last `upgrade`), leaving out format-1 entries before it. */
  startSeq?: number;
  /** Chain entries in seq order, in pages. */
  entries(): AsyncIterable<ChainEntry[]>;
  captures(): AsyncIterable<CaptureRecord>;
  /** One capture's bytes again, for the report's thumbnails (captures are not kept in memory meanwhile). */
  captureBlob(id: string): Promise<Blob | null>;
}

export interface BundleResult {
  manifest: BundleManifest;
  fingerprint: string;
  timestamp: 'stamped' | 'off' | { error: string };
}

/** The files a bundle may hold; anything else is refused by `shutout verify`. */
export const BUNDLE_LAYOUT = /^(?:records\.ndjson|findings\.csv|README\.txt|manifest\.json|signature\.json|timestamp\.tsr|report\.html|report\.signature\.json|captures\/[A-Za-z0-9_-]{1,100}\.(?:png|jpg|mhtml))$/;

/** What report.signature.json signs: the canonical JSON of this (report.html comes after the timestamp it shows, so the manifest cannot list it). */
export interface ReportStatement {
  path: 'report.html';
  size: number;
  sha256: string;
}

export function capturePath(c: { id: string; type: string; mime: string }): string {
  return `captures/${c.id}.${c.type === 'mhtml' ? 'mhtml' : c.mime === 'image/jpeg' ? 'jpg' : 'png'}`;
}

const encoder = new TextEncoder();
const CHUNK = 1 << 20;

function readme(m: BundleManifest, fingerprint: string): string {
  return [
    'Shutout evidence bundle (format 2)',
    '==================================',
    '',
    `Created ${m.exportedAt} by ${m.generator.name} ${m.generator.version}${m.profileLabel ? ` (profile "${m.profileLabel}")` : ''}.`,
    `Findings: ${m.records}. Chain length: ${m.chain.length}. Chain head: ${m.chain.head ?? '(empty)'}.`,
    `Signed by key ${fingerprint}.`,
    '',
    'Files',
    '- report.html     a readable report (Chinese and English): who, what, when, every finding.',
    '- records.ndjson  the hash chain: one entry per line (finding, amendment, tombstone, capture, import, wipe, upgrade, key).',
    '                  hash = SHA-256( prevHash + "\\n" + canonical JSON of {seq, type, recordId, at, data} ).',
    '                  Personal fields are salted commitments in data._sd; their values and salts are in "disclose".',
    '- findings.csv    the findings as they stand now, one per row (for spreadsheets); rebuilt from the chain by verify.',
    '- captures/       screenshots and page snapshots, each listed in the chain with its SHA-256.',
    '- manifest.json   every file above with its size and SHA-256, the chain head and the key.',
    '- signature.json  ECDSA P-256 signature over manifest.json, with the public key and its fingerprint.',
    '- timestamp.tsr   (when present) an RFC 3161 token over the SHA-256 of signature.json.',
    '- report.signature.json  the same key\'s signature over report.html\'s SHA-256 and size.',
    '',
    m.redaction.applied
      ? `Redaction: ON. Withheld in fields ${m.redaction.fields.join(', ') || '(none needed)'}: ${Object.entries(m.redaction.counts).filter(([, v]) => v).map(([k, v]) => `${v} ${k}`).join(', ') || 'nothing'}. The chain head is still the browser's own.${m.redaction.capturesIncluded ? '' : ' Screenshots and snapshots were left out, since they cannot be redacted.'} Names and addresses written as free text without a label are not caught.`
      : 'Redaction: OFF. This bundle holds the data as recorded.',
    '',
    'Check it: npx shutout verify <this file> --key <fingerprint you were given>   (exit 0 intact, 1 altered, 2 unreadable)',
    '',
  ].join('\n');
}

/**
 * Streams the bundle as ZIP chunks to `sink`, hashing every file as it goes; manifest, signature,
 * timestamp and report come last. Memory stays bounded by one page of entries, the live findings,
 * and one chunk of a capture.
 */
export async function writeBundle(src: BundleSource, sink: (chunk: Uint8Array) => void | Promise<void>, signer: Signer, timestamper?: Timestamper): Promise<BundleResult> {
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
  const addFile = async (path: string, chunks: AsyncIterable<Uint8Array | string>, compress: boolean, listed = true): Promise<ManifestFile> => {
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
    const done = { path, size, sha256: h.hex() };
    if (listed) files.push(done);
    return done;
  };
  const once = (bytes: Uint8Array | string) =>
    (async function* () {
      yield bytes;
    })();

  const startSeq = src.redact ? (src.startSeq ?? 1) : 1;
  const chain = new ExportChain(src.redact, startSeq);
  const replay = new Replay(startSeq > 1);
  await addFile(
    'records.ndjson',
    (async function* () {
      for await (const page of src.entries()) {
        const lines: string[] = [];
        for (const e of page) {
          const x = chain.entry(e);
          if (!x) continue;
          if (!replay.push(x)) throw new Error(`the chain does not replay: ${replay.problem}`);
          lines.push(JSON.stringify(x) + '\n');
        }
        yield lines.join('');
      }
    })(),
    true,
  );
  const records = replay.records();
  await addFile(
    'findings.csv',
    (async function* () {
      yield CSV_HEADER;
      for (let i = 0; i < records.length; i += 2000) yield csvLines(records.slice(i, i + 2000).map((r) => csvRow(r)));
    })(),
    true,
  );
  const captures = new Map<string, ReportCapture>();
  for (const c of replay.captures.values()) captures.set(c.id, { id: c.id, type: c.type, mime: c.mime, sha256: c.sha256, size: c.size, path: null });
  if (src.includeCaptures) {
    for await (const cap of src.captures()) {
      const known = captures.get(cap.id);
      if (!known) continue; // not in the exported chain: nothing would vouch for it
      const path = capturePath(cap);
      known.path = path;
      await addFile(
        path,
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
    ...chain.meta(src.meta),
    chain: chain.summary(),
    redaction: { ...chain.report, applied: src.redact, capturesIncluded: src.includeCaptures },
    records: records.length,
    key: signer.fingerprint,
    files: [],
  };
  await addFile('README.txt', once(readme(manifest, signer.fingerprint)), true);
  manifest.files = [...files];
  const manifestBytes = encoder.encode(JSON.stringify(manifest, null, 2));
  await addFile('manifest.json', once(manifestBytes), true, false);
  const signatureBytes = encoder.encode(JSON.stringify(await signBytes(signer, manifestBytes), null, 2));
  await addFile('signature.json', once(signatureBytes), true, false);
  let timestamp: BundleResult['timestamp'] = 'off';
  let token: Uint8Array | null = null;
  if (timestamper) {
    try {
      token = await timestamper(sha256Bytes(signatureBytes));
      await addFile('timestamp.tsr', once(token), false, false);
      timestamp = 'stamped';
    } catch (e) {
      timestamp = { error: (e as Error).message };
    }
  }
  const report = await addFile(
    'report.html',
    renderReport({
      language: src.meta.language ?? 'en',
      exportedAt: manifest.exportedAt,
      generator: `${manifest.generator.name} ${manifest.generator.version}`,
      profileLabel: manifest.profileLabel,
      format: EVIDENCE_VERSION,
      chain: { head: manifest.chain.head, length: manifest.chain.length },
      fingerprint: signer.fingerprint,
      timestamp: token ? readTimestamp(token) : null,
      redaction: { applied: src.redact, withheld: [...replay.withheld.entries()] },
      records,
      captures,
      platformName,
      thumbnail: async (c) => {
        const b = await src.captureBlob(c.id);
        return b ? new Uint8Array(await b.arrayBuffer()) : null;
      },
    }),
    true,
    false,
  );
  const statement: ReportStatement = { path: 'report.html', size: report.size, sha256: report.sha256 };
  const reportSignature = { signed: statement, ...(await signBytes(signer, encoder.encode(canonicalJson(statement)))) };
  await addFile('report.signature.json', once(JSON.stringify(reportSignature, null, 2)), true, false);
  zip.end();
  await drain();
  return { manifest, fingerprint: signer.fingerprint, timestamp };
}
