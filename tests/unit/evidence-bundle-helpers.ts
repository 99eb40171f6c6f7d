import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import type { CaptureRecord, ShutoutDB } from '../../utils/storage/db';
import { writeBundle, type BundleSource, type Timestamper } from '../../utils/evidence/bundle';
import { buildJsonExport, signJsonExport, type JsonExport } from '../../utils/evidence/export';
import type { Signer } from '../../utils/evidence/signing';

export const META = { generator: { name: 'Shutout', version: '0.1.0' }, profileLabel: 'lab', exportedAt: '2026-03-21T00:00:00.000Z', language: 'zh' as const };

/** A `shutout-*` temporary folder, removed by the returned function. */
export function tempDir(name: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `shutout-${name}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

export function sourceOf(d: ShutoutDB, redact: boolean, opts: { captures?: CaptureRecord[]; startSeq?: number } = {}): BundleSource {
  return {
    meta: META,
    redact,
    includeCaptures: true,
    startSeq: opts.startSeq,
    async *entries() {
      yield await d.chain.orderBy('seq').toArray();
    },
    async *captures() {
      for (const c of opts.captures ?? (await d.captures.toArray())) yield c;
    },
    captureBlob: async (id) => (opts.captures ? opts.captures.find((c) => c.id === id)?.blob : (await d.captures.get(id))?.blob) ?? null,
  };
}

export async function bundleFile(path: string, src: BundleSource, signer: Signer, timestamper?: Timestamper) {
  const out = createWriteStream(path);
  const r = await writeBundle(src, (c) => new Promise<void>((res, rej) => out.write(c, (e) => (e ? rej(e) : res()))), signer, timestamper);
  await new Promise((res) => out.end(res));
  return r;
}

export async function signedJson(d: ShutoutDB, redact: boolean, signer: Signer, startSeq = 1): Promise<JsonExport> {
  const data = buildJsonExport(META, await d.chain.orderBy('seq').toArray(), await d.findings.orderBy('seq').toArray(), redact, startSeq);
  await signJsonExport(data, signer);
  return data;
}

import { readFileSync, writeFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { ImportError, planImport, type Progress } from '../../utils/evidence/import';
import { chainAfter, type ChainEntry } from '../../utils/evidence/chain';
import { sha256Hex } from '../../utils/evidence/hash';

/** The files of a bundle, to change and write back the way a forger would. */
export function unpack(path: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(path)));
}

/** Writes files as a ZIP; `manifest` true recomputes manifest.json's file list (a forger's step). */
/**
 * One fixed time for a test's ZIPs. Without it fflate's zipSync reads the clock twice per file, for
 * its local header and for its central directory entry, with the copy of the compressed bytes in
 * between (tens of milliseconds for 40 MB under load). When a two-second DOS time step falls in
 * between, the two differ and verify rightly calls the bundle ALTERED: it happened once in a CI run
 * ("one 40 MB NDJSON line"). utils/evidence/bundle.ts fixes the time for the same reason.
 */
export const ZIP_MTIME = new Date('2026-03-20T08:00:00Z');

export function repack(path: string, files: Record<string, Uint8Array>, opts: { manifest?: boolean } = {}): void {
  if (opts.manifest) {
    const m = JSON.parse(new TextDecoder().decode(files['manifest.json']!)) as { files: Array<{ path: string; size: number; sha256: string }>; chain: { head: string | null; length: number } };
    const unlisted = new Set(['manifest.json', 'signature.json', 'timestamp.tsr', 'report.html', 'report.signature.json']);
    m.files = Object.keys(files)
      .filter((p) => !unlisted.has(p))
      .map((p) => ({ path: p, size: files[p]!.length, sha256: sha256Hex(files[p]!) }));
    const lines = new TextDecoder().decode(files['records.ndjson']!).trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]!) as ChainEntry;
    m.chain = { ...m.chain, head: last.hash, length: last.seq };
    files['manifest.json'] = strToU8(JSON.stringify(m, null, 2));
  }
  writeFileSync(path, zipSync(files, { level: 6, mtime: ZIP_MTIME }));
}

/** Entries with `mutate` applied and every hash recomputed, as someone without the key would. */
export function recomputeChain(entries: ChainEntry[], mutate: (e: ChainEntry) => void): ChainEntry[] {
  const copy = entries.map((e) => JSON.parse(JSON.stringify(e)) as ChainEntry);
  copy.forEach(mutate);
  const first = copy[0]!;
  const start = first.seq > 1 ? { seq: first.seq - 1, hash: first.prevHash } : null;
  return chainAfter(
    start,
    copy.map(({ seq: _s, prevHash: _p, hash: _h, ...body }) => body),
  );
}

/** The message with which import refuses `bytes` (and fails the test when it accepts them). */
export async function importRefusal(bytes: Uint8Array, name = 'x.zip', progress?: Progress): Promise<string> {
  try {
    await planImport(bytes, name, progress);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error(`${name} was accepted`);
}

export interface ZipEntry {
  name: string;
  /** Where its central directory record starts (what an unzipper reads before inflating anything). */
  offset: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The DOS date and time, read as local time (the way ZIP tools show it). */
  mtime: Date;
}

/** The central directory of a ZIP, in order. */
export function centralDirectory(zip: Uint8Array): ZipEntry[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(v.getUint32(p, true)).toBe(0x02014b50);
    const time = v.getUint16(p + 12, true);
    const date = v.getUint16(p + 14, true);
    const nameLength = v.getUint16(p + 28, true);
    out.push({
      name: new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLength)),
      offset: p,
      method: v.getUint16(p + 10, true),
      mtime: new Date((date >> 9) + 1980, ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2),
    });
    p += 46 + nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}
