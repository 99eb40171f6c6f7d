/**
 * Signatures over export manifests: ECDSA P-256 with SHA-256 through WebCrypto (the browser's,
 * or Node's `globalThis.crypto` in `shutout verify`). The signature is IEEE P1363 (r ‖ s, 64
 * bytes); the public key travels as SPKI DER, and its fingerprint is the SHA-256 of those bytes.
 */
import { fromBase64, sha256Hex, toBase64 } from './hash';

export const SIGNATURE_FORMAT = 'shutout-signature';
export const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256';
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface SignatureBlock {
  format: typeof SIGNATURE_FORMAT;
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** Base64 SPKI DER. */
  publicKey: string;
  /** SHA-256 of the SPKI DER, lower-case hex. */
  fingerprint: string;
  /** Base64 r ‖ s. */
  signature: string;
}

export interface Signer {
  publicKey: Uint8Array;
  fingerprint: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export function fingerprintOf(spki: Uint8Array): string {
  return sha256Hex(spki);
}

/** `1a2b 3c4d …`: sixteen groups of four, easier to read aloud or compare on paper. */
export function formatFingerprint(fp: string): string {
  return fp.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A fingerprint as a person may type it (spaces, colons, upper case); null when it is not 64 hex digits. */
export function parseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:_-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/** A new key pair whose private half can never be read back (IndexedDB keeps the CryptoKey itself). */
export async function newKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify']);
}

export async function signerFor(pair: { privateKey: CryptoKey; publicKey: CryptoKey }): Promise<Signer> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return {
    publicKey: spki,
    fingerprint: fingerprintOf(spki),
    sign: async (data) => new Uint8Array(await crypto.subtle.sign(SIGN, pair.privateKey, data as BufferSource)),
  };
}

export async function signBytes(signer: Signer, data: Uint8Array): Promise<SignatureBlock> {
  return {
    format: SIGNATURE_FORMAT,
    algorithm: SIGNATURE_ALGORITHM,
    publicKey: toBase64(signer.publicKey),
    fingerprint: signer.fingerprint,
    signature: toBase64(await signer.sign(data)),
  };
}

export interface SignatureCheck {
  ok: boolean;
  fingerprint: string;
  problem?: string;
}

/** Checks a signature block over `data`; the fingerprint is recomputed from the key, never taken from the block. */
export async function verifySignature(block: unknown, data: Uint8Array): Promise<SignatureCheck> {
  const b = block as Partial<SignatureBlock> | null;
  if (typeof b !== 'object' || b === null || b.format !== SIGNATURE_FORMAT) return { ok: false, fingerprint: '', problem: 'the signature is not a Shutout signature block' };
  if (b.algorithm !== SIGNATURE_ALGORITHM) return { ok: false, fingerprint: '', problem: `the signature algorithm ${String(b.algorithm)} is not ${SIGNATURE_ALGORITHM}` };
  if (typeof b.publicKey !== 'string' || typeof b.signature !== 'string' || b.publicKey.length > 400 || b.signature.length > 200) return { ok: false, fingerprint: '', problem: 'the signature block is malformed' };
  const spki = fromBase64(b.publicKey);
  const fingerprint = fingerprintOf(spki);
  if (b.fingerprint !== fingerprint) return { ok: false, fingerprint, problem: 'the fingerprint stated in the signature is not that of its public key' };
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', spki as BufferSource, ECDSA, false, ['verify']);
  } catch {
    return { ok: false, fingerprint, problem: 'the public key in the signature is not a P-256 key' };
  }
  const sig = fromBase64(b.signature);
  const ok = sig.length === 64 && (await crypto.subtle.verify(SIGN, key, sig as BufferSource, data as BufferSource));
  return ok ? { ok, fingerprint } : { ok, fingerprint, problem: 'the signature does not match: the signed file was changed after signing, or signed by another key' };
}
