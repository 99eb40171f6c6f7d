import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchWriter } from '../../utils/background/batch-writer';
import { anonymousView } from '../../utils/background/anonymous-view';
import { handleCouponControl, type ControlApis } from '../../utils/background/coupons';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { extractCoupons } from '../../utils/coupons/index';
import { directReader } from '../../utils/reader/read';
import { parseWithLinkedom } from '../../cli/html';
import { ShutoutDB } from '../../utils/storage/db';
import { CTX, newId } from './evidence-helpers';

const URL_ = 'https://item.taobao.com/item.htm?id=738259061234';
const present = readFileSync(join(import.meta.dirname, '../fixtures/coupons/taobao/present.html'), 'utf8');
const oneLess = present.replace(/<div class="couponWrap--SmJ4TKnR"><span class="couponText--dhGyCUIp" title="跨店每满300减50">跨店每满300减50<\/span><\/div>/, '');
// The page reader as the extension runs it (utils/reader), with linkedom for the browser's DOMParser.
const reader = directReader(parseWithLinkedom);
const scan = (html: string) => extractCoupons(parseHTML(html).document as unknown as ParentNode, URL_)!;

let db: ShutoutDB;
let n = 0;
afterEach(async () => db?.delete());

function deps(): BackgroundDeps {
  db = new ShutoutDB(`control-${++n}`);
  return { db, runtimeId: 'x', extensionOrigin: 'chrome-extension://x/', tabs: memoryTabStatusStore(), setBadge: async () => {}, newId, writer: new BatchWriter(db, async () => CTX, newId) };
}

function apis(tabUrl: string | undefined, fetch: (url: string, init: RequestInit) => Promise<Response>): ControlApis {
  return {
    tabUrl: async () => tabUrl,
    anonymousView: (url) => anonymousView(url, { fetch }),
    extract: (html, url) => reader.extractCoupons(html, url),
  };
}

describe('the logged-out control view', () => {
  it('stores what a logged-out visitor is served and records what this profile misses against it', async () => {
    const d = deps();
    const visit = { type: 'coupons/visit', pageId: 'page-0000-0001', url: URL_, observedAt: new Date().toISOString(), scan: { ...scan(oneLess), unparsed: undefined } };
    expect(await handleMessage(visit, { id: 'x', url: URL_, tab: { id: 4 } }, d)).toEqual({ ok: true, missing: 0 });
    const fetched: Array<{ url: string; init: RequestInit }> = [];
    const res = await handleCouponControl(4, d, apis(URL_, async (url, init) => (fetched.push({ url, init }), new Response(present, { headers: { 'content-type': 'text/html; charset=utf-8' } }))));
    expect(fetched).toEqual([{ url: URL_, init: expect.objectContaining({ method: 'GET', credentials: 'omit', redirect: 'manual' }) }]);
    expect(res).toMatchObject({ ok: true, state: 'present', missing: 1 });
    const control = await db.coupons.where('source').equals('control').toArray();
    expect(control).toEqual([expect.objectContaining({ baselineName: 'logged-out visitor' })]);
    const findings = await db.findings.toArray();
    expect(findings).toEqual([expect.objectContaining({ kind: 'coupon-missing', ruleId: 'coupons.missing.control', pageId: 'page-0000-0001', snippet: expect.stringContaining('logged-out view "logged-out visitor"') })]);
  });

  it('is the scope check of the item\'s coupon-missing findings: an offer the logged-out view still shows is scoped `account`', async () => {
    const d = deps();
    // A first visit sees every offer; the second misses one: a coupon-missing finding (history).
    for (const [i, html] of [present, oneLess].entries()) {
      const visit = { type: 'coupons/visit', pageId: `page-0000-000${i + 1}`, url: URL_, observedAt: new Date(Date.UTC(2026, 2, 20, 8, i)).toISOString(), scan: { ...scan(html), unparsed: undefined } };
      await handleMessage(visit, { id: 'x', url: URL_, tab: { id: 4 } }, d);
    }
    expect((await db.findings.toArray()).map((f) => f.ruleId)).toEqual(['coupons.missing.history']);
    const withRules = { ...apis(URL_, async () => new Response(present, { headers: { 'content-type': 'text/html; charset=utf-8' } })), readView: (view) => reader.readView(view, {}) } satisfies ControlApis;
    // The offer is already on record as missing: the control view adds no second finding, it scopes the first.
    expect(await handleCouponControl(4, d, withRules)).toMatchObject({ ok: true, missing: 0 });
    const findings = await db.findings.toArray();
    expect(findings.map((f) => [f.ruleId, f.scope, f.scopeCheck?.offerShown, f.scopeCheck?.verdict])).toEqual([
      ['coupons.missing.history', 'account', true, 'clear'],
    ]);
    // Recorded as an amendment: the finding's own entry stands.
    expect((await db.chain.where('type').equals('amendment').toArray()).map((e) => e.data.scope)).toEqual(['account']);
  });

  it('says so when the logged-out page cannot be loaded, and changes nothing', async () => {
    const d = deps();
    const res = await handleCouponControl(4, d, apis(URL_, async () => Promise.reject(new Error('net::ERR_FAILED'))));
    expect(res).toEqual({ ok: false, error: 'the logged-out view could not be loaded: net::ERR_FAILED' });
    expect(await db.coupons.count()).toBe(0);
  });

  it.each([
    ['an intranet address', 'http://192.168.1.1/item.htm?id=738259061234'],
    ['a local file', 'file:///etc/passwd'],
    ['another site', 'https://evil.example/item.htm?id=738259061234'],
    ['a lookalike host', 'https://item.taobao.com.evil.example/item.htm?id=738259061234'],
    ['a covered page that is not an item page', 'https://www.taobao.com/'],
    ['a tab whose URL the extension may not see', undefined],
  ])('fetches nothing for %s', async (_, tabUrl) => {
    const d = deps();
    const fetched: string[] = [];
    const res = await handleCouponControl(4, d, apis(tabUrl, async (url) => (fetched.push(url), new Response(present))));
    expect(res).toEqual({ ok: false, error: 'the tab does not show an item page whose coupons Shutout reads' });
    expect(fetched).toEqual([]);
    expect(await db.coupons.count()).toBe(0);
  });

  it('follows a redirect on the platform and refuses one off it, without requesting it', async () => {
    const d = deps();
    const fetched: string[] = [];
    const server = (to: string) => async (url: string) => {
      fetched.push(url);
      return url === URL_ ? new Response(null, { status: 302, headers: { location: to } }) : new Response(present, { headers: { 'content-type': 'text/html' } });
    };
    expect(await handleCouponControl(4, d, apis(URL_, server('https://detail.tmall.com/item.htm?id=738259061234')))).toMatchObject({ ok: true, state: 'present' });
    expect(fetched).toEqual([URL_, 'https://detail.tmall.com/item.htm?id=738259061234']);
    fetched.length = 0;
    const res = await handleCouponControl(4, d, apis(URL_, server('http://10.0.0.1/admin')));
    expect(res).toEqual({ ok: false, error: 'the logged-out view could not be loaded: the page redirected off the platform, to http://10.0.0.1/admin' });
    expect(fetched).toEqual([URL_]);
  });

  it('reads at most the byte cap and refuses a page cut short by it', async () => {
    const d = deps();
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1 << 20).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    const res = await handleCouponControl(4, d, apis(URL_, async () => new Response(endless, { headers: { 'content-type': 'text/html' } })));
    expect(res).toEqual({ ok: false, error: 'the logged-out view could not be loaded: the page is larger than 8 MiB' });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(11);
    expect(await db.coupons.count()).toBe(0);
  });

  it('refuses coupon visits whose URL is not the sender page', async () => {
    const d = deps();
    const visit = { type: 'coupons/visit', pageId: 'page-0000-0001', url: URL_, observedAt: new Date().toISOString(), scan: scan(present) };
    expect(await handleMessage(visit, { id: 'x', url: 'https://www.jd.com/', tab: { id: 4 } }, d)).toMatchObject({ ok: false });
    expect(await db.coupons.count()).toBe(0);
  });
});
