/**
 * The benchmark's bundle writer: the same files, manifest, signatures and report as
 * utils/evidence/bundle.ts writes (and `shutout verify` accepts), made faster for 10,000,000
 * findings on two cores: commitments and chain hashes with node:crypto's SHA-256 instead of the
 * extension's portable one, and each file deflated at once by node:zlib and handed to fflate's
 * ZIP writer already compressed. The state, CSV and report come from the project's own code
 * (Replay, csvRow, renderReport), so the bundle says exactly what the extension's would.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import { BUNDLE_FORMAT, type BundleManifest, type ManifestFile } from '../../utils/evidence/bundle';
import type { ChainEntry, NewEntry } from '../../utils/evidence/chain';
import { COMMITTED, SD } from '../../utils/evidence/commit';
import { CSV_HEADER, csvLines, csvRow } from '../../utils/evidence/csv';
import { EVIDENCE_VERSION, ExportChain, type ExportMeta } from '../../utils/evidence/export';
import { canonicalJson } from '../../utils/evidence/hash';
import { Replay } from '../../utils/evidence/replay';
import { platformName } from '../../utils/evidence/report/platform-names';
import { renderReport, type ReportCapture } from '../../utils/evidence/report/render';
import { newKeyPair, signBytes, signerFor } from '../../utils/evidence/signing';
import type { EntryType } from '../../utils/evidence/chain';
import { participantBodies, type ParticipantPlan } from './participants';

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const enc = new TextEncoder();

/** Salts from one random pool per bundle (one call instead of one per field). */
function saltPool(n: number): () => string {
  let pool = randomBytes(16 * n);
  let at = 0;
  return () => {
    if (at + 16 > pool.length) {
      pool = randomBytes(16 * n);
      at = 0;
    }
    const s = pool.toString('hex', at, at + 16);
    at += 16;
    return s;
  };
}

/** utils/evidence/store.ts `committed`, with node:crypto. */
function committer(salt: () => string) {
  return (type: EntryType, recordId: string, at: string, plain: Record<string, unknown>): NewEntry => {
    const data: Record<string, unknown> = {};
    const sd: Record<string, string> = {};
    const disclose: Record<string, [string, unknown]> = {};
    for (const [k, v] of Object.entries(plain)) {
      if (v === undefined) continue;
      if (COMMITTED.has(k)) {
        const s = salt();
        sd[k] = sha(`${s}:${k}:${canonicalJson(v)}`);
        disclose[k] = [s, v];
      } else data[k] = v;
    }
    if (Object.keys(sd).length === 0) return { type, recordId, at, data };
    data[SD] = sd;
    return { type, recordId, at, data, disclose };
  };
}

/** A ZIP entry whose bytes were deflated beforehand (fflate writes the headers and directory). */
function deflated(name: string, bytes: Uint8Array, mtime: Date): { file: ZipInputFile; data: Uint8Array } {
  const data = deflateRawSync(bytes, { level: 6 });
  const file = { filename: name, size: bytes.length, crc: crc32(bytes) >>> 0, compression: 8, mtime } as ZipInputFile;
  return { file, data };
}

export async function writeFastBundle(path: string, plan: ParticipantPlan): Promise<{ head: string | null; fingerprint: string; findings: number }> {
  const signer = await signerFor(await newKeyPair());
  const redact = plan.redact ?? false;
  const meta: ExportMeta = {
    generator: { name: 'Shutout', version: '0.1.0' },
    profileLabel: plan.profileLabel ?? `participant-${plan.participant}`,
    exportedAt: new Date(Date.UTC(2026, 6, 1, plan.participant % 24)).toISOString(),
    language: plan.participant % 2 ? 'en' : 'zh',
  };
  const chain = new ExportChain(redact);
  const replay = new Replay(false);
  const lines: string[] = [];
  const hashes = new Map<string, string>();
  let prevHash = '0'.repeat(64);
  let seq = 0;
  for (const bodies of participantBodies(plan, signer, committer(saltPool(4096)))) {
    for (const b of bodies) {
      if (b.type === 'tombstone') b.data = { ...b.data, hash: hashes.get(b.recordId) ?? '' };
      const body = { seq: ++seq, type: b.type, recordId: b.recordId, at: b.at, data: b.data };
      const hash = sha(`${prevHash}\n${canonicalJson(body)}`);
      const e: ChainEntry = { ...body, prevHash, hash, ...(b.disclose ? { disclose: b.disclose } : {}) };
      prevHash = hash;
      if (e.type === 'finding') hashes.set(e.recordId, hash);
      const x = chain.entry(e)!;
      if (!replay.push(x)) throw new Error(`the generated chain does not replay: ${replay.problem}`);
      lines.push(JSON.stringify(x) + '\n');
    }
  }
  const records = replay.records();
  const mtime = new Date(meta.exportedAt);
  const files: ManifestFile[] = [];
  const parts: Array<{ file: ZipInputFile; data: Uint8Array }> = [];
  const add = (name: string, text: string | Uint8Array, listed = true) => {
    const bytes = typeof text === 'string' ? enc.encode(text) : text;
    const d = deflated(name, bytes, mtime);
    parts.push(d);
    const f = { path: name, size: bytes.length, sha256: sha(bytes) };
    if (listed) files.push(f);
    return f;
  };
  add('records.ndjson', lines.join(''));
  lines.length = 0;
  add('findings.csv', CSV_HEADER + csvLines(records.map((r) => csvRow(r))));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: EVIDENCE_VERSION,
    ...chain.meta(meta),
    chain: chain.summary(),
    redaction: { ...chain.report, applied: redact, capturesIncluded: false },
    records: records.length,
    key: signer.fingerprint,
    files: [],
  };
  add('README.txt', `Shutout evidence bundle (format 2), generated for a benchmark: participant ${plan.participant}.\nCheck it: npx shutout verify <this file>\n`);
  manifest.files = [...files];
  const manifestBytes = enc.encode(JSON.stringify(manifest, null, 2));
  add('manifest.json', manifestBytes, false);
  const signatureBytes = enc.encode(JSON.stringify(await signBytes(signer, manifestBytes), null, 2));
  add('signature.json', signatureBytes, false);
  const captures = new Map<string, ReportCapture>();
  for (const c of replay.captures.values()) captures.set(c.id, { id: c.id, type: c.type, mime: c.mime, sha256: c.sha256, size: c.size, path: null });
  const html: string[] = [];
  for await (const chunk of renderReport({
    language: meta.language ?? 'en',
    exportedAt: manifest.exportedAt,
    generator: `${manifest.generator.name} ${manifest.generator.version}`,
    profileLabel: manifest.profileLabel,
    format: EVIDENCE_VERSION,
    chain: { head: manifest.chain.head, length: manifest.chain.length },
    fingerprint: signer.fingerprint,
    timestamp: null,
    redaction: { applied: redact, withheld: [...replay.withheld.entries()] },
    records,
    captures,
    platformName,
    thumbnail: async () => null,
  }))
    html.push(chunk);
  const report = add('report.html', html.join(''), false);
  const statement = { path: 'report.html' as const, size: report.size, sha256: report.sha256 };
  add('report.signature.json', JSON.stringify({ signed: statement, ...(await signBytes(signer, enc.encode(canonicalJson(statement)))) }, null, 2), false);

  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  for (const { file, data } of parts) {
    zip.add(file);
    file.ondata!(null, data as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  await writeFile(path, Buffer.concat(out.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))));
  return { head: manifest.chain.head, fingerprint: signer.fingerprint, findings: records.length };
}
