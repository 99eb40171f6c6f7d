/**
 * What a finding rests on (issue 14, item 7): an address alone, planted by a link on another site,
 * is kept at a lower confidence with the navigation's initiator; the network's findings of a frame
 * of another company are not filed under the tab's page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchWriter } from '../../utils/background/batch-writer';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { NetworkWatch, type ResponseEvent } from '../../utils/background/network';
import { memoryStore } from '../../utils/background/session-store';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { builtinRuleSet } from '../../utils/detect/index';
import { scanPage } from '../../utils/detect/engine';
import type { Segment } from '../../utils/detect/types';
import { ShutoutDB } from '../../utils/storage/db';
import { CTX } from './evidence-helpers';

const TAB = 5;
const WALL = 'https://item.taobao.com/_____tmd_____/punish?x5secdata=1&x5step=1&action=captcha';
const ITEM = 'https://item.taobao.com/item.htm?id=600000000001';
const rules = builtinRuleSet();

let deps: BackgroundDeps;
let network: NetworkWatch;
let n = 0;
let ids = 0;
let requests = 0;

beforeEach(() => {
  const db = new ShutoutDB(`trust-${++n}`);
  const newId = () => `id-${++ids}`;
  deps = { db, runtimeId: 'ext', extensionOrigin: 'chrome-extension://ext/', tabs: memoryTabStatusStore(), setBadge: async () => {}, newId, writer: new BatchWriter(db, async () => CTX, newId) };
  network = new NetworkWatch(deps, () => rules, memoryStore());
  deps.network = network;
});
afterEach(() => deps.db.delete());

/** The browser loads `url` in the tab (a main-frame response), started by `initiator`. */
const load = (url: string, initiator?: string, over: Partial<ResponseEvent> = {}) =>
  network.onResponse({ requestId: `r${++requests}`, tabId: TAB, type: 'main_frame', url, statusCode: 200, responseHeaders: [{ name: 'content-type', value: 'text/html' }], initiator, timeStamp: Date.now() - 1000, ...over });

/** The page's content script reports what it sees: its address and its text. */
const report = (url: string, pageId: string, segments: Segment[] = [], tab = TAB, referrer?: string) =>
  handleMessage(
    { type: 'page/report', pageId, url, title: '', observedAt: new Date().toISOString(), detections: scanPage(rules, { url, segments }), ...(referrer ? { referrer } : {}) },
    { id: 'ext', url, tab: { id: tab, url } },
    deps,
  );

const records = () => deps.db.findings.toArray();
const slider: Segment[] = [{ where: 'dialog', text: '亲，请拖动下方滑块完成验证' }];

describe('a finding only the address makes', () => {
  it('is kept at half its confidence, with the site that sent the browser there, when the page shows nothing', async () => {
    // Chrome names a navigation's initiator only where the extension has host access: the referrer tells the rest.
    await load(WALL);
    expect(await report(WALL, 'page-0000-0001', [], TAB, 'https://evil.example/deals.html')).toEqual({ ok: true, stored: 1 });
    expect(await records()).toEqual([expect.objectContaining({ ruleId: 'alibaba.baxia.url-captcha', where: 'url', confidence: 0.45, basis: 'url-only', initiator: 'https://evil.example' })]);
    expect((await deps.tabs.get(TAB))?.detections).toEqual([expect.objectContaining({ confidence: 0.45, basis: 'url-only' })]);
  });

  it('keeps an origin only, never the full address of the page that sent it', async () => {
    await load(WALL, 'https://evil.example/some/path?user=me');
    await report(WALL, 'page-0000-0001');
    await report(`${WALL}&b=1`, 'page-0000-0002', [], TAB + 1, 'https://evil.example/other?user=me');
    expect((await records()).map((r) => r.initiator)).toEqual(['https://evil.example', 'https://evil.example']);
  });

  it('is not lowered when the platform\'s own page linked to it, as the referrer says', async () => {
    await load(WALL);
    await report(WALL, 'page-0000-0001', [], TAB, 'https://s.taobao.com/search?q=x');
    expect(await records()).toEqual([expect.objectContaining({ confidence: 0.9, initiator: 'https://s.taobao.com' })]);
  });

  it('is lowered for an address typed or bookmarked, and for a load the background did not see', async () => {
    await load(WALL);
    await report(WALL, 'page-0000-0001');
    // Another tab, whose load came before the worker listened.
    await report(`${WALL}&other=1`, 'page-0000-0002', [], TAB + 1);
    const [typed, unseen] = (await records()).sort((a, b) => a.pageId.localeCompare(b.pageId));
    expect(typed).toMatchObject({ confidence: 0.45, basis: 'url-only' });
    expect(unseen).toMatchObject({ confidence: 0.45, basis: 'url-only' });
    expect(typed!.initiator).toBeUndefined();
    expect(unseen!.initiator).toBeUndefined();
  });

  it('keeps its confidence when the page shows the wall too', async () => {
    await load(WALL, 'https://evil.example');
    await report(WALL, 'page-0000-0001', slider);
    const [r] = await records();
    expect(r).toMatchObject({ kind: 'risk-challenge', confidence: expect.any(Number) });
    expect(r!.confidence).toBeGreaterThan(0.5);
    expect(r!.basis).toBeUndefined();
  });

  it('keeps its confidence when the platform itself sent the browser there (a script\'s redirect, an in-app navigation, a server redirect)', async () => {
    await load(WALL, 'https://www.taobao.com');
    await report(WALL, 'page-0000-0001');
    // The same document changes its own address to a wall's (history API): a new page id.
    await report(`${WALL}&step=2`, 'page-0000-0002');
    await load(ITEM, 'https://evil.example', { statusCode: 302, responseHeaders: [{ name: 'location', value: `${WALL}&srv=1` }] });
    await report(`${WALL}&srv=1`, 'page-0000-0003');
    const byPage = Object.fromEntries((await records()).map((r) => [r.pageId, r]));
    expect(byPage['page-0000-0001']).toMatchObject({ confidence: 0.9, initiator: 'https://www.taobao.com' });
    expect(byPage['page-0000-0002']).toMatchObject({ confidence: 0.9, initiator: 'https://item.taobao.com' });
    expect(byPage['page-0000-0003']).toMatchObject({ where: 'network', confidence: 0.9 });
    for (const r of Object.values(byPage)) expect(r.basis).toBeUndefined();
  });
});

describe('network findings of frames', () => {
  const respond = (over: Partial<ResponseEvent>) =>
    network.onResponse({ requestId: `r${++requests}`, tabId: TAB, type: 'sub_frame', url: 'https://www.xiaohongshu.com/explore', statusCode: 461, responseHeaders: [{ name: 'Verifytype', value: '102' }], timeStamp: Date.now(), ...over });
  const bxpunish = { type: 'xmlhttprequest', url: 'https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/', statusCode: 200, responseHeaders: [{ name: 'bxpunish', value: '1' }] };

  beforeEach(async () => {
    await load(ITEM, 'https://www.taobao.com');
    await report(ITEM, 'page-0000-0001');
  });

  it('are not filed under the page when the frame belongs to another company', async () => {
    // An ad frame from Xiaohongshu on a Taobao page, a request made from inside it, and a request
    // to Taobao's own API made from inside it.
    expect(await respond({ initiator: 'https://item.taobao.com' })).toEqual([]);
    expect(await respond({ type: 'xmlhttprequest', url: 'https://edith.xiaohongshu.com/api/sns/web/v1/feed', initiator: 'https://www.xiaohongshu.com' })).toEqual([]);
    expect(await respond({ ...bxpunish, initiator: 'https://www.xiaohongshu.com' })).toEqual([]);
    expect(await respond({ ...bxpunish, initiator: undefined, documentUrl: 'https://www.xiaohongshu.com/explore' })).toEqual([]);
    expect(await records()).toEqual([]);
    expect((await deps.tabs.get(TAB))?.detections).toEqual([]);
  });

  it('are kept when they come before the page\'s first report, and join its record; another company\'s are not', async () => {
    await load(`${ITEM}&early=1`, 'https://www.taobao.com');
    await respond({ initiator: 'https://item.taobao.com' });
    expect(await respond({ ...bxpunish, initiator: 'https://item.taobao.com' })).toHaveLength(1);
    await report(`${ITEM}&early=1`, 'page-0000-0002');
    expect(await records()).toEqual([expect.objectContaining({ ruleId: 'alibaba.baxia.bxpunish-header', pageId: 'page-0000-0002', pageUrl: `${ITEM}&early=1` })]);
  });

  it('are filed under the page when the page\'s own company answered its own request', async () => {
    const found = await respond({ ...bxpunish, initiator: 'https://item.taobao.com' });
    expect(found.map((d) => d.ruleId)).toEqual(['alibaba.baxia.bxpunish-header']);
    expect(await records()).toEqual([expect.objectContaining({ ruleId: 'alibaba.baxia.bxpunish-header', pageId: 'page-0000-0001', pageUrl: ITEM })]);
  });
});
