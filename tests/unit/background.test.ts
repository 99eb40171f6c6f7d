import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchWriter } from '../../utils/background/batch-writer';
import { observationContext } from '../../utils/background/context';
import { handleMessage, onTabUpdated, type BackgroundDeps, type SenderInfo } from '../../utils/background/handlers';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { ShutoutDB } from '../../utils/storage/db';
import type { PageReport } from '../../utils/protocol/messages';

let deps: BackgroundDeps;
let badges: Map<number, string>;
let n = 0;

beforeEach(() => {
  badges = new Map();
  const database = new ShutoutDB(`test-${++n}`);
  const newId = () => `id-${Math.random().toString(36).slice(2)}`;
  deps = {
    db: database,
    writer: new BatchWriter(database, async () => observationContext({ extensionVersion: '0.1.0', userAgent: 'Mozilla/5.0 Chrome/156.0.8078.79 Safari/537.36', uiLanguage: 'zh-CN', profileLabel: 'work laptop' }), newId),
    runtimeId: 'ext-id',
    extensionOrigin: 'chrome-extension://ext-id/',
    tabs: memoryTabStatusStore(),
    async setBadge(tabId, text) {
      badges.set(tabId, text);
    },
    newId: () => `id-${Math.random().toString(36).slice(2)}`,
  };
});
afterEach(async () => {
  await deps.db.delete();
});

const url = 'https://item.taobao.com/_____tmd_____/punish?x5secdata=1';
const fromPage: SenderInfo = { id: 'ext-id', url, tab: { id: 7, url } };
const fromPopup: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

const report = (over: Partial<PageReport> = {}): PageReport => ({
  type: 'page/report',
  pageId: 'page-0000-0001',
  url,
  title: '访问被拒绝',
  observedAt: '2026-03-20T08:00:00.000Z',
  detections: [
    { kind: 'access-denied', platform: 'taobao', ruleId: 'alibaba.baxia.deny', rulesetVersion: '1', snippet: '亲，访问被拒绝', where: 'text', confidence: 0.9 },
  ],
  ...over,
});

describe('background message handling', () => {
  it('stores a finding as a record and acknowledges it', async () => {
    expect(await handleMessage(report(), fromPage, deps)).toEqual({ ok: true, stored: 1 });
    const [rec] = await deps.db.findings.toArray();
    expect(rec).toMatchObject({ pageUrl: url, pageTitle: '访问被拒绝', platform: 'taobao', kind: 'access-denied', ruleId: 'alibaba.baxia.deny', snippet: '亲，访问被拒绝', count: 1, browser: 'Chrome 156.0.8078.79', uiLanguage: 'zh-CN', profileLabel: 'work laptop', extensionVersion: '0.1.0', review: 'unreviewed', seq: 1 });
    expect(rec!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(badges.get(7)).toBe('1');
  });

  it('turns retries and repeated reports of one page load into one record', async () => {
    await handleMessage(report(), fromPage, deps);
    expect(await handleMessage(report(), fromPage, deps)).toEqual({ ok: true, stored: 0 });
    await handleMessage(report({ pageId: 'page-0000-0002' }), fromPage, deps);
    expect(await deps.db.findings.count()).toBe(2);
  });

  it('refuses messages from other extensions, malformed messages and forged URLs', async () => {
    expect(await handleMessage(report(), { ...fromPage, id: 'other' }, deps)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'page/report', pageId: 'x' }, fromPage, deps)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'nope' }, fromPage, deps)).toMatchObject({ ok: false });
    expect(await handleMessage(null, fromPage, deps)).toMatchObject({ ok: false });
    // A page on one site cannot file findings under another site's URL.
    expect(await handleMessage(report({ url: 'https://www.jd.com/' }), fromPage, deps)).toMatchObject({ ok: false });
    const evil = 'https://evil.example/';
    expect(await handleMessage(report({ url: evil }), { id: 'ext-id', url: evil, tab: { id: 1 } }, deps)).toMatchObject({ ok: false });
    expect(await handleMessage(report(), { id: 'ext-id', url }, deps)).toMatchObject({ ok: false });
    expect(await deps.db.findings.count()).toBe(0);
  });

  it('answers the popup with the tab status, and only the extension\'s pages', async () => {
    await handleMessage(report(), fromPage, deps);
    const res = await handleMessage({ type: 'tab/status', tabId: 7 }, fromPopup, deps);
    expect(res).toMatchObject({ ok: true, status: { tabId: 7, platform: 'taobao', detections: [{ kind: 'access-denied' }] } });
    expect(await handleMessage({ type: 'tab/status', tabId: 7 }, fromPage, deps)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'tab/status', tabId: 99 }, fromPopup, deps)).toEqual({ ok: true, status: null });
  });

  it('records a clean page as clear without storing anything', async () => {
    expect(await handleMessage(report({ detections: [] }), fromPage, deps)).toEqual({ ok: true, stored: 0 });
    expect(await deps.db.findings.count()).toBe(0);
    expect(badges.get(7)).toBe('');
  });

  it('forgets a page\'s status once the tab shows another site, which sends no report to replace it', async () => {
    await handleMessage(report(), fromPage, deps);
    const shown = new Map<number, string | undefined>([[7, url]]);
    deps.tabUrl = async (id) => shown.get(id);
    expect(await handleMessage({ type: 'tab/status', tabId: 7 }, fromPopup, deps)).toMatchObject({ ok: true, status: { pageId: 'page-0000-0001' } });
    // The same site, another page: its own report follows at once; until then the status stands.
    shown.set(7, 'https://item.taobao.com/item.htm?id=2');
    expect(await handleMessage({ type: 'tab/status', tabId: 7 }, fromPopup, deps)).toMatchObject({ ok: true, status: { pageId: 'page-0000-0001' } });
    // A site the extension does not cover: the browser does not even say which.
    shown.set(7, undefined);
    expect(await handleMessage({ type: 'tab/status', tabId: 7 }, fromPopup, deps)).toEqual({ ok: true, status: null });
    shown.set(7, 'https://www.example.com/');
    expect(await handleMessage({ type: 'tab/status', tabId: 7 }, fromPopup, deps)).toEqual({ ok: true, status: null });
  });

  it('clears a tab\'s status on every load, also when the browser does not name the new URL', async () => {
    await handleMessage(report(), fromPage, deps);
    await onTabUpdated(deps, 7, { title: 'x' } as { status?: string });
    expect(await deps.tabs.get(7)).not.toBeNull();
    await onTabUpdated(deps, 7, { status: 'loading' });
    expect(await deps.tabs.get(7)).toBeNull();
  });
});
