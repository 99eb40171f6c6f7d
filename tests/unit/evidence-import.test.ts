/**
 * Import of a colleague's evidence (utils/evidence/import.ts), check by check: each refusal of a
 * bundle names its problem in one line, the ZIP-bomb bound, the progress it reports, and what an
 * added finding carries. No wall-clock budgets here (those are in evidence-hostile.test.ts), so
 * that the mutation suite runs these too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport, IMPORT_LIMIT_BYTES, ImportError, planImport, splitImport, type ImportPlan, type Progress } from '../../utils/evidence/import';
import type { Signer } from '../../utils/evidence/signing';
import { amendFinding, recordPages } from '../../utils/evidence/store';
import { ShutoutDB } from '../../utils/storage/db';
import { bundleFile, importRefusal as refusal, repack, signedJson, sourceOf, tempDir, unpack } from './evidence-bundle-helpers';
import { CTX, databases, detection, newId, page, testSigner } from './evidence-helpers';

const tmp = tempDir('import');
let signer: Signer;
let db: ShutoutDB;
let genuine: string;
let n = 0;
const dbs = databases('import-unit');
const freshDb = dbs.fresh;
const dec = new TextDecoder();

beforeAll(async () => {
  signer = await testSigner();
  db = new ShutoutDB('import-unit-source');
  await recordPages(db, [page(1), page(2, [detection({ kind: 'account-restricted' })]), page(3)], CTX, newId);
  const [a] = await db.findings.orderBy('seq').toArray();
  await amendFinding(db, a!.id, { review: 'confirmed', note: '我也遇到了' });
  genuine = join(tmp.dir, 'genuine.zip');
  await bundleFile(genuine, sourceOf(db, false), signer);
});
afterAll(async () => {
  await db?.delete();
  await dbs.remove();
  tmp.remove();
});

/** The genuine bundle's files, changed, as ZIP bytes; `manifest` recomputes the file list as a forger would. */
function changed(change: (files: Record<string, Uint8Array>) => void, manifest = false): Uint8Array {
  const files = unpack(genuine);
  change(files);
  const p = join(tmp.dir, `changed-${++n}.zip`);
  repack(p, files, { manifest });
  return new Uint8Array(readFileSync(p));
}
const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(dec.decode(files['manifest.json']!)) as Record<string, unknown>;
const withManifest = (files: Record<string, Uint8Array>, m: unknown) => (files['manifest.json'] = strToU8(typeof m === 'string' ? m : JSON.stringify(m)));


describe('planning the import of a bundle', () => {
  it('reads a genuine signed bundle: its findings with their place in the file’s chain, the key and the chain head', async () => {
    const plan = await planImport(new Uint8Array(readFileSync(genuine)), 'colleague.zip');
    const chain = await db.chain.orderBy('seq').toArray();
    expect(plan).toMatchObject({ source: 'colleague.zip', format: 2, entries: chain.length, head: chain.at(-1)!.hash });
    expect(plan.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.findings).toHaveLength(3);
    const findings = await db.findings.orderBy('seq').toArray();
    expect(plan.findings.map((f) => f.content.id)).toEqual(findings.map((f) => f.id));
    const first = plan.findings[0]!;
    expect(first).toMatchObject({ review: 'confirmed', note: '我也遇到了', count: 1, withheld: [] });
    // The entry of the file's chain that recorded the finding.
    const made = chain.find((e) => e.recordId === first.content.id)!;
    expect(first.source).toEqual({ seq: made.seq, hash: made.hash });
    expect(plan.findings[1]).not.toHaveProperty('note');
    expect(plan.findings[1]).not.toHaveProperty('scope');
  });

  it('names what is missing or malformed in the manifest', async () => {
    expect(await refusal(changed((f) => delete f['manifest.json']))).toBe('x.zip is not a Shutout bundle: manifest.json or records.ndjson is missing');
    expect(await refusal(changed((f) => delete f['records.ndjson']))).toBe('x.zip is not a Shutout bundle: manifest.json or records.ndjson is missing');
    expect(await refusal(changed((f) => withManifest(f, '{"format": ')))).toBe('x.zip: manifest.json is not valid JSON');
    for (const m of ['null', '5', '"text"', JSON.stringify({ format: 'something-else' })]) {
      expect(await refusal(changed((f) => withManifest(f, m))), m).toBe('x.zip: manifest.json is not a Shutout bundle manifest');
    }
  });

  it('refuses records that do not match the manifest’s SHA-256, or that the manifest does not list', async () => {
    const digest = 'x.zip: records.ndjson does not match its SHA-256 in the manifest';
    expect(await refusal(changed((f) => (f['records.ndjson'] = strToU8(dec.decode(f['records.ndjson']!) + '\n'))))).toBe(digest);
    expect(await refusal(changed((f) => withManifest(f, { ...manifestOf(f), files: 'records.ndjson' })))).toBe(digest);
    expect(await refusal(changed((f) => withManifest(f, { ...manifestOf(f), files: (manifestOf(f).files as Array<{ path: string }>).filter((x) => x.path !== 'records.ndjson') })))).toBe(digest);
    expect(await refusal(changed((f) => withManifest(f, { ...manifestOf(f), files: [null, ...(manifestOf(f).files as unknown[])] })))).not.toBe(digest);
  });

  it('names the line of records.ndjson that is not JSON or not a chain entry (blank lines count as lines)', async () => {
    const lines = (f: Record<string, Uint8Array>) => dec.decode(f['records.ndjson']!).split('\n');
    const notJson = changed((f) => {
      const l = lines(f);
      f['records.ndjson'] = strToU8(['', ...l.slice(0, 1), '{oops', ...l.slice(1)].join('\n'));
    }, true);
    expect(await refusal(notJson)).toBe('x.zip: records.ndjson line 3 is not JSON');
    const badEntry = changed((f) => {
      const l = lines(f);
      const e = JSON.parse(l[1]!) as Record<string, unknown>;
      f['records.ndjson'] = strToU8([l[0], JSON.stringify({ ...e, prevHash: 'nope' }), ...l.slice(2)].join('\n'));
    }, true);
    expect(await refusal(badEntry)).toMatch(/^x\.zip: records\.ndjson line 2: prevHash: /);
    const seqZero = changed((f) => {
      const l = lines(f);
      const e = JSON.parse(l[0]!) as Record<string, unknown>;
      f['records.ndjson'] = strToU8([JSON.stringify({ ...e, seq: 0 }), ...l.slice(1)].join('\n'));
    }, true);
    expect(await refusal(seqZero)).toMatch(/^x\.zip: records\.ndjson line 1: seq: /);
  });

  it('refuses a chain that does not verify, or a manifest that counts other findings than the chain holds', async () => {
    const edited = changed((f) => {
      const l = dec.decode(f['records.ndjson']!).split('\n');
      l[0] = l[0]!.replace('"count":1', '"count":2');
      f['records.ndjson'] = strToU8(l.join('\n'));
    }, true);
    expect(await refusal(edited)).toMatch(/^x\.zip does not verify: /);
    const miscounted = changed((f) => withManifest(f, { ...manifestOf(f), records: 4 }));
    expect(await refusal(miscounted)).toBe('x.zip does not verify: the manifest counts 4 findings, the chain 3');
  });

  it('checks the signature of a format-2 bundle, and refuses a format it does not know', async () => {
    expect(await refusal(changed((f) => delete f['signature.json']))).toBe('x.zip does not verify: the signature is missing (every format-2 export is signed)');
    expect(await refusal(changed((f) => (f['signature.json'] = strToU8('{"sig'))))).toBe('x.zip: signature.json is not valid JSON');
    expect(await refusal(changed((f) => (f['signature.json'] = strToU8('{"algorithm":"none"}'))))).toMatch(/^x\.zip(:| does not verify:) /);
    expect(await refusal(changed((f) => withManifest(f, { ...manifestOf(f), version: 3 })))).toBe('x.zip: a bundle of format 3, which this version does not know');
  });

  it('reads a format-1 bundle (before signatures) with no key', async () => {
    const v1 = changed((f) => {
      withManifest(f, { ...manifestOf(f), version: 1 });
      delete f['signature.json'];
    });
    const plan = await planImport(v1, 'old.zip');
    expect(plan).toMatchObject({ format: 1, fingerprint: null });
    expect(plan.findings).toHaveLength(3);
  });

  it('refuses a member that unpacks to over 200 times its packed size and a mebibyte, but skips members it does not read', async () => {
    const bomb = changed((f) => (f['records.ndjson'] = new Uint8Array(3 << 20).fill(0x20)));
    expect(await refusal(bomb)).toMatch(/^x\.zip unpacks to more than it could hold \(records\.ndjson: 3145728 bytes\)$/);
    // Just under the bound: packed size × 200 + 1 MiB is allowed (then the digest check speaks).
    const small = changed((f) => (f['records.ndjson'] = new Uint8Array(1 << 20).fill(0x20)));
    expect(await refusal(small)).toBe('x.zip: records.ndjson does not match its SHA-256 in the manifest');
    const padded = changed((f) => (f['report.html'] = new Uint8Array(8 << 20).fill(0x20)));
    expect((await planImport(padded, 'padded.zip')).findings).toHaveLength(3);
  });
});

describe('planning the import of any file', () => {
  it('tells a bundle from JSON by its first two bytes, and refuses empty or oversized input before reading it', async () => {
    expect(await refusal(new Uint8Array(0), 'e.json')).toBe('e.json is empty');
    expect(await refusal({ length: IMPORT_LIMIT_BYTES + 1 } as Uint8Array, 'big.zip')).toBe('big.zip is larger than 256 MiB');
    expect(await refusal(new Uint8Array([0x50, 0x4b, 3, 4]), 'pk.zip')).toMatch(/^pk\.zip is not a readable ZIP \(/);
    expect(await refusal(strToU8('P{'), 'p.json')).toMatch(/^p\.json is not valid JSON \(/);
    expect(await refusal(strToU8('{"a":1}K'), 'k.json')).toMatch(/^k\.json is not valid JSON \(/);
  });

  it('reports progress: each phase with what is done of the whole', async () => {
    const json = strToU8(JSON.stringify(await signedJson(db, false, signer)));
    const seen: Array<[number, number, string]> = [];
    const progress: Progress = (done, total, phase) => void seen.push([done, total, phase]);
    const plan = await planImport(json, 'p.json', progress);
    const entries = (await db.chain.count());
    expect(seen.filter(([, , p]) => p === 'read')).toEqual([[0, entries, 'read']]);
    expect(seen.some(([, total, p]) => p === 'check' && total === entries)).toBe(true);
    const target = freshDb();
    seen.length = 0;
    await applyImport(target, plan, new Date('2026-04-01T00:00:00Z'), progress);
    expect(seen).toEqual([[3, 3, 'store']]);
  });

  it('turns an unexpected failure of a hostile file into a one-line refusal', async () => {
    const deep = strToU8('{"format":"shutout-evidence","version":2,"entries":[],"records":[],"chain":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}');
    const message = await refusal(deep, 'deep.json');
    expect(message).toMatch(/^deep\.json /);
    expect(message).not.toContain('\n');
  });
});

describe('applying an import', () => {
  it('adds each finding with the file’s state, its origin and defaults for what the file did not record, chained as an import entry', async () => {
    const plan = await planImport(new Uint8Array(readFileSync(genuine)), 'x'.repeat(300) + '.zip');
    const target = freshDb();
    const at = new Date('2026-04-01T00:00:00Z');
    expect(await applyImport(target, plan, at)).toEqual({ added: 3, skipped: 0 });
    const stored = await target.findings.orderBy('seq').toArray();
    expect(stored[0]).toMatchObject({ origin: 'import', importedFrom: 'x'.repeat(200), review: 'confirmed', note: '我也遇到了', count: 1, captureIds: [] });
    expect(stored[1]).not.toHaveProperty('note');
    const chain = await target.chain.orderBy('seq').toArray();
    expect(chain.map((e) => e.type)).toEqual(['import', 'import', 'import']);
    expect(chain.map((e) => e.at)).toEqual(Array(3).fill(at.toISOString()));
    expect(stored.map((f) => [f.seq, f.hash])).toEqual(chain.map((e) => [e.seq, e.hash]));
    expect(chain[0]!.data).toMatchObject({ source: { head: plan.head, seq: plan.findings[0]!.source.seq, hash: plan.findings[0]!.source.hash } });
    expect(chain[0]!.data.source).not.toHaveProperty('withheld');
  });

  it('fills what an older file did not record, and cuts an overlong note', async () => {
    const plan = await planImport(new Uint8Array(readFileSync(genuine)), 'old.zip');
    const bare: ImportPlan = {
      ...plan,
      findings: plan.findings.map((f, i) => {
        const { tzOffsetMinutes: _t, extensionVersion: _e, browser: _b, uiLanguage: _u, profileLabel: _p, ...content } = f.content;
        return { ...f, content, ...(i === 0 ? { note: 'n'.repeat(2500) } : {}) };
      }),
    };
    const target = freshDb();
    await applyImport(target, bare);
    const [first] = await target.findings.orderBy('seq').toArray();
    expect(first).toMatchObject({ tzOffsetMinutes: 0, extensionVersion: 'unknown', browser: 'unknown', uiLanguage: 'unknown', profileLabel: '' });
    expect(first!.note).toHaveLength(2000);
  });

  it('skips a finding already here by its id, or by its page and kind', async () => {
    const plan = await planImport(new Uint8Array(readFileSync(genuine)), 'again.zip');
    const target = freshDb();
    await applyImport(target, { ...plan, findings: plan.findings.slice(0, 1) });
    // The third finding's page and kind, stored here under another id: the same finding.
    await applyImport(target, { ...plan, findings: [{ ...plan.findings[2]!, content: { ...plan.findings[2]!.content, id: 'someone-else' } }] });
    const split = await splitImport(target, plan);
    expect(split.already).toBe(2);
    expect(split.fresh.map((f) => f.content.id)).toEqual([plan.findings[1]!.content.id]);
    expect(await applyImport(target, plan)).toEqual({ added: 1, skipped: 2 });
  });
});

describe('a ZIP that only looks like a bundle', () => {
  it('is refused when it holds other files only', async () => {
    const bytes = zipSync({ 'readme.txt': strToU8('hello') });
    expect(await refusal(bytes, 'other.zip')).toBe('other.zip is not a Shutout bundle: manifest.json or records.ndjson is missing');
  });
});
