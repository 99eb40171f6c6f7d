/**
 * The popup in Chromium, in English and in Chinese: status, records (filters, search, virtualised
 * list), detail and review, capture, exports, summary, coupons; screenshots of each view and an
 * axe-core check in light and dark mode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { seedFindings } from '../../bench/popup-paint';
import { clickAction, launch, openPopup, ROOT, storedRows, tabIdOf, waitForRecords, waitForScan, type Session } from '../../scripts/lib/browser';
import { serveDemoPages } from '../../scripts/lib/demo-pages';
import { formatMessage, type MessageTable } from '../../utils/ui/i18n';
import { screenshot } from './screenshots';

const LOCALES = ['en-US', 'zh-CN'] as const;
type Locale = (typeof LOCALES)[number];
const tables: Record<Locale, MessageTable> = {
  'en-US': JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')),
  'zh-CN': JSON.parse(readFileSync(join(ROOT, 'public/_locales/zh_CN/messages.json'), 'utf8')),
};
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The extension's own page, for reading IndexedDB and storage (same origin as the popup). */
async function ext(s: Session): Promise<Page> {
  const page = s.context.pages().find((p) => p.url().startsWith(`chrome-extension://${s.extensionId}/popup.html?tab=0`));
  if (page) return page;
  const p = await s.context.newPage();
  await p.goto(`chrome-extension://${s.extensionId}/popup.html?tab=0`);
  return p;
}

async function readStore<T = Record<string, unknown>>(s: Session, store: string): Promise<T[]> {
  return (await ext(s)).evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('shutout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result as T[]);
          };
        };
      }),
    store,
  );
}

/** axe-core on the page: the serious and critical violations (none expected). */
async function axe(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  // Extension pages refuse inline scripts (CSP), so the source is evaluated rather than added as a tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Light and dark: no serious or critical accessibility violations; a dark screenshot too. */
async function axeBothThemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await axe(page), `${name} (light)`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axe(page), `${name} (dark)`).toEqual([]);
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

const rows = (popup: Page) => popup.locator('[data-testid="records"] li');

async function setFilter(popup: Page, testid: string, value: string): Promise<void> {
  if (!(await popup.isVisible('#filter-box'))) await popup.click('[data-testid="filters-toggle"]');
  const el = popup.locator(`[data-testid="${testid}"]`);
  if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
  else await el.fill(value);
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const dayBefore = (key: string) => {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const x = new Date(y, m - 1, d - 1);
  return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
};

for (const locale of LOCALES) {
  const L = tables[locale];
  const tr = (key: string, ...subs: string[]) => formatMessage(L[key]!, subs);
  const lang = locale === 'zh-CN' ? 'zh-CN' : 'en';

  describe(`the popup (${locale})`, () => {
    it('answers at a glance: clear, blocked, records, detail, summary and coupons, accessible in light and dark', async () => {
      session = await launch({ locale });
      const demo = await serveDemoPages(session.context);
      const clean = await session.context.newPage();
      await clean.goto(demo.find((p) => p.file === 'taobao-item.html')!.url);
      await waitForScan(session, clean);

      // Chromium's --lang sets the UI language that browser.i18n answers in.
      const popupClear = await openPopup(session, await tabIdOf(session, clean));
      expect(await popupClear.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toBe(locale);
      expect(await popupClear.getAttribute('html', 'lang')).toBe(lang);
      await popupClear.waitForSelector('[data-testid="status"][data-state="clear"]');
      const taobao = locale === 'zh-CN' ? '淘宝' : 'Taobao';
      expect(await popupClear.textContent('[data-testid="status"]')).toContain(tr('statusClearOn', taobao));
      expect(await popupClear.getAttribute('[data-testid="count"]', 'data-count')).toBe('0');
      await popupClear.waitForSelector('[data-testid="empty-state"]');
      expect(await popupClear.textContent('[data-testid="empty-state"]')).toContain('npm run demo');
      await screenshot(popupClear, `ui-popup-clear-${locale}`);
      await axeBothThemes(popupClear, `ui-popup-clear-${locale}`);
      await popupClear.close();

      const wall = await session.context.newPage();
      await wall.goto(demo.find((p) => p.file === 'taobao-deny.html')!.url);
      // The wall's record first: on a loaded machine the JD page's scan could otherwise store first.
      await waitForRecords(session, (r) => r.length === 1);
      const jd = await session.context.newPage();
      await jd.goto(demo.find((p) => p.file === 'jd-coupon-denied.html')!.url);
      await waitForRecords(session, (r) => r.length === 2);

      const popup = await openPopup(session, await tabIdOf(session, wall));
      await popup.waitForSelector('[data-testid="status"][data-state="blocked"]');
      const status = (await popup.textContent('[data-testid="status"]'))!;
      expect(status).toContain(tr('statusBlockedOn', taobao));
      expect(status).toContain(tr('kind_access_denied'));
      expect(status).toContain(tr('kindHelp_access_denied'));
      await expect.poll(() => popup.getAttribute('[data-testid="count"]', 'data-count')).toBe('2');
      await expect.poll(() => rows(popup).count()).toBe(2);
      // Newest first: the JD refusal was recorded after the Taobao wall.
      expect(await rows(popup).nth(0).textContent()).toContain(tr('kind_promotion_denied'));
      expect(await rows(popup).nth(1).textContent()).toContain('访问被拒绝');
      await screenshot(popup, `ui-popup-blocked-${locale}`);
      await axeBothThemes(popup, `ui-popup-blocked-${locale}`);

      // Keyboard: Tab reaches the first row, the arrow moves to the next, Enter opens the detail.
      await popup.locator('[data-testid="records"] li button').first().focus();
      await popup.keyboard.press('ArrowDown');
      await expect.poll(() => popup.evaluate(() => (document.activeElement as HTMLElement).dataset.index)).toBe('1');
      await popup.keyboard.press('Enter');
      await popup.waitForSelector('[data-testid="detail"]');
      expect(await popup.textContent('[data-testid="detail-snippet"] mark')).toBe('访问被拒绝');
      expect(await popup.textContent('[data-testid="observed-utc"]')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
      expect(await popup.textContent('[data-testid="observed-local"]')).toMatch(/UTC[+-]\d\d:\d\d$/);
      expect(await popup.textContent('[data-testid="hash"]')).toMatch(/^[0-9a-f]{64}$/);
      expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('detail-close');
      await screenshot(popup, `ui-popup-detail-${locale}`);
      await axeBothThemes(popup, `ui-popup-detail-${locale}`);
      await popup.keyboard.press('Escape');
      await popup.waitForSelector('[data-testid="detail"]', { state: 'detached' });
      // Focus returns to the row the detail was opened from.
      await expect.poll(() => popup.evaluate(() => (document.activeElement as HTMLElement).dataset.index)).toBe('1');

      await popup.click('[data-testid="tab-summary"]');
      await popup.waitForSelector('[data-testid="summary"]');
      const chart = popup.locator('svg[data-testid="timeline"]');
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.getAttribute('data-total')).toBe('2');
      expect(await popup.textContent('#timeline-title')).toBe(tr('timelineTitle'));
      expect(await popup.textContent('#timeline-desc')).toContain(locale === 'zh-CN' ? '共 2 次' : 'last 30 days: 2.');
      expect(await popup.locator('[data-testid="by-platform"] li').count()).toBe(2);
      expect(await popup.locator('[data-testid="by-kind"] li').count()).toBe(2);
      await screenshot(popup, `ui-popup-summary-${locale}`);
      await axeBothThemes(popup, `ui-popup-summary-${locale}`);
      // A platform in the summary opens its records.
      await popup.locator('[data-testid="by-platform"] li[data-key="jd"] button').click();
      await expect.poll(() => rows(popup).count()).toBe(1);
      expect(await rows(popup).first().textContent()).toContain(tr('kind_promotion_denied'));
      await popup.click('[data-testid="filters-clear"]');

      await popup.click('[data-testid="tab-coupons"]');
      await popup.waitForSelector('[data-testid="coupons"]');
      await popup.click('[data-testid="coupons-compare"]');
      // Until the background handles it, the refusal is shown as it came.
      await expect.poll(() => popup.textContent('[data-testid="coupons-message"]')).not.toBe('');
      await screenshot(popup, `ui-popup-coupons-${locale}`);
      await axeBothThemes(popup, `ui-popup-coupons-${locale}`);

      if (locale === 'zh-CN') {
        // No English words in the Chinese popup, apart from names and formats.
        const text = await popup.evaluate(() => document.body.innerText);
        const fromBackground = (await popup.textContent('[data-testid="coupons-message"]')) ?? '';
        const english = text.replace(fromBackground.replace(/^[^:：]*[:：]/, ''), '').replace(/Shutout|JSON|CSV|NDJSON|ZIP|SHA-256|MHTML|UTC|Cookie|JD\.com|AM|PM|https?:\S+/g, '').match(/[A-Za-z]{3,}/g);
        expect(english).toBeNull();
      }
    });

    it('filters, searches, reviews, captures and exports', async () => {
      session = await launch({ locale });
      const demo = await serveDemoPages(session.context);
      const wall = await session.context.newPage();
      await wall.goto(demo.find((p) => p.file === 'taobao-deny.html')!.url);
      // The wall's record first: on a loaded machine the JD page's scan could otherwise store first.
      await waitForRecords(session, (r) => r.length === 1);
      const jd = await session.context.newPage();
      await jd.goto(demo.find((p) => p.file === 'jd-coupon-denied.html')!.url);
      const [first] = await waitForRecords(session, (r) => r.length === 2);
      const popup = await openPopup(session, await tabIdOf(session, wall));
      await expect.poll(() => rows(popup).count()).toBe(2);
      const line = () => popup.getAttribute('[data-testid="result-line"]', 'data-total');

      await setFilter(popup, 'filter-platform', 'jd');
      await expect.poll(line).toBe('1');
      expect(await rows(popup).first().textContent()).toContain('活动太火爆');
      await setFilter(popup, 'filter-kind', 'access-denied');
      await expect.poll(line).toBe('0');
      expect(await popup.textContent('.list-empty')).toContain(tr('noMatches'));
      await setFilter(popup, 'filter-platform', '');
      await expect.poll(line).toBe('1');
      await setFilter(popup, 'filter-kind', '');
      await setFilter(popup, 'filter-review', 'confirmed');
      await expect.poll(line).toBe('0');
      await setFilter(popup, 'filter-review', '');
      await setFilter(popup, 'filter-to', dayBefore(today()));
      await expect.poll(line).toBe('0');
      await setFilter(popup, 'filter-to', '');
      await setFilter(popup, 'filter-from', today());
      await expect.poll(line).toBe('2');
      await screenshot(popup, `ui-popup-filters-${locale}`);
      await popup.click('[data-testid="filters-clear"]');

      await popup.fill('[data-testid="search"]', '訪問被拒絕');
      await expect.poll(line).toBe('1');
      expect(await rows(popup).first().textContent()).toContain('访问被拒绝');
      expect(await popup.textContent('[data-testid="result-line"]')).toBe(tr('searchMatches_one', '1'));
      await popup.fill('[data-testid="search"]', 'no such words');
      await expect.poll(line).toBe('0');
      await popup.fill('[data-testid="search"]', '');
      await expect.poll(line).toBe('2');

      // Review: confirm, false positive, note; each is an amendment in the chain.
      const chainLength = async () => (await readStore(session!, 'chain')).length;
      const record = async () => (await readStore<{ id: string; review: string; note?: string }>(session!, 'findings')).find((r) => r.id === first!.id)!;
      const before = await chainLength();
      await popup.locator(`[data-testid="records"] li[data-id="${first!.id}"] button`).click();
      await popup.waitForSelector('[data-testid="detail"]');
      await popup.click('[data-testid="review-confirm"]');
      await expect.poll(async () => (await record()).review).toBe('confirmed');
      expect(await chainLength()).toBe(before + 1);
      expect(await popup.getAttribute('[data-testid="review-state"]', 'data-review')).toBe('confirmed');
      await popup.click('[data-testid="review-false-positive"]');
      await expect.poll(async () => (await record()).review).toBe('false-positive');
      expect(await chainLength()).toBe(before + 2);
      await popup.fill('[data-testid="note"]', 'Seen on the office laptop too / 办公电脑也看到了');
      await popup.click('[data-testid="note-save"]');
      await expect.poll(async () => (await record()).note).toBe('Seen on the office laptop too / 办公电脑也看到了');
      expect(await chainLength()).toBe(before + 3);
      expect(await popup.textContent('[data-testid="review-message"]')).toBe(tr('noteSaved'));
      await popup.click('[data-testid="detail-close"]');
      // A false positive is kept but no longer counted.
      await expect.poll(() => popup.getAttribute('[data-testid="count"]', 'data-count')).toBe('1');
      expect(await popup.textContent('[data-testid="count"]')).toContain(tr('countFalsePositives_one', '1'));
      await setFilter(popup, 'filter-review', 'false-positive');
      await expect.poll(line).toBe('1');
      expect(await rows(popup).first().getAttribute('data-id')).toBe(first!.id);
      await popup.click('[data-testid="filters-clear"]');

      // Capture this page as evidence: the background stores it with its SHA-256. (The screenshot
      // needs the activeTab grant of a click on the toolbar button.)
      await wall.bringToFront();
      await clickAction(session, wall);
      await popup.click('[data-testid="capture"]');
      await popup.waitForSelector('[data-testid="capture-hash"], [data-testid="notice"] .error', { timeout: 30_000 });
      expect(await popup.locator('[data-testid="notice"] .error').count(), (await popup.textContent('[data-testid="notice"]')) ?? '').toBe(0);
      const sha = (await popup.getAttribute('[data-testid="capture-hash"]', 'data-sha256'))!;
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
      const captures = await readStore<{ sha256: string; findingId: string | null }>(session, 'captures');
      expect(captures.map((c) => c.sha256)).toContain(sha);
      await screenshot(popup, `ui-popup-captured-${locale}`);

      // Every export downloads a file of its format.
      const download = async (format: string) => {
        const [d] = await Promise.all([popup.waitForEvent('download', { timeout: 60_000 }), popup.click(`[data-testid="export-${format}"]`)]);
        return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
      };
      const json = await download('json');
      expect(json.name).toMatch(/\.json$/);
      expect(JSON.parse(json.bytes.toString('utf8')).records).toHaveLength(2);
      const csv = await download('csv');
      const header = csv.bytes.toString('utf8').replace(/^\ufeff/, '').split(/\r?\n/)[0]!;
      expect(header).toContain('observedAt');
      expect(header).toContain('snippet');
      const ndjson = await download('ndjson');
      const lines = ndjson.bytes.toString('utf8').trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const l of lines) JSON.parse(l);
      const zip = await download('zip');
      expect(zip.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(await popup.textContent('[data-testid="notice"]')).toContain(zip.name);
    });

    it('shows the coupons of the item in view and the items with missing coupons', async () => {
      session = await launch({ locale });
      const present = readFileSync(join(ROOT, 'tests/fixtures/coupons/taobao/present.html'), 'utf8');
      const offer = '跨店每满300减50';
      const oneLess = present.replace(new RegExp(`<div class="couponWrap--SmJ4TKnR"><span class="couponText--dhGyCUIp" title="${offer}">${offer}</span></div>`), '');
      expect(oneLess).not.toBe(present);
      const url = 'https://item.taobao.com/item.htm?id=738259061234';
      let visit = 0;
      await session.context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: visit++ === 0 ? present : oneLess }));
      const page = await session.context.newPage();
      await page.goto(url);
      // The first visit's coupon area is in the ledger before the second visit.
      await expect.poll(async () => (await storedRows(session!, 'coupons')).length, { timeout: 15_000 }).toBe(1);
      await page.goto(url);
      await waitForRecords(session, (r) => r.some((x) => x.kind === 'coupon-missing'), 15_000);
      const popup = await openPopup(session, await tabIdOf(session, page));
      await popup.click('[data-testid="tab-coupons"]');
      await popup.waitForSelector('[data-testid="coupons-current"]');
      expect(await popup.locator('[data-testid="coupons-seen"] li').count()).toBeGreaterThan(0);
      expect(await popup.textContent('[data-testid="coupons-seen"]')).not.toContain(offer);
      const missing = (await popup.textContent('[data-testid="coupons-missing"]'))!;
      expect(missing).toContain(offer);
      expect(missing).toContain(tr('baseline_history'));
      expect(await popup.locator('[data-testid="coupons-items"] li').count()).toBe(1);
      await screenshot(popup, `ui-popup-coupons-item-${locale}`);
      await axeBothThemes(popup, `ui-popup-coupons-item-${locale}`);
      // The settings button opens the options page.
      const [options] = await Promise.all([session.context.waitForEvent('page'), popup.click('[data-testid="open-options"]')]);
      await options.waitForLoadState();
      expect(options.url()).toBe(`chrome-extension://${session.extensionId}/options.html`);
    });

    it('shows when records cannot be stored', async () => {
      session = await launch({ locale });
      const page = await ext(session);
      await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ storageError: { message: 'storage is full', at: new Date().toISOString() } }));
      const popup = await openPopup(session, 0);
      await popup.waitForSelector('[data-testid="storage-error"]');
      expect(await popup.textContent('[data-testid="storage-error"]')).toContain(tr('storageErrorTitle'));
      expect(await popup.textContent('[data-testid="storage-error"]')).toContain('storage is full');
      expect(await popup.getAttribute('[data-testid="status"]', 'data-state')).toBe('unknown');
      await screenshot(popup, `ui-popup-storage-error-${locale}`);
      // The banner goes as soon as storing works again.
      await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ storageError: null }));
      await popup.waitForSelector('[data-testid="storage-error"]', { state: 'detached' });
    });
  });
}

describe('the popup with 100,000 records', () => {
  it('renders only the rows in view, scrolls to the oldest, searches within bounds, and keeps hostile text inert', async () => {
    session = await launch({ locale: 'en-US' });
    const page = await ext(session);
    await page.waitForSelector('[data-testid="count"]');
    const hostile = '<img src=x onerror="document.title=\'pwned\'"> 亲，访问被拒绝 <script>alert(1)</script>';
    await seedFindings(page, 100_000, { snippets: [hostile, '活动太火爆，请稍后再试', '为保证您的正常访问请进行验证', "Sorry, we just need to make sure you're not a robot"] });
    let dialogs = 0;
    const popup = await session.context.newPage();
    popup.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=0`);
    await popup.waitForSelector('[data-testid="count"]', { timeout: 60_000 });
    expect(await popup.getAttribute('[data-testid="count"]', 'data-count')).toBe(String(100_000 - 2000));
    await expect.poll(() => popup.getAttribute('[data-testid="result-line"]', 'data-total'), { timeout: 30_000 }).toBe('100000');
    await popup.waitForSelector('[data-testid="records"] li');
    // Virtualised: a screenful of rows, not 100,000.
    expect(await rows(popup).count()).toBeLessThan(30);
    expect(await rows(popup).first().getAttribute('data-id')).toBe('seed-0099999');
    await screenshot(popup, 'ui-popup-100k-records');

    // Scroll to the end: the oldest record is there, loaded on demand.
    await popup.locator('.vlist').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => popup.locator('[data-testid="records"] li[data-id="seed-0000000"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await rows(popup).count()).toBeLessThan(30);
    // And the middle.
    await popup.locator('.vlist').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect.poll(() => popup.locator('[data-testid="records"] li[data-id="seed-0050000"]').count(), { timeout: 30_000 }).toBe(1);
    // Keyboard: End jumps to the last row.
    await popup.locator('[data-testid="records"] li button').first().focus();
    await popup.keyboard.press('End');
    await expect.poll(() => popup.evaluate(() => (document.activeElement as HTMLElement).dataset.index)).toBe('99999');

    // Search stops after 200 matches, newest first.
    await popup.fill('[data-testid="search"]', 'robot');
    await expect.poll(() => popup.getAttribute('[data-testid="result-line"]', 'data-total'), { timeout: 30_000 }).toBe('200');
    expect(await popup.textContent('[data-testid="result-line"]')).toContain('200');
    expect(await rows(popup).first().getAttribute('data-id')).toBe('seed-0099999');

    // Hostile page text renders as text.
    await popup.fill('[data-testid="search"]', 'onerror');
    await expect.poll(() => rows(popup).first().getAttribute('data-id'), { timeout: 30_000 }).toBe('seed-0099996');
    expect(await popup.getAttribute('[data-testid="result-line"]', 'data-total')).toBe('200');
    expect(await rows(popup).first().textContent()).toContain('<img src=x onerror=');
    await rows(popup).first().locator('button').click();
    await popup.waitForSelector('[data-testid="detail"]');
    expect(await popup.textContent('[data-testid="detail-snippet"]')).toContain('<script>alert(1)</script>');
    expect(await popup.locator('[data-testid="detail-snippet"] mark').first().textContent()).toBe('亲，访问被拒绝');
    expect(await popup.locator('img[src="x"], [data-testid="detail-snippet"] script').count()).toBe(0);
    // A rendered frame later, still no script of the page text has run.
    await popup.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await popup.title()).not.toBe('pwned');
    expect(dialogs).toBe(0);
    await screenshot(popup, 'ui-popup-hostile-detail');
    await popup.keyboard.press('Escape');

    // The timeline shows the last 30 days of the seeded span (90 days).
    await popup.click('[data-testid="tab-summary"]');
    const total30 = Number(await popup.getAttribute('svg[data-testid="timeline"]', 'data-total'));
    expect(total30).toBeGreaterThan(30_000);
    expect(total30).toBeLessThan(36_000);
    await screenshot(popup, 'ui-popup-100k-summary');
  }, 300_000);
});

