/**
 * The essentials in Debian's Firefox ESR with the built add-on (scripts/lib/firefox.ts): pages at
 * their real marketplace URLs, the popup and its export, the page-world tap. Every wait is for a
 * condition; "nothing more" is checked once the page's document is gone (the tab has moved on and
 * the next page's scan is stored), so that no late report can still arrive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser';
import { demoPages } from '../../scripts/lib/demo-pages';
import { launchFirefox, type FirefoxSession, type Route } from '../../scripts/lib/firefox';

const DEMO = join(ROOT, 'tests/fixtures/demo');
const FIX = join(ROOT, 'tests/fixtures/e2e');
const pages = demoPages();
const wall = pages.find((p) => p.file === 'taobao-deny.html')!;
const clean = pages.find((p) => p.file === 'taobao-item.html')!;
const amazon = pages.find((p) => p.file === 'amazon-clean.html')!;
const demoRoutes: Route[] = pages.map((p) => ({ url: p.url, file: join(DEMO, p.file) }));

let session: FirefoxSession | undefined;
afterEach(async () => {
  // Closes Firefox, the proxy and the site, and removes the profile, also when a test failed.
  await session?.close();
  session = undefined;
});

async function start(routes: Route[] = [], hosts: string[] = []): Promise<FirefoxSession> {
  session = await launchFirefox({ routes: [...demoRoutes, ...routes], hosts });
  return session;
}

/** Move the tab on to a clean page and wait for its scan: the previous document can report no more. */
async function leave(s: FirefoxSession, page: Page): Promise<void> {
  await page.goto(amazon.url);
  await s.waitForScan(page);
}

describe('the add-on in Firefox ESR', () => {
  it('records a wall page once and a clean page not at all', async () => {
    const s = await start();
    const page = await s.newPage();
    await page.goto(clean.url);
    expect((await s.waitForScan(page)).detections).toEqual([]);
    expect(await s.rows('findings')).toEqual([]);

    await page.goto(wall.url);
    await s.waitForRecords((r) => r.length >= 1);
    await leave(s, page);
    const records = await s.rows('findings');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'access-denied', platform: 'taobao', pageUrl: wall.url });
    expect(String(records[0]!.snippet)).toContain('访问被拒绝');
  });

  it('records a toast that appears 2 s after load, once, amid ordinary DOM changes', async () => {
    const url = 'https://item.jd.com/100000000001.html';
    const s = await start([{ url, file: join(FIX, 'late-toast.html') }]);
    const page = await s.newPage();
    await page.goto(url);
    const [first] = await s.waitForRecords((r) => r.length >= 1);
    expect(first).toMatchObject({ kind: 'promotion-denied', platform: 'jd', where: 'dialog', pageUrl: url });
    await leave(s, page);
    expect(await s.rows('findings')).toHaveLength(1);
  });

  it('records a page left while it was still loading, before the engine came (the bootstrap hands its HTML over)', async () => {
    // The watch script runs at document_idle; a script that never arrives holds the parser, so only
    // the document_start bootstrap is there when the tab moves on.
    const url = 'https://item.taobao.com/item.htm?id=800000000005';
    const held: Array<() => void> = [];
    const s = await start([
      { url: 'https://item.taobao.com/held.js', handle: (_req, res) => void held.push(() => res.writeHead(404).end()) },
      {
        url,
        body:
          '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>淘宝网</title></head><body>' +
          '<div id="baxia-punish" class="baxia-punish deny pc"><div class="warn">亲，访问被拒绝</div><p>请检查是否使用了代理软件或 VPN 哦~</p></div>' +
          '<script src="https://item.taobao.com/held.js"></script><p>never parsed</p></body></html>',
      },
    ]);
    const page = await s.newPage();
    // The navigation never finishes loading: its promise is left to settle when the tab moves on.
    void page.goto(url).catch(() => {});
    await page.waitForSelector('#baxia-punish');
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    await leave(s, page);
    held.forEach((end) => end());
    const records = await s.waitForRecords((r) => r.length >= 1);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'access-denied', platform: 'taobao', pageUrl: url, pageTitle: '淘宝网' });
  });

  it('lists the record in the popup and downloads the JSON export', async () => {
    const s = await start();
    const page = await s.newPage();
    await page.goto(wall.url);
    await s.waitForRecords((r) => r.length === 1);
    const popup = await s.openPopup(await s.tabIdOf(page));
    await popup.waitForSelector('[data-testid="status"][data-state="blocked"]');
    await popup.waitForSelector('[data-testid="count"][data-count="1"]');
    const listed = await popup.$$eval('[data-testid="records"] li', (items) => items.map((li) => li.textContent ?? ''));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('访问被拒绝');

    await popup.click('[data-testid="export-json"]');
    const file = await s.waitForDownload(/^shutout-export-\d{8}-\d{6}\.json$/);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    // Format 2; the chain holds the installation's signing key entry, then the finding.
    expect(data).toMatchObject({ format: 'shutout-evidence', version: 2, chain: { length: 2 } });
    expect(data.records).toHaveLength(1);
    // Redaction is on by default: the wall's URL keeps its place but not its token.
    expect(data.records[0]).toMatchObject({ kind: 'access-denied', ruleId: expect.any(String) });
    const exportedUrl = new URL(data.records[0].pageUrl);
    expect(exportedUrl.origin + exportedUrl.pathname).toBe(new URL(wall.url).origin + new URL(wall.url).pathname);
    expect(data.records[0].pageUrl).not.toContain('x5secdata=demo');
  });

  it('sees a block in an API answer through the page-world tap, which leaves no trace on the page', async () => {
    const url = 'https://item.taobao.com/item.htm?id=600000000003';
    // The page's own first script declares the names the tap once put on window, then calls the API.
    const html = readFileSync(join(FIX, 'api-block.html'), 'utf8').replace(
      '<script>',
      '<script>const tap = 1; const __shutoutTap = 2; window.pageScriptRan = tap + __shutoutTap;\n',
    );
    const s = await start([
      { url, body: html },
      {
        url: /^https:\/\/h5api\.m\.taobao\.com\//,
        body: '{"api":"mtop.taobao.detail.getdetail","v":"6.0","ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试!"],"data":{}}',
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': 'https://item.taobao.com' },
      },
    ]);
    const page = await s.newPage();
    await page.goto(url);
    const [record] = await s.waitForRecords((r) => r.length >= 1);
    expect(record).toMatchObject({ kind: 'risk-challenge', platform: 'taobao', where: 'network', pageUrl: url });
    expect(String(record!.snippet)).toContain('RGV587_ERROR');

    const seen = await page.evaluate(() => ({
      ran: (window as unknown as { pageScriptRan?: number }).pageScriptRan,
      names: Object.getOwnPropertyNames(window).filter((n) => /shutout|^tap/i.test(n)),
      fetch: fetch.toString(),
      send: XMLHttpRequest.prototype.send.toString(),
      toString: Function.prototype.toString.toString(),
      // The page has one script of its own; nothing was added to the document.
      scripts: document.scripts.length,
    }));
    const native = (name: string) => new RegExp(`^function ${name}\\(\\) \\{\\s+\\[native code\\]\\s+\\}$`);
    expect(seen).toMatchObject({ ran: 3, names: [], scripts: 1 });
    expect(seen.fetch).toMatch(native('fetch'));
    expect(seen.send).toMatch(native('send'));
    expect(seen.toString).toMatch(native('toString'));
  });

  it('scopes a block `network` by reading the logged-out view in the page reader, a frame of the background page', async () => {
    // The local site serves the wall to everyone: the anonymous view is walled too.
    const s = await start();
    const page = await s.newPage();
    await page.goto(wall.url);
    await s.waitForRecords((r) => r.length === 1);
    const popup = await s.openPopup(await s.tabIdOf(page));
    await popup.waitForSelector('[data-testid="status-scope-check"]');
    await popup.click('[data-testid="status-scope-check"]');
    // Only a reading of the view's HTML (utils/reader, DOMParser) finds the wall: it is served with status 200.
    await popup.waitForSelector('[data-testid="status-scope"][data-scope="network"]', { timeout: 30_000 });
    const [record] = await s.rows('findings');
    expect(record).toMatchObject({ scope: 'network', scopeCheck: { status: 200, verdict: 'blocked', kinds: ['access-denied'] } });
  });

  it('records a wall that only the response header shows (webRequest in the background)', async () => {
    const url = 'https://detail.1688.com/offer/600000000005.html';
    const s = await start([{ url, file: join(FIX, 'silent.html'), headers: { bxpunish: '1' } }]);
    const page = await s.newPage();
    await page.goto(url);
    const [record] = await s.waitForRecords((r) => r.length >= 1);
    expect(record).toMatchObject({ kind: 'risk-challenge', platform: '1688', where: 'network', ruleId: 'alibaba.baxia.bxpunish-header', pageUrl: url });
    await leave(s, page);
    expect(await s.rows('findings')).toHaveLength(1);
  });
});
