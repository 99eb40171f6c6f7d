import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShutoutDB } from '../../utils/storage/db';
import { checkTimestamp, readTimestamp, requestTimestamp, timestampQuery } from '../../utils/evidence/timestamp';
import { sha256Bytes } from '../../utils/evidence/hash';
import type { Signer } from '../../utils/evidence/signing';
import { recordPages } from '../../utils/evidence/store';
import { bundleFile, repack, run, sourceOf, tempDir, unpack } from './evidence-bundle-helpers';
import { CTX, newId, page, testSigner } from './evidence-helpers';
import { startTsa, type LocalTsa } from './tsa-server';

let tsa: LocalTsa;
let signer: Signer;
let db: ShutoutDB;
const tmp = tempDir('timestamp');
beforeAll(async () => {
  tsa = await startTsa();
  signer = await testSigner();
  db = new ShutoutDB('timestamp-test');
  await recordPages(db, [page(1), page(2)], CTX, newId);
});
afterAll(async () => {
  await tsa?.close();
  await db?.delete();
  tmp.remove();
});

const stamp = (imprint: Uint8Array) => requestTimestamp(tsa.url, imprint);

describe('RFC 3161 timestamps from a local time-stamping authority (openssl ts)', () => {
  it('asks with a nonce in minimal DER whatever the random bytes, so that the service grants every query', async () => {
    const imprint = sha256Bytes('a document');
    for (const first of [0x00, 0x80, 0x01, 0xff]) {
      for (const second of [0x05, 0x85]) {
        const nonce = new Uint8Array([first, second, 1, 2, 3, 4, 5, 6]);
        const res = await fetch(tsa.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.from(timestampQuery(imprint, nonce)) });
        const reply = new Uint8Array(await res.arrayBuffer());
        writeFileSync(join(tmp.dir, 'nonce.tsr'), reply);
        const text = execFileSync('openssl', ['ts', '-reply', '-in', 'nonce.tsr', '-text'], { cwd: tmp.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        expect(text, `nonce starting ${first.toString(16)} ${second.toString(16)}`).toContain('Status: Granted.');
      }
    }
  });

  it('stamps a bundle’s signature; verify checks imprint, signature and the chain in the token, and says what it cannot check', async () => {
    const path = join(tmp.dir, 'stamped.zip');
    const result = await bundleFile(path, sourceOf(db, false), signer, stamp);
    expect(result.timestamp).toBe('stamped');
    const files = unpack(path);
    expect(files['timestamp.tsr']).toBeDefined();
    const info = readTimestamp(files['timestamp.tsr']!)!;
    expect(info.tsa).toBe('CN=Shutout Test TSA');
    expect(Math.abs(Date.parse(info.genTime) - Date.now())).toBeLessThan(120_000);

    const v = await run(['verify', path]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain(`timestamp: ${info.genTime} by CN=Shutout Test TSA`);
    expect(v.stdout).toContain('cannot be checked offline without its root');
    expect(v.stdout).toContain('CN=Shutout Test Root CA');

    const withRoot = await run(['verify', '--tsa-root', tsa.rootPem, path]);
    expect(withRoot.code, withRoot.stdout + withRoot.stderr).toBe(0);
    expect(withRoot.stdout).toContain('leads to the root you gave: CN=Shutout Test Root CA');
    const otherRoot = await run(['verify', '--tsa-root', tsa.otherRootPem, path]);
    expect(otherRoot.code).toBe(1);
    expect(otherRoot.stdout).toContain('does not lead to the TSA root given');

    // OpenSSL alone agrees: the token stamps signature.json (README "How a lawyer verifies").
    writeFileSync(join(tmp.dir, 'signature.json'), files['signature.json']!);
    writeFileSync(join(tmp.dir, 'timestamp.tsr'), files['timestamp.tsr']!);
    const out = execFileSync('openssl', ['ts', '-verify', '-data', 'signature.json', '-in', 'timestamp.tsr', '-CAfile', tsa.rootPem], { cwd: tmp.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toContain('Verification: OK');
  });

  it('refuses a token over another digest', async () => {
    const path = join(tmp.dir, 'other-digest.zip');
    await bundleFile(path, sourceOf(db, false), signer, stamp);
    const files = unpack(path);
    files['timestamp.tsr'] = await stamp(sha256Bytes('some other document'));
    repack(path, files);
    const v = await run(['verify', path]);
    expect(v.code, v.stdout + v.stderr).toBe(1);
    expect(v.stdout).toContain('timestamp.tsr: the token stamps another digest');
    expect((await checkTimestamp(files['timestamp.tsr']!, files['signature.json']!)).problem).toContain('another digest');
  });

  it('refuses a token whose TSA signature was tampered with, and a service that stamps another digest', async () => {
    const imprint = sha256Bytes('x');
    const token = await stamp(imprint);
    const bad = token.slice();
    bad[bad.length - 5] = bad[bad.length - 5]! ^ 0xff;
    expect((await checkTimestamp(bad, new TextEncoder().encode('x'))).problem).toBeTruthy();
    const liar = (async () => new Response(token as BodyInit, { status: 200 })) as unknown as typeof fetch;
    await expect(requestTimestamp(tsa.url, sha256Bytes('y'), liar)).rejects.toThrow('another digest');
  });

  it('is off by default: without a service no request is made and the bundle says so', async () => {
    const before = tsa.requests;
    const path = join(tmp.dir, 'unstamped.zip');
    const r = await bundleFile(path, sourceOf(db, false), signer);
    expect(r.timestamp).toBe('off');
    expect(tsa.requests).toBe(before);
    expect((await run(['verify', path])).stdout).toContain('no trusted timestamp');
  });
});
