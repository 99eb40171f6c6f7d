/**
 * Import of evidence (utils/evidence/import.ts) at its bounds, as a hostile or merely odd file
 * would reach them: malformed chain entries refused with the field they get wrong, SHA-256 fields
 * that must be exactly 64 lowercase hex digits, the ZIP-bomb limits on what a bundle's headers
 * claim (in total and per member), the byte limit at exactly IMPORT_LIMIT_BYTES, progress every
 * 20,000 entries, and what an applied import stores. No wall-clock budgets.
 *
 * Not tested here, too costly: the cap of MAX_ENTRIES (1,000,000) chain entries, which takes a
 * million verified entries (about 200 MB of NDJSON).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT } from '../../utils/evidence/bundle';
import { chainAfter, GENESIS, type ChainEntry, type NewEntry } from '../../utils/evidence/chain';
import { EVIDENCE_FORMAT } from '../../utils/evidence/export';
import { sha256Hex } from '../../utils/evidence/hash';
import { applyImport, IMPORT_LIMIT_BYTES, ImportError, planImport, type ImportPlan, type Progress } from '../../utils/evidence/import';
import type { Signer } from '../../utils/evidence/signing';
import { amendFinding, recordPages } from '../../utils/evidence/store';
import { ShutoutDB } from '../../utils/storage/db';
import { bundleFile, centralDirectory, importRefusal as refusal, signedJson, sourceOf, tempDir, unpack, ZIP_MTIME } from './evidence-bundle-helpers';
import { CTX, databases, detection, newId, page, testSigner } from './evidence-helpers';

const tmp = tempDir('import-bounds');
const dbs = databases('import-bounds');
let signer: Signer;
let db: ShutoutDB;
let genuine: string;
let redacted: string;
/** One finding amended 20,000 times: 20,001 chain entries, format 1. */
let long: ChainEntry[];
const dec = new TextDecoder();
const AT = '2026-03-20T08:00:00.000Z';
const MiB = 1 << 20;

beforeAll(async () => {
  signer = await testSigner();
  db = new ShutoutDB('import-bounds-source');
  await recordPages(
    db,
    [page(1), page(2, [detection({ kind: 'account-restricted', where: 'title' })]), page(3, [detection({ kind: 'risk-challenge', where: 'dialog' })])],
    CTX,
    newId,
  );
  const [a] = await db.findings.orderBy('seq').toArray();
  await amendFinding(db, a!.id, { review: 'false-positive' });
  genuine = join(tmp.dir, 'genuine.zip');
  await bundleFile(genuine, sourceOf(db, false), signer);
  redacted = join(tmp.dir, 'redacted.zip');
  await bundleFile(redacted, sourceOf(db, true), signer);
  long = chainAfter(null, [findingEntry(1), ...Array.from({ length: 20_000 }, (_, k): NewEntry => ({ type: 'amendment', recordId: 'f-1', at: AT, data: { count: k + 2 } }))]);
});
afterAll(async () => {
  try {
    await db?.delete();
    await dbs.remove();
  } finally {
    tmp.remove();
  }
});

/** A finding as an older (format-1) browser chained it: its content in the clear. */
function findingData(i: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `f-${i}`,
    key: `page-${i}|access-denied`,
    pageId: `page-${i}`,
    observedAt: AT,
    pageUrl: `https://item.taobao.com/item.htm?id=${600000000000 + i}`,
    pageTitle: '访问被拒绝',
    platform: 'taobao',
    kind: 'access-denied',
    ruleId: 'alibaba.baxia.deny-zh',
    rulesetVersion: '1',
    snippet: '亲，访问被拒绝',
    where: 'text',
    confidence: 0.9,
    count: 1,
    review: 'unreviewed',
    ...over,
  };
}
const findingEntry = (i: number, over: Record<string, unknown> = {}): NewEntry => ({ type: 'finding', recordId: `f-${i}`, at: AT, data: findingData(i, over) });

type Member = Uint8Array | [Uint8Array, { level: 0 }];

/**
 * A format-1 bundle (unsigned) holding these records.ndjson lines, as ZIP bytes; the manifest lists
 * the records' SHA-256 and states the chain's head and length as the last entry gives them.
 */
function v1Bundle(lines: string[], opts: { live?: number; manifest?: (m: Record<string, unknown>) => void; stored?: boolean; extra?: Record<string, Member> } = {}): Uint8Array {
  const records = strToU8(lines.join('\n'));
  const entries = lines.filter((l) => l.trim()).map((l) => JSON.parse(l) as ChainEntry);
  const last = entries.at(-1);
  const manifest: Record<string, unknown> = {
    format: BUNDLE_FORMAT,
    version: 1,
    files: [{ path: 'records.ndjson', size: records.length, sha256: sha256Hex(records) }],
    chain: { head: last?.hash ?? null, length: last?.seq ?? 0 },
    records: opts.live ?? new Set(entries.filter((e) => e.type === 'finding').map((e) => e.recordId)).size,
  };
  opts.manifest?.(manifest);
  const wrap = (b: Uint8Array): Member => (opts.stored ? [b, { level: 0 }] : b);
  return zipSync({ 'manifest.json': wrap(strToU8(JSON.stringify(manifest))), 'records.ndjson': wrap(records), ...opts.extra }, { mtime: ZIP_MTIME });
}
const ndjson = (entries: ChainEntry[]) => entries.map((e) => JSON.stringify(e));

/** The central directory record of `name` in a ZIP (what an unzipper reads before inflating anything). */
function centralRecord(zip: Uint8Array, name: string): number {
  const entry = centralDirectory(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in the ZIP`);
  return entry.offset;
}
/** The ZIP with `name`'s header claiming it unpacks to `size` bytes (a forger's header, as a ZIP bomb has). */
function claiming(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  new DataView(out.buffer).setUint32(centralRecord(out, name) + 24, size, true);
  return out;
}
const packedSize = (zip: Uint8Array, name: string) => new DataView(zip.buffer, zip.byteOffset).getUint32(centralRecord(zip, name) + 20, true);


describe('what a genuine file may hold', () => {
  it('imports findings seen in a page title or a dialog, and one marked as a false positive', async () => {
    const plan = await planImport(new Uint8Array(readFileSync(genuine)), 'colleague.zip');
    expect(plan.findings.map((f) => [f.content.where, f.review])).toEqual([
      ['text', 'false-positive'],
      ['title', 'unreviewed'],
      ['dialog', 'unreviewed'],
    ]);
  });

  it('imports a JSON export, which does not start with the ZIP signature', async () => {
    const json = strToU8(JSON.stringify(await signedJson(db, false, signer)));
    const plan = await planImport(json, 'colleague.json');
    expect(plan).toMatchObject({ source: 'colleague.json', format: 2, entries: await db.chain.count() });
    expect(plan.findings).toHaveLength(3);
  });

  it('imports a hand-made format-1 bundle, ignoring blank or whitespace-only lines and a stray null in the manifest’s file list', async () => {
    const lines = ndjson(chainAfter(null, [findingEntry(1), findingEntry(2, { key: 'page-2|account-restricted', kind: 'account-restricted' })]));
    expect((await planImport(v1Bundle(lines), 'v1.zip')).findings.map((f) => f.content.id)).toEqual(['f-1', 'f-2']);
    const spaced = v1Bundle([lines[0]!, '', '   ', '\t', lines[1]!, '']);
    expect((await planImport(spaced, 'spaced.zip')).findings).toHaveLength(2);
    const nullListed = v1Bundle(lines, { manifest: (m) => (m.files = [null, ...(m.files as unknown[])]) });
    expect((await planImport(nullListed, 'null.zip')).findings).toHaveLength(2);
  });

  it('never unpacks members it does not read: an exotic capture does not stop the import', async () => {
    const files = unpack(genuine);
    const zip = zipSync({ ...files, 'captures/c1.png': [strToU8('not really compressed'), { level: 0 }] }, { mtime: ZIP_MTIME });
    const exotic = zip.slice();
    new DataView(exotic.buffer).setUint16(centralRecord(exotic, 'captures/c1.png') + 10, 99, true); // compression method 99
    expect((await planImport(exotic, 'exotic.zip')).findings).toHaveLength(3);
  });
});

describe('malformed chain entries', () => {
  const good = () => chainAfter(null, [findingEntry(1), findingEntry(2, { key: 'page-2|account-restricted', kind: 'account-restricted' })]);

  it('requires hashes of exactly 64 lowercase hex digits, naming the line and the field', async () => {
    const bad = (h: (x: string) => string, field: 'hash' | 'prevHash' = 'hash') => {
      const entries = good();
      entries[1]![field] = h(entries[1]![field]);
      return v1Bundle(ndjson(entries));
    };
    const expected = (field: string) => `x.zip: records.ndjson line 2: ${field}: expected a SHA-256 hex string`;
    expect(await refusal(bad((x) => x + '0'))).toBe(expected('hash'));
    expect(await refusal(bad((x) => '0' + x))).toBe(expected('hash'));
    expect(await refusal(bad((x) => x.toUpperCase()))).toBe(expected('hash'));
    expect(await refusal(bad((x) => x.slice(1)))).toBe(expected('hash'));
    expect(await refusal(bad((x) => x + 'f', 'prevHash'))).toBe(expected('prevHash'));
    expect(await refusal(bad((x) => 'f' + x, 'prevHash'))).toBe(expected('prevHash'));
  });

  it('names the field of an entry that is not a chain entry, in a bundle and in a JSON export', async () => {
    const entries = good();
    (entries[0] as unknown as Record<string, unknown>).recordId = '';
    expect(await refusal(v1Bundle(ndjson(entries)))).toMatch(/^x\.zip: records\.ndjson line 1: recordId: /);
    const json = { format: EVIDENCE_FORMAT, version: 1, chain: { head: null, length: 0 }, entries: [good()[0], { ...good()[1], type: 'gossip' }], records: [] };
    expect(await refusal(strToU8(JSON.stringify(json)), 'x.json')).toMatch(/^x\.json: entries\.1\.type: /);
  });

  it('refuses a disclosure that is not a [salt, value] pair', async () => {
    const entries = good();
    // A hostile file's disclosure: a number where the salt belongs (the type says string; the file need not).
    entries[0]!.disclose = { snippet: [42, 'text'] } as unknown as typeof entries[0]['disclose'];
    expect(await refusal(v1Bundle(ndjson(entries)))).toMatch(/^x\.zip: records\.ndjson line 1: disclose\.snippet\.0: /);
    entries[0]!.disclose = { snippet: ['s'.repeat(65), 'text'] };
    expect(await refusal(v1Bundle(ndjson(entries)))).toMatch(/^x\.zip: records\.ndjson line 1: disclose\.snippet\.0: /);
  });

  it('calls a JSON file that is not an object at all “file”', async () => {
    expect(await refusal(strToU8('null'), 'a.json')).toMatch(/^a\.json is not a Shutout export: file: \S/);
    expect(await refusal(strToU8('"text"'), 'b.json')).toMatch(/^b\.json is not a Shutout export: file: \S/);
  });

  it('refuses a chained finding whose content is not a finding, naming it and its entry', async () => {
    const entries = chainAfter(null, [findingEntry(1), findingEntry(2, { pageTitle: 'x'.repeat(2001) })]);
    expect(await refusal(v1Bundle(ndjson(entries)))).toMatch(/^x\.zip: finding f-2 \(chain entry 2\): pageTitle: \S/);
  });

  it('refuses two findings of one page and kind: not one browser’s chain', async () => {
    const entries = chainAfter(null, [findingEntry(1), findingEntry(2, { key: 'page-1|access-denied' })]);
    expect(await refusal(v1Bundle(ndjson(entries)))).toBe("x.zip: findings f-1 and f-2 have the same key (one page, one kind): the file is not one browser's chain");
  });

  it('refuses a manifest that is not a bundle manifest, or states another chain than its records hold', async () => {
    const lines = ndjson(good());
    expect(await refusal(zipSync({ 'manifest.json': strToU8('null'), 'records.ndjson': strToU8(lines.join('\n')) }))).toBe('x.zip: manifest.json is not a Shutout bundle manifest');
    expect(await refusal(v1Bundle(lines, { manifest: (m) => (m.format = 'zip') }))).toBe('x.zip: manifest.json is not a Shutout bundle manifest');
    const longer = v1Bundle(lines, { manifest: (m) => ((m.chain as { length: number }).length = 3) });
    expect(await refusal(longer)).toBe('x.zip does not verify: the chain length stated in the file does not match the entries');
    const otherHead = v1Bundle(lines, { manifest: (m) => ((m.chain as { head: string }).head = GENESIS) });
    expect(await refusal(otherHead)).toMatch(/^x\.zip does not verify: the chain head stated in the file \(0{64}\) does not match the entries \([0-9a-f]{64}\)$/);
  });

  it('turns an entry nested too deep to be Shutout data into a one-line ImportError naming it', async () => {
    const entries = good();
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) deep = { d: deep };
    entries[0]!.data = deep;
    expect(await refusal(v1Bundle(ndjson(entries)), 'deep.zip')).toBe('deep.zip cannot be imported: chain entry 1 is nested more than 32 levels deep: not Shutout data');
  });
});

describe('size limits', () => {
  it('reads input of exactly IMPORT_LIMIT_BYTES, and refuses one byte more before reading it', async () => {
    const most = new Uint8Array(IMPORT_LIMIT_BYTES);
    most.set([0x50, 0x4b]);
    expect(await refusal(most, 'most.zip')).toMatch(/^most\.zip is not a readable ZIP \(/);
    const over = new Uint8Array(IMPORT_LIMIT_BYTES + 1);
    over.set([0x50, 0x4b]);
    expect(await refusal(over, 'over.zip')).toBe('over.zip is larger than 256 MiB');
  });

  it('allows a member to unpack to 200 times its packed size and a mebibyte, not a byte more', async () => {
    const zip = v1Bundle(ndjson(chainAfter(null, [findingEntry(1)])), { stored: true });
    const most = packedSize(zip, 'records.ndjson') * 200 + MiB;
    expect((await planImport(claiming(zip, 'records.ndjson', most), 'x.zip')).findings).toHaveLength(1);
    expect(await refusal(claiming(zip, 'records.ndjson', most + 1))).toBe(`x.zip unpacks to more than it could hold (records.ndjson: ${most + 1} bytes)`);
  });

  it('allows the members it reads to unpack to IMPORT_LIMIT_BYTES in all, not a byte more', async () => {
    // Each member within its own bound (the padding packs 1.4 MB, enough for 281 MB); together they reach the limit.
    const zip = v1Bundle(ndjson(chainAfter(null, [findingEntry(1)])), { stored: true, extra: { 'signature.json': [new Uint8Array(1_400_000).fill(0x20), { level: 0 }] } });
    const rest = IMPORT_LIMIT_BYTES - packedSize(zip, 'manifest.json') - packedSize(zip, 'records.ndjson');
    expect(rest).toBeLessThan(packedSize(zip, 'signature.json') * 200 + MiB);
    expect((await planImport(claiming(zip, 'signature.json', rest), 'x.zip')).findings).toHaveLength(1);
    expect(await refusal(claiming(zip, 'signature.json', rest + 1))).toBe(`x.zip unpacks to more than it could hold (signature.json: ${rest + 1} bytes)`);
  });
});

describe('progress', () => {
  it('reports the check of a bundle every 20,000 entries, and not at all for a short one', async () => {
    const seen: Array<[number, number, string]> = [];
    const progress: Progress = (done, total, phase) => void seen.push([done, total, phase]);
    const lines = ndjson(long);
    const plan = await planImport(v1Bundle(lines), 'long.zip', progress);
    expect(plan.findings[0]).toMatchObject({ count: 20_001 });
    expect(seen).toHaveLength(1);
    const [[done, total, phase]] = seen as [[number, number, string]];
    expect(phase).toBe('check');
    expect(total).toBe(lines.length);
    expect(done).toBeGreaterThanOrEqual(19_999);
    expect(done).toBeLessThanOrEqual(20_000);
    seen.length = 0;
    await planImport(v1Bundle(lines.slice(0, 19_999)), 'short.zip', progress);
    expect(seen).toEqual([]);
  });

  it('reports the reading of a JSON export every 20,000 entries', async () => {
    const seen: Array<[number, number, string]> = [];
    const progress: Progress = (done, total, phase) => void seen.push([done, total, phase]);
    const json = { format: EVIDENCE_FORMAT, version: 1, chain: { head: long.at(-1)!.hash, length: long.length }, entries: long, records: [] };
    // It does not verify (its record is missing), but only after it was read and checked.
    expect(await refusal(strToU8(JSON.stringify(json)), 'long.json', progress)).toBe('long.json does not verify: finding f-1 is live in the chain but its record is missing');
    expect(seen.filter(([, , p]) => p === 'read')).toEqual([
      [0, 20_001, 'read'],
      [20_000, 20_001, 'read'],
    ]);
  });
});

describe('applying an import', () => {
  it('records in each import entry which fields the file withheld', async () => {
    const plan = await planImport(new Uint8Array(readFileSync(redacted)), 'redacted.zip');
    const withheld = plan.findings[0]!.withheld;
    expect(withheld.length).toBeGreaterThan(0);
    const target = dbs.fresh();
    await applyImport(target, plan, new Date('2026-04-01T00:00:00Z'));
    const [first] = await target.chain.orderBy('seq').toArray();
    expect((first!.data.source as Record<string, unknown>).withheld).toEqual(withheld);
  });

  it('skips a finding already here under another id, and reports no storing when there is nothing to add', async () => {
    const plan = await planImport(new Uint8Array(readFileSync(genuine)), 'again.zip');
    const target = dbs.fresh();
    const third = plan.findings[2]!;
    await applyImport(target, { ...plan, findings: [{ ...third, content: { ...third.content, id: 'someone-else' } }] });
    expect(await applyImport(target, plan)).toEqual({ added: 2, skipped: 1 });
    const entries = await target.chain.count();
    const seen: unknown[] = [];
    expect(await applyImport(target, plan, new Date(), (...a) => void seen.push(a))).toEqual({ added: 0, skipped: 3 });
    expect(seen).toEqual([]);
    expect(await target.chain.count()).toBe(entries);
  });

  it('stores a large import in steps, each finding once', async () => {
    const plan = await planImport(new Uint8Array(readFileSync(genuine)), 'many.zip');
    const f = plan.findings[1]!;
    const many: ImportPlan = { ...plan, findings: Array.from({ length: 5001 }, (_, i) => ({ ...f, content: { ...f.content, id: `bulk-${i}`, key: `bulk-${i}` } })) };
    const target = dbs.fresh();
    const seen: Array<[number, number, string]> = [];
    expect(await applyImport(target, many, new Date('2026-04-01T00:00:00Z'), (done, total, phase) => void seen.push([done, total, phase]))).toEqual({ added: 5001, skipped: 0 });
    expect(seen).toEqual([
      [5000, 5001, 'store'],
      [5001, 5001, 'store'],
    ]);
    expect(await target.findings.count()).toBe(5001);
    expect(await target.chain.count()).toBe(5001);
  });
});
