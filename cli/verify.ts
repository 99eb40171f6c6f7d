import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { Unzip, UnzipInflate } from 'fflate';
import { BUNDLE_FORMAT, type BundleManifest } from '../utils/evidence/bundle';
import { ChainVerifier, type ChainEntry } from '../utils/evidence/chain';
import { createHash } from 'node:crypto';
import { verifyJsonExport, type VerifyReport } from '../utils/evidence/verify';
import { crc32, readZipStructure, type ZipEntryInfo } from './zip-structure';

export class UnreadableInput extends Error {}

/** JSON exports are read whole; anything larger is refused rather than exhausting memory. */
const JSON_LIMIT = 1024 * 1024 * 1024;

interface SeenFile {
  size: number;
  sha256: string;
  crc: number;
}

/**
 * Verify a bundle while it streams: every file's SHA-256 and size against the manifest, the
 * chain in records.ndjson line by line, and the chain head against the manifest.
 */
export async function verifyBundle(path: string): Promise<VerifyReport> {
  const seen = new Map<string, SeenFile>();
  let manifestText = '';
  const chain = new ChainVerifier();
  let pending = '';
  let chainProblem: string | undefined;
  const decoder = new TextDecoder();
  const takeLines = (final: boolean) => {
    const lines = pending.split('\n');
    pending = final ? '' : lines.pop()!;
    for (const line of lines) {
      if (!line.trim() || chainProblem) continue;
      let entry: ChainEntry;
      try {
        entry = JSON.parse(line) as ChainEntry;
      } catch {
        chainProblem = `records.ndjson line ${chain.length + 1} is not JSON`;
        continue;
      }
      if (!chain.push(entry)) chainProblem = `chain entry ${chain.firstBad!.seq} (record ${chain.firstBad!.recordId}): ${chain.firstBad!.reason}`;
    }
  };

  let corrupt: string | undefined;
  const unzip = new Unzip((file) => {
    // Node's own SHA-256 (native, ~1.5 GB/s here) for file contents; a 1 GB bundle is mostly screenshots.
    const h = createHash('sha256');
    const c = crc32();
    let size = 0;
    file.ondata = (err, data, final) => {
      if (err) {
        corrupt ??= `file ${file.name} is damaged (${err.message})`;
        return;
      }
      h.update(data);
      c.update(data);
      size += data.length;
      if (file.name === 'manifest.json') manifestText += decoder.decode(data, { stream: !final });
      if (file.name === 'records.ndjson') {
        pending += decoder.decode(data, { stream: !final });
        takeLines(final);
      }
      if (final) seen.set(file.name, { size, sha256: h.digest('hex'), crc: c.value() });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  await new Promise<void>((resolve, reject) => {
    const s = createReadStream(path);
    s.on('data', (chunk) => {
      try {
        unzip.push(chunk as Buffer);
      } catch (e) {
        corrupt ??= `the ZIP is damaged (${(e as Error).message})`;
        s.destroy();
        resolve();
      }
    });
    s.on('end', () => {
      try {
        unzip.push(new Uint8Array(0), true);
      } catch (e) {
        corrupt ??= `the ZIP is damaged (${(e as Error).message})`;
      }
      resolve();
    });
    s.on('error', (e) => reject(new UnreadableInput(e.message)));
  });
  // The layout itself: a changed byte in a header or the directory must not pass unnoticed.
  let structure: ZipEntryInfo[] = [];
  let structureProblem: string | undefined;
  const fh = await open(path, 'r');
  try {
    structure = await readZipStructure(fh, (await fh.stat()).size);
  } catch (e) {
    structureProblem = (e as Error).message;
  } finally {
    await fh.close();
  }
  const isBundle = !!manifestText || structure.some((z) => z.name === 'manifest.json');
  if (!isBundle && (corrupt || structureProblem)) throw new UnreadableInput(`not a readable ZIP: ${structureProblem ?? corrupt}`);
  if (!isBundle) throw new UnreadableInput('no manifest.json: not a Shutout bundle');
  if (structureProblem) return { ok: false, summary: 'bundle', problem: structureProblem };
  if (corrupt) return { ok: false, summary: 'bundle', problem: corrupt };
  for (const z of structure) {
    const got = seen.get(z.name);
    if (!got || got.crc !== z.crc || got.size !== z.size) return { ok: false, summary: 'bundle', problem: `file ${z.name} does not match its ZIP checksum` };
  }
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(manifestText) as BundleManifest;
  } catch {
    return { ok: false, summary: 'bundle', problem: 'file manifest.json is not valid JSON' };
  }
  if (manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files)) throw new UnreadableInput('manifest.json is not a Shutout bundle manifest');
  const summary = `${manifest.files.length} files, ${chain.length} chain entries`;
  for (const f of manifest.files) {
    const got = seen.get(f.path);
    if (!got) return { ok: false, summary, problem: `file ${f.path} is listed in the manifest but missing` };
    if (got.size !== f.size || got.sha256 !== f.sha256) return { ok: false, summary, problem: `file ${f.path} does not match its SHA-256 in the manifest` };
  }
  for (const name of seen.keys()) {
    if (name !== 'manifest.json' && !manifest.files.some((f) => f.path === name)) return { ok: false, summary, problem: `file ${name} is not listed in the manifest` };
  }
  if (chainProblem) return { ok: false, summary, problem: chainProblem };
  const head = chain.length ? chain.head : null;
  if (head !== manifest.chain?.head || chain.length !== manifest.chain?.length) return { ok: false, summary, problem: 'the chain head in manifest.json does not match records.ndjson' };
  return { ok: true, summary: `${summary} intact; chain head ${head ?? '(empty)'}${manifest.chain.hashedOver === 'redacted copy' ? ' (hashed over the redacted copy)' : ''}` };
}

export async function verifyFile(path: string): Promise<VerifyReport> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    throw new UnreadableInput((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message);
  }
  const head = Buffer.alloc(4);
  const fh = await open(path, 'r');
  await fh.read(head, 0, 4, 0);
  await fh.close();
  if (head[0] === 0x50 && head[1] === 0x4b) return verifyBundle(path);
  if (size > JSON_LIMIT) throw new UnreadableInput('JSON export larger than 1 GiB');
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UnreadableInput(`not JSON and not a ZIP bundle (${(e as Error).message})`);
  }
  const report = verifyJsonExport(data);
  if (!report.ok && report.summary === 'not a Shutout JSON export') throw new UnreadableInput(report.problem ?? 'not a Shutout export');
  return report;
}
