/**
 * One test per finding of the review with hostile files (issue 9): each forged, damaged or
 * malicious input is caught, with one line and the right exit status, in bounded time.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShutoutDB } from '../../utils/storage/db';
import { sha256Hex } from '../../utils/evidence/hash';
import type { Signer } from '../../utils/evidence/signing';
import { addCapture, amendFinding, recordPages } from '../../utils/evidence/store';
import { applyImport, ImportError, planImport } from '../../utils/evidence/import';
import { bundleFile, META, repack, run, signedJson, sourceOf, tempDir, unpack, ZIP_MTIME } from './evidence-bundle-helpers';
import { CTX, detection, newId, page, testSigner } from './evidence-helpers';

const tmp = tempDir('hostile');
let signer: Signer;
let db: ShutoutDB;
let bundle: string;
let n = 0;
const file = (name: string) => join(tmp.dir, `${++n}-${name}`);
const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]);

beforeAll(async () => {
  signer = await testSigner();
  db = new ShutoutDB('hostile');
  await recordPages(db, [page(1), page(2, [detection({ kind: 'account-restricted' })]), page(3)], CTX, newId);
  const [a, b] = await db.findings.orderBy('seq').toArray();
  await amendFinding(db, a!.id, { review: 'false-positive', note: '测试页面，不算' });
  await amendFinding(db, b!.id, { review: 'confirmed' });
  await addCapture(db, { id: 'shot1', findingId: b!.id, pageUrl: 'https://item.taobao.com/', at: META.exportedAt, type: 'screenshot', mime: 'image/png', size: PNG.length, sha256: sha256Hex(PNG), blob: new Blob([PNG]) });
  bundle = file('genuine.zip');
  await bundleFile(bundle, sourceOf(db, false), signer);
});
afterAll(async () => {
  await db?.delete();
  tmp.remove();
});

/** A copy of the genuine bundle with some files changed and the manifest's digests updated to match. */
function edited(change: (files: Record<string, Uint8Array>) => void): string {
  const files = unpack(bundle);
  change(files);
  const p = file('edited.zip');
  repack(p, files, { manifest: true });
  return p;
}

async function timed(args: string[]) {
  const t0 = performance.now();
  const r = await run(args);
  return { ...r, ms: performance.now() - t0 };
}

describe('a bundle whose captures or CSV were edited, with the manifest updated to match', () => {
  it('is ALTERED when a screenshot was replaced: each capture is checked against its chain entry', async () => {
    const r = await run(['verify', edited((f) => (f['captures/shot1.png'] = new Uint8Array([...PNG, 1])))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ALTERED: captures/shot1.png is not the capture the chain recorded');
  });

  it('is ALTERED when a capture has no chain entry', async () => {
    const r = await run(['verify', edited((f) => (f['captures/planted.png'] = PNG))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ALTERED: captures/planted.png has no capture entry in the chain');
  });

  it('is ALTERED when findings.csv says "confirmed" where the chain says "false-positive": the CSV is rebuilt from the chain', async () => {
    const r = await run(['verify', edited((f) => (f['findings.csv'] = strToU8(new TextDecoder().decode(f['findings.csv']).replace('false-positive', 'confirmed'))))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ALTERED: findings\.csv row 1 \(.*\): review is "confirmed" but the chain records "false-positive"/);
  });

  it('is ALTERED when report.html was edited', async () => {
    const r = await run(['verify', edited((f) => (f['report.html'] = strToU8(new TextDecoder().decode(f['report.html']).replace('false positive', 'confirmed'))))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('report.html is not the report');
  });
});

describe('a JSON export whose records were changed beside their chain', () => {
  const cases: Array<[string, (d: { records: Array<Record<string, unknown>> }) => void, RegExp]> = [
    ['review', (d) => (d.records[0]!.review = 'confirmed'), /its review differs/],
    ['note', (d) => (d.records[0]!.note = '真的被封了'), /its note differs/],
    ['count', (d) => (d.records[1]!.count = 40), /its count differs/],
    ['a dropped record', (d) => d.records.pop(), /live in the chain but its record is missing/],
    ['a duplicated record', (d) => d.records.push(d.records[0]!), /appears twice/],
  ];
  for (const [what, change, message] of cases) {
    it(`is ALTERED for ${what}, and import refuses it`, async () => {
      const data = JSON.parse(JSON.stringify(await signedJson(db, false, signer)));
      change(data);
      const p = file('changed.json');
      writeFileSync(p, JSON.stringify(data));
      const r = await run(['verify', p]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toMatch(message);
      await expect(planImport(readFileSync(p), 'changed.json')).rejects.toThrow(ImportError);
    });
  }

  it('import stores the state its chain records, never what a format-1 file claims beside it', async () => {
    const v1 = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/evidence-v1/export-v1.json'), 'utf8'));
    v1.records[0].review = 'false-positive';
    await expect(planImport(strToU8(JSON.stringify(v1)), 'v1.json')).rejects.toThrow(/its review differs/);
    const genuine = strToU8(readFileSync(join(import.meta.dirname, '../fixtures/evidence-v1/export-v1.json'), 'utf8'));
    const plan = await planImport(genuine, 'v1.json');
    expect(plan.findings.map((f) => [f.content.id, f.review, f.note])).toEqual([
      ['v1-1', 'confirmed', '+1 我也遇到了'],
      ['v1-2', 'unreviewed', undefined],
    ]);
  });
});

describe('exports of a profile holding imported findings', () => {
  it('verify (import entries are indexed) and import again', async () => {
    const target = new ShutoutDB('hostile-importer');
    try {
      await applyImport(target, await planImport(strToU8(JSON.stringify(await signedJson(db, false, signer))), 'first.json'));
      const p = file('importer.zip');
      await bundleFile(p, sourceOf(target, false), signer);
      const r = await run(['verify', p]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('3 findings intact');
      const plan = await planImport(readFileSync(p), 'second.zip');
      expect(plan.findings).toHaveLength(3);
    } finally {
      await target.delete();
    }
  });
});

describe('hostile files: one line, exit 2, bounded time and memory', () => {
  const json = async () => JSON.parse(JSON.stringify(await signedJson(db, false, signer)));

  it('null records, null entries, null fields and a null manifest', async () => {
    for (const [what, change] of [
      ['records', (d: Record<string, unknown>) => (d.records = [null])],
      ['entries', (d: Record<string, unknown>) => (d.entries = [null])],
      ['data', (d: { entries: Array<Record<string, unknown>> }) => (d.entries[0]!.data = null)],
      ['seq', (d: { entries: Array<Record<string, unknown>> }) => (d.entries[1]!.seq = null)],
      ['everything', (d: Record<string, unknown>) => Object.keys(d).forEach((k) => k !== 'format' && k !== 'version' && (d[k] = null))],
    ] as const) {
      const data = await json();
      (change as (d: unknown) => void)(data);
      const p = file(`null-${what}.json`);
      writeFileSync(p, JSON.stringify(data));
      const r = await run(['verify', p]);
      expect(r.code, `${what}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), what).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const files = unpack(bundle);
    files['manifest.json'] = strToU8('null');
    const nullManifest = file('null-manifest.zip');
    repack(nullManifest, files);
    const m = await run(['verify', nullManifest]);
    expect(m).toMatchObject({ code: 2, stderr: expect.stringContaining('not a Shutout bundle manifest') });
    files['manifest.json'] = unpack(bundle)['manifest.json']!;
    files['records.ndjson'] = strToU8('null\n');
    const nullLine = file('null-line.zip');
    repack(nullLine, files);
    const l = await run(['verify', nullLine]);
    expect(l).toMatchObject({ code: 2, stderr: expect.stringContaining('chain entry 1 is null') });
  });

  it('100,000-deep nesting', async () => {
    const data = await json();
    data.entries[0].data.deep = 'DEEP';
    const p = file('deep.json');
    // Written as text: JSON.stringify itself cannot nest that deep.
    writeFileSync(p, JSON.stringify(data).replace('"DEEP"', '['.repeat(100_000) + ']'.repeat(100_000)));
    const r = await timed(['verify', p]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('nested more than 32 levels deep');
    expect(r.ms).toBeLessThan(5000);
  });

  it('a directory and a FIFO', async () => {
    const dir = file('a-directory.zip');
    mkdirSync(dir);
    expect(await run(['verify', dir])).toMatchObject({ code: 2, stderr: expect.stringContaining('is a directory') });
    const fifo = file('fifo.zip');
    execFileSync('mkfifo', [fifo]);
    const r = await timed(['verify', fifo]);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('not a regular file') });
    expect(r.ms).toBeLessThan(2000);
  });

  it('one 40 MB NDJSON line: refused in linear time', async () => {
    // Random text, so that it does not compress like a bomb.
    const { randomBytes } = await import('node:crypto');
    const p = edited((f) => (f['records.ndjson'] = strToU8(`{"seq":1,"snippet":"${randomBytes(30 << 20).toString('base64')}"}\n`)));
    const r = await timed(['verify', p]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('line 1 is longer than 1 MiB');
    expect(r.ms).toBeLessThan(5000);
  });

  it('ZIP bombs: an honest one is refused before inflating, a lying one within one slice', async () => {
    const zeros = new Uint8Array(64 << 20);
    const honest = file('bomb.zip');
    writeFileSync(honest, zipSync({ 'manifest.json': zeros }, { level: 9, mtime: ZIP_MTIME }));
    expect(readFileSync(honest).length).toBeLessThan(200_000);
    let r = await timed(['verify', honest]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('ZIP bomb');
    expect(r.ms).toBeLessThan(2000);

    // The directory says 100 bytes; the data inflates to 64 MiB.
    const lying = Buffer.from(zipSync({ 'records.ndjson': zeros, 'manifest.json': strToU8('{}') }, { level: 9, mtime: ZIP_MTIME }));
    for (let i = 0; i < lying.length - 4; i++) {
      const sig = lying.readUInt32LE(i);
      if (sig === 0x04034b50 && lying.toString('utf8', i + 30, i + 44) === 'records.ndjson') lying.writeUInt32LE(100, i + 22);
      if (sig === 0x02014b50 && lying.toString('utf8', i + 46, i + 60) === 'records.ndjson') lying.writeUInt32LE(100, i + 24);
    }
    const lyingPath = file('lying-bomb.zip');
    writeFileSync(lyingPath, lying);
    const heap0 = process.memoryUsage().rss;
    r = await timed(['verify', lyingPath]);
    expect(r.code, r.stdout + r.stderr).toBeGreaterThan(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/manifest|unpacks to more than the 100 bytes/);
    expect(r.ms).toBeLessThan(3000);
    expect(process.memoryUsage().rss - heap0).toBeLessThan(256 << 20);
  });

  it('a ZIP cut by one byte is unreadable, not altered', async () => {
    const bytes = readFileSync(bundle);
    const p = file('cut.zip');
    writeFileSync(p, bytes.subarray(0, bytes.length - 1));
    expect(await run(['verify', p])).toMatchObject({ code: 2, stderr: expect.stringContaining('cut short') });
  });

  it('an entry named ../../… is refused, also when the manifest lists it', async () => {
    const files = unpack(bundle);
    files['../../evil.sh'] = strToU8('rm -rf /');
    const p = file('traversal.zip');
    repack(p, files);
    const r = await run(['verify', p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('outside its layout: "../../evil.sh"');
    const m = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    m.files.push({ path: '../../evil.sh', size: 8, sha256: sha256Hex(files['../../evil.sh']!) });
    delete files['../../evil.sh'];
    files['manifest.json'] = strToU8(JSON.stringify(m));
    repack(p, files);
    const r2 = await run(['verify', p]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain('which is outside the bundle layout');
  });
});

describe('import of hostile files', () => {
  const enc = (o: unknown) => strToU8(JSON.stringify(o));

  it('refuses duplicate ids with a clear message, not database text', async () => {
    const data = await signedJson(db, false, signer);
    const dup = JSON.parse(JSON.stringify(data));
    // A second finding entry for the same id (hashes recomputed so that only the duplicate is wrong).
    const { recomputeChain } = await import('./evidence-bundle-helpers');
    const first = dup.entries.find((e: { type: string }) => e.type === 'finding');
    dup.entries = recomputeChain([...dup.entries, { ...first }], () => {});
    await expect(planImport(enc(dup), 'dup.json')).rejects.toThrow(/finding .* is recorded twice \(entries \d+ and \d+\)/);
  });

  it('refuses negative counts and entries whose recordId is not their id', async () => {
    const { recomputeChain } = await import('./evidence-bundle-helpers');
    const data = JSON.parse(JSON.stringify(await signedJson(db, false, signer)));
    const neg = { ...data, entries: recomputeChain(data.entries, (e) => e.type === 'finding' && e.seq === 1 && (e.data.count = -300)) };
    await expect(planImport(enc(neg), 'neg.json')).rejects.toThrow(/count is not a whole number ≥ 0 \(-300\)/);
    const other = { ...data, entries: recomputeChain(data.entries, (e) => e.type === 'finding' && e.seq === 2 && (e.recordId = 'someone-else')) };
    await expect(planImport(enc(other), 'other.json')).rejects.toThrow(/recordId someone-else differs from the id in its data/);
  });
});
