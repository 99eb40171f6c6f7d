/**
 * The options page in Chromium, in English and in Chinese: switches that persist, settings,
 * language, custom rules (validation, test box, and the rule firing on a real page), import,
 * delete all; screenshots of each section and an axe-core check in light and dark mode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, openPopup, ROOT, serveBody, tabIdOf, waitForRecords, type Session } from '../../scripts/lib/browser';
import { serveDemoPages } from '../../scripts/lib/demo-pages';
import { formatMessage, type MessageTable } from '../../utils/ui/i18n';
import { SCREENSHOT_DIR, screenshot } from './screenshots';

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

async function openOptions(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  await page.waitForSelector('#delete [data-testid="chain-head"]');
  return page;
}

type Chrome = { chrome: { storage: { local: { get(k: string | string[]): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } };
const local = (page: Page, keys: string[]) => page.evaluate((k) => (globalThis as unknown as Chrome).chrome.storage.local.get(k), keys);

async function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
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

const settingsOf = async (page: Page) => Object.fromEntries((await readStore<{ key: string; value: unknown }>(page, 'settings')).map((r) => [r.key, r.value]));

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

async function sectionShots(page: Page, name: string): Promise<void> {
  for (const id of ['general', 'detection', 'rules', 'signing', 'import', 'delete']) {
    await page.locator(`#${id}`).screenshot({ path: join(SCREENSHOT_DIR, `${name}-${id}.png`) });
  }
}

for (const locale of LOCALES) {
  const L = tables[locale];
  const tr = (key: string, ...subs: string[]) => formatMessage(L[key]!, subs);
  const other: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';

  describe(`the options page (${locale})`, () => {
    it('renders every section accessibly; switches, settings and the language persist', async () => {
      session = await launch({ locale });
      const page = await openOptions(session);
      expect(await page.getAttribute('html', 'lang')).toBe(locale === 'zh-CN' ? 'zh-CN' : 'en');
      expect(await page.textContent('h1')).toContain(tr('optTitle'));
      await screenshot(page, `ui-options-${locale}`);
      await sectionShots(page, `ui-options-${locale}`);
      expect(await axe(page), 'light').toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axe(page), 'dark').toEqual([]);
      await screenshot(page, `ui-options-${locale}-dark`);
      await page.emulateMedia({ colorScheme: 'light' });

      // Platforms and rule families: off in storage.local, still off after a reload.
      await page.uncheck('[data-testid="platform-jd"]');
      await page.uncheck('[data-testid="family-walls"]');
      await expect.poll(async () => (await local(page, ['disabledPlatforms'])).disabledPlatforms).toEqual(['jd']);
      await expect.poll(async () => (await local(page, ['disabledFamilies'])).disabledFamilies).toEqual(['walls']);
      await page.reload();
      await page.waitForSelector('[data-testid="platform-jd"]');
      expect(await page.isChecked('[data-testid="platform-jd"]')).toBe(false);
      expect(await page.isChecked('[data-testid="platform-taobao"]')).toBe(true);
      expect(await page.isChecked('[data-testid="family-walls"]')).toBe(false);
      await page.check('[data-testid="platform-jd"]');
      await expect.poll(async () => (await local(page, ['disabledPlatforms'])).disabledPlatforms).toEqual([]);

      // Settings in Dexie.
      await page.fill('[data-testid="opt-profile-label"]', 'lab laptop');
      await page.locator('[data-testid="opt-profile-label"]').blur();
      await page.uncheck('[data-testid="opt-redact"]');
      await page.fill('[data-testid="opt-retention"]', '30');
      await expect.poll(async () => settingsOf(page)).toMatchObject({ profileLabel: 'lab laptop', redactExports: false, retentionDays: 30 });
      await page.fill('[data-testid="opt-retention"]', '-1');
      expect(await page.textContent('#retention-error')).toBe(tr('optRetentionInvalid'));
      expect((await settingsOf(page)).retentionDays).toBe(30);
      await page.fill('[data-testid="opt-retention"]', '0');
      await page.reload();
      await page.waitForSelector('[data-testid="opt-profile-label"]');
      expect(await page.inputValue('[data-testid="opt-profile-label"]')).toBe('lab laptop');
      expect(await page.isChecked('[data-testid="opt-redact"]')).toBe(false);

      // The language switch applies at once, to this page and to the popup.
      const otherLang = other === 'zh-CN' ? 'zh_CN' : 'en';
      await page.selectOption('[data-testid="opt-language"]', otherLang);
      await expect.poll(() => page.textContent('h1')).toContain(formatMessage(tables[other].optTitle!));
      expect(await page.getAttribute('html', 'lang')).toBe(other === 'zh-CN' ? 'zh-CN' : 'en');
      expect((await settingsOf(page)).language).toBe(otherLang);
      await screenshot(page, `ui-options-${locale}-switched-to-${other}`);
      const popup = await openPopup(session, 0);
      expect(await popup.textContent('[data-testid="tab-records"]')).toBe(formatMessage(tables[other].tabRecords!));
      expect(await popup.getAttribute('html', 'lang')).toBe(other === 'zh-CN' ? 'zh-CN' : 'en');
      expect(await axe(popup)).toEqual([]);
      await screenshot(popup, `ui-popup-${locale}-switched-to-${other}`);
      await page.selectOption('[data-testid="opt-language"]', 'auto');
      await expect.poll(() => page.textContent('h1')).toContain(tr('optTitle'));
    });

    it('validates a custom rule field by field, tests it on text, saves it, and it fires on a page', async () => {
      session = await launch({ locale });
      const phrase = locale === 'zh-CN' ? '本店暂停向您销售' : 'We have paused sales to your account';
      await serveBody(session.context, 'https://item.taobao.com/item.htm?id=990000000001', `<!doctype html><html><head><meta charset="utf-8"><title>item</title></head><body><div role="dialog"><h2>${phrase}</h2></div><p>item</p></body></html>`);
      const page = await openOptions(session);
      await page.fill('#rule-id', 'x');
      await page.locator('#rule-id').blur();
      await expect.poll(() => page.textContent('[data-testid="rule-id-error"]')).toBe(tr('ruleErrId'));
      expect(await page.getAttribute('#rule-id', 'aria-invalid')).toBe('true');
      await page.fill('#rule-hosts', 'taobao.com, not a host!');
      await page.fill('#rule-confidence', '2');
      await page.click('[data-testid="rule-save"]');
      expect(await page.textContent('[data-testid="rule-hosts-error"]')).toBe(tr('ruleErrValue', 'host!', tr('ruleErrHost')));
      expect(await page.textContent('[data-testid="rule-phrases-error"]')).toBe(tr('ruleErrPhrasesEmpty'));
      expect(await page.textContent('[data-testid="rule-confidence-error"]')).toBe(tr('ruleErrConfidence'));
      expect(await page.textContent('[data-testid="rule-status"]')).toBe(tr('ruleFixErrors'));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('rule-id');
      await page.click('[data-testid="rule-test"]');
      expect(await page.textContent('[data-testid="rule-test-result"]')).toBe(tr('ruleTestInvalid'));
      await page.locator('#rules').screenshot({ path: join(SCREENSHOT_DIR, `ui-options-${locale}-rule-errors.png`) });
      expect((await local(page, ['userRules'])).userRules).toBeUndefined();

      await page.fill('#rule-id', 'user.e2e-paused');
      await page.selectOption('#rule-kind', 'account-restricted');
      await page.fill('#rule-hosts', 'taobao.com, tmall.com');
      await page.fill('#rule-phrases', `x\n${phrase}`);
      await expect.poll(() => page.textContent('[data-testid="rule-phrases-error"]')).toBe(tr('ruleErrLine', '1', tr('ruleErrPhraseShort')));
      await page.fill('#rule-phrases', phrase);
      await page.fill('#rule-confidence', '0.8');
      for (const f of ['id', 'hosts', 'phrases', 'confidence']) expect(await page.textContent(`[data-testid="rule-${f}-error"]`), f).toBe('');

      await page.fill('[data-testid="rule-test-text"]', `Notice: ${phrase}. Contact support.`);
      await page.click('[data-testid="rule-test"]');
      await expect.poll(() => page.getAttribute('[data-testid="rule-test-result"]', 'data-fired')).toBe('true');
      expect(await page.textContent('[data-testid="rule-test-snippet"]')).toContain(phrase);
      await page.fill('[data-testid="rule-test-text"]', 'Nothing to see here');
      await page.click('[data-testid="rule-test"]');
      await expect.poll(() => page.getAttribute('[data-testid="rule-test-result"]', 'data-fired')).toBe('false');
      await page.locator('#rules').screenshot({ path: join(SCREENSHOT_DIR, `ui-options-${locale}-rule-test.png`) });

      await page.click('[data-testid="rule-save"]');
      await expect.poll(async () => ((await local(page, ['userRules'])).userRules as Array<{ id: string }> | undefined)?.map((r) => r.id)).toEqual(['user.e2e-paused']);
      expect(await page.textContent('[data-testid="rule-list"]')).toContain('user.e2e-paused');
      // The same id cannot be used twice.
      await page.fill('#rule-id', 'user.e2e-paused');
      await expect.poll(() => page.textContent('[data-testid="rule-id-error"]')).toBe(tr('ruleErrIdTaken'));
      expect(await axe(page)).toEqual([]);

      // The saved rule is used by the content script and the background on a real page.
      const shop = await session.context.newPage();
      await shop.goto('https://item.taobao.com/item.htm?id=990000000001');
      const [record] = await waitForRecords(session, (r) => r.some((x) => x.ruleId === 'user.e2e-paused'));
      expect(record).toMatchObject({ kind: 'account-restricted', ruleId: 'user.e2e-paused' });
      const popup = await openPopup(session, await tabIdOf(session, shop));
      await popup.waitForSelector('[data-testid="status"][data-state="blocked"]');
      await popup.locator('[data-testid="records"] li button').first().click();
      expect(await popup.textContent('[data-testid="detail-snippet"] mark')).toBe(phrase);

      await page.click('[data-testid="rule-delete-user.e2e-paused"]');
      await expect.poll(async () => (await local(page, ['userRules'])).userRules).toEqual([]);
      await page.waitForSelector('[data-testid="rules-none"]');
    });

    it('imports an export (once), refuses a broken file without changes, and deletes everything', async () => {
      session = await launch({ locale });
      const demo = await serveDemoPages(session.context);
      const wall = await session.context.newPage();
      await wall.goto(demo.find((p) => p.file === 'taobao-deny.html')!.url);
      const jd = await session.context.newPage();
      await jd.goto(demo.find((p) => p.file === 'jd-coupon-denied.html')!.url);
      await waitForRecords(session, (r) => r.length === 2);
      const popup = await openPopup(session, await tabIdOf(session, wall));
      await expect.poll(() => popup.locator('[data-testid="records"] li').count()).toBe(2);
      const exportFile = async (format: string) => {
        const [d] = await Promise.all([popup.waitForEvent('download', { timeout: 60_000 }), popup.click(`[data-testid="export-${format}"]`)]);
        const path = join(SCREENSHOT_DIR, '..', `ui-options-${locale}-${d.suggestedFilename()}`);
        await d.saveAs(path);
        return path;
      };
      const json = await exportFile('json');
      const zip = await exportFile('zip');

      const page = await openOptions(session);
      const chainBefore = Number(await page.getAttribute('[data-testid="chain-head"]', 'data-length'));
      expect(chainBefore).toBeGreaterThanOrEqual(2);

      // Delete all: a second step with a typed word.
      await page.click('[data-testid="delete-start"]');
      expect(await page.isDisabled('[data-testid="delete-confirm"]')).toBe(true);
      await page.fill('[data-testid="delete-word"]', 'nope');
      expect(await page.isDisabled('[data-testid="delete-confirm"]')).toBe(true);
      await page.fill('[data-testid="delete-word"]', tr('deleteWord'));
      await page.locator('#delete').screenshot({ path: join(SCREENSHOT_DIR, `ui-options-${locale}-delete-confirm.png`) });
      await page.click('[data-testid="delete-confirm"]');
      await page.waitForSelector('[data-testid="wipe-result"]');
      expect(await page.getAttribute('[data-testid="wipe-result"]', 'data-seq')).toBe('1');
      const head = (await page.getAttribute('[data-testid="wipe-result"]', 'data-hash'))!;
      expect(head).toMatch(/^[0-9a-f]{64}$/);
      expect(await page.getAttribute('[data-testid="chain-head"]', 'data-head')).toBe(head);
      expect(await page.getAttribute('[data-testid="chain-head"]', 'data-length')).toBe('1');
      const wipe = (await readStore<{ type: string; data: { previousLength: number } }>(page, 'chain'))[0]!;
      expect(wipe).toMatchObject({ type: 'wipe', data: { previousLength: chainBefore } });
      await popup.reload();
      await popup.waitForSelector('[data-testid="empty-state"]');
      expect(await popup.getAttribute('[data-testid="count"]', 'data-count')).toBe('0');
      expect(await popup.locator('[data-testid="records"] li').count()).toBe(0);

      // Import the JSON export: it shows what it adds, then adds it.
      await page.setInputFiles('[data-testid="import-file"]', json);
      await page.waitForSelector('[data-testid="import-plan"]');
      expect(await page.getAttribute('[data-testid="import-plan"]', 'data-fresh')).toBe('2');
      await page.locator('#import').screenshot({ path: join(SCREENSHOT_DIR, `ui-options-${locale}-import-plan.png`) });
      await page.click('[data-testid="import-apply"]');
      await page.waitForSelector('[data-testid="import-done"]');
      expect(await page.getAttribute('[data-testid="import-done"]', 'data-added')).toBe('2');
      expect(await readStore(page, 'findings')).toHaveLength(2);
      await popup.reload();
      await expect.poll(() => popup.locator('[data-testid="records"] li').count()).toBe(2);
      expect(await popup.getAttribute('[data-testid="count"]', 'data-count')).toBe('2');

      // The same file again adds nothing; so does the ZIP bundle of the same records.
      for (const file of [json, zip]) {
        await page.setInputFiles('[data-testid="import-file"]', file);
        await page.waitForSelector('[data-testid="import-plan"]');
        expect(await page.getAttribute('[data-testid="import-plan"]', 'data-fresh')).toBe('0');
        expect(await page.isDisabled('[data-testid="import-apply"]')).toBe(true);
        expect(await page.textContent('[data-testid="import-plan"]')).toContain(tr('importNothingNew'));
        await page.click('[data-testid="import-cancel"]');
      }
      expect(await readStore(page, 'findings')).toHaveLength(2);

      // A broken file: a clear message, nothing changed.
      const chainLength = (await readStore(page, 'chain')).length;
      await page.setInputFiles('[data-testid="import-file"]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"shutout-evidence","version":1,') });
      await page.waitForSelector('[data-testid="import-error"]');
      const error = (await page.textContent('[data-testid="import-error"]'))!;
      expect(error).toContain(tr('importFailed'));
      expect(error).toContain(tr('importNothingChanged'));
      expect(error).toContain('broken.json');
      await page.locator('#import').screenshot({ path: join(SCREENSHOT_DIR, `ui-options-${locale}-import-error.png`) });
      expect(await axe(page)).toEqual([]);
      expect(await readStore(page, 'findings')).toHaveLength(2);
      expect(await readStore(page, 'chain')).toHaveLength(chainLength);

      // And the ZIP bundle imports after another wipe.
      await page.click('[data-testid="delete-start"]');
      await page.fill('[data-testid="delete-word"]', tr('deleteWord'));
      await page.click('[data-testid="delete-confirm"]');
      await expect.poll(() => page.getAttribute('[data-testid="chain-head"]', 'data-length')).toBe('1');
      await page.setInputFiles('[data-testid="import-file"]', zip);
      await page.waitForSelector('[data-testid="import-plan"]');
      expect(await page.getAttribute('[data-testid="import-plan"]', 'data-fresh')).toBe('2');
      await page.click('[data-testid="import-apply"]');
      await page.waitForSelector('[data-testid="import-done"]');
      expect(await readStore(page, 'findings')).toHaveLength(2);
    });
  });
}
