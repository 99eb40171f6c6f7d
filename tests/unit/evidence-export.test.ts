import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ShutoutDB } from '../../utils/storage/db';
import { CSV_FIELDS, toCsv, toNdjsonLines } from '../../utils/evidence/export';
import { neutralise } from '../../utils/evidence/csv';
import type { Signer } from '../../utils/evidence/signing';
import { addCapture, amendFinding, recordPages } from '../../utils/evidence/store';
import { verifyJsonExport } from '../../utils/evidence/verify';
import { bundleFile, META, run, signedJson, sourceOf, tempDir } from './evidence-bundle-helpers';
import { CTX, detection, newId, page, testSigner } from './evidence-helpers';

const tmp = tempDir('export');
afterAll(() => tmp.remove());
let signer: Signer;
beforeAll(async () => {
  signer = await testSigner();
});
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
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const { sha256Hex } = await import('../../utils/evidence/hash');
  await addCapture(db, { id: 'cap-1', findingId: first.id, pageUrl: 'https://item.taobao.com/', at: META.exportedAt, type: 'screenshot', mime: 'image/png', size: png.length, sha256: sha256Hex(png), blob: new Blob([png]) });
  return db;
}

describe('JSON export', () => {
  it('verifies, and names the first record that was changed', async () => {
    const d = await seeded();
    const data = await signedJson(d, false, signer);
    expect(data).toMatchObject({ format: 'shutout-evidence', version: 2, chain: { length: 5, hashedOver: 'original' }, redaction: { applied: false } });
    expect(await verifyJsonExport(JSON.parse(JSON.stringify(data)))).toMatchObject({ ok: true, fingerprint: signer.fingerprint });
    const tampered = JSON.parse(JSON.stringify(data));
    tampered.records[1].kind = 'risk-challenge';
    expect(await verifyJsonExport(tampered)).toMatchObject({ ok: false, problem: expect.stringContaining(`record ${data.records[1]!.id}`) });
    const tampered2 = JSON.parse(JSON.stringify(data));
    tampered2.entries[2].data.kind = 'link-blocked';
    expect(await verifyJsonExport(tampered2)).toMatchObject({ ok: false, problem: expect.stringContaining('chain entry 3') });
  });

  it('redacts for sharing and says so; the redacted copy keeps the browser’s own chain head', async () => {
    const d = await seeded();
    const head = (await d.chain.orderBy('seq').last())!.hash;
    const data = await signedJson(d, true, signer);
    const text = JSON.stringify(data);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('zhang-san');
    expect(text).not.toContain('"lab"');
    expect(data.redaction).toMatchObject({ applied: true });
    expect(data.redaction.counts.phone).toBe(1);
    expect(data.redaction.fields.sort()).toEqual(expect.arrayContaining(['pageUrl', 'snippet', 'profileLabel']));
    expect(data.chain).toMatchObject({ head, hashedOver: 'original' });
    const r = await verifyJsonExport(JSON.parse(text));
    expect(r).toMatchObject({ ok: true, head });
    expect(r.notes.join('\n')).toMatch(/withheld by redaction: .*pageUrl/);
  });

  it('writes NDJSON: a header line, then one finding per line', async () => {
    const d = await seeded();
    const lines = toNdjsonLines(META, await d.findings.orderBy('seq').toArray(), false);
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'shutout-evidence-ndjson', count: 3 });
    expect(JSON.parse(lines[2]!)).toMatchObject({ kind: 'promotion-denied' });
  });
});

describe('CSV export', () => {
  it('round-trips every field through a CSV parser, with formulas made inert and numbers left alone', async () => {
    const d = await seeded();
    const records = await d.findings.orderBy('seq').toArray();
    const parsed = Papa.parse<Record<string, string>>(toCsv(records, false), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_FIELDS]);
    parsed.data.forEach((row, i) => {
      const r = records[i] as unknown as Record<string, unknown>;
      for (const f of CSV_FIELDS) {
        const v = r[f];
        const expected = v === undefined || v === null ? '' : typeof v === 'number' ? String(v) : neutralise(String(v));
        expect(row[f], `${f} of row ${i}`).toBe(expected);
      }
    });
    expect(parsed.data[1]!.snippet).toBe(`'=HYPERLINK("http://evil.example","点我") <img src=x onerror=alert(1)>`);
    expect(parsed.data[0]!.note).toBe("'+1 我也遇到了");
    expect(parsed.data[0]!.tzOffsetMinutes).toBe('480');
  });
});

describe('evidence bundle and shutout verify', () => {
  it('verifies an intact bundle, and names what changed when one byte is altered', async () => {
    const d = await seeded();
    const path = join(tmp.dir, `b-${++n}.zip`);
    await bundleFile(path, sourceOf(d, false), signer);
    const ok = await run(['verify', path]);
    expect(ok, ok.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('intact') });
    expect(ok.stdout).toContain(`signed by key`);
    const bytes = readFileSync(path);
    for (const at of [40, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 60, bytes.length - 10]) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x01;
      const p = join(tmp.dir, `flipped-${at}.zip`);
      writeFileSync(p, copy);
      const r = await run(['verify', p]);
      expect(r.code, `byte ${at}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stdout).toMatch(/ALTERED: .*(file|chain entry|ZIP|signature|report)/);
    }
  });

  it('verifies a redacted bundle against the original chain head, and says which fields are withheld', async () => {
    const d = await seeded();
    const head = (await d.chain.orderBy('seq').last())!.hash;
    const path = join(tmp.dir, `r-${++n}.zip`);
    await bundleFile(path, sourceOf(d, true), signer);
    const r = await run(['verify', path]);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stdout).toContain(`chain head ${head}`);
    expect(r.stdout).toMatch(/withheld by redaction: .*pageUrl/);
  });

  it('verifies JSON exports and refuses unreadable input with exit 2', async () => {
    const d = await seeded();
    const good = join(tmp.dir, 'good.json');
    const data = await signedJson(d, false, signer);
    writeFileSync(good, JSON.stringify(data));
    expect((await run(['verify', good])).code).toBe(0);
    data.records[0]!.snippet = 'changed';
    writeFileSync(good, JSON.stringify(data));
    expect((await run(['verify', good])).code).toBe(1);
    writeFileSync(join(tmp.dir, 'junk.json'), '{"format": "shutout-evid');
    expect(await run(['verify', join(tmp.dir, 'junk.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('not valid JSON') });
    expect((await run(['verify', join(tmp.dir, 'missing.zip')])).code).toBe(2);
    expect((await run(['verify'])).code).toBe(2);
  });
});

describe('import', () => {
  it('adds the findings of a JSON export or a bundle once, with the state the chain records, chained locally', async () => {
    const { planImport, applyImport } = await import('../../utils/evidence/import');
    const src = await seeded();
    const json = new TextEncoder().encode(JSON.stringify(await signedJson(src, false, signer)));
    const target = new ShutoutDB(`import-${++n}`);
    try {
      expect(await applyImport(target, await planImport(json, 'colleague.json'))).toEqual({ added: 3, skipped: 0 });
      expect(await applyImport(target, await planImport(json, 'colleague.json'))).toEqual({ added: 0, skipped: 3 });
      const imported = await target.findings.orderBy('seq').toArray();
      expect(imported[0]).toMatchObject({ origin: 'import', importedFrom: 'colleague.json', review: 'confirmed', note: '+1 我也遇到了' });
      const { verifyEntries } = await import('../../utils/evidence/chain');
      expect(verifyEntries(await target.chain.orderBy('seq').toArray())).toMatchObject({ ok: true, length: 3 });
      const path = join(tmp.dir, `i-${++n}.zip`);
      await bundleFile(path, sourceOf(src, false), signer);
      expect(await applyImport(target, await planImport(new Uint8Array(readFileSync(path)), 'b.zip'))).toEqual({ added: 0, skipped: 3 });
      // An export of the importing profile verifies (its chain holds `import` entries) and imports elsewhere.
      const again = JSON.stringify(await signedJson(target, false, signer));
      expect(await verifyJsonExport(JSON.parse(again))).toMatchObject({ ok: true });
      const third = new ShutoutDB(`import-${++n}`);
      try {
        expect(await applyImport(third, await planImport(new TextEncoder().encode(again), 'second-hand.json'))).toEqual({ added: 3, skipped: 0 });
      } finally {
        await third.delete();
      }
    } finally {
      await target.delete();
    }
  });

  it('refuses malformed, truncated, tampered or hostile files with a clear error and changes nothing', async () => {
    const { planImport, applyImport, ImportError } = await import('../../utils/evidence/import');
    const src = await seeded();
    const data = await signedJson(src, false, signer);
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
          await applyImport(target, await planImport(bytes, name));
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
