import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * Canonical JSON: object keys sorted by code point, no white space, `undefined` dropped,
 * UTF-8 when hashed. The same value always gives the same bytes, in the browser and in Node,
 * so that `shutout verify` can recompute every hash the extension wrote (docs/evidence-format.md).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

const encoder = new TextEncoder();

/** SHA-256 of text (UTF-8) or bytes, as lower-case hex. Synchronous, so it can run inside an IndexedDB transaction. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? encoder.encode(data) : data));
}

/** Incremental SHA-256 for files hashed while they stream. */
export function sha256Stream(): { update(chunk: Uint8Array | string): void; hex(): string } {
  const h = sha256.create();
  return {
    update(chunk) {
      h.update(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
    hex: () => bytesToHex(h.digest()),
  };
}
