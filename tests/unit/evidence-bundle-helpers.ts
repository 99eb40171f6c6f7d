import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import type { CaptureRecord, ShutoutDB } from '../../utils/db';
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
