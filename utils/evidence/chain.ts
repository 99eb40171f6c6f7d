import { canonicalJson, sha256Hex } from './hash';

/**
 * The append-only hash chain. Each entry's hash covers the previous entry's hash and the
 * entry's canonical JSON, so that removing, reordering or editing any entry breaks every hash
 * after it. Deleting or editing a finding never rewrites the chain: it appends a tombstone or
 * an amendment.
 */
export type EntryType = 'finding' | 'amendment' | 'tombstone' | 'capture' | 'import' | 'wipe' | 'upgrade' | 'key';

export const ENTRY_TYPES: readonly EntryType[] = ['finding', 'amendment', 'tombstone', 'capture', 'import', 'wipe', 'upgrade', 'key'];

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
  /**
   * Format 2: the salt and value of each field committed in `data._sd` (utils/evidence/commit.ts).
   * Outside the hash: a redacted export drops a field's disclosure and the chain still verifies.
   */
  disclose?: Record<string, Disclosure>;
  /** In a redacted export: the masked text shown in place of a field whose disclosure was dropped. */
  withheld?: Record<string, unknown>;
}

/** `[salt, value]`: what opens one commitment. */
export type Disclosure = [string, unknown];

export function entryHash(prevHash: string, body: EntryBody): string {
  return sha256Hex(`${prevHash}\n${canonicalJson({ seq: body.seq, type: body.type, recordId: body.recordId, at: body.at, data: body.data })}`);
}

/** Chain new bodies after `last` (null for an empty chain). Bodies' seq are assigned here. */
export type NewEntry = Omit<EntryBody, 'seq'> & { disclose?: Record<string, Disclosure> };

export function chainAfter(last: Pick<ChainEntry, 'seq' | 'hash'> | null, bodies: NewEntry[]): ChainEntry[] {
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

/** Checks entries one at a time (a bundle's chain is verified while it streams). */
export class ChainVerifier {
  private prev: string;
  private expectedSeq: number | null = null;
  length = 0;
  firstBad: { seq: number; recordId: string; reason: string } | null = null;

  /** A whole chain starts at seq 1 after 64 zeros; a partial one (a redacted export's) where its first entry says. */
  constructor(startHash = GENESIS, firstSeq: number | null = startHash === GENESIS ? 1 : null) {
    this.prev = startHash;
    this.expectedSeq = firstSeq;
  }

  get head(): string {
    return this.prev;
  }

  /** Returns false (and remembers why) at the first entry that does not match. */
  push(e: ChainEntry): boolean {
    if (this.firstBad) return false;
    this.length++;
    const bad = (reason: string) => {
      this.firstBad = { seq: typeof e?.seq === 'number' ? e.seq : this.length, recordId: String(e?.recordId ?? '?'), reason };
      return false;
    };
    if (typeof e !== 'object' || e === null || typeof e.seq !== 'number' || typeof e.hash !== 'string' || typeof e.data !== 'object' || e.data === null || Array.isArray(e.data)) return bad('it is not a chain entry');
    if (this.expectedSeq !== null && e.seq !== this.expectedSeq) return bad(`sequence number ${e.seq} where ${this.expectedSeq} was expected (an entry is missing or out of order)`);
    if (e.prevHash !== this.prev) return bad('its previous-hash does not match the entry before it');
    let h: string;
    try {
      h = entryHash(this.prev, e);
    } catch (err) {
      return bad(`it cannot be hashed: ${(err as Error).message}`);
    }
    if (h !== e.hash) return bad('its content does not match its hash');
    this.prev = h;
    this.expectedSeq = e.seq + 1;
    return true;
  }

  result(): VerifyResult {
    return this.firstBad ? { ok: false, length: this.length, firstBad: this.firstBad } : { ok: true, length: this.length, head: this.prev };
  }
}

/** Recompute a whole chain; names the first entry that does not match. */
export function verifyEntries(entries: readonly ChainEntry[], startHash = GENESIS): VerifyResult {
  const v = new ChainVerifier(startHash);
  for (const e of entries) if (!v.push(e)) break;
  return v.result();
}
