/**
 * Pages that try to forge or flood (issue 14, items 4 and 7), in Chromium with the built extension
 * and a local HTTPS server that answers for the real host names, so that webRequest sees every
 * response. "Nothing more" is checked after the tab has moved on and the next page's report was
 * handled: the background handles a tab's events in arrival order (waitForScan).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, leave, ROOT, storedRecords, storedRows, waitForRecords, waitForScan, type Session } from '../../scripts/lib/browser';
import { PAGE_LOADS_PER_MINUTE } from '../../utils/background/budgets';
import { TAP_SOURCE } from '../../utils/content/tap-protocol';
import { startHttps, type Handler, type LocalHttps } from '../../scripts/lib/https-server';

const HOSTS = ['www.example.com', 'item.taobao.com', 'h5api.m.taobao.com', 'detail.1688.com', 'www.xiaohongshu.com'];
const WALL = 'https://item.taobao.com/_____tmd_____/punish?x5secdata=planted&x5step=1&action=captcha';
const page = (title: string, body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

let session: Session | undefined;
let server: LocalHttps | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = undefined;
  server = undefined;
});

async function start(handler: Handler): Promise<Session> {
  server = await startHttps(handler);
  session = await launch({ args: server.chromiumArgs(HOSTS), passthrough: HOSTS });
  return session;
}

describe('findings a page or another site could plant (item 7)', () => {
  it('keeps a wall address that another site sent the browser to at half its confidence, naming that site', async () => {
    const s = await start((req, res) => {
      if (req.headers.host === 'www.example.com') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Deals', `<a id="go" href="${WALL}">cheap phones</a>`));
      // Taobao answers the planted address with an ordinary page: nothing on it says "blocked".
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('淘宝网', '<h1>今日推荐</h1><p>防晒袖套 ¥19.9</p>'));
    });
    const tab = await s.context.newPage();
    await tab.goto('https://www.example.com/');
    await Promise.all([tab.waitForURL(WALL), tab.click('#go')]);
    const [record] = await waitForRecords(s, (r) => r.length > 0);
    expect(record).toMatchObject({ kind: 'risk-challenge', where: 'url', ruleId: 'alibaba.baxia.url-captcha', pageUrl: WALL, confidence: 0.45, basis: 'url-only', initiator: 'https://www.example.com' });
  });

  it('keeps the full confidence when the page itself shows the wall', async () => {
    const s = await start((req, res) => {
      if (req.headers.host === 'www.example.com') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Deals', `<a id="go" href="${WALL}">cheap phones</a>`));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('验证码拦截', '<div class="nc-container"><div class="warnning-text">亲，请拖动下方滑块完成验证</div></div>'));
    });
    const tab = await s.context.newPage();
    await tab.goto('https://www.example.com/');
    await Promise.all([tab.waitForURL(WALL), tab.click('#go')]);
    const [record] = await waitForRecords(s, (r) => r.length > 0);
    expect(record).toMatchObject({ kind: 'risk-challenge', pageUrl: WALL });
    expect(record!.where).not.toBe('url');
    expect(record!.confidence).toBeGreaterThan(0.5);
    expect(record!.basis).toBeUndefined();
  });

  it('files no finding of another company\'s ad frame under the page, and files its own company\'s, before and after the page\'s report', async () => {
    const item = 'https://item.taobao.com/item.htm?id=600000000010';
    const s = await start((req, res) => {
      const host = req.headers.host;
      // Alibaba's own 1688 in a frame that loads with the page, and later an ad frame from
      // Xiaohongshu: each answers with a wall that only the network shows.
      if (host === 'detail.1688.com') return void res.writeHead(200, { 'content-type': 'text/html', bxpunish: '1' }).end(page('1688', ''));
      if (host === 'www.xiaohongshu.com') {
        // Sent to its "IP at risk" page: a redirect that says access-denied (not the frame's kind above).
        if (req.url!.startsWith('/explore')) return void res.writeHead(302, { location: '/website-login/error?error_code=300012' }).end();
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(page('ad', 'ad'));
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('宝贝详情 - 淘宝网', '<h1>宝贝详情</h1><iframe src="https://detail.1688.com/offer/1.html"></iframe>'));
    });
    const tab = await s.context.newPage();
    await tab.goto(item);
    // The page has reported: the ad frame comes after, when the tab has a page to file it under.
    await waitForScan(s, tab);
    await tab.evaluate(
      () =>
        new Promise((resolve) => {
          const f = document.createElement('iframe');
          f.src = 'https://www.xiaohongshu.com/explore/ad';
          f.onload = resolve;
          document.body.append(f);
        }),
    );
    // Move on and wait until the next page's report is handled: every event of the frames came before it.
    await leave(s, tab);
    const records = await storedRecords(s);
    expect(records.map((r) => [r.ruleId, r.pageUrl])).toEqual([['alibaba.baxia.bxpunish-header', item]]);
  });
});

describe('what a page can make the background store (item 4)', () => {
  const item = 'https://item.taobao.com/item.htm?id=600000000011';
  const api = 'https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/?data=1';
  const blocked = '{"api":"mtop.taobao.detail.getdetail","v":"6.0","ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试!"],"data":{}}';

  it(`records at most ${PAGE_LOADS_PER_MINUTE} page loads a minute when a page floods address changes and tap messages, each page-supplied`, async () => {
    const s = await start((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('宝贝详情 - 淘宝网', '<h1>宝贝详情</h1><p>儿童保温杯 ¥59</p>')));
    const tab = await s.context.newPage();
    await tab.goto(item);
    await waitForScan(s, tab);
    const started = Date.now();
    // The page's own script: 200 address changes, each followed by a forged answer of the tap. It
    // waits for each message to reach its own listener, after the content script's (added first).
    const last = await tab.evaluate(
      async ({ source, api, body }) => {
        for (let i = 0; i < 200; i++) {
          history.pushState({}, '', `?id=600000000011&p=${i}`);
          const seen = new Promise((resolve) => window.addEventListener('message', resolve, { once: true }));
          window.postMessage({ source, url: api, status: 200, body }, location.origin);
          await seen;
        }
        return location.href;
      },
      { source: TAP_SOURCE, api, body: blocked },
    );
    // Every report reached the background: the content script sends them in order, the last one last.
    expect((await waitForScan(s, tab, 60_000)).url).toBe(last);
    const minutes = 1 + Math.floor((Date.now() - started) / 60_000);
    const findings = await storedRecords(s);
    const visits = (await storedRows(s, 'visits')).filter((v) => String(v.url).startsWith('https://item.taobao.com/'));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.length).toBeLessThanOrEqual(PAGE_LOADS_PER_MINUTE * minutes);
    expect(visits.length).toBeLessThanOrEqual(PAGE_LOADS_PER_MINUTE * minutes);
    for (const f of findings) expect(f).toMatchObject({ kind: 'risk-challenge', where: 'network', basis: 'page-supplied', confidence: 0.45 });
  });

  it('keeps a tap finding\'s confidence when the browser saw the answer it names', async () => {
    const s = await start((req, res) => {
      if (req.headers.host === 'h5api.m.taobao.com') return void res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': 'https://item.taobao.com' }).end(blocked);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(ROOT, 'tests/fixtures/e2e/api-block.html')));
    });
    const tab = await s.context.newPage();
    await tab.goto(item);
    const [record] = await waitForRecords(s, (r) => r.length > 0);
    expect(record).toMatchObject({ kind: 'risk-challenge', where: 'network', pageUrl: item });
    expect(record!.basis).toBeUndefined();
    expect(record!.confidence).toBeGreaterThan(0.5);
  });
});
