import { createWriteStream, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { ShutoutDB } from '../../utils/storage/db';
import { writeBundle, type BundleSource } from '../../utils/evidence/bundle';
import { buildJsonExport, CSV_FIELDS, toCsv, toNdjsonLines } from '../../utils/evidence/export';
import { amendFinding, recordPages } from '../../utils/evidence/store';
import { verifyJsonExport } from '../../utils/evidence/verify';
import { CTX, detection, newId, page } from './evidence-helpers';

const dir = mkdtempSync(join(tmpdir(), 'shutout-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const meta = { generator: { name: 'Shutout', version: '0.1.0' }, profileLabel: 'lab', exportedAt: '2026-03-21T00:00:00.000Z' };
let db: ShutoutDB;
let n = 0;
afterEach(async () => db?.delete());

async function seeded(): Promise<ShutoutDB> {
  db = new ShutoutDB(`export-${++n}`);
  await recordPages(
    db,
    [
      page(1),
      page(2, [detection({ snippet: '=HYPERLINK("http://evil.example","点我") <img src=x onerror=alert(1)>', kind: 'promotion-denied' })]),
      page(3, [detection({ snippet: '手机 13812345678 账号受限', kind: 'account-restricted' })], { url: 'https://www.zhihu.com/people/zhang-san?uid=42' }),
    ],
    CTX,
    newId,
  );
  const first = (await db.findings.orderBy('seq').first())!;
  await amendFinding(db, first.id, { review: 'confirmed', note: '+1 我也遇到了' });
  return db;
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

function source(d: ShutoutDB, redact: boolean): BundleSource {
  return {
    meta,
    redact,
    includeCaptures: true,
    async *entries() {
      yield await d.chain.orderBy('seq').toArray();
    },
    async *records() {
      yield await d.findings.orderBy('seq').toArray();
    },
    async *captures() {
      yield { id: 'cap-1', findingId: null, pageUrl: 'https://item.taobao.com/', at: meta.exportedAt, type: 'screenshot', mime: 'image/png', size: 4, sha256: '', blob: new Blob([new Uint8Array([137, 80, 78, 71])]) };
    },
  };
}

async function bundleFile(d: ShutoutDB, redact: boolean): Promise<string> {
  const path = join(dir, `bundle-${++n}.zip`);
  const out = createWriteStream(path);
  await writeBundle(source(d, redact), (c) => new Promise<void>((res, rej) => out.write(c, (e) => (e ? rej(e) : res()))));
  await new Promise((r) => out.end(r));
  return path;
}

describe('JSON export', () => {
  it('verifies, and names the first record that was changed', async () => {
    const d = await seeded();
    const data = buildJsonExport(meta, await d.chain.orderBy('seq').toArray(), await d.findings.orderBy('seq').toArray(), false);
    expect(data).toMatchObject({ format: 'shutout-evidence', version: 1, chain: { length: 4, hashedOver: 'original' }, redaction: { applied: false } });
    expect(verifyJsonExport(JSON.parse(JSON.stringify(data)))).toMatchObject({ ok: true });
    const tampered = JSON.parse(JSON.stringify(data));
    tampered.records[1].kind = 'risk-challenge';
    expect(verifyJsonExport(tampered)).toMatchObject({ ok: false, problem: expect.stringContaining(`record ${data.records[1]!.id}`) });
    const tampered2 = JSON.parse(JSON.stringify(data));
    tampered2.entries[2].data.pageUrl = 'https://example.org/';
    expect(verifyJsonExport(tampered2)).toMatchObject({ ok: false, problem: expect.stringContaining('chain entry 3') });
  });

  it('redacts for sharing and says so; the redacted copy verifies on its own', async () => {
    const d = await seeded();
    const data = buildJsonExport(meta, await d.chain.orderBy('seq').toArray(), await d.findings.orderBy('seq').toArray(), true);
    const text = JSON.stringify(data);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('zhang-san');
    expect(data.redaction).toMatchObject({ applied: true, counts: { phone: 2, user: 4 } });
    expect(data.redaction.fields.sort()).toEqual(['pageUrl', 'snippet']);
    expect(data.chain.hashedOver).toBe('redacted copy');
    expect(verifyJsonExport(JSON.parse(text))).toMatchObject({ ok: true });
  });

  it('writes NDJSON: a header line, then one finding per line', async () => {
    const d = await seeded();
    const lines = toNdjsonLines(meta, await d.findings.orderBy('seq').toArray(), false);
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'shutout-evidence-ndjson', count: 3 });
    expect(JSON.parse(lines[2]!)).toMatchObject({ kind: 'promotion-denied' });
  });
});

describe('CSV export', () => {
  it('round-trips every field through a CSV parser, with formulas made inert', async () => {
    const d = await seeded();
    const records = await d.findings.orderBy('seq').toArray();
    const parsed = Papa.parse<Record<string, string>>(toCsv(records, false), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_FIELDS]);
    parsed.data.forEach((row, i) => {
      const r = records[i] as unknown as Record<string, unknown>;
      for (const f of CSV_FIELDS) {
        const original = r[f] === undefined || r[f] === null ? '' : String(r[f]);
        const expected = /^[=+\-@\t\r]/.test(original) ? `'${original}` : original;
        expect(row[f], `${f} of row ${i}`).toBe(expected);
      }
    });
    expect(parsed.data[1]!.snippet).toBe(`'=HYPERLINK("http://evil.example","点我") <img src=x onerror=alert(1)>`);
    expect(parsed.data[0]!.note).toBe("'+1 我也遇到了");
  });
});

describe('evidence bundle and shutout verify', () => {
  it('verifies an intact bundle, and names what changed when one byte is altered', async () => {
    const d = await seeded();
    const path = await bundleFile(d, false);
    expect(await run(['verify', path])).toMatchObject({ code: 0, stdout: expect.stringContaining('intact') });
    const bytes = readFileSync(path);
    // Change one byte at several places: file data, headers, the directory.
    const failures: string[] = [];
    for (const at of [40, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 60, bytes.length - 10]) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x01;
      const p = join(dir, `flipped-${at}.zip`);
      writeFileSync(p, copy);
      const r = await run(['verify', p]);
      expect(r.code, `byte ${at}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stdout).toMatch(/ALTERED: .*(file|chain entry|ZIP)/);
      failures.push(r.stdout);
    }
    expect(failures).toHaveLength(5);
  });

  it('verifies a redacted bundle, whose manifest says what was redacted', async () => {
    const d = await seeded();
    const path = await bundleFile(d, true);
    const r = await run(['verify', path]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain('redacted copy');
  });

  it('verifies JSON exports and refuses unreadable input with exit 2', async () => {
    const d = await seeded();
    const good = join(dir, 'good.json');
    const data = buildJsonExport(meta, await d.chain.orderBy('seq').toArray(), await d.findings.orderBy('seq').toArray(), false);
    writeFileSync(good, JSON.stringify(data));
    expect((await run(['verify', good])).code).toBe(0);
    data.records[0]!.snippet = 'changed';
    writeFileSync(good, JSON.stringify(data));
    expect((await run(['verify', good])).code).toBe(1);
    writeFileSync(join(dir, 'junk.json'), '{"format": "shutout-evid');
    expect(await run(['verify', join(dir, 'junk.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('not JSON') });
    expect((await run(['verify', join(dir, 'missing.zip')])).code).toBe(2);
    expect((await run(['verify'])).code).toBe(2);
  });
});

describe('import', () => {
  it('adds the findings of a JSON export or a bundle once, chained locally', async () => {
    const { planImport, applyImport } = await import('../../utils/evidence/import');
    const src = await seeded();
    const json = new TextEncoder().encode(JSON.stringify(buildJsonExport(meta, await src.chain.orderBy('seq').toArray(), await src.findings.orderBy('seq').toArray(), false)));
    const target = new ShutoutDB(`import-${++n}`);
    try {
      expect(await applyImport(target, planImport(json, 'colleague.json'))).toEqual({ added: 3, skipped: 0 });
      expect(await applyImport(target, planImport(json, 'colleague.json'))).toEqual({ added: 0, skipped: 3 });
      const imported = await target.findings.orderBy('seq').toArray();
      expect(imported[0]).toMatchObject({ origin: 'import', importedFrom: 'colleague.json', review: 'confirmed', note: '+1 我也遇到了' });
      const { verifyEntries } = await import('../../utils/evidence/chain');
      expect(verifyEntries(await target.chain.orderBy('seq').toArray())).toMatchObject({ ok: true, length: 3 });
      const bundle = readFileSync(await bundleFile(src, false));
      expect(await applyImport(target, planImport(new Uint8Array(bundle), 'b.zip'))).toEqual({ added: 0, skipped: 3 });
    } finally {
      await target.delete();
    }
  });

  it('refuses malformed, truncated, tampered or hostile files with a clear error and changes nothing', async () => {
    const { planImport, applyImport, ImportError } = await import('../../utils/evidence/import');
    const src = await seeded();
    const data = buildJsonExport(meta, await src.chain.orderBy('seq').toArray(), await src.findings.orderBy('seq').toArray(), false);
    const text = JSON.stringify(data);
    const enc = (s: string) => new TextEncoder().encode(s);
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['truncated', enc(text.slice(0, text.length / 2)), /not valid JSON .*cut short/],
      ['empty', new Uint8Array(0), /empty/],
      ['other JSON', enc('{"hello": 1}'), /not a Shutout export: format/],
      ['bad hash', enc(text.replace(data.entries[1]!.hash, 'f'.repeat(64))), /does not verify: chain entry 2/],
      ['bad kind', enc(JSON.stringify({ ...data, entries: data.entries.map((e, i) => (i === 0 ? { ...e, hash: 'x' } : e)) })), /entries\.0\.hash/],
      ['not a zip', new Uint8Array([0x50, 0x4b, 1, 2, 3]), /not a readable ZIP/],
    ];
    const target = new ShutoutDB(`import-${++n}`);
    try {
      for (const [name, bytes, message] of cases) {
        let error: unknown;
        try {
          await applyImport(target, planImport(bytes, name));
        } catch (e) {
          error = e;
        }
        expect(error, name).toBeInstanceOf(ImportError);
        expect((error as Error).message, name).toMatch(message);
      }
      expect(await target.findings.count()).toBe(0);
      expect(await target.chain.count()).toBe(0);
    } finally {
      await target.delete();
    }
  });
});
