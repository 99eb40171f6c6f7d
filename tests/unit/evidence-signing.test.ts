import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ShutoutDB, type FindingRecord } from '../../utils/storage/db';
import type { ChainEntry } from '../../utils/evidence/chain';
import { disclosureOf } from '../../utils/evidence/commit';
import { ensureSigningKey, installationSigner, makeReplacementKey } from '../../utils/evidence/keystore';
import { Replay } from '../../utils/evidence/replay';
import { formatFingerprint, signBytes, verifySignature, type Signer } from '../../utils/evidence/signing';
import { amendFinding, recordPages, wipeAll } from '../../utils/evidence/store';
import { verifyJsonExport } from '../../utils/evidence/verify';
import { exportDatabase } from '../../utils/evidence/export-browser';
import { sha256Hex } from '../../utils/evidence/hash';
import { bundleFile, META, recomputeChain, repack, run, signedJson, sourceOf, tempDir, unpack } from './evidence-bundle-helpers';
import { CTX, detection, newId, page, testSigner } from './evidence-helpers';

const tmp = tempDir('signing');
afterAll(() => tmp.remove());
const dbs: ShutoutDB[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});
let n = 0;
const fresh = () => {
  const d = new ShutoutDB(`signing-${++n}`);
  dbs.push(d);
  return d;
};
let forger: Signer;
beforeAll(async () => {
  forger = await testSigner();
});

async function seeded(): Promise<ShutoutDB> {
  const d = fresh();
  await ensureSigningKey(d);
  await recordPages(d, [page(1), page(2, [detection({ kind: 'account-restricted', snippet: '手机 13812345678 账号受限' })], { url: 'https://www.zhihu.com/people/zhang-san?uid=42&sid=SECRET' })], CTX, newId);
  const first = (await d.findings.orderBy('seq').first())!;
  await amendFinding(d, first.id, { review: 'false-positive', note: '测试页面' });
  return d;
}

async function saveBlob(name: string, blob: Blob): Promise<string> {
  const p = join(tmp.dir, name);
  writeFileSync(p, new Uint8Array(await blob.arrayBuffer()));
  return p;
}

describe('signatures', () => {
  it('round-trips: signed bytes verify with the key in the block, and nothing else does', async () => {
    const signer = await testSigner();
    const data = strToU8('{"manifest": true}');
    const block = await signBytes(signer, data);
    expect(block).toMatchObject({ format: 'shutout-signature', algorithm: 'ECDSA-P256-SHA256', fingerprint: signer.fingerprint });
    expect(await verifySignature(block, data)).toEqual({ ok: true, fingerprint: signer.fingerprint });
    expect(await verifySignature(block, strToU8('{"manifest": false}'))).toMatchObject({ ok: false, problem: expect.stringContaining('does not match') });
    expect(await verifySignature({ ...block, fingerprint: forger.fingerprint }, data)).toMatchObject({ ok: false, problem: expect.stringContaining('fingerprint') });
    expect(formatFingerprint(signer.fingerprint)).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  });

  it('makes one key per installation, records it in the chain, keeps it across "delete all" unless a new one is asked for', async () => {
    const d = fresh();
    const k1 = await ensureSigningKey(d);
    expect((await ensureSigningKey(d)).fingerprint).toBe(k1.fingerprint);
    expect(k1.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', k1.privateKey)).rejects.toThrow();
    let chain = await d.chain.orderBy('seq').toArray();
    expect(chain.map((e) => [e.type, e.data.fingerprint])).toEqual([['key', k1.fingerprint]]);

    await wipeAll(d);
    chain = await d.chain.orderBy('seq').toArray();
    expect(chain.map((e) => e.type)).toEqual(['wipe']);
    expect(chain[0]!.data.key).toBe(k1.fingerprint);
    expect((await ensureSigningKey(d)).fingerprint).toBe(k1.fingerprint);

    await wipeAll(d, new Date(), { newKey: await makeReplacementKey() });
    chain = await d.chain.orderBy('seq').toArray();
    const k2 = await ensureSigningKey(d);
    expect(k2.fingerprint).not.toBe(k1.fingerprint);
    expect(chain.map((e) => e.type)).toEqual(['wipe', 'key']);
    expect(chain[1]!.data).toMatchObject({ fingerprint: k2.fingerprint, reason: 'new-key', previous: k1.fingerprint });
  });
});

describe('a bundle forged by someone without the key', () => {
  it('fails verify (exit 1) when a record is changed and the chain, CSV and manifest are recomputed', async () => {
    const d = await seeded();
    const signer = await installationSigner(d);
    const path = join(tmp.dir, 'genuine.zip');
    await bundleFile(path, sourceOf(d, false), signer);
    expect((await run(['verify', path])).code).toBe(0);
    expect((await run(['verify', '--key', formatFingerprint(signer.fingerprint), path])).code).toBe(0);

    // The forger turns the false positive back into "unreviewed" by dropping the amendment's effect
    // and confirms the other finding, recomputing every hash, then builds a fresh bundle from it.
    const forged = fresh();
    const entries = recomputeChain(await d.chain.orderBy('seq').toArray(), (e) => {
      if (e.type === 'amendment') e.data.review = 'confirmed';
    });
    await forged.chain.bulkAdd(entries);
    const forgedPath = join(tmp.dir, 'forged.zip');
    await bundleFile(forgedPath, sourceOf(forged, false), forger);
    // Keeping the genuine signature: it does not sign the recomputed manifest.
    const files = unpack(forgedPath);
    files['signature.json'] = unpack(path)['signature.json']!;
    repack(forgedPath, files);
    const r1 = await run(['verify', forgedPath]);
    expect(r1.code, r1.stdout + r1.stderr).toBe(1);
    expect(r1.stdout).toMatch(/ALTERED: .*signature/);

    // Signing it with another key: the chain names the genuine key, and --key names it too.
    await bundleFile(forgedPath, sourceOf(forged, false), forger);
    const r2 = await run(['verify', forgedPath]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain('but the chain names key');
    // Rewriting the key entry as well leaves only the fingerprint the reader was given.
    const rekeyed = fresh();
    await rekeyed.chain.bulkAdd(recomputeChain(entries, (e) => {
      if (e.type === 'key') e.data.fingerprint = forger.fingerprint;
    }));
    await bundleFile(forgedPath, sourceOf(rekeyed, false), forger);
    expect((await run(['verify', forgedPath])).code).toBe(0);
    const r3 = await run(['verify', '--key', signer.fingerprint, forgedPath]);
    expect(r3.code).toBe(1);
    expect(r3.stdout).toContain('not by the key you named');
  });

  it('fails the same way for a JSON export', async () => {
    const d = await seeded();
    const signer = await installationSigner(d);
    const data = await signedJson(d, false, signer);
    expect(await verifyJsonExport(JSON.parse(JSON.stringify(data)), { key: signer.fingerprint })).toMatchObject({ ok: true });
    const forged = JSON.parse(JSON.stringify(data)) as typeof data;
    forged.entries = recomputeChain(forged.entries, (e) => {
      if (e.type === 'amendment') e.data.review = 'confirmed';
    });
    forged.records[0]!.review = 'confirmed';
    forged.records.forEach((r) => {
      const e = forged.entries.find((x) => x.recordId === r.id && x.type === 'finding')!;
      r.hash = e.hash;
    });
    forged.chain.head = forged.entries.at(-1)!.hash;
    expect(await verifyJsonExport(forged)).toMatchObject({ ok: false, problem: expect.stringContaining('signature does not match') });
  });
});

describe('redaction that keeps the original chain', () => {
  it('withholds fields, names them, and checks one disclosed later (and refuses a wrong one)', async () => {
    const d = await seeded();
    const signer = await installationSigner(d);
    const head = (await d.chain.orderBy('seq').last())!.hash;
    const redacted = join(tmp.dir, 'redacted.zip');
    await bundleFile(redacted, sourceOf(d, true), signer);
    const bytes = readFileSync(redacted).toString('latin1');
    expect(bytes).not.toContain('SECRET');
    const v = await run(['verify', redacted]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain(`chain head ${head}`);
    expect(v.stdout).toMatch(/withheld by redaction: .*pageUrl \(\d+ entr/);

    // The person discloses the URL of the second finding: value and salt, from their own chain.
    const entry = (await d.chain.orderBy('seq').toArray()).find((e) => e.type === 'finding' && String(e.disclose?.pageUrl?.[1]).includes('zhihu'))!;
    const disclosure = disclosureOf(entry, 'pageUrl')!;
    const dPath = join(tmp.dir, 'disclosure.json');
    writeFileSync(dPath, JSON.stringify(disclosure));
    const ok = await run(['verify', '--disclose', dPath, redacted]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`disclosed: pageUrl of chain entry ${entry.seq} is "https://www.zhihu.com/people/zhang-san?uid=42&sid=SECRET"`);
    writeFileSync(dPath, JSON.stringify({ ...disclosure, value: 'https://www.zhihu.com/people/someone-else' }));
    const bad = await run(['verify', '--disclose', dPath, redacted]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('does not open the commitment');

    // The same disclosure, taken from an unredacted export with `shutout disclose`.
    const full = join(tmp.dir, 'full.zip');
    await bundleFile(full, sourceOf(d, false), signer);
    const out = await run(['disclose', '--seq', String(entry.seq), '--field', 'pageUrl', full]);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(disclosure);
  });
});

/** The schema as version 2 of the extension declared it (utils/db.ts before format 2). */
class SchemaTwo extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ findings: 'id, &key, observedAt, platform, kind, ruleId' });
    this.version(2).stores({
      findings: 'id, &key, pageId, observedAt, platform, kind, ruleId, review, seq, [platform+kind]',
      chain: 'seq, recordId, type',
      visits: 'id, at, platform',
      captures: 'id, findingId, at',
      settings: 'key',
      coupons: 'id, itemKey, at, visitId, source',
    });
  }
}

describe('the upgrade of a schema-2 database', () => {
  it('keeps every record, records the upgrade in the chain, and verifies, redacted or not', async () => {
    // A schema-2 database with format-1 entries, as the extension wrote them before this version.
    const v1 = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/evidence-v1/export-v1.json'), 'utf8')) as { entries: ChainEntry[]; records: FindingRecord[] };
    const name = `schema2-${++n}`;
    const old = new SchemaTwo(name);
    await old.open();
    await old.table('chain').bulkAdd(v1.entries);
    await old.table('findings').bulkAdd(v1.records);
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
    await old.table('captures').add({ id: 'cap1', findingId: 'v1-1', pageUrl: 'https://item.taobao.com/item.htm?id=600000000001', at: '2026-03-20T09:10:00.000Z', type: 'screenshot', mime: 'image/png', size: png.length, sha256: sha256Hex(png), blob: new Blob([png]) });
    old.close();

    const d = new ShutoutDB(name);
    dbs.push(d);
    const records = await d.findings.orderBy('seq').toArray();
    expect(d.verno).toBe(4);
    expect(records.map((r) => r.id)).toEqual(v1.records.map((r) => r.id));
    for (const r of records) {
      const before = v1.records.find((o) => o.id === r.id)!;
      const { seq: _s, hash: _h, ...rest } = before;
      expect(r).toMatchObject(rest);
    }
    const chain = await d.chain.orderBy('seq').toArray();
    expect(chain.slice(0, v1.entries.length)).toEqual(v1.entries);
    expect(chain[v1.entries.length]).toMatchObject({ type: 'upgrade', data: { fromSchema: 2, toSchema: 3, previousHead: v1.entries.at(-1)!.hash, findings: 2 } });
    const replay = new Replay();
    for (const e of chain) expect(replay.push(e), replay.problem ?? '').toBe(true);
    expect(replay.records().map((r) => [r.id, r.review, r.count, r.note])).toEqual(records.map((r) => [r.id, r.review, r.count, r.note]));

    await ensureSigningKey(d);
    const signer = await installationSigner(d);
    const head = (await d.chain.orderBy('seq').last())!.hash;
    for (const redact of [false, true]) {
      for (const format of ['zip', 'json'] as const) {
        const r = await exportDatabase(d, format, META, { redact, signer });
        const p = await saveBlob(`upgraded-${redact}.${format}`, r.blob);
        const out = await run(['verify', p]);
        expect(out.code, `${format} redact=${redact}: ${out.stdout}${out.stderr}`).toBe(0);
        expect(out.stdout).toContain(head);
        if (redact) expect(readFileSync(p).toString('utf8')).not.toContain('zhang-san');
      }
      // The views for spreadsheets and pipelines too.
      for (const format of ['csv', 'ndjson'] as const) {
        const r = await exportDatabase(d, format, META, { redact, signer });
        const text = new TextDecoder().decode(new Uint8Array(await r.blob.arrayBuffer()));
        expect(r.count).toBe(2);
        if (redact) expect(text).not.toContain('zhang-san');
        else expect(text).toContain('zhang-san');
      }
    }
  });

  it('leaves format-1 files verifiable as they were', async () => {
    for (const f of ['bundle-v1.zip', 'bundle-v1-redacted.zip', 'export-v1.json']) {
      const r = await run(['verify', join(import.meta.dirname, '../fixtures/evidence-v1', f)]);
      expect(r.code, `${f}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('format 1: not signed');
    }
    const withKey = await run(['verify', '--key', forger.fingerprint, join(import.meta.dirname, '../fixtures/evidence-v1/bundle-v1.zip')]);
    expect(withKey.code).toBe(1);
  });
});

