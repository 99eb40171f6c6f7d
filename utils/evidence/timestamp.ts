/**
 * RFC 3161 trusted time, opt-in: the export asks the time-stamping authority the user named for a
 * token over the SHA-256 of the signature file (so the token vouches for the signed manifest),
 * and `shutout verify` checks the token offline: the message imprint, the TSA's signature, the
 * certificate chain the token carries, and — only with the TSA's root given — that the chain ends
 * at a root the reader trusts. ASN.1 and CMS through PKI.js.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesToHex, fromBase64, sha256Bytes } from './hash';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TIMESTAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const TSTINFO_OID = '1.2.840.113549.1.9.16.1.4';
const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';
const NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST' };

let engineSet = false;
function engine(): void {
  if (engineSet) return;
  pkijs.setEngine('shutout', new pkijs.CryptoEngine({ name: 'shutout', crypto: globalThis.crypto }));
  engineSet = true;
}

const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

/** A DER TimeStampReq for SHA-256 `imprint`, asking for the TSA's certificate, with a random nonce. */
export function timestampQuery(imprint: Uint8Array, nonce: Uint8Array = crypto.getRandomValues(new Uint8Array(8))): Uint8Array {
  const n = nonce.slice();
  // A positive INTEGER in minimal DER: the first byte under 0x80 and not zero (a leading zero
  // before a byte under 0x80 is not DER, and OpenSSL's TSA refuses it: 1 query in 256).
  n[0] = n[0]! & 0x7f || 0x01;
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: buf(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: buf(n) }),
    certReq: true,
  });
  return new Uint8Array(req.toSchema().toBER(false));
}

/** POSTs the query to the TSA (the only request Shutout ever sends, and only when the user named one). */
export async function requestTimestamp(url: string, imprint: Uint8Array, fetchFn: typeof fetch = fetch): Promise<Uint8Array> {
  const res = await fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: buf(timestampQuery(imprint)), credentials: 'omit', cache: 'no-store' });
  if (!res.ok) throw new Error(`the time-stamping service answered HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > 1 << 20) throw new Error('the time-stamping service answered more than 1 MiB');
  const parsed = parseResponse(bytes);
  if ('error' in parsed) throw new Error(`the time-stamping service refused: ${parsed.error}`);
  if (!equal(parsed.imprint, imprint)) throw new Error('the time-stamping service stamped another digest');
  return bytes;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function dn(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues.map((tv) => `${NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`).join(', ');
}

function certFingerprint(c: pkijs.Certificate): string {
  return bytesToHex(sha256Bytes(new Uint8Array(c.toSchema().toBER(false))));
}

interface Parsed {
  signed: pkijs.SignedData;
  tst: pkijs.TSTInfo;
  imprint: Uint8Array;
  hashAlg: string;
}

function parseResponse(bytes: Uint8Array): Parsed | { error: string } {
  engine();
  const asn = asn1js.fromBER(buf(bytes));
  if (asn.offset === -1) return { error: 'the token is not DER' };
  let resp: pkijs.TimeStampResp;
  try {
    resp = new pkijs.TimeStampResp({ schema: asn.result });
  } catch {
    return { error: 'the token is not an RFC 3161 response' };
  }
  if (resp.status.status !== 0 && resp.status.status !== 1) return { error: `status ${resp.status.status}${resp.status.statusStrings?.length ? ` (${resp.status.statusStrings.map((s) => s.valueBlock.value).join('; ')})` : ''}` };
  if (!resp.timeStampToken || resp.timeStampToken.contentType !== SIGNED_DATA_OID) return { error: 'the response holds no signed token' };
  try {
    const signed = new pkijs.SignedData({ schema: resp.timeStampToken.content });
    if (signed.encapContentInfo.eContentType !== TSTINFO_OID || !signed.encapContentInfo.eContent) return { error: 'the token does not hold TSTInfo' };
    const tst = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue());
    return { signed, tst, imprint: new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView), hashAlg: tst.messageImprint.hashAlgorithm.algorithmId };
  } catch (e) {
    return { error: `the token cannot be read (${(e as Error).message})` };
  }
}

export interface TimestampInfo {
  genTime: string;
  tsa: string;
  serial: string;
  policy: string;
}

/** What the token states (for the report), without checking it. */
export function readTimestamp(bytes: Uint8Array): TimestampInfo | null {
  const p = parseResponse(bytes);
  if ('error' in p) return null;
  const signer = signerCert(p.signed);
  return {
    genTime: p.tst.genTime.toISOString(),
    tsa: signer ? dn(signer.subject) : p.tst.tsa ? String(p.tst.tsa.value) : 'unknown',
    serial: bytesToHex(new Uint8Array(p.tst.serialNumber.valueBlock.valueHexView)),
    policy: p.tst.policy,
  };
}

function signerCert(signed: pkijs.SignedData): pkijs.Certificate | null {
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signed.signerInfos[0]?.sid;
  if (!sid) return null;
  if (sid instanceof pkijs.IssuerAndSerialNumber) return certs.find((c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer)) ?? null;
  return certs[0] ?? null;
}

function parseCert(bytes: Uint8Array): pkijs.Certificate {
  const text = new TextDecoder().decode(bytes);
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  const der = pem ? fromBase64(pem[1]!) : bytes;
  return pkijs.Certificate.fromBER(buf(der));
}

export interface TimestampCheck {
  problem?: string;
  info?: TimestampInfo;
  notes: string[];
}

/**
 * Checks a token (base64 or DER) against the bytes it should stamp. A problem means the token does
 * not vouch for this file (exit 1); notes say what was checked and what could not be.
 */
export async function checkTimestamp(token: string | Uint8Array, stamped: Uint8Array, tsaRoot?: Uint8Array): Promise<TimestampCheck> {
  const bytes = typeof token === 'string' ? fromBase64(token) : token;
  const p = parseResponse(bytes);
  if ('error' in p) return { problem: p.error, notes: [] };
  if (p.hashAlg !== SHA256_OID) return { problem: `the token's digest algorithm ${p.hashAlg} is not SHA-256`, notes: [] };
  if (!equal(p.imprint, sha256Bytes(stamped))) return { problem: 'the token stamps another digest than this file’s signature', notes: [] };
  const signer = signerCert(p.signed);
  if (!signer) return { problem: 'the token carries no certificate of its signer (it cannot be checked offline)', notes: [] };
  const info = readTimestamp(bytes)!;
  let sigOk = false;
  try {
    sigOk = await p.signed.verify({ signer: 0, checkChain: false, data: buf(stamped) });
  } catch (e) {
    return { problem: `the TSA's signature on the token does not verify (${(e as Error).message ?? e})`, notes: [] };
  }
  if (!sigOk) return { problem: "the TSA's signature on the token does not verify", notes: [] };
  const eku = signer.extensions?.find((x) => x.extnID === '2.5.29.37');
  const ekuIds = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  if (!ekuIds.includes(TIMESTAMPING_EKU)) return { problem: "the token's signing certificate is not for time stamping", notes: [] };
  const gen = p.tst.genTime.getTime();
  if (gen < signer.notBefore.value.getTime() || gen > signer.notAfter.value.getTime()) return { problem: "the token's time is outside its signing certificate's validity", notes: [] };
  // The chain the token carries: each certificate signed by the next, up to one that signs itself or whose issuer is absent.
  const certs = (p.signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const path: pkijs.Certificate[] = [signer];
  for (let cur = signer; path.length <= 8; ) {
    if (cur.issuer.isEqual(cur.subject)) break;
    const issuer = certs.find((c) => c !== cur && c.subject.isEqual(cur.issuer));
    if (!issuer) break;
    let ok = false;
    try {
      ok = await cur.verify(issuer);
    } catch {
      ok = false;
    }
    if (!ok) return { problem: `certificate ${dn(cur.subject)} in the token is not signed by ${dn(issuer.subject)}`, notes: [] };
    path.push(issuer);
    cur = issuer;
  }
  const top = path[path.length - 1]!;
  const selfSigned = top.issuer.isEqual(top.subject);
  const notes = [`timestamp: ${info.genTime} by ${info.tsa} (serial ${info.serial}); the token stamps this file's signature, and the TSA's signature on it verifies`];
  if (tsaRoot) {
    let root: pkijs.Certificate;
    try {
      root = parseCert(tsaRoot);
    } catch {
      throw new Error('the TSA root given is not a certificate (PEM or DER)');
    }
    const rootFp = certFingerprint(root);
    const anchored = certFingerprint(top) === rootFp || (top.issuer.isEqual(root.subject) && (await top.verify(root).catch(() => false)));
    if (!anchored) return { problem: `the token's certificate chain does not lead to the TSA root given (${dn(root.subject)})`, info, notes: [] };
    notes.push(`the token's certificate chain (${path.length} certificate${path.length > 1 ? 's' : ''}) leads to the root you gave: ${dn(root.subject)}, SHA-256 ${rootFp}`);
  } else {
    notes.push(
      `the token carries ${path.length} certificate${path.length > 1 ? 's' : ''} up to ${dn(top.subject)} (SHA-256 ${certFingerprint(top)}${selfSigned ? ', self-signed' : ', its issuer not included'}); ` +
        'whether that TSA is trustworthy cannot be checked offline without its root: compare that fingerprint with the one the TSA publishes, or pass --tsa-root ROOT.pem (revocation is not checked either)',
    );
  }
  return { info, notes };
}
