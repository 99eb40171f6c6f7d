import type { FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import { crc32 as jsCrc32, type ZipEntryInfo } from './zip-structure';

/**
 * Reads one file of a ZIP whose central directory was read first (zip-structure.ts): only the
 * bytes the directory points at, inflated a slice at a time so that no file can produce more
 * than the size the directory declares (a ZIP bomb stops within one slice), with its CRC-32 and
 * SHA-256 computed on the way.
 */
export class ZipAltered extends Error {}

const READ = 1 << 20;
// Deflate expands at most ~1032×: 16 KiB of input yields at most ~16 MiB before the size check.
const SLICE = 16 << 10;

export interface ReadResult {
  size: number;
  sha256: string;
}

const crcOf = (): ((b: Uint8Array) => void) & { value(): number } => {
  let c = 0;
  if (typeof zlibCrc32 === 'function') {
    const f = ((b: Uint8Array) => {
      c = zlibCrc32(b, c);
    }) as ((b: Uint8Array) => void) & { value(): number };
    f.value = () => c >>> 0;
    return f;
  }
  const js = jsCrc32();
  const f = ((b: Uint8Array) => js.update(b)) as ((b: Uint8Array) => void) & { value(): number };
  f.value = () => js.value();
  return f;
};

export async function readEntry(fh: FileHandle, e: ZipEntryInfo, onData?: (chunk: Uint8Array) => void): Promise<ReadResult> {
  const hash = createHash('sha256');
  const crc = crcOf();
  let size = 0;
  // An error thrown by onData (the reader's own verdict) passes through as it is.
  let callbackError: unknown = null;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > e.size) throw new ZipAltered(`file ${e.name} unpacks to more than the ${e.size} bytes its directory entry declares`);
    hash.update(chunk);
    crc(chunk);
    try {
      onData?.(chunk);
    } catch (err) {
      callbackError = err;
      throw err;
    }
  };
  let inflate: Inflate | null = null;
  if (e.method === 8) {
    inflate = new Inflate((chunk) => take(chunk));
  } else if (e.method !== 0) throw new ZipAltered(`file ${e.name} uses compression method ${e.method}, which bundles never use`);
  const buf = Buffer.alloc(Math.min(READ, Math.max(e.compressedSize, 1)));
  let done = 0;
  while (done < e.compressedSize) {
    const want = Math.min(buf.length, e.compressedSize - done);
    const { bytesRead } = await fh.read(buf, 0, want, e.dataOffset + done);
    if (bytesRead !== want) throw new ZipAltered(`file ${e.name}: the ZIP ends early`);
    const part = buf.subarray(0, want);
    done += want;
    try {
      if (!inflate) take(new Uint8Array(part));
      else for (let at = 0; at < part.length; at += SLICE) inflate.push(part.subarray(at, Math.min(at + SLICE, part.length)), done === e.compressedSize && at + SLICE >= part.length);
    } catch (err) {
      if (callbackError) throw callbackError;
      if (err instanceof ZipAltered) throw err;
      throw new ZipAltered(`file ${e.name} is damaged (${(err as Error).message})`);
    }
  }
  if (inflate && e.compressedSize === 0) inflate.push(new Uint8Array(0), true);
  if (size !== e.size || crc.value() !== e.crc) throw new ZipAltered(`file ${e.name} does not match its ZIP checksum`);
  return { size, sha256: hash.digest('hex') };
}

/** A whole (small) file, refused past `limit` bytes. */
export async function readWhole(fh: FileHandle, e: ZipEntryInfo): Promise<{ bytes: Uint8Array } & ReadResult> {
  const out = new Uint8Array(e.size);
  let at = 0;
  const r = await readEntry(fh, e, (c) => {
    out.set(c, at);
    at += c.length;
  });
  return { bytes: out, ...r };
}
