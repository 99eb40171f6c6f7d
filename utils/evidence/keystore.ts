/**
 * The installation's signing key: made with WebCrypto on first use, kept in IndexedDB as a
 * non-extractable CryptoKey, recorded in the chain (a `key` entry with its fingerprint) so that
 * a bundle's signature can be tied to the browser that kept the chain.
 */
import type { KeyRecord, ShutoutDB } from '../storage/db';
import { toBase64 } from './hash';
import { newKeyPair, signerFor, type Signer } from './signing';
import { appendToChain } from './store';

async function freshKey(): Promise<KeyRecord> {
  const pair = await newKeyPair();
  const signer = await signerFor(pair);
  return { id: 'signing', privateKey: pair.privateKey, publicKey: pair.publicKey, spki: toBase64(signer.publicKey), fingerprint: signer.fingerprint, createdAt: new Date().toISOString() };
}

export function keyEntry(k: KeyRecord, reason: 'first-run' | 'new-key', previous: string | null, at: string) {
  return { type: 'key' as const, recordId: 'key', at, data: { fingerprint: k.fingerprint, publicKey: k.spki, reason, ...(previous ? { previous } : {}) } };
}

/** The key, made (and chained) the first time it is asked for; two pages asking at once get the same one. */
export async function ensureSigningKey(db: ShutoutDB): Promise<KeyRecord> {
  const have = await db.keys.get('signing');
  if (have) return have;
  const made = await freshKey();
  return db.transaction('rw', [db.keys, db.chain], async () => {
    const again = await db.keys.get('signing');
    if (again) return again;
    await db.keys.add(made);
    await appendToChain(db, [keyEntry(made, 'first-run', null, made.createdAt)]);
    return made;
  });
}

export async function signingKeyInfo(db: ShutoutDB): Promise<{ fingerprint: string; createdAt: string } | null> {
  const k = await db.keys.get('signing');
  return k ? { fingerprint: k.fingerprint, createdAt: k.createdAt } : null;
}

export async function installationSigner(db: ShutoutDB): Promise<Signer> {
  const k = await ensureSigningKey(db);
  return signerFor(k);
}

/** A replacement key, made outside any transaction (WebCrypto is not an IndexedDB request). */
export const makeReplacementKey = freshKey;
