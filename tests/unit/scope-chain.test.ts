import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import Dexie from 'dexie';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { anonymousView } from '../../utils/background/anonymous-view';
import { BatchWriter } from '../../utils/background/batch-writer';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { AutoScope, handleScopeCheck, type ScopeApis } from '../../utils/background/scope';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { directReader } from '../../utils/reader/read';
import { parseWithLinkedom } from '../../cli/html';
import { verifyEntries, type ChainEntry } from '../../utils/evidence/chain';
import { CSV_FIELDS } from '../../utils/evidence/csv';
import { toCsv } from '../../utils/evidence/export';
import { applyImport, planImport } from '../../utils/evidence/import';
import { Replay, recordDifference } from '../../utils/evidence/replay';
import { recordPages, recordScope } from '../../utils/evidence/store';
import { setSetting } from '../../utils/storage/settings';
import { ShutoutDB } from '../../utils/storage/db';
import { bundleFile, run, signedJson, sourceOf, tempDir } from './evidence-bundle-helpers';
import { CTX, detection, newId, page, testSigner } from './evidence-helpers';

const WALL = readFileSync(join(import.meta.dirname, '../fixtures/corpus/positive/alibaba/baxia-deny-zh.html'), 'utf8');
const html = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
const CLEAR = '<!doctype html><html><head><meta charset="utf-8"><title>碎花连衣裙-淘宝网</title></head><body><h1>碎花连衣裙</h1><p>价格 ¥99.00</p></body></html>';

const dbs: ShutoutDB[] = [];
let n = 0;
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

function deps(): BackgroundDeps {
  const db = new ShutoutDB(`scope-${++n}`);
  dbs.push(db);
  return { db, runtimeId: 'x', extensionOrigin: 'chrome-extension://x/', tabs: memoryTabStatusStore(), setBadge: async () => {}, newId, writer: new BatchWriter(db, async () => CTX, newId) };
}

// The page reader as the extension runs it (utils/reader), with linkedom for the browser's DOMParser.
const reader = directReader(parseWithLinkedom);

function apis(fetch: (url: string, init: RequestInit) => Promise<Response>): ScopeApis & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    anonymousView: (url) => anonymousView(url, { fetch: (u, i) => (fetched.push(u), fetch(u, i)) }),
    readView: (view) => reader.readView(view, {}),
    now: () => new Date('2026-03-20T09:00:00.000Z'),
  };
}

async function oneFinding(d: BackgroundDeps, over: Parameters<typeof page>[2] = {}, dets = [detection()]) {
  await recordPages(d.db, [page(1, dets, over)], CTX, newId);
  return (await d.db.findings.toArray())[0]!;
}

describe('the scope check in the background', () => {
  it('records the scope as an amendment: the finding is not edited, the chain verifies and replays to the record', async () => {
    const d = deps();
    const f = await oneFinding(d);
    const a = apis(async () => html(CLEAR));
    const res = await handleMessage({ type: 'scope/check', findingId: f.id }, { id: 'x', url: 'chrome-extension://x/popup.html' }, { ...d, scopeCheck: (id) => handleScopeCheck(id, d, a) });
    expect(res).toEqual({ ok: true, scope: 'account', checked: 1, check: { at: '2026-03-20T09:00:00.000Z', status: 200, verdict: 'clear', kinds: [], ruleIds: [], redirects: 0 } });
    expect(a.fetched).toEqual([f.pageUrl]);
    const chain = await d.db.chain.orderBy('seq').toArray();
    expect(chain.map((e) => e.type)).toEqual(['finding', 'amendment']);
    expect(chain[1]).toMatchObject({ recordId: f.id, data: { scope: 'account', scopeCheck: { status: 200, verdict: 'clear' } } });
    // The finding's own entry is unchanged: the record's hash is still that entry's.
    const after = (await d.db.findings.get(f.id))!;
    expect(after).toMatchObject({ scope: 'account', hash: f.hash, seq: f.seq, snippet: f.snippet });
    expect(verifyEntries(chain)).toMatchObject({ ok: true, length: 2 });
    const replay = new Replay();
    for (const e of chain) expect(replay.push(e)).toBe(true);
    expect(recordDifference(after as unknown as Record<string, unknown>, replay.records()[0]!)).toBeNull();

    // A later check appends another amendment; the latest scope stands.
    await handleScopeCheck(f.id, d, apis(async () => html(WALL, 403)));
    expect((await d.db.findings.get(f.id))!.scope).toBe('network');
    expect((await d.db.chain.orderBy('seq').toArray()).map((e) => e.type)).toEqual(['finding', 'amendment', 'amendment']);
  });

  it('fetches nothing for a finding whose page is not on a covered marketplace', async () => {
    const d = deps();
    const f = await oneFinding(d, { url: 'https://www.example.com/item/1', platform: null });
    const a = apis(async () => html(CLEAR));
    expect(await handleScopeCheck(f.id, d, a)).toEqual({ ok: false, error: 'not a page of a covered marketplace: nothing was fetched' });
    expect(a.fetched).toEqual([]);
    expect(await d.db.chain.count()).toBe(1);
  });

  it('refuses the message from anything but an extension page, and a malformed id', async () => {
    const d = deps();
    const f = await oneFinding(d);
    const a = apis(async () => html(CLEAR));
    const withCheck = { ...d, scopeCheck: (id: string) => handleScopeCheck(id, d, a) };
    expect(await handleMessage({ type: 'scope/check', findingId: f.id }, { id: 'x', url: f.pageUrl, tab: { id: 1 } }, withCheck)).toEqual({ ok: false, error: 'not an extension page' });
    expect(await handleMessage({ type: 'scope/check', findingId: '' }, { id: 'x', url: 'chrome-extension://x/popup.html' }, withCheck)).toMatchObject({ ok: false, retry: false });
    expect(a.fetched).toEqual([]);
  });

  it('gives every finding of the page load a scope from one anonymous view', async () => {
    const d = deps();
    await recordPages(d.db, [page(1, [detection(), detection({ kind: 'risk-challenge', ruleId: 'alibaba.baxia.url-captcha' })])], CTX, newId);
    const [first] = await d.db.findings.orderBy('seq').toArray();
    const a = apis(async () => html(WALL, 403));
    expect(await handleScopeCheck(first!.id, d, a)).toMatchObject({ ok: true, scope: 'network', checked: 2 });
    expect(a.fetched).toHaveLength(1);
    expect((await d.db.findings.toArray()).map((r) => r.scope)).toEqual(['network', 'network']);
  });

  it('checks new blocks automatically only when the setting is on (off by default), once per page load', async () => {
    const d = deps();
    const f = await oneFinding(d);
    const a = apis(async () => html(CLEAR));
    const auto = new AutoScope(d, a);
    expect(await auto.afterStored(f.pageId, ['access-denied'])).toBeNull();
    expect(a.fetched).toEqual([]);
    await setSetting(d.db, 'autoScopeCheck', true);
    expect(await auto.afterStored(f.pageId, ['promotion-denied'])).toBeNull();
    expect(await auto.afterStored(f.pageId, ['access-denied'])).toMatchObject({ ok: true, scope: 'account' });
    expect(await auto.afterStored(f.pageId, ['access-denied'])).toBeNull();
    expect(a.fetched).toHaveLength(1);
  });

  it('runs the automatic check after a page report stores a block', async () => {
    const d = deps();
    await setSetting(d.db, 'autoScopeCheck', true);
    const a = apis(async () => html(WALL));
    const auto = new AutoScope(d, a);
    const done: Array<Promise<unknown>> = [];
    const withAuto: BackgroundDeps = { ...d, afterStored: (pageId, kinds) => void done.push(auto.afterStored(pageId, kinds)) };
    const p = page(1);
    const report = { type: 'page/report', pageId: p.pageId, url: p.url, title: p.title, observedAt: p.observedAt, detections: p.detections };
    expect(await handleMessage(report, { id: 'x', url: p.url, tab: { id: 3 } }, withAuto)).toEqual({ ok: true, stored: 1 });
    await Promise.all(done);
    expect((await d.db.findings.toArray())[0]).toMatchObject({ scope: 'network', scopeCheck: { verdict: 'blocked', kinds: ['access-denied'] } });
  });
});

describe('the scope in exports', () => {
  it('is in the CSV (scope, reason, status, time) and in a bundle that verifies, with report.html naming it', async () => {
    const d = deps();
    await recordPages(d.db, [page(1), page(2)], CTX, newId);
    const [a, b] = await d.db.findings.orderBy('seq').toArray();
    await recordScope(d.db, a!.id, { scope: 'inconclusive', check: { at: '2026-03-20T09:00:00.000Z', status: 200, verdict: 'login', kinds: [], ruleIds: [], redirects: 1, reason: 'login-required' } });
    await recordScope(d.db, b!.id, { scope: 'network', check: { at: '2026-03-20T09:01:00.000Z', status: 403, verdict: 'blocked', kinds: ['access-denied'], ruleIds: ['alibaba.baxia.deny-zh'], redirects: 0 } });
    const rows = Papa.parse<string[]>(toCsv(await d.db.findings.orderBy('seq').toArray(), false), { skipEmptyLines: true }).data;
    const col = (f: string) => rows[0]!.indexOf(f);
    expect(rows[0]!.slice(-4)).toEqual(['scope', 'scopeReason', 'scopeStatus', 'scopeCheckedAt']);
    expect([rows[1]![col('scope')], rows[1]![col('scopeReason')], rows[1]![col('scopeStatus')], rows[1]![col('scopeCheckedAt')]]).toEqual(['inconclusive', 'login-required', '200', '2026-03-20T09:00:00.000Z']);
    expect([rows[2]![col('scope')], rows[2]![col('scopeReason')], rows[2]![col('scopeStatus')]]).toEqual(['network', '', '403']);
    expect(rows[0]).toEqual([...CSV_FIELDS]);

    const signer = await testSigner();
    const tmp = tempDir('scope-bundle');
    try {
      for (const redact of [false, true]) {
        const path = join(tmp.dir, `b-${redact}.zip`);
        await bundleFile(path, sourceOf(d.db, redact), signer);
        expect(await run(['verify', path, '--key', signer.fingerprint])).toMatchObject({ code: 0 });
        const files = unzipSync(readFileSync(path));
        const report = new TextDecoder().decode(files['report.html']!);
        expect(report).toContain('login required');
        expect(report).toContain('需要登录');
        expect(report).toContain('network (the anonymous view is blocked too)');
        expect(new TextDecoder().decode(files['records.ndjson']!)).toContain('"scope":"network"');
      }
      // A JSON export carries the scope on its records and verifies too.
      const json = await signedJson(d.db, false, signer);
      expect(json.records.map((r) => r.scope)).toEqual(['inconclusive', 'network']);
      const jpath = join(tmp.dir, 'e.json');
      writeFileSync(jpath, JSON.stringify(json));
      expect(await run(['verify', jpath, '--key', signer.fingerprint])).toMatchObject({ code: 0 });
      // A record that claims another scope than its chain does not verify.
      const forged = { ...json, records: json.records.map((r, i) => (i === 1 ? { ...r, scope: 'account' } : r)) };
      writeFileSync(jpath, JSON.stringify(forged));
      expect((await run(['verify', jpath, '--key', signer.fingerprint])).code).toBe(1);
    } finally {
      tmp.remove();
    }
  });

  it('is refused in a chain when malformed, and travels with an imported finding', async () => {
    const d = deps();
    const f = await oneFinding(d);
    await recordScope(d.db, f.id, { scope: 'account', check: { at: '2026-03-20T09:00:00.000Z', status: 200, verdict: 'clear', kinds: [], ruleIds: [], redirects: 0 } });
    const chain = await d.db.chain.orderBy('seq').toArray();
    const bad = (data: Record<string, unknown>) => {
      const r = new Replay();
      r.push(chain[0]!);
      r.push({ ...chain[1]!, data } as ChainEntry);
      return r.problem;
    };
    expect(bad({ scope: 'everyone', scopeCheck: chain[1]!.data.scopeCheck })).toMatch(/amended scope is not valid/);
    expect(bad({ scope: 'account' })).toMatch(/with the check that found it/);
    expect(bad({ scope: 'account', scopeCheck: { at: 'soon' } })).toMatch(/amended scopeCheck is not valid/);

    const signer = await testSigner();
    const json = await signedJson(d.db, false, signer);
    const other = deps();
    const plan = await planImport(new TextEncoder().encode(JSON.stringify(json)), 'colleague.json');
    await applyImport(other.db, plan);
    const imported = (await other.db.findings.toArray())[0]!;
    expect(imported).toMatchObject({ origin: 'import', scope: 'account', scopeCheck: { verdict: 'clear' } });
    const replay = new Replay();
    for (const e of await other.db.chain.orderBy('seq').toArray()) expect(replay.push(e), replay.problem ?? '').toBe(true);
    expect(recordDifference(imported as unknown as Record<string, unknown>, replay.records()[0]!)).toBeNull();
  });
});

describe('schema version 4', () => {
  it('opens a version-3 database and indexes the scope of its findings', async () => {
    const name = `scope-v3-${++n}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({ findings: 'id, &key, pageId, observedAt, platform, kind, ruleId, review, seq, [platform+kind]', chain: 'seq, recordId, type', visits: 'id, at, platform', captures: 'id, findingId, at', settings: 'key', coupons: 'id, itemKey, at, visitId, source', keys: 'id' });
    await v3.open();
    await v3.table('findings').add({ id: 'old', key: 'p|access-denied', pageId: 'p', observedAt: '2026-03-20T08:00:00.000Z', platform: 'taobao', kind: 'access-denied', review: 'unreviewed', seq: 1 });
    v3.close();
    const db = new ShutoutDB(name);
    dbs.push(db);
    expect(await db.findings.get('old')).toMatchObject({ id: 'old', kind: 'access-denied' });
    expect(db.verno).toBe(4);
    await db.findings.update('old', { scope: 'network' });
    expect(await db.findings.where('scope').equals('network').primaryKeys()).toEqual(['old']);
  });
});
