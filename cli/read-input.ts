import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname } from 'node:path';
import { UnreadableFile } from '../utils/dom/markup-bounds';

/** Saved pages and API answers above this size are refused: no real page comes near it. */
export const SCAN_FILE_LIMIT = 64 * 1024 * 1024;
/** HAR captures, MHTML snapshots and coupon ledgers hold many pages or visits. */
export const ARCHIVE_FILE_LIMIT = 256 * 1024 * 1024;

/** An input that cannot be read; its message is the one-line reason. */
export { UnreadableFile };

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a plain file';
}

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

function tooLarge(size: number | null, limit: number): UnreadableFile {
  return new UnreadableFile(`larger than ${mib(limit)}${size === null ? '' : ` (${size} bytes)`}; not scanned`);
}

/** Why `s` cannot be scanned, or null for a regular file within the limit. */
export function refusal(s: Stats, limit: number): UnreadableFile | null {
  if (!s.isFile()) return new UnreadableFile(`not a regular file (${kindOf(s)})`);
  if (s.size > limit) return tooLarge(s.size, limit);
  return null;
}

/**
 * A regular file's bytes, at most `limit`. Only regular files are opened (a FIFO would wait for
 * a writer, a device never ends), non-blocking in case the path changes between stat and open,
 * and the read stops above the limit even when the size on disk said less.
 */
export async function readRegularFile(path: string, limit: number): Promise<Buffer> {
  let s: Stats;
  try {
    s = await stat(path);
  } catch (e) {
    throw new UnreadableFile((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message);
  }
  const refused = refusal(s, limit);
  if (refused) throw refused;
  const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const opened = await fh.stat();
    const refusedNow = refusal(opened, limit);
    if (refusedNow) throw refusedNow;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge(null, limit);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

/** The size cap of a file, by what it holds. */
export function limitFor(file: string): number {
  const ext = extname(file).toLowerCase();
  return ext === '.har' || ext === '.mhtml' || ext === '.mht' ? ARCHIVE_FILE_LIMIT : SCAN_FILE_LIMIT;
}
