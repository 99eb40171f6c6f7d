/**
 * The fields that say what a finding rests on (basis, initiator: utils/background/trust.ts) travel
 * with it: covered by the chain, exported, verified, imported.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WeighedDetection } from '../../utils/background/trust';
import type { Signer } from '../../utils/evidence/signing';
import { recordPages } from '../../utils/evidence/store';
import { verifyJsonExport } from '../../utils/evidence/verify';
import { ShutoutDB } from '../../utils/storage/db';
import { bundleFile, run, signedJson, sourceOf, tempDir } from './evidence-bundle-helpers';
import { CTX, detection, newId, page, testSigner } from './evidence-helpers';

const tmp = tempDir('trust-fields');
afterAll(() => tmp.remove());
let signer: Signer;
beforeAll(async () => {
  signer = await testSigner();
});
const dbs: ShutoutDB[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});
let n = 0;
const fresh = () => {
  const d = new ShutoutDB(`trust-fields-${++n}`);
  dbs.push(d);
  return d;
};

const urlOnly: WeighedDetection = { ...detection({ kind: 'risk-challenge', ruleId: 'alibaba.baxia.url-captcha', where: 'url', confidence: 0.45 }), basis: 'url-only', initiator: 'https://evil.example' };
const pageSupplied: WeighedDetection = { ...detection({ kind: 'risk-challenge', ruleId: 'alibaba.mtop.rgv587', where: 'network', confidence: 0.43 }), basis: 'page-supplied' };

async function seeded(): Promise<ShutoutDB> {
  const d = fresh();
  await recordPages(d, [page(1, [urlOnly]), page(2, [pageSupplied])], CTX, newId);
  return d;
}

describe('basis and initiator', () => {
  it('are stored, covered by the chain, exported and verified, redacted or not', async () => {
    const d = await seeded();
    const records = await d.findings.orderBy('seq').toArray();
    expect(records.map((r) => [r.basis, r.initiator])).toEqual([
      ['url-only', 'https://evil.example'],
      ['page-supplied', undefined],
    ]);
    const entries = await d.chain.orderBy('seq').toArray();
    expect(JSON.stringify(entries)).toContain('url-only');
    for (const redact of [false, true]) {
      const data = await signedJson(d, redact, signer);
      expect(data.records.map((r) => r.basis)).toEqual(['url-only', 'page-supplied']);
      expect(data.records[0]!.initiator).toBe('https://evil.example');
      expect(await verifyJsonExport(JSON.parse(JSON.stringify(data)))).toMatchObject({ ok: true });
      const forged = JSON.parse(JSON.stringify(data));
      delete forged.records[1].basis;
      forged.records[1].confidence = 0.85;
      expect(await verifyJsonExport(forged)).toMatchObject({ ok: false });
    }
    const path = join(tmp.dir, 'trust.zip');
    await bundleFile(path, sourceOf(d, false), signer);
    expect(await run(['verify', path])).toMatchObject({ code: 0 });
  });

  it('are imported with the finding', async () => {
    const { planImport, applyImport } = await import('../../utils/evidence/import');
    const src = await seeded();
    const json = new TextEncoder().encode(JSON.stringify(await signedJson(src, false, signer)));
    const target = fresh();
    expect(await applyImport(target, await planImport(json, 'colleague.json'))).toEqual({ added: 2, skipped: 0 });
    const imported = await target.findings.orderBy('seq').toArray();
    expect(imported.map((r) => [r.basis, r.initiator, r.confidence])).toEqual([
      ['url-only', 'https://evil.example', 0.45],
      ['page-supplied', undefined, 0.43],
    ]);
  });
});
