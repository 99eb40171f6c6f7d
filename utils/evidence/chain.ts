import { canonicalJson, sha256Hex } from './hash';

/**
 * The append-only hash chain. Each entry's hash covers the previous entry's hash and the
 * entry's canonical JSON, so that removing, reordering or editing any entry breaks every hash
 * after it. Deleting or editing a finding never rewrites the chain: it appends a tombstone or
 * an amendment.
 */
export type EntryType = 'finding' | 'amendment' | 'tombstone' | 'capture' | 'import' | 'wipe';

export const GENESIS = '0'.repeat(64);

export interface EntryBody {
  seq: number;
  type: EntryType;
  /** The finding (or capture) the entry is about. */
  recordId: string;
  /** When the entry was appended, UTC ISO 8601. */
  at: string;
  /** The record's content (finding), the change (amendment), or the reason (tombstone, wipe). */
  data: Record<string, unknown>;
}

export interface ChainEntry extends EntryBody {
  prevHash: string;
  hash: string;
}

export function entryHash(prevHash: string, body: EntryBody): string {
  return sha256Hex(`${prevHash}\n${canonicalJson({ seq: body.seq, type: body.type, recordId: body.recordId, at: body.at, data: body.data })}`);
}

/** Chain new bodies after `last` (null for an empty chain). Bodies' seq are assigned here. */
export function chainAfter(last: Pick<ChainEntry, 'seq' | 'hash'> | null, bodies: Array<Omit<EntryBody, 'seq'>>): ChainEntry[] {
  let prevHash = last?.hash ?? GENESIS;
  let seq = last?.seq ?? 0;
  return bodies.map((b) => {
    const body: EntryBody = { ...b, seq: ++seq };
    const hash = entryHash(prevHash, body);
    const entry: ChainEntry = { ...body, prevHash, hash };
    prevHash = hash;
    return entry;
  });
}

export type VerifyResult =
  | { ok: true; length: number; head: string }
  | { ok: false; length: number; firstBad: { seq: number; recordId: string; reason: string } };

/**
 * Recompute the chain. `startHash` is the hash before the first entry (GENESIS for a whole
 * chain). Names the first entry that does not match.
 */
export function verifyEntries(entries: readonly ChainEntry[], startHash = GENESIS): VerifyResult {
  let prev = startHash;
  let seq = entries[0]?.seq ?? 1;
  for (const e of entries) {
    const bad = (reason: string): VerifyResult => ({ ok: false, length: entries.length, firstBad: { seq: e.seq, recordId: e.recordId, reason } });
    if (e.seq !== seq) return bad(`sequence number ${e.seq} where ${seq} was expected (an entry is missing or out of order)`);
    if (e.prevHash !== prev) return bad('its previous-hash does not match the entry before it');
    let h: string;
    try {
      h = entryHash(prev, e);
    } catch (err) {
      return bad(`it cannot be hashed: ${(err as Error).message}`);
    }
    if (h !== e.hash) return bad('its content does not match its hash');
    prev = h;
    seq++;
  }
  return { ok: true, length: entries.length, head: prev };
}
