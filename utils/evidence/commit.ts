/**
 * Salted per-field commitments (format 2, docs/evidence-format.md): the idea of SD-JWT selective
 * disclosure. A chain entry's `data` holds, for each field that redaction may change, only
 * `SHA-256(salt ":" name ":" canonicalJSON(value))` under `data._sd`; the salt and value travel beside the
 * entry, outside its hash, in `disclose`. A redacted export drops the disclosure of a masked
 * field and the chain head stays the browser's own; a withheld field can be disclosed later by
 * handing over its salt and value.
 */
import type { ChainEntry, Disclosure } from './chain';
import { bytesToHex, canonicalJson, sha256Hex } from './hash';
import { REDACTABLE_FIELDS } from './redact';

export const COMMITTED = new Set<string>(REDACTABLE_FIELDS);
export const SD = '_sd';

export function newSalt(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
}

export function fieldDigest(salt: string, name: string, value: unknown): string {
  return sha256Hex(`${salt}:${name}:${canonicalJson(value)}`);
}

/** Split a plain payload into entry data (clear fields + digests) and the disclosures that open it. */
export function commitData(plain: Record<string, unknown>, salt: () => string = newSalt): { data: Record<string, unknown>; disclose?: Record<string, Disclosure> } {
  const data: Record<string, unknown> = {};
  const sd: Record<string, string> = {};
  const disclose: Record<string, Disclosure> = {};
  for (const [k, v] of Object.entries(plain)) {
    if (v === undefined) continue;
    if (COMMITTED.has(k)) {
      const s = salt();
      sd[k] = fieldDigest(s, k, v);
      disclose[k] = [s, v];
    } else data[k] = v;
  }
  if (Object.keys(sd).length === 0) return { data };
  data[SD] = sd;
  return { data, disclose };
}

export function isCommitted(data: Record<string, unknown>): boolean {
  return typeof data[SD] === 'object' && data[SD] !== null;
}

export interface OpenedEntry {
  /** Clear fields and opened commitments; a withheld field has its masked text here. */
  values: Record<string, unknown>;
  withheld: string[];
  /** The first disclosure that does not open its commitment, or a malformed part. */
  problem?: string;
}

/** The values an entry states: format 1 data as it is, format 2 data with its commitments opened. */
export function openEntry(e: Pick<ChainEntry, 'data' | 'disclose' | 'withheld'>): OpenedEntry {
  const data = e.data;
  if (!isCommitted(data)) {
    if (e.disclose !== undefined || e.withheld !== undefined) return { values: { ...data }, withheld: [], problem: 'it discloses fields its data does not commit to' };
    return { values: { ...data }, withheld: [] };
  }
  const sd = data[SD] as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (k !== SD) values[k] = v;
  const withheld: string[] = [];
  const disclose = e.disclose ?? {};
  const shown = e.withheld ?? {};
  if (typeof disclose !== 'object' || disclose === null || typeof shown !== 'object' || shown === null) return { values, withheld, problem: 'its disclosures are not objects' };
  for (const k of Object.keys(disclose)) if (!(k in sd)) return { values, withheld, problem: `it discloses ${k}, which its data does not commit to` };
  for (const k of Object.keys(shown)) if (!(k in sd) || k in disclose) return { values, withheld, problem: `it shows ${k} as withheld, which its data does not commit to or also discloses` };
  for (const [k, digest] of Object.entries(sd)) {
    if (typeof digest !== 'string' || !COMMITTED.has(k)) return { values, withheld, problem: `its commitment to ${k} is malformed` };
    const d = (disclose as Record<string, unknown>)[k];
    if (d === undefined) {
      withheld.push(k);
      values[k] = (shown as Record<string, unknown>)[k] ?? null;
      continue;
    }
    if (!Array.isArray(d) || d.length !== 2 || typeof d[0] !== 'string') return { values, withheld, problem: `its disclosure of ${k} is malformed` };
    let got: string;
    try {
      got = fieldDigest(d[0], k, d[1]);
    } catch (err) {
      return { values, withheld, problem: `its disclosure of ${k} cannot be hashed: ${(err as Error).message}` };
    }
    if (got !== digest) return { values, withheld, problem: `its disclosed ${k} does not match the commitment in the chain` };
    values[k] = d[1];
  }
  return { values, withheld };
}

/** A disclosure file (`shutout verify --disclose`): one withheld field of one entry, opened. */
export interface DisclosureFile {
  format: 'shutout-disclosure';
  seq: number;
  entryHash: string;
  field: string;
  salt: string;
  value: unknown;
}

export function disclosureOf(e: ChainEntry, field: string): DisclosureFile | null {
  const d = e.disclose?.[field];
  if (!d) return null;
  return { format: 'shutout-disclosure', seq: e.seq, entryHash: e.hash, field, salt: d[0], value: d[1] };
}

/** Does a disclosed value and salt open the commitment of that field in that entry? */
export function checkDisclosure(e: Pick<ChainEntry, 'data' | 'hash' | 'seq'>, d: DisclosureFile): { ok: boolean; problem?: string } {
  if (e.hash !== d.entryHash) return { ok: false, problem: `entry ${d.seq} in this bundle has hash ${e.hash}, the disclosure names ${d.entryHash}` };
  const sd = isCommitted(e.data) ? (e.data[SD] as Record<string, unknown>) : null;
  if (!sd || typeof sd[d.field] !== 'string') return { ok: false, problem: `entry ${d.seq} has no commitment to ${d.field}` };
  if (fieldDigest(d.salt, d.field, d.value) !== sd[d.field]) return { ok: false, problem: `the disclosed ${d.field} does not open the commitment in entry ${d.seq}` };
  return { ok: true };
}
