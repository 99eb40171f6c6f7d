import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, leave, openPopup, ROOT, sendFromExtension, storedRecords, tabIdOf, waitForRecords, type Session } from '../../scripts/lib/browser';
import { startHttps, type LocalHttps } from '../../scripts/lib/https-server';
import { screenshot } from './screenshots';

const FIX = join(ROOT, 'tests/fixtures/coupons/taobao');
const URL_ = 'https://item.taobao.com/item.htm?id=738259061234';
const present = readFileSync(join(FIX, 'present.html'), 'utf8');
/** The same page with the cross-store coupon gone. */
export const oneLess = present.replace(/<div class="couponWrap--SmJ4TKnR"><span class="couponText--dhGyCUIp" title="跨店每满300减50">跨店每满300减50<\/span><\/div>/, '');
const notLoaded = readFileSync(join(FIX, 'not-loaded.html'), 'utf8');

let session: Session | undefined;
let server: LocalHttps | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = undefined;
  server = undefined;
});

/** Serve the item URL with a different page on each visit. */
async function serveSequence(s: Session, pages: string[]): Promise<void> {
  let i = 0;
  await s.context.route(URL_, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pages[Math.min(i++, pages.length - 1)]! }));
}

async function ledger(s: Session): Promise<Array<{ source: string; data: { state: string; offers: unknown[] } }>> {
  await storedRecords(s); // opens the extension page used for reading
  const page = s.context.pages().find((p) => p.url().includes('popup.html?tab=0'))!;
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('shutout');
        req.onsuccess = () => {
          const get = req.result.transaction('coupons').objectStore('coupons').getAll();
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result);
          };
        };
      }),
  );
}

describe('coupons in Chromium', () => {
  it('raises one coupon-missing finding when a later visit of the item lacks an offer', async () => {
    session = await launch();
    await serveSequence(session, [present, oneLess]);
    const page = await session.context.newPage();
    await page.goto(URL_);
    await expect.poll(async () => (await ledger(session!)).length, { timeout: 10_000 }).toBe(1);
    await page.goto(URL_);
    const records = await waitForRecords(session, (r) => r.some((x) => x.kind === 'coupon-missing'));
    const tabId = await tabIdOf(session, page);
    const missing = (await storedRecords(session)).filter((r) => r.kind === 'coupon-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ platform: 'taobao', ruleId: 'coupons.missing.history', pageUrl: URL_ });
    expect(String(missing[0]!.snippet)).toMatch(/300.*seen by this profile earlier at .*missing at/);
    expect(records.filter((r) => r.kind !== 'coupon-missing')).toEqual([]);
    const visits = await ledger(session);
    expect(visits.map((v) => v.data.state)).toEqual(['present', 'present']);

    // The popup's Coupons view names the missing offer and when this profile saw it.
    const popup = await openPopup(session, tabId);
    await popup.click('[data-testid="tab-coupons"]');
    const item = popup.locator('[data-testid="coupons-missing"] li');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.first().textContent()).toContain('300');
    expect(await popup.locator('[data-testid="coupons-seen"] li').count()).toBeGreaterThanOrEqual(1);
    await screenshot(popup, 'coupons-missing-en');
    // Nothing more comes of the two visits once the tab has moved on.
    await leave(session, page);
    expect((await storedRecords(session)).filter((r) => r.kind === 'coupon-missing')).toHaveLength(1);
  });

  it('raises a coupon-missing finding for an offer that an imported baseline ledger saw', async () => {
    session = await launch();
    // The baseline: another browser's export of its ledger, holding the offer this one lacks.
    const { parseHTML } = await import('linkedom');
    const { extractCoupons } = await import('../../utils/coupons/index');
    const scan = extractCoupons(parseHTML(present).document as unknown as ParentNode, URL_)!;
    const ledgerFile = {
      format: 'shutout-coupon-ledger',
      version: 1,
      exportedAt: '2026-03-01T00:00:00.000Z',
      profileLabel: 'reference browser',
      visits: [{ id: 'ref-1', itemKey: 'taobao:738259061234', at: '2026-03-01T00:00:00.000Z', source: 'visit', profileLabel: 'reference browser', scan: { platform: scan.platform, itemId: scan.itemId, url: scan.url, state: scan.state, offers: scan.offers } }],
    };
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.setInputFiles('[data-testid="ledger-file"]', { name: 'reference.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ledgerFile)) });
    await expect.poll(() => options.getAttribute('[data-testid="ledger-message"]', 'data-error')).toBe('false');
    expect(await options.textContent('[data-testid="ledger-message"]')).toContain('reference browser');

    await serveSequence(session, [oneLess]);
    const page = await session.context.newPage();
    await page.goto(URL_);
    const records = await waitForRecords(session, (r) => r.some((x) => x.kind === 'coupon-missing'));
    await leave(session, page);
    const missing = (await storedRecords(session)).filter((r) => r.kind === 'coupon-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ ruleId: 'coupons.missing.import' });
    expect(String(missing[0]!.snippet)).toContain('imported baseline "reference browser"');
    expect(records.length).toBeGreaterThan(0);
  });

  it('raises nothing when the coupon area of the later visit fails to render', async () => {
    session = await launch();
    await serveSequence(session, [present, notLoaded]);
    const page = await session.context.newPage();
    await page.goto(URL_);
    await expect.poll(async () => (await ledger(session!)).length, { timeout: 10_000 }).toBe(1);
    await page.goto(URL_);
    // The content script looks again at 1.5 s and 4 s before it records 'not-loaded'.
    await expect.poll(async () => (await ledger(session!)).length, { timeout: 15_000 }).toBe(2);
    await leave(session, page);
    expect((await ledger(session)).map((v) => v.data.state).sort()).toEqual(['not-loaded', 'present']);
    expect(await storedRecords(session)).toEqual([]);
  });

  it('fetches the logged-out view without cookies, follows its redirect on the platform and refuses one off it', async () => {
    const seen: Array<{ url: string; cookie: boolean }> = [];
    let offPlatform = false;
    server = await startHttps((req, res) => {
      const url = `https://${req.headers.host}${req.url}`;
      seen.push({ url, cookie: !!req.headers.cookie });
      if (req.headers.cookie) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(oneLess);
      // A visitor without cookies is sent on, once, before the page.
      if (!req.url!.includes('anon=1')) return void res.writeHead(302, { location: offPlatform ? 'https://www.example.com/' : `${URL_}&anon=1` }).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(present);
    });
    const s = (session = await launch({ args: server.chromiumArgs(['item.taobao.com', 'www.example.com']), passthrough: ['item.taobao.com', 'www.example.com'] }));
    await s.context.addCookies([{ name: 'cookie2', value: 'signed-in', domain: '.taobao.com', path: '/', secure: true }]);
    const page = await s.context.newPage();
    await page.goto(URL_);
    await expect.poll(async () => (await ledger(s)).length, { timeout: 10_000 }).toBe(1);
    const tabId = await tabIdOf(s, page);

    const res = await sendFromExtension<{ ok: boolean; missing?: number; error?: string }>(s, { type: 'coupons/control', tabId });
    expect(res).toMatchObject({ ok: true, state: 'present', missing: 1 });
    // The page's own requests carry the cookie; the extension's carry none.
    expect(seen.filter((r) => !r.cookie)).toEqual([
      { url: URL_, cookie: false },
      { url: `${URL_}&anon=1`, cookie: false },
    ]);
    const missing = await waitForRecords(s, (r) => r.some((x) => x.ruleId === 'coupons.missing.control'));
    expect(missing.filter((r) => r.kind === 'coupon-missing')).toHaveLength(1);
    // The control view is the scope check of the item's coupon-missing findings (issue 10): the logged-out view shows the offer.
    expect(missing.find((r) => r.kind === 'coupon-missing')).toMatchObject({ scope: 'account', scopeCheck: { verdict: 'clear', offerShown: true } });

    offPlatform = true;
    seen.length = 0;
    const refused = await sendFromExtension<{ ok: boolean; error?: string }>(s, { type: 'coupons/control', tabId });
    expect(refused).toEqual({ ok: false, error: 'the logged-out view could not be loaded: the page redirected off the platform, to https://www.example.com/' });
    expect(seen.filter((r) => !r.cookie)).toEqual([{ url: URL_, cookie: false }]);
  });
});
