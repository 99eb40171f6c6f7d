/**
 * What a page can make the background store (issue 14, item 4): page loads per tab per minute, tap
 * findings per page load, tap findings the browser did not see marked page-supplied, and the
 * retention setting applied to visits and the coupon ledger too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchWriter } from '../../utils/background/batch-writer';
import { PAGE_LOADS_PER_MINUTE, TAP_FINDINGS_PER_PAGE } from '../../utils/background/budgets';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { NetworkWatch } from '../../utils/background/network';
import { applyRetention } from '../../utils/background/retention';
import { memoryStore } from '../../utils/background/session-store';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { builtinRuleSet } from '../../utils/detect/index';
import { KINDS } from '../../utils/detect/kinds';
import { recordPages } from '../../utils/evidence/store';
import { ShutoutDB } from '../../utils/storage/db';
import { CTX, page } from './evidence-helpers';

const TAB = 9;
const ITEM = 'https://item.taobao.com/item.htm?id=600000000001';
const API = 'https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/?data=1';
const NOW = new Date('2026-12-04T12:00:00.000Z');

let deps: BackgroundDeps;
let network: NetworkWatch;
let n = 0;
let ids = 0;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  const db = new ShutoutDB(`budgets-${++n}`);
  const newId = () => `id-${++ids}`;
  deps = { db, runtimeId: 'ext', extensionOrigin: 'chrome-extension://ext/', tabs: memoryTabStatusStore(), setBadge: async () => {}, newId, writer: new BatchWriter(db, async () => CTX, newId) };
  network = new NetworkWatch(deps, () => builtinRuleSet(), memoryStore());
  deps.network = network;
});
afterEach(async () => {
  vi.useRealTimers();
  await deps.db.delete();
});

/** A detection as the content script reports an API answer the tap relayed. */
const tapped = (kind = 'risk-challenge', url = API, status = 200) => ({
  kind,
  platform: 'taobao',
  ruleId: `alibaba.tap.${kind}`,
  rulesetVersion: '1',
  snippet: 'RGV587_ERROR::SM::哎哟喂,被挤爆啦',
  where: 'network',
  confidence: 0.9,
  answer: { url, status },
});

const report = (pageId: string, url: string, detections: unknown[]) =>
  handleMessage({ type: 'page/report', pageId, url, title: '', observedAt: new Date().toISOString(), detections }, { id: 'ext', url, tab: { id: TAB, url } }, deps);

describe('a page that changes its address in a loop and posts tap messages', () => {
  it(`records at most ${PAGE_LOADS_PER_MINUTE} page loads a minute in a tab, and shows the latest on the tab`, async () => {
    const answers = [];
    for (let i = 0; i < 200; i++) answers.push(await report(`page-flood-${String(i).padStart(4, '0')}`, `${ITEM}&p=${i}`, [tapped()]));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => 'limited' in a && a.limited)).toHaveLength(200 - PAGE_LOADS_PER_MINUTE);
    expect(await deps.db.visits.count()).toBe(PAGE_LOADS_PER_MINUTE);
    expect(await deps.db.findings.count()).toBe(PAGE_LOADS_PER_MINUTE);
    expect((await deps.tabs.get(TAB))?.url).toBe(`${ITEM}&p=199`);
    // An admitted page load's later reports still count; a new one waits for the minute to pass.
    expect(await report('page-flood-0000', `${ITEM}&p=0`, [tapped(), tapped('access-denied')])).toEqual({ ok: true, stored: 1 });
    vi.setSystemTime(NOW.getTime() + 60_000);
    expect(await report('page-later-0001', `${ITEM}&p=later`, [])).toEqual({ ok: true, stored: 0 });
    expect(await deps.db.visits.count()).toBe(PAGE_LOADS_PER_MINUTE + 1);
  });

  it('gives the budget of one tab to that tab only', async () => {
    for (let i = 0; i < PAGE_LOADS_PER_MINUTE + 5; i++) await report(`page-flood-${String(i).padStart(4, '0')}`, `${ITEM}&p=${i}`, []);
    const other = await handleMessage({ type: 'page/report', pageId: 'page-other-0001', url: ITEM, title: '', observedAt: new Date().toISOString(), detections: [tapped()] }, { id: 'ext', url: ITEM, tab: { id: TAB + 1, url: ITEM } }, deps);
    expect(other).toEqual({ ok: true, stored: 1 });
  });

  it(`records at most ${TAP_FINDINGS_PER_PAGE} kinds of tap findings per page load`, async () => {
    const kinds = KINDS.filter((k) => k !== 'coupon-missing').slice(0, 6);
    expect(await report('page-0000-0001', ITEM, kinds.map((k) => tapped(k)))).toEqual({ ok: true, stored: TAP_FINDINGS_PER_PAGE });
    expect((await deps.db.findings.toArray()).map((r) => r.kind).sort()).toEqual(kinds.slice(0, TAP_FINDINGS_PER_PAGE).sort());
    // Text the page shows is no tap finding: it still counts.
    const text = { kind: kinds[5], platform: 'taobao', ruleId: 'alibaba.baxia.deny-zh', rulesetVersion: '1', snippet: '亲，访问被拒绝', where: 'text', confidence: 0.9 };
    expect(await report('page-0000-0001', ITEM, [...kinds.map((k) => tapped(k)), text])).toEqual({ ok: true, stored: 1 });
  });
});

describe('a tap finding', () => {
  it('is marked page-supplied at half its confidence when the browser saw no such answer', async () => {
    await report('page-0000-0001', ITEM, [tapped()]);
    const [r] = await deps.db.findings.toArray();
    expect(r).toMatchObject({ where: 'network', confidence: 0.45, basis: 'page-supplied' });
    expect(r).not.toHaveProperty('answer');
  });

  it('keeps its confidence when the browser saw an answer from that address with that status in the tab', async () => {
    await network.onResponse({ requestId: 'x1', tabId: TAB, type: 'xmlhttprequest', url: API, statusCode: 200, responseHeaders: [], timeStamp: Date.now() });
    await report('page-0000-0001', ITEM, [tapped()]);
    // Another status, another tab: not the answer the browser saw.
    await report('page-0000-0002', `${ITEM}&b=1`, [tapped('risk-challenge', API, 403)]);
    await handleMessage({ type: 'page/report', pageId: 'page-0000-0003', url: ITEM, title: '', observedAt: new Date().toISOString(), detections: [tapped()] }, { id: 'ext', url: ITEM, tab: { id: TAB + 1, url: ITEM } }, deps);
    const byPage = Object.fromEntries((await deps.db.findings.toArray()).map((r) => [r.pageId, r]));
    expect(byPage['page-0000-0001']).toMatchObject({ confidence: 0.9 });
    expect(byPage['page-0000-0001']!.basis).toBeUndefined();
    expect(byPage['page-0000-0002']).toMatchObject({ confidence: 0.45, basis: 'page-supplied' });
    expect(byPage['page-0000-0003']).toMatchObject({ confidence: 0.45, basis: 'page-supplied' });
  });
});

describe('coupon visits of a flooding page', () => {
  it('add no ledger rows beyond the page-load budget', async () => {
    const scan = { platform: 'taobao', itemId: '600000000001', url: ITEM, state: 'empty', offers: [] };
    for (let i = 0; i < PAGE_LOADS_PER_MINUTE + 20; i++) {
      const url = `${ITEM}&p=${i}`;
      await handleMessage({ type: 'coupons/visit', pageId: `page-c-${String(i).padStart(4, '0')}`, url, observedAt: new Date().toISOString(), scan: { ...scan, url } }, { id: 'ext', url, tab: { id: TAB, url } }, deps);
    }
    expect(await deps.db.coupons.count()).toBe(PAGE_LOADS_PER_MINUTE);
  });
});

describe('retention', () => {
  it('removes visits and coupon ledger rows older than the setting, with the findings', async () => {
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * day).toISOString();
    await recordPages(deps.db, [page(1, undefined, { observedAt: at(40) }), page(2, undefined, { observedAt: at(10) }), page(3, [], { observedAt: at(45) })], CTX, () => `id-${++ids}`);
    await deps.db.coupons.bulkPut(
      (['visit', 'control', 'import'] as const).flatMap((source, i) => [
        { id: `old-${source}`, itemKey: 'taobao:1', at: at(31 + i), visitId: null, source, profileLabel: '', data: {} },
        { id: `new-${source}`, itemKey: 'taobao:1', at: at(29 - i), visitId: null, source, profileLabel: '', data: {} },
      ]),
    );
    expect(await applyRetention(deps.db, 30, NOW)).toEqual({ findings: 1, visits: 2, coupons: 3 });
    expect((await deps.db.visits.toArray()).map((v) => v.id)).toEqual(['page-000002']);
    expect((await deps.db.coupons.toArray()).map((c) => c.id).sort()).toEqual(['new-control', 'new-import', 'new-visit']);
    expect(await applyRetention(deps.db, 0, NOW)).toEqual({ findings: 0, visits: 0, coupons: 0 });
    expect(await deps.db.visits.count()).toBe(1);
  });
});
