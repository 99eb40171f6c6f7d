/**
 * Issue 10 end to end in Chromium: a local HTTPS server answers for Taobao's hosts and decides by
 * the session cookie whom it walls. The popup's "Check whether it is my account" makes the
 * background fetch the page once without credentials, and the finding is scoped `account`,
 * `network` or `inconclusive (login required)`; the amendment verifies in an exported bundle;
 * nothing is fetched for a finding on an uncovered host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launch, openPopup, ROOT, sendFromExtension, storedRecords, tabIdOf, waitForRecords, type Session } from '../../scripts/lib/browser';
import { startHttps, type LocalHttps } from '../../scripts/lib/https-server';
import { run, tempDir } from '../unit/evidence-bundle-helpers';
import { axeBothThemes } from './axe';
import { screenshot } from './screenshots';

const ITEM = 'https://item.taobao.com/item.htm?id=600000000010';
const LOGIN = 'https://login.taobao.com/member/login.jhtml';
/** Our own fixture of the baxia deny page (written from the punish bundle's templates). */
const WALL = readFileSync(join(ROOT, 'tests/fixtures/corpus/positive/alibaba/baxia-deny-zh.html'), 'utf8');
const CLEAR = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>碎花连衣裙-淘宝网</title></head><body><h1>碎花连衣裙</h1><p>价格 ¥99.00</p><p>月销 200+</p></body></html>';
const LOGIN_PAGE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>淘宝网 - 登录</title></head><body><form><input name="fm-login-id"><input type="password" name="fm-login-password"><button>登录</button></form></body></html>';

type Mode = 'cookie-walled' | 'all-walled' | 'login-for-anonymous';

const tmp = tempDir('scope-e2e');
afterAll(() => tmp.remove());
let session: Session | undefined;
let server: LocalHttps | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = undefined;
  server = undefined;
});

interface Seen {
  url: string;
  cookie: boolean;
}

/** A marketplace server for one scenario; `seen` lists every request it got. */
async function marketplace(mode: Mode): Promise<{ seen: Seen[]; server: LocalHttps }> {
  const seen: Seen[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = `https://${req.headers.host}${req.url}`;
    const signedIn = /(?:^|;\s*)cookie2=signed-in/.test(req.headers.cookie ?? '');
    seen.push({ url, cookie: signedIn });
    const html = (body: string, status = 200) => void res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (req.headers.host === 'login.taobao.com') return html(LOGIN_PAGE);
    if (req.headers.host !== 'item.taobao.com') return html('not found', 404);
    if (mode === 'all-walled') return html(WALL, 403);
    if (signedIn) return html(WALL);
    if (mode === 'login-for-anonymous') return void res.writeHead(302, { location: `${LOGIN}?redirectURL=${encodeURIComponent(url)}` }).end();
    return html(CLEAR);
  };
  return { seen, server: await startHttps(handler) };
}

/** Chromium on the local server, signed in (a session cookie on .taobao.com), with the item page open and its block recorded. */
async function signedInBlock(mode: Mode, locale?: string): Promise<{ s: Session; page: Page; seen: Seen[]; findingId: string }> {
  const m = await marketplace(mode);
  server = m.server;
  const hosts = ['item.taobao.com', 'login.taobao.com', 'www.example.com'];
  const s = (session = await launch({ args: server.chromiumArgs(hosts), passthrough: hosts, locale }));
  await s.context.addCookies([{ name: 'cookie2', value: 'signed-in', domain: '.taobao.com', path: '/', secure: true }]);
  const page = await s.context.newPage();
  await page.goto(ITEM);
  const records = await waitForRecords(s, (r) => r.some((x) => x.kind === 'access-denied'));
  const finding = records.find((x) => x.kind === 'access-denied')!;
  // The page's own request carried the session cookie; nothing anonymous was sent yet.
  expect(m.seen.filter((x) => x.url === ITEM).map((x) => x.cookie)).toEqual([true]);
  return { s, page, seen: m.seen, findingId: String(finding.id) };
}

const anonymous = (seen: Seen[]) => seen.filter((x) => !x.cookie);

describe('the scope check in Chromium', () => {
  it('scopes a block `account` when the server walls only the session cookie: from the status card, shown in the record detail', async () => {
    const { s, page, seen, findingId } = await signedInBlock('cookie-walled');
    const popup = await openPopup(s, await tabIdOf(s, page));
    await popup.click('[data-testid="status-scope-check"]');
    await expect.poll(() => popup.getAttribute('[data-testid="status-scope"]', 'data-scope'), { timeout: 30_000 }).toBe('account');
    // One GET without credentials, to the same page.
    expect(anonymous(seen)).toEqual([{ url: ITEM, cookie: false }]);
    const record = (await storedRecords(s)).find((r) => r.id === findingId)!;
    expect(record).toMatchObject({ scope: 'account', scopeCheck: { status: 200, verdict: 'clear', kinds: [], redirects: 0 } });
    await screenshot(popup, 'scope-status-account-en');
    await axeBothThemes(popup, 'scope-status-account-en');

    await popup.locator('[data-testid="records"] li button').first().click();
    await popup.waitForSelector('[data-testid="detail"]');
    expect(await popup.getAttribute('[data-testid="scope-result"]', 'data-scope')).toBe('account');
    expect(await popup.textContent('[data-testid="scope-result"]')).toContain('My account');
    await popup.locator('[data-testid="scope-section"]').scrollIntoViewIfNeeded();
    await screenshot(popup, 'scope-detail-account-en');
    await axeBothThemes(popup, 'scope-detail-account-en');
  });

  it('scopes a block `network` when the server walls everyone, and the amendment verifies in an exported bundle (zh)', async () => {
    const { s, page, seen, findingId } = await signedInBlock('all-walled', 'zh-CN');
    const popup = await openPopup(s, await tabIdOf(s, page));
    await popup.locator('[data-testid="records"] li button').first().click();
    await popup.waitForSelector('[data-testid="detail"]');
    expect(await popup.getAttribute('[data-testid="scope-result"]', 'data-scope')).toBe('');
    await popup.click('[data-testid="scope-check"]');
    await expect.poll(() => popup.getAttribute('[data-testid="scope-result"]', 'data-scope'), { timeout: 30_000 }).toBe('network');
    expect(await popup.textContent('[data-testid="scope-result"]')).toContain('网络级');
    expect(await popup.textContent('[data-testid="scope-view"]')).toContain('403');
    expect(anonymous(seen)).toEqual([{ url: ITEM, cookie: false }]);
    await popup.locator('[data-testid="scope-section"]').scrollIntoViewIfNeeded();
    await screenshot(popup, 'scope-detail-network-zh');
    await axeBothThemes(popup, 'scope-detail-network-zh');

    // The summary's per-platform figures.
    await popup.click('[data-testid="detail-close"]');
    // The list marks the checked record.
    await expect.poll(() => popup.getAttribute('[data-testid="records"] li .badge[data-scope]', 'data-scope')).toBe('network');
    await screenshot(popup, 'scope-list-zh');
    await axeBothThemes(popup, 'scope-list-zh');
    await popup.click('[data-testid="tab-summary"]');
    const cell = popup.locator('[data-testid="scope-figures"] tr[data-platform="taobao"] td[data-scope="network"]');
    await expect.poll(() => cell.getAttribute('data-count')).toBe('1');
    // The status card follows the check made in the detail.
    expect(await popup.getAttribute('[data-testid="status-scope"]', 'data-scope')).toBe('network');
    await popup.locator('[data-testid="scope-figures"]').scrollIntoViewIfNeeded();
    await screenshot(popup, 'scope-summary-zh');
    await axeBothThemes(popup, 'scope-summary-zh');

    // The whole export: a bundle whose chain carries the amendment, verified by the CLI.
    await popup.click('[data-testid="tab-records"]');
    const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 60_000 }), popup.click('[data-testid="export-zip"]')]);
    const path = join(tmp.dir, 'network.zip');
    await download.saveAs(path);
    expect(await run(['verify', path]), 'verify').toMatchObject({ code: 0 });
    const files = unzipSync(readFileSync(path));
    const entries = new TextDecoder().decode(files['records.ndjson']!).trim().split('\n').map((l) => JSON.parse(l) as { type: string; recordId: string; data: Record<string, unknown> });
    expect(entries.filter((e) => e.type === 'amendment' && e.recordId === findingId).map((e) => e.data.scope)).toEqual(['network']);
    const csv = new TextDecoder().decode(files['findings.csv']!);
    expect(csv.split('\r\n')[0]).toMatch(/,scope,scopeReason,scopeStatus,scopeCheckedAt$/);
    expect(csv).toMatch(/,network,,403,\d{4}-/);
    expect(new TextDecoder().decode(files['report.html']!)).toContain('网络级（匿名访问也被拦截）');
  });

  it('says `inconclusive (login required)` when the server sends anonymous visitors to its login page', async () => {
    const { s, seen, findingId } = await signedInBlock('login-for-anonymous');
    const res = await sendFromExtension<{ ok: boolean; scope?: string; check?: Record<string, unknown> }>(s, { type: 'scope/check', findingId });
    expect(res).toMatchObject({ ok: true, scope: 'inconclusive', check: { verdict: 'login', reason: 'login-required', status: 200, redirects: 1 } });
    // The redirect was followed on the platform, without credentials, one hop at a time.
    expect(anonymous(seen).map((x) => new URL(x.url).host)).toEqual(['item.taobao.com', 'login.taobao.com']);
    const popup = await openPopup(s, 0);
    await popup.locator('[data-testid="records"] li button').first().click();
    await popup.waitForSelector('[data-testid="detail"]');
    expect(await popup.getAttribute('[data-testid="scope-result"]', 'data-reason')).toBe('login-required');
    expect(await popup.textContent('[data-testid="scope-result"]')).toContain('Inconclusive: login required');
    await popup.locator('[data-testid="scope-section"]').scrollIntoViewIfNeeded();
    await screenshot(popup, 'scope-detail-login-en');
  });

  it('checks a new block automatically once the option is on (it is off by default)', async () => {
    const m = await marketplace('cookie-walled');
    server = m.server;
    const hosts = ['item.taobao.com'];
    const s = (session = await launch({ args: server.chromiumArgs(hosts), passthrough: hosts }));
    await s.context.addCookies([{ name: 'cookie2', value: 'signed-in', domain: '.taobao.com', path: '/', secure: true }]);
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    const box = options.locator('[data-testid="opt-auto-scope"]');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await expect.poll(() => options.textContent('[data-testid="general-saved"]')).not.toBe('');
    await box.scrollIntoViewIfNeeded();
    await screenshot(options, 'scope-option-en');
    const page = await s.context.newPage();
    await page.goto(ITEM);
    const records = await waitForRecords(s, (r) => r.some((x) => x.kind === 'access-denied' && x.scope === 'account'), 30_000);
    expect(records.find((x) => x.kind === 'access-denied')).toMatchObject({ scopeCheck: { verdict: 'clear', status: 200 } });
    expect(anonymous(m.seen)).toEqual([{ url: ITEM, cookie: false }]);
  });

  it('fetches nothing for a finding on a host that is not a covered marketplace', async () => {
    const { s, seen } = await signedInBlock('cookie-walled');
    // A finding as an import from elsewhere could hold it: a page on www.example.com (which the test server also answers).
    const inspector = s.context.pages().find((p) => p.url().includes('popup.html?tab=0'))!;
    await inspector.evaluate(
      (rec) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('shutout');
          req.onsuccess = () => {
            const tx = req.result.transaction('findings', 'readwrite');
            tx.objectStore('findings').put(rec);
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      { id: 'uncovered-1', key: 'uncovered|access-denied', pageId: 'uncovered', observedAt: new Date().toISOString(), tzOffsetMinutes: 0, pageUrl: 'https://www.example.com/item.htm?id=600000000010', pageTitle: '', platform: null, kind: 'access-denied', ruleId: 'x', rulesetVersion: '1', snippet: '访问被拒绝', where: 'text', confidence: 0.9, extensionVersion: '0', browser: 'x', uiLanguage: 'en', profileLabel: '', origin: 'import', count: 1, review: 'unreviewed', captureIds: [], seq: 0, hash: '' },
    );
    const before = seen.length;
    const res = await sendFromExtension<{ ok: boolean; error?: string }>(s, { type: 'scope/check', findingId: 'uncovered-1' });
    expect(res).toEqual({ ok: false, error: 'not a page of a covered marketplace: nothing was fetched' });
    expect(seen.slice(before)).toEqual([]);
    expect((await storedRecords(s)).find((r) => r.id === 'uncovered-1')!.scope).toBeUndefined();
  });
});
