import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, leave, ROOT, serveBody, serveFile, storedRecords, waitForRecords, waitForScan, type Session } from '../../scripts/lib/browser';
import { startHttps, type LocalHttps } from '../../scripts/lib/https-server';

const FIX = join(ROOT, 'tests/fixtures/e2e');
/** Set by a fixture after its last change. */
const fixtureDone = () => (window as unknown as { fixtureDone?: boolean }).fixtureDone === true;

let session: Session | undefined;
let server: LocalHttps | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = undefined;
  server = undefined;
});

async function start(): Promise<Session> {
  session = await launch();
  return session;
}

describe('detection in a real page', () => {
  it('records a toast that appears 2 s after load, once, amid ordinary DOM changes', async () => {
    const s = await start();
    await serveFile(s.context, 'https://item.jd.com/100000000001.html', join(FIX, 'late-toast.html'));
    const page = await s.context.newPage();
    await page.goto('https://item.jd.com/100000000001.html');
    // The page's first scan comes before the toast: the fixture shows it 2 s after load.
    const first = await waitForScan(s, page);
    const toastAt = await page.evaluate(() => (window as unknown as { toastAt?: number }).toastAt ?? null);
    if (toastAt === null || Date.parse(first.checkedAt) < toastAt) expect(first.detections).toEqual([]);
    await page.waitForFunction(fixtureDone);
    const records = await waitForRecords(s, (r) => r.length > 0);
    await leave(s, page);
    expect(await storedRecords(s)).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'promotion-denied', platform: 'jd', where: 'dialog' });
  });

  it('records a wall reached by in-app navigation under the new URL', async () => {
    const s = await start();
    await serveFile(s.context, 'https://www.taobao.com/', join(FIX, 'spa-wall.html'));
    const page = await s.context.newPage();
    await page.goto('https://www.taobao.com/');
    // The content script watches the page once its first scan is in.
    await waitForScan(s, page);
    await page.click('#go');
    const records = await waitForRecords(s, (r) => r.length > 0);
    await leave(s, page);
    const all = await storedRecords(s);
    expect(all).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'access-denied', platform: 'taobao' });
    expect(String(records[0]!.pageUrl)).toContain('/_____tmd_____/punish');
  });

  it('records a redirect to a punish page as one record', async () => {
    const wall = '/_____tmd_____/punish?x5secdata=e2e&x5step=1&action=captcha';
    server = await startHttps((req, res) => {
      if (req.url?.startsWith('/item.htm')) {
        res.writeHead(302, { location: `https://item.taobao.com${wall}` }).end();
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(FIX, 'slider.html')));
      }
    });
    const s = (session = await launch({ args: server.chromiumArgs(['item.taobao.com']), passthrough: ['item.taobao.com'] }));
    const page = await s.context.newPage();
    await page.goto('https://item.taobao.com/item.htm?id=600000000004');
    expect(page.url()).toBe(`https://item.taobao.com${wall}`);
    await waitForRecords(s, (r) => r.length > 0);
    await leave(s, page);
    const all = await storedRecords(s);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ kind: 'risk-challenge', platform: 'taobao', pageUrl: `https://item.taobao.com${wall}` });
  });

  it('records a redirect to a wall that shows nothing on the page itself', async () => {
    // Xianyu's old ban page: a redirect to deny_pc.html whose body carries no words.
    server = await startHttps((req, res) => {
      if (req.url?.startsWith('/list')) res.writeHead(302, { location: 'https://s.2.taobao.com/deny_pc.html' }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title></title></head><body></body></html>');
    });
    const s = (session = await launch({ args: server.chromiumArgs(['s.2.taobao.com']), passthrough: ['s.2.taobao.com'] }));
    const page = await s.context.newPage();
    await page.goto('https://s.2.taobao.com/list/?q=phone');
    const records = await waitForRecords(s, (r) => r.length > 0);
    await leave(s, page);
    expect(await storedRecords(s)).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'access-denied', platform: 'xianyu' });
  });

  it('records a wall that only the response header shows (bxpunish)', async () => {
    server = await startHttps((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', bxpunish: '1' }).end(readFileSync(join(FIX, 'silent.html')));
    });
    const s = (session = await launch({ args: server.chromiumArgs(['detail.1688.com']), passthrough: ['detail.1688.com'] }));
    const page = await s.context.newPage();
    await page.goto('https://detail.1688.com/offer/600000000005.html');
    const records = await waitForRecords(s, (r) => r.length > 0);
    await leave(s, page);
    expect(await storedRecords(s)).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'risk-challenge', platform: '1688', where: 'network', ruleId: 'alibaba.baxia.bxpunish-header' });
  });

  it('records a page whose own navigation stopped its parser before DOMContentLoaded (x5referer)', async () => {
    const s = await start();
    const url = 'https://www.aliexpress.com/category/100003070/electronics.html';
    // The parser waits on a slow script, so the content script finds the document still loading.
    // The script then navigates, and the navigation brings no document (204): Chromium ends the
    // parse at "complete" without ever firing DOMContentLoaded.
    await s.context.route('https://www.aliexpress.com/**', async (route) => {
      const u = route.request().url();
      if (u === url) {
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Captcha Interception</title></head><body><script src="/slow-x5.js"></script><p>after</p></body></html>',
        });
      }
      if (u.endsWith('/slow-x5.js')) {
        await new Promise((r) => setTimeout(r, 3000));
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: 'location.replace(location.href + "/_____tmd_____/punish?x5secdata=e2e&x5step=2");' });
      }
      return route.fulfill({ status: 204 });
    });
    const page = await s.context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const records = await waitForRecords(s, (r) => r.some((x) => x.pageUrl === url && x.ruleId === 'alibaba.baxia.title-captcha'), 20_000);
    // The document stayed, its parse stopped before the paragraph after the script.
    expect(await page.evaluate(() => [document.readyState, document.querySelectorAll('p').length])).toEqual(['complete', 0]);
    expect(records.find((x) => x.pageUrl === url && x.ruleId === 'alibaba.baxia.title-captcha')).toMatchObject({ kind: 'risk-challenge' });
    await leave(s, page);
  });

  it('records a block in a JSON API answer the page received', async () => {
    const s = await start();
    await serveFile(s.context, 'https://item.taobao.com/item.htm?id=600000000003', join(FIX, 'api-block.html'));
    await serveBody(s.context, /^https:\/\/h5api\.m\.taobao\.com\//, '{"api":"mtop.taobao.detail.getdetail","v":"6.0","ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试!"],"data":{"url":"https://h5api.m.taobao.com:443/h5/mtop.taobao.detail.getdetail/6.0/_____tmd_____/punish?x5secdata=x"}}', {
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': 'https://item.taobao.com', 'access-control-allow-credentials': 'true' },
    });
    const page = await s.context.newPage();
    await page.goto('https://item.taobao.com/item.htm?id=600000000003');
    const records = await waitForRecords(s, (r) => r.length > 0);
    await leave(s, page);
    expect(await storedRecords(s)).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'risk-challenge', platform: 'taobao', where: 'network', pageUrl: 'https://item.taobao.com/item.htm?id=600000000003' });
    expect(String(records[0]!.snippet)).toContain('RGV587_ERROR');
  });

  it('records a notice inside an open shadow root', async () => {
    const s = await start();
    await serveFile(s.context, 'https://item.jd.com/100000000007.html', join(FIX, 'shadow-toast.html'));
    const page = await s.context.newPage();
    await page.goto('https://item.jd.com/100000000007.html');
    const records = await waitForRecords(s, (r) => r.length > 0);
    expect(records[0]).toMatchObject({ kind: 'promotion-denied', platform: 'jd' });
  });

  it('records nothing on an ordinary page with every trap', async () => {
    const s = await start();
    await serveFile(s.context, 'https://item.taobao.com/item.htm?id=600000000006', join(FIX, 'traps.html'));
    await serveBody(s.context, /^https:\/\/h5api\.m\.taobao\.com\//, '{"api":"mtop.taobao.detail.getdetail","ret":["SUCCESS::调用成功"],"data":{"item":{"title":"儿童保温杯"}}}', {
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': 'https://item.taobao.com' },
    });
    const page = await s.context.newPage();
    await page.goto('https://item.taobao.com/item.htm?id=600000000006');
    // The fixture says when its late change is made and its API answer relayed; then nothing more can come.
    await page.waitForFunction(fixtureDone);
    await leave(s, page);
    expect(await storedRecords(s)).toEqual([]);
  });
});
