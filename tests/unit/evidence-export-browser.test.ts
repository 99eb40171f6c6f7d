import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDatabase, type ExportResult } from '../../utils/evidence/export-browser';
import type { JsonExport } from '../../utils/evidence/export';
import { sha256Hex } from '../../utils/evidence/hash';
import type { Signer } from '../../utils/evidence/signing';
import { addCapture, recordPages } from '../../utils/evidence/store';
import type { CaptureRecord, ShutoutDB } from '../../utils/storage/db';
import { META } from './evidence-bundle-helpers';
import { CTX, databases, detection, page, testSigner } from './evidence-helpers';

const dbs = databases('export-browser');
afterAll(() => dbs.remove());
let signer: Signer;
beforeAll(async () => {
  signer = await testSigner();
});

const STAMP = '20260321-000000';
const bytesOf = async (r: ExportResult) => new Uint8Array(await r.blob.arrayBuffer());
// ignoreBOM: keep a byte-order mark in the text (the default decoder drops it).
const textOf = async (r: ExportResult) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(r));

/** Ids that sort against the order of recording, so that an export listed by id would show it. */
function backwards(start: number): () => string {
  let i = start;
  return () => `rec-${String(--i).padStart(6, '0')}`;
}

function capture(id: string, findingId: string, at: string, bytes: number[]): CaptureRecord {
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...bytes]);
  return { id, findingId, pageUrl: 'https://item.taobao.com/', at, type: 'screenshot', mime: 'image/png', size: png.length, sha256: sha256Hex(png), blob: new Blob([png]) };
}

/** Three findings (the second with a phone number) and two screenshots, whose ids sort against the time they were taken. */
async function seeded(): Promise<{ d: ShutoutDB; ids: string[] }> {
  const d = dbs.fresh();
  await recordPages(d, [page(1), page(2, [detection({ snippet: '手机 13812345678 账号受限', kind: 'account-restricted' })], { url: 'https://www.zhihu.com/people/zhang-san?uid=42' }), page(3)], CTX, backwards(1000));
  const ids = (await d.findings.orderBy('seq').toArray()).map((r) => r.id);
  await addCapture(d, capture('cap-b', ids[0]!, '2026-03-20T08:00:01.000Z', [1]));
  await addCapture(d, capture('cap-a', ids[1]!, '2026-03-20T08:00:02.000Z', [2, 2]));
  return { d, ids };
}

describe('exportDatabase: CSV', () => {
  it('starts with a byte-order mark, lists the findings in the order they were recorded, and is named and typed as CSV', async () => {
    const { d, ids } = await seeded();
    const r = await exportDatabase(d, 'csv', META, { redact: false, signer });
    expect(r).toMatchObject({ name: `shutout-export-${STAMP}.csv`, count: 3 });
    expect(r.fingerprint).toBeUndefined();
    expect(r.blob.type).toBe('text/csv');
    const bytes = await bytesOf(r);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await textOf(r);
    expect(text.startsWith('\ufeffid,')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(rows.data.map((row) => row.id)).toEqual(ids);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(text).toContain('13812345678');
  });

  it('masks personal values when redacted', async () => {
    const { d } = await seeded();
    const text = await textOf(await exportDatabase(d, 'csv', META, { redact: true, signer }));
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('zhang-san');
  });
});

describe('exportDatabase: NDJSON', () => {
  it('writes one line per finding after a header naming the chain head, each line ending in a newline', async () => {
    const { d, ids } = await seeded();
    const last = (await d.chain.orderBy('seq').last())!;
    const r = await exportDatabase(d, 'ndjson', META, { redact: false, signer });
    expect(r).toMatchObject({ name: `shutout-export-${STAMP}.ndjson`, count: 3 });
    expect(r.blob.type).toBe('application/x-ndjson');
    const text = await textOf(r);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(4);
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: 'shutout-evidence-ndjson', count: 3, profileLabel: 'lab' });
    expect(header.chain).toEqual({ length: last.seq, head: last.hash, hashedOver: 'original' });
    expect(last.seq).toBe(5);
    expect(lines.slice(1).map((l) => JSON.parse(l).id)).toEqual(ids);
  });

  it('names an empty chain in the header of an empty database', async () => {
    const r = await exportDatabase(dbs.fresh(), 'ndjson', META, { redact: false, signer });
    expect(r.count).toBe(0);
    expect(await textOf(r)).toBe(`${JSON.stringify({ format: 'shutout-evidence-ndjson', version: 2, ...META, redaction: { applied: false, fields: [], counts: { phone: 0, email: 0, order: 0, user: 0, token: 0, address: 0, name: 0, profile: 0, file: 0 } }, chain: { length: 0, head: null, hashedOver: 'original' }, count: 0 })}\n`);
  });
});

describe('exportDatabase: JSON', () => {
  it('writes the signed export, named and typed as JSON, with the findings in the order they were recorded', async () => {
    const { d, ids } = await seeded();
    const r = await exportDatabase(d, 'json', META, { redact: false, signer });
    expect(r).toMatchObject({ name: `shutout-export-${STAMP}.json`, count: 3, fingerprint: signer.fingerprint, timestamp: 'off' });
    expect(r.blob.type).toBe('application/json');
    const data = JSON.parse(await textOf(r)) as JsonExport;
    expect(data).toMatchObject({ format: 'shutout-evidence', version: 2, chain: { length: 5 } });
    expect(data.signature).toBeDefined();
    expect(data.records.map((x) => x.id)).toEqual(ids);
    expect(data.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('exportDatabase: evidence bundle', () => {
  const files = async (r: ExportResult) => unzipSync(await bytesOf(r));
  const manifestOf = (f: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(f['manifest.json']!)) as { records: number; files: Array<{ path: string }>; redaction: { fields: string[]; capturesIncluded: boolean } };

  it('writes a ZIP with the screenshots, in the order they were taken, unless asked not to', async () => {
    const { d } = await seeded();
    const r = await exportDatabase(d, 'zip', META, { redact: false, signer });
    expect(r).toMatchObject({ name: `shutout-bundle-${STAMP}.zip`, count: 3, fingerprint: signer.fingerprint, timestamp: 'off' });
    expect(r.blob.type).toBe('application/zip');
    const f = await files(r);
    expect(f['captures/cap-b.png']).toHaveLength(9);
    expect(f['captures/cap-a.png']).toHaveLength(10);
    const m = manifestOf(f);
    expect(m.records).toBe(3);
    expect(m.redaction.capturesIncluded).toBe(true);
    expect(m.files.map((x) => x.path).filter((p) => p.startsWith('captures/'))).toEqual(['captures/cap-b.png', 'captures/cap-a.png']);

    const without = await files(await exportDatabase(d, 'zip', META, { redact: false, includeCaptures: false, signer }));
    expect(Object.keys(without).filter((p) => p.startsWith('captures/'))).toEqual([]);
  });

  it('leaves the screenshots out of a redacted bundle unless asked for them, and names each withheld field once', async () => {
    const { d } = await seeded();
    const f = await files(await exportDatabase(d, 'zip', META, { redact: true, signer }));
    expect(Object.keys(f).filter((p) => p.startsWith('captures/'))).toEqual([]);
    const m = manifestOf(f);
    expect(m.redaction.capturesIncluded).toBe(false);
    expect(m.redaction.fields).toEqual(['profileLabel', 'pageUrl', 'snippet']);
    expect(new TextDecoder().decode(f['records.ndjson']!)).not.toContain('zhang-san');

    const withCaptures = await files(await exportDatabase(d, 'zip', META, { redact: true, includeCaptures: true, signer }));
    expect(Object.keys(withCaptures).filter((p) => p.startsWith('captures/')).sort()).toEqual(['captures/cap-a.png', 'captures/cap-b.png']);
  });
});

describe('exportDatabase: more findings than one page of the database', () => {
  const N = 4100;
  let d: ShutoutDB;
  let ids: string[];
  beforeAll(async () => {
    d = dbs.fresh();
    await recordPages(d, Array.from({ length: N }, (_, i) => page(i + 1)), CTX, backwards(100000));
    ids = (await d.findings.orderBy('seq').toArray()).map((r) => r.id);
  });

  it('exports every finding to CSV and NDJSON, in the order they were recorded', async () => {
    const csv = await exportDatabase(d, 'csv', META, { redact: false, signer });
    expect(csv.count).toBe(N);
    const rows = Papa.parse<Record<string, string>>((await textOf(csv)).slice(1), { header: true, skipEmptyLines: true });
    expect(rows.data.map((r) => r.id)).toEqual(ids);
    const nd = await exportDatabase(d, 'ndjson', META, { redact: false, signer });
    expect(nd.count).toBe(N);
    expect((await textOf(nd)).trim().split('\n')).toHaveLength(N + 1);
  });

  it('exports every chain entry and finding to JSON and to a bundle', async () => {
    const json = JSON.parse(await textOf(await exportDatabase(d, 'json', META, { redact: false, signer }))) as JsonExport;
    expect(json.records).toHaveLength(N);
    expect(json.entries.map((e) => e.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    const zip = await exportDatabase(d, 'zip', META, { redact: false, signer });
    expect(zip.count).toBe(N);
  });
});
