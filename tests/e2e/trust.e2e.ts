/**
 * Pages that try to forge or flood (issue 14, items 4 and 7), in Chromium with the built extension
 * and a local HTTPS server that answers for the real host names, so that webRequest sees every
 * response. "Nothing more" is checked after the tab has moved on and the next page's report was
 * handled: the background handles a tab's events in arrival order (waitForScan).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launch, storedRecords, waitForRecords, waitForScan, type Session } from '../../scripts/lib/browser';
import { startHttps, type Handler, type LocalHttps } from '../../scripts/lib/https-server';

const HOSTS = ['www.example.com', 'item.taobao.com', 'h5api.m.taobao.com', 'detail.1688.com', 'www.xiaohongshu.com', 'www.amazon.com'];
const WALL = 'https://item.taobao.com/_____tmd_____/punish?x5secdata=planted&x5step=1&action=captcha';
const CLEAN = 'https://www.amazon.com/dp/B000000001';
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
  server = await startHttps((req, res) => {
    if (`https://${req.headers.host}${req.url}` === CLEAN) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Amazon.com', '<h1>Kettle</h1>'));
    handler(req, res);
  });
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

  it('files no finding of another company\'s ad frame under the page, and files its own company\'s', async () => {
    const item = 'https://item.taobao.com/item.htm?id=600000000010';
    const s = await start((req, res) => {
      const host = req.headers.host;
      // An ad frame from Xiaohongshu that answers with its captcha status, and a frame of Alibaba's own 1688.
      if (host === 'www.xiaohongshu.com') return void res.writeHead(461, { 'content-type': 'text/html', verifytype: '102' }).end(page('ad', 'ad'));
      if (host === 'detail.1688.com') return void res.writeHead(200, { 'content-type': 'text/html', bxpunish: '1' }).end(page('1688', ''));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        page(
          '宝贝详情 - 淘宝网',
          `<h1>宝贝详情</h1><iframe id="ad" src="https://www.xiaohongshu.com/explore/ad"></iframe>
           <script>document.getElementById('ad').onload = () => { const f = document.createElement('iframe'); f.src = 'https://detail.1688.com/offer/1.html'; f.onload = () => (window.framesDone = true); document.body.append(f); };</script>`,
        ),
      );
    });
    const tab = await s.context.newPage();
    await tab.goto(item);
    await tab.waitForFunction(() => (window as unknown as { framesDone?: boolean }).framesDone === true);
    // Move on and wait until the next page's report is handled: every event of the frames came before it.
    await tab.goto(CLEAN);
    await waitForScan(s, tab);
    const records = await storedRecords(s);
    expect(records.map((r) => [r.ruleId, r.pageUrl])).toEqual([['alibaba.baxia.bxpunish-header', item]]);
  });
});
