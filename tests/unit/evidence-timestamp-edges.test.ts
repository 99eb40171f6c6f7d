/**
 * Edge cases of RFC 3161 token checking that OpenSSL's TSA (tests/unit/tsa-server.ts) cannot be
 * made to produce: tokens, certificates and chains built here with PKI.js and WebCrypto, in memory.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkTimestamp, readTimestamp, requestTimestamp, timestampQuery } from '../../utils/evidence/timestamp';
import { sha256Bytes, sha256Hex, toBase64 } from '../../utils/evidence/hash';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const SHA1 = '1.3.14.3.2.26';
const TSTINFO = '1.2.840.113549.1.9.16.1.4';
const ID_DATA = '1.2.840.113549.1.7.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const TIMESTAMPING = '1.3.6.1.5.5.7.3.8';
const CN = '2.5.4.3';
const O = '2.5.4.10';
const GEN = new Date('2026-03-20T08:00:00Z');
const STAMPED = new TextEncoder().encode('{"format":"shutout-signature"}');
const OFFLINE = 'whether that TSA is trustworthy cannot be checked offline without its root: compare that fingerprint with the one the TSA publishes, or pass --tsa-root ROOT.pem (revocation is not checked either)';

const ab = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

interface Made {
  cert: pkijs.Certificate;
  der: Uint8Array;
  keys: CryptoKeyPair;
  fp: string;
  dn: string;
}

const newKeys = () => crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;

function rdn(attrs: Array<[string, string]>): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({ typesAndValues: attrs.map(([type, value]) => new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) })) });
}

let serials = 100;
/** A certificate; self-signed without `issuer`. Extensions: basicConstraints first, then the EKU when asked. */
async function makeCert(o: {
  subject: Array<[string, string]>;
  issuer?: Made;
  keys?: CryptoKeyPair;
  ca?: boolean;
  eku?: boolean;
  notBefore?: Date;
  notAfter?: Date;
  /** An outer signature algorithm no one supports (the certificate's own signature cannot be checked). */
  bogusSignatureAlgorithm?: boolean;
}): Promise<Made> {
  const keys = o.keys ?? (await newKeys());
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: ++serials });
  cert.subject = rdn(o.subject);
  cert.issuer = o.issuer ? o.issuer.cert.subject : rdn(o.subject);
  cert.notBefore.value = o.notBefore ?? new Date('2020-01-01T00:00:00Z');
  cert.notAfter.value = o.notAfter ?? new Date('2040-01-01T00:00:00Z');
  cert.extensions = [new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: o.ca ?? false }).toSchema().toBER(false) })];
  if (o.eku) cert.extensions.push(new pkijs.Extension({ extnID: '2.5.29.37', critical: true, extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [TIMESTAMPING] }).toSchema().toBER(false) }));
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign((o.issuer?.keys ?? keys).privateKey, 'SHA-256');
  if (o.bogusSignatureAlgorithm) cert.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.3.4.5.6.7' });
  const der = new Uint8Array(cert.toSchema().toBER(false));
  const parsed = pkijs.Certificate.fromBER(ab(der));
  return { cert: parsed, der, keys, fp: sha256Hex(der), dn: o.subject.map(([t, v]) => `${t === CN ? 'CN' : 'O'}=${v}`).join(', ') };
}

interface TokenOptions {
  signer: Made;
  certs?: Made[];
  /** Signs with these keys instead of the signer's. */
  signingKeys?: CryptoKeyPair;
  imprint?: Uint8Array;
  hashOid?: string;
  genTime?: Date;
  sid?: 'issuerSerial' | 'keyId' | 'none';
  eContentType?: string;
  eContent?: Uint8Array;
  digestOid?: string;
  status?: number;
  /** The token's content type, signed-data unless given. */
  tokenType?: string;
}

async function tokenOver(stamped: Uint8Array, o: TokenOptions): Promise<Uint8Array> {
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: '1.2.3.4.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: o.hashOid ?? SHA256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: ab(o.imprint ?? sha256Bytes(stamped)) }),
    }),
    serialNumber: new asn1js.Integer({ value: 7 }),
    genTime: o.genTime ?? GEN,
  });
  const content = o.eContent ?? new Uint8Array(tst.toSchema().toBER(false));
  const sid = o.sid ?? 'issuerSerial';
  const keyId = new Uint8Array(await crypto.subtle.digest('SHA-1', ab(new Uint8Array(o.signer.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView))));
  const signed = new pkijs.SignedData({
    version: 3,
    encapContentInfo: encapsulated(o.eContentType ?? TSTINFO, content),
    signerInfos:
      sid === 'none'
        ? []
        : [
            new pkijs.SignerInfo({
              version: sid === 'keyId' ? 3 : 1,
              sid:
                sid === 'keyId'
                  ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: ab(keyId) })
                  : new pkijs.IssuerAndSerialNumber({ issuer: o.signer.cert.issuer, serialNumber: o.signer.cert.serialNumber }),
            }),
          ],
    ...(o.certs?.length ? { certificates: o.certs.map((c) => c.cert) } : {}),
  });
  if (sid !== 'none') await signed.sign((o.signingKeys ?? o.signer.keys).privateKey, 0, 'SHA-256');
  if (o.digestOid) signed.signerInfos[0]!.digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: o.digestOid });
  const token = new pkijs.ContentInfo({ contentType: o.tokenType ?? SIGNED_DATA, content: signed.toSchema(true) });
  return response(o.status ?? 0, [], token);
}

/** eContent as one primitive OCTET STRING, as TSAs write it (PKI.js's constructor would split it into a constructed one). */
function encapsulated(eContentType: string, content: Uint8Array): pkijs.EncapsulatedContentInfo {
  const info = new pkijs.EncapsulatedContentInfo({ eContentType });
  info.eContent = new asn1js.OctetString({ valueHex: ab(content) });
  return info;
}

function response(status: number, strings: string[], token?: pkijs.ContentInfo): Uint8Array {
  const resp = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status, ...(strings.length ? { statusStrings: strings.map((value) => new asn1js.Utf8String({ value })) } : {}) }),
    ...(token ? { timeStampToken: token } : {}),
  });
  return new Uint8Array(resp.toSchema().toBER(false));
}

const TSA_SUBJECT: Array<[string, string]> = [
  [O, 'Shutout Tests'],
  [CN, 'Test TSA'],
];
let root: Made;
let tsa: Made;
beforeAll(async () => {
  root = await makeCert({ subject: [[CN, 'Test Root']], ca: true });
  tsa = await makeCert({ subject: TSA_SUBJECT, issuer: root, eku: true });
});

const firstNote = (signerDn = 'O=Shutout Tests, CN=Test TSA') =>
  `timestamp: 2026-03-20T08:00:00.000Z by ${signerDn} (serial 07); the token stamps this file's signature, and the TSA's signature on it verifies`;

describe('the crypto engine', () => {
  let saved: ReturnType<typeof pkijs.getEngine>;
  beforeAll(() => {
    saved = pkijs.getEngine();
  });
  afterAll(() => {
    pkijs.setEngine(saved.name, saved.crypto!);
  });

  it('installs its own WebCrypto engine on first use, whatever engine PKI.js was left with', async () => {
    const token = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root] });
    vi.resetModules();
    const fresh = await import('../../utils/evidence/timestamp');
    pkijs.setEngine('none', null as unknown as pkijs.ICryptoEngine);
    try {
      expect(await fresh.checkTimestamp(token, STAMPED)).toEqual({ info: expect.anything(), notes: [firstNote(), expect.stringContaining('2 certificates')] });
    } finally {
      pkijs.setEngine(saved.name, saved.crypto!);
    }
  });
});

describe('asking a time-stamping service', () => {
  it('does not change the nonce it was given', () => {
    const nonce = new Uint8Array([0x80, 1, 2, 3, 4, 5, 6, 7]);
    timestampQuery(sha256Bytes('x'), nonce);
    expect([...nonce]).toEqual([0x80, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('POSTs a timestamp query, without credentials or caching, and returns the token', async () => {
    const imprint = sha256Bytes(STAMPED);
    const token = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root] });
    const calls: Array<[string, RequestInit]> = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(ab(token), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await requestTimestamp('https://tsa.example/ts', imprint, fetchFn)).toEqual(token);
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0]!;
    expect(url).toBe('https://tsa.example/ts');
    expect(init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, credentials: 'omit', cache: 'no-store' });
    const req = pkijs.TimeStampReq.fromBER(init.body as ArrayBuffer);
    expect(new Uint8Array(req.messageImprint.hashedMessage.valueBlock.valueHexView)).toEqual(imprint);
  });

  const answering = (body: Uint8Array, status = 200) => (async () => new Response(ab(body), { status })) as unknown as typeof fetch;

  it('says what went wrong: an HTTP error, an answer over 1 MiB, a refusal, a shortened digest', async () => {
    const imprint = sha256Bytes(STAMPED);
    const token = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root] });
    await expect(requestTimestamp('https://tsa.example/ts', imprint, answering(token, 503))).rejects.toThrow(/^the time-stamping service answered HTTP 503$/);
    await expect(requestTimestamp('https://tsa.example/ts', imprint, answering(new Uint8Array((1 << 20) + 1)))).rejects.toThrow(/^the time-stamping service answered more than 1 MiB$/);
    // Exactly 1 MiB is allowed through to be read (and refused for what it is).
    await expect(requestTimestamp('https://tsa.example/ts', imprint, answering(new Uint8Array(1 << 20)))).rejects.toThrow(/^the time-stamping service refused: /);
    await expect(requestTimestamp('https://tsa.example/ts', imprint, answering(new Uint8Array([0x30, 0x82, 0xff])))).rejects.toThrow(/^the time-stamping service refused: the token is not DER$/);
    await expect(requestTimestamp('https://tsa.example/ts', imprint, answering(response(2, ['bad request'])))).rejects.toThrow(/^the time-stamping service refused: status 2 \(bad request\)$/);
    const shortened = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], imprint: imprint.slice(0, 31) });
    await expect(requestTimestamp('https://tsa.example/ts', imprint, answering(shortened))).rejects.toThrow(/^the time-stamping service stamped another digest$/);
  });
});

describe('checking a token: what the response says', () => {
  it('refuses bytes that are not DER, and DER that is not a time-stamp response', async () => {
    expect(await checkTimestamp(new Uint8Array([0x30, 0x82, 0xff]), STAMPED)).toEqual({ problem: 'the token is not DER', notes: [] });
    expect(await checkTimestamp(new Uint8Array([0x02, 0x01, 0x05]), STAMPED)).toEqual({ problem: 'the token is not an RFC 3161 response', notes: [] });
    expect(readTimestamp(new Uint8Array([0x02, 0x01, 0x05]))).toBeNull();
  });

  it('accepts "granted with modifications" and reports a refusal with its reasons', async () => {
    const mods = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], status: 1 });
    expect((await checkTimestamp(mods, STAMPED)).problem).toBeUndefined();
    expect(await checkTimestamp(response(2, ['unsupported algorithm', 'try later']), STAMPED)).toEqual({ problem: 'status 2 (unsupported algorithm; try later)', notes: [] });
    expect(await checkTimestamp(response(2, []), STAMPED)).toEqual({ problem: 'status 2', notes: [] });
  });

  it('refuses a granted response that holds no token, or a token that is not signed data', async () => {
    expect(await checkTimestamp(response(0, []), STAMPED)).toEqual({ problem: 'the response holds no signed token', notes: [] });
    const mislabelled = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], tokenType: ID_DATA });
    expect(await checkTimestamp(mislabelled, STAMPED)).toEqual({ problem: 'the response holds no signed token', notes: [] });
  });

  it('refuses a token whose content is not TSTInfo, or cannot be read as one', async () => {
    const asData = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], eContentType: ID_DATA });
    expect(await checkTimestamp(asData, STAMPED)).toEqual({ problem: 'the token does not hold TSTInfo', notes: [] });
    const garbled = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], eContent: new Uint8Array([0x04, 0x01, 0x00]) });
    const r = await checkTimestamp(garbled, STAMPED);
    expect(r.problem).toMatch(/^the token cannot be read \(.+\)$/);
    expect(r.notes).toEqual([]);
  });

  it('refuses another digest algorithm, and a digest that is only a prefix of the right one', async () => {
    const sha1 = new Uint8Array(await crypto.subtle.digest('SHA-1', STAMPED));
    const bySha1 = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], hashOid: SHA1, imprint: sha1 });
    expect(await checkTimestamp(bySha1, STAMPED)).toEqual({ problem: `the token's digest algorithm ${SHA1} is not SHA-256`, notes: [] });
    const prefix = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], imprint: sha256Bytes(STAMPED).slice(0, 31) });
    expect(await checkTimestamp(prefix, STAMPED)).toEqual({ problem: 'the token stamps another digest than this file’s signature', notes: [] });
    expect(await checkTimestamp(await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root] }), new TextEncoder().encode('other'))).toEqual({
      problem: 'the token stamps another digest than this file’s signature',
      notes: [],
    });
  });
});

describe('checking a token: its signer', () => {
  it('finds no signer without a signer info, or without certificates, and then names no TSA', async () => {
    const noSignerInfo = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], sid: 'none' });
    expect(readTimestamp(noSignerInfo)).toMatchObject({ tsa: 'unknown', serial: '07', genTime: '2026-03-20T08:00:00.000Z', policy: '1.2.3.4.1' });
    expect(await checkTimestamp(noSignerInfo, STAMPED)).toEqual({ problem: 'the token carries no certificate of its signer (it cannot be checked offline)', notes: [] });
    const noCerts = await tokenOver(STAMPED, { signer: tsa, certs: [] });
    expect(readTimestamp(noCerts)!.tsa).toBe('unknown');
    expect(await checkTimestamp(noCerts, STAMPED)).toEqual({ problem: 'the token carries no certificate of its signer (it cannot be checked offline)', notes: [] });
  });

  it('finds the signer by issuer and serial number, wherever it is in the list and whatever else its issuer signed', async () => {
    const sibling = await makeCert({ subject: [[CN, 'Another Leaf']], issuer: root, eku: true });
    const token = await tokenOver(STAMPED, { signer: tsa, certs: [root, sibling, tsa] });
    expect(readTimestamp(token)!.tsa).toBe('O=Shutout Tests, CN=Test TSA');
    const r = await checkTimestamp(token, STAMPED);
    expect(r.problem).toBeUndefined();
    expect(r.notes[0]).toBe(firstNote());
  });

  it('finds the signer named by its key identifier', async () => {
    const token = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], sid: 'keyId' });
    const r = await checkTimestamp(token, STAMPED);
    expect(r.problem).toBeUndefined();
    expect(r.info!.tsa).toBe('O=Shutout Tests, CN=Test TSA');
  });

  it('says why the TSA signature does not verify when PKI.js refuses it, and says so plainly when it is wrong', async () => {
    const odd = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], digestOid: '1.2.3.4.99' });
    expect(await checkTimestamp(odd, STAMPED)).toEqual({ problem: "the TSA's signature on the token does not verify (Unsupported signature algorithm: 1.2.3.4.99)", notes: [] });
    const forged = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root], signingKeys: await newKeys() });
    expect(await checkTimestamp(forged, STAMPED)).toEqual({ problem: "the TSA's signature on the token does not verify", notes: [] });
  });

  it('requires the time-stamping purpose in the signing certificate, wherever that extension is', async () => {
    const plain = await makeCert({ subject: [[CN, 'Not A TSA']], issuer: root, eku: false });
    expect(await checkTimestamp(await tokenOver(STAMPED, { signer: plain, certs: [plain, root] }), STAMPED)).toEqual({
      problem: "the token's signing certificate is not for time stamping",
      notes: [],
    });
    // tsa's extensions are basicConstraints, then the EKU.
    expect(tsa.cert.extensions!.map((x) => x.extnID)).toEqual(['2.5.29.19', '2.5.29.37']);
    expect((await checkTimestamp(await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root] }), STAMPED)).problem).toBeUndefined();
  });

  it("requires the token's time within the signing certificate's validity, both ends included", async () => {
    const outside = { problem: "the token's time is outside its signing certificate's validity", notes: [] };
    const later = await makeCert({ subject: TSA_SUBJECT, issuer: root, eku: true, notBefore: new Date('2026-03-20T08:00:01Z') });
    expect(await checkTimestamp(await tokenOver(STAMPED, { signer: later, certs: [later, root] }), STAMPED)).toEqual(outside);
    const expired = await makeCert({ subject: TSA_SUBJECT, issuer: root, eku: true, notAfter: new Date('2026-03-20T07:59:59Z') });
    expect(await checkTimestamp(await tokenOver(STAMPED, { signer: expired, certs: [expired, root] }), STAMPED)).toEqual(outside);
    const startsThen = await makeCert({ subject: TSA_SUBJECT, issuer: root, eku: true, notBefore: GEN });
    expect((await checkTimestamp(await tokenOver(STAMPED, { signer: startsThen, certs: [startsThen, root] }), STAMPED)).problem).toBeUndefined();
    const endsThen = await makeCert({ subject: TSA_SUBJECT, issuer: root, eku: true, notAfter: GEN });
    expect((await checkTimestamp(await tokenOver(STAMPED, { signer: endsThen, certs: [endsThen, root] }), STAMPED)).problem).toBeUndefined();
  });
});

describe('checking a token: the chain it carries', () => {
  it('walks the chain to a self-signed root, and names it with its SHA-256 fingerprint', async () => {
    const token = await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root] });
    expect(await checkTimestamp(token, STAMPED)).toEqual({
      info: { genTime: '2026-03-20T08:00:00.000Z', tsa: 'O=Shutout Tests, CN=Test TSA', serial: '07', policy: '1.2.3.4.1' },
      notes: [firstNote(), `the token carries 2 certificates up to CN=Test Root (SHA-256 ${root.fp}, self-signed); ${OFFLINE}`],
    });
    expect((await checkTimestamp(toBase64(token), STAMPED, root.der)).notes).toEqual([firstNote(), `the token's certificate chain (2 certificates) leads to the root you gave: CN=Test Root, SHA-256 ${root.fp}`]);
    const pem = `-----BEGIN CERTIFICATE-----\n${toBase64(root.der)}\n-----END CERTIFICATE-----\n`;
    expect((await checkTimestamp(token, STAMPED, new TextEncoder().encode(pem))).notes[1]).toContain('leads to the root you gave: CN=Test Root');
  });

  it('says when the chain stops at a certificate whose issuer it does not include', async () => {
    const token = await tokenOver(STAMPED, { signer: tsa, certs: [tsa] });
    expect((await checkTimestamp(token, STAMPED)).notes).toEqual([firstNote(), `the token carries 1 certificate up to O=Shutout Tests, CN=Test TSA (SHA-256 ${tsa.fp}, its issuer not included); ${OFFLINE}`]);
    // With the root given, the last certificate is checked against it.
    expect(await checkTimestamp(token, STAMPED, root.der)).toEqual({
      info: expect.objectContaining({ tsa: 'O=Shutout Tests, CN=Test TSA' }),
      notes: [firstNote(), `the token's certificate chain (1 certificate) leads to the root you gave: CN=Test Root, SHA-256 ${root.fp}`],
    });
    // The TSA's own certificate given as the root: pinned by its fingerprint.
    expect((await checkTimestamp(token, STAMPED, tsa.der)).notes[1]).toBe(`the token's certificate chain (1 certificate) leads to the root you gave: O=Shutout Tests, CN=Test TSA, SHA-256 ${tsa.fp}`);
  });

  it('refuses a root given that only bears the name of the real one', async () => {
    const impostor = await makeCert({ subject: [[CN, 'Test Root']], ca: true });
    for (const certs of [[tsa], [tsa, root]]) {
      expect(await checkTimestamp(await tokenOver(STAMPED, { signer: tsa, certs }), STAMPED, impostor.der)).toEqual({
        problem: "the token's certificate chain does not lead to the TSA root given (CN=Test Root)",
        info: expect.objectContaining({ tsa: 'O=Shutout Tests, CN=Test TSA' }),
        notes: [],
      });
    }
    await expect(checkTimestamp(await tokenOver(STAMPED, { signer: tsa, certs: [tsa] }), STAMPED, new TextEncoder().encode('not a certificate'))).rejects.toThrow('the TSA root given is not a certificate (PEM or DER)');
  });

  it('stops at a self-signed root even when the token carries another certificate of that name', async () => {
    const rekeyed = await makeCert({ subject: [[CN, 'Test Root']], ca: true });
    const r = await checkTimestamp(await tokenOver(STAMPED, { signer: tsa, certs: [tsa, root, rekeyed] }), STAMPED);
    expect(r.problem).toBeUndefined();
    expect(r.notes[1]).toBe(`the token carries 2 certificates up to CN=Test Root (SHA-256 ${root.fp}, self-signed); ${OFFLINE}`);
  });

  it('looks for each issuer by name, past certificates that did not sign', async () => {
    const stranger = await makeCert({ subject: [[CN, 'Stranger']], ca: true });
    const r = await checkTimestamp(await tokenOver(STAMPED, { signer: tsa, certs: [stranger, tsa, root] }), STAMPED);
    expect(r.problem).toBeUndefined();
    expect(r.notes[1]).toContain('the token carries 2 certificates up to CN=Test Root');
  });

  it('refuses a chain whose certificate cannot be checked against its issuer', async () => {
    const odd = await makeCert({ subject: TSA_SUBJECT, issuer: root, eku: true, bogusSignatureAlgorithm: true });
    expect(await checkTimestamp(await tokenOver(STAMPED, { signer: odd, certs: [odd, root] }), STAMPED)).toEqual({
      problem: 'certificate O=Shutout Tests, CN=Test TSA in the token is not signed by CN=Test Root',
      notes: [],
    });
    // Nor does it lead to a root given whose signature on it cannot be checked.
    expect((await checkTimestamp(await tokenOver(STAMPED, { signer: odd, certs: [odd] }), STAMPED, root.der)).problem).toBe(
      "the token's certificate chain does not lead to the TSA root given (CN=Test Root)",
    );
  });

  it('follows at most nine certificates', async () => {
    const cas: Made[] = [await makeCert({ subject: [[CN, 'CA 0']], ca: true })];
    for (let i = 1; i <= 8; i++) cas.push(await makeCert({ subject: [[CN, `CA ${i}`]], issuer: cas[i - 1]!, ca: true }));
    const leaf = await makeCert({ subject: TSA_SUBJECT, issuer: cas[8]!, eku: true });
    const r = await checkTimestamp(await tokenOver(STAMPED, { signer: leaf, certs: [leaf, ...cas] }), STAMPED);
    expect(r.problem).toBeUndefined();
    expect(r.notes[1]).toBe(`the token carries 9 certificates up to CN=CA 1 (SHA-256 ${cas[1]!.fp}, its issuer not included); ${OFFLINE}`);
  });
});
