import type { FileHandle } from 'node:fs/promises';

/**
 * A strict reading of a ZIP's layout, so that verify notices a changed byte anywhere in a
 * bundle, not only inside file contents: every local header must agree with the central
 * directory, and local records, data descriptors, directory and end record must cover the
 * file exactly, with nothing in between.
 */
export interface ZipEntryInfo {
  name: string;
  crc: number;
  compressedSize: number;
  size: number;
  method: number;
  /** Where the file's (compressed) bytes start. */
  dataOffset: number;
}

/** No end record at all: the file is not a (complete) ZIP — unreadable, not altered. */
export class ZipUnreadable extends Error {}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Incremental CRC-32 (the checksum ZIP stores for each file). */
export function crc32(): { update(b: Uint8Array): void; value(): number } {
  let c = 0xffffffff;
  return {
    update(b) {
      for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
    },
    value: () => (c ^ 0xffffffff) >>> 0,
  };
}

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  if (bytesRead !== length) throw new Error('the ZIP ends early');
  return buf;
}

/** Returns the entries, or throws with a message naming the file or the part of the ZIP that is off. */
export async function readZipStructure(fh: FileHandle, fileSize: number): Promise<ZipEntryInfo[]> {
  const tailLen = Math.min(fileSize, 22 + 65535);
  const tail = await readAt(fh, fileSize - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50 && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipUnreadable('not a complete ZIP: its end record is missing (was it cut short?)');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (tail.readUInt16LE(eocd + 8) !== count || tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0) throw new Error('the ZIP end record is damaged');
  const eocdOffset = fileSize - tailLen + eocd;
  if (cdOffset + cdSize !== eocdOffset) throw new Error('the ZIP central directory does not end where the end record says');
  if (cdSize > 64 << 20) throw new ZipUnreadable('the ZIP central directory is larger than 64 MiB');
  const cd = await readAt(fh, cdOffset, cdSize);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipUnreadable('a ZIP64 archive (over 4 GiB or 65,535 files), which bundles never are');
  const entries: Array<ZipEntryInfo & { offset: number; end: number }> = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdSize || cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`the ZIP central directory is damaged at entry ${i + 1}`);
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const time = cd.readUInt32LE(p + 12);
    const crc = cd.readUInt32LE(p + 16);
    const compressedSize = cd.readUInt32LE(p + 20);
    const size = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const offset = cd.readUInt32LE(p + 42);
    const name = cd.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) throw new ZipUnreadable(`file ${name} uses ZIP64 sizes, which bundles never do`);
    p += 46 + nameLen + extraLen + commentLen;

    const lh = await readAt(fh, offset, 30);
    if (lh.readUInt32LE(0) !== 0x04034b50) throw new Error(`file ${name}: its local header is damaged`);
    const lNameLen = lh.readUInt16LE(26);
    const lExtraLen = lh.readUInt16LE(28);
    const lName = (await readAt(fh, offset + 30, lNameLen)).toString('utf8');
    if (lName !== name || lh.readUInt16LE(6) !== flags || lh.readUInt16LE(8) !== method || lh.readUInt32LE(10) !== time) {
      throw new Error(`file ${name}: its local header does not match the central directory`);
    }
    const dataOffset = offset + 30 + lNameLen + lExtraLen;
    let end = dataOffset + compressedSize;
    if (flags & 8) {
      const dd = await readAt(fh, end, 16);
      const sig = dd.readUInt32LE(0) === 0x08074b50 ? 4 : 0;
      if (dd.readUInt32LE(sig) !== crc || dd.readUInt32LE(sig + 4) !== compressedSize || dd.readUInt32LE(sig + 8) !== size) {
        throw new Error(`file ${name}: its data descriptor does not match the central directory`);
      }
      end += sig + 12;
    } else if (lh.readUInt32LE(14) !== crc || lh.readUInt32LE(18) !== compressedSize || lh.readUInt32LE(22) !== size) {
      throw new Error(`file ${name}: its local header does not match the central directory`);
    }
    entries.push({ name, crc, compressedSize, size, method, dataOffset, offset, end });
  }
  if (p !== cdSize) throw new Error('the ZIP central directory has bytes it does not account for');
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  let expect = 0;
  for (const e of sorted) {
    if (e.offset !== expect) throw new Error(`file ${e.name}: the ZIP has unaccounted bytes before it`);
    expect = e.end;
  }
  if (expect !== cdOffset) throw new Error('the ZIP has unaccounted bytes before its central directory');
  return entries.map(({ name, crc, compressedSize, size, method, dataOffset }) => ({ name, crc, compressedSize, size, method, dataOffset }));
}
