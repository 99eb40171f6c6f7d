/**
 * Issue 9 end to end in Chromium: findings → a redacted ZIP from the popup → `shutout verify`
 * passes with the browser's own chain head and the options page's key; the same bundle forged
 * (a record changed, chain and manifest recomputed without the key) fails; report.html shows
 * every finding and the screenshots, in both languages, with page text inert.
 */
// The forger's side runs in Node, on an in-memory IndexedDB.
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { clickAction, launch, openPopup, ROOT, sendFromExtension, serveBody, serveFile, storedRecords, tabIdOf, waitForRecords, type Session } from '../../scripts/lib/browser';
import type { ChainEntry } from '../../utils/evidence/chain';
import { formatFingerprint } from '../../utils/evidence/signing';
import type { CaptureResponse } from '../../utils/protocol/messages';
import { bundleFile, recomputeChain, repack, run, sourceOf, tempDir, unpack } from '../unit/evidence-bundle-helpers';
import { testSigner } from '../unit/evidence-helpers';
import { ShutoutDB } from '../../utils/storage/db';
import { SCREENSHOT_DIR } from './screenshots';

const FIX = join(ROOT, 'tests/fixtures/e2e');
const tmp = tempDir('bundle-e2e');
afterAll(() => tmp.remove());
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Two marketplace pages with findings (one of them hostile), and a screenshot of the first, as a user would take it. */
async function findingsWithCapture(s: Session): Promise<{ page: Page; records: Array<Record<string, unknown>> }> {
  await serveFile(s.context, /^https:\/\/item\.taobao\.com\/item\.htm\?id=7\d+&sid=SECRET-SESSION$/, join(FIX, 'five-kinds.html'));
  await serveBody(s.context, /^https:\/\/h5api\.m\.taobao\.com\//, '{"api":"mtop.taobao.coupon.apply","v":"1.0","ret":["FAIL_SYS_API_STOP_SERVICE::API服务已停止"],"data":{}}', {
    contentType: 'application/json',
    headers: { 'access-control-allow-origin': 'https://item.taobao.com' },
  });
  await serveFile(s.context, 'https://item.taobao.com/item.htm?id=800000000009', join(FIX, 'hostile.html'));
  const hostile = await s.context.newPage();
  await hostile.goto('https://item.taobao.com/item.htm?id=800000000009');
  await waitForRecords(s, (r) => r.length === 1);
  const page = await s.context.newPage();
  await page.goto('https://item.taobao.com/item.htm?id=700001&sid=SECRET-SESSION');
  const records = await waitForRecords(s, (r) => r.length === 6, 30_000);
  await page.bringToFront();
  await clickAction(s, page);
  const res = await sendFromExtension<CaptureResponse>(s, { type: 'capture/page', tabId: await tabIdOf(s, page) });
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return { page, records };
}

async function chainHead(s: Session): Promise<string> {
  const popup = s.context.pages().find((p) => p.url().startsWith(`chrome-extension://${s.extensionId}/`))!;
  return popup.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('shutout');
        req.onsuccess = () => {
          const cursor = req.result.transaction('chain').objectStore('chain').openCursor(null, 'prev');
          cursor.onsuccess = () => {
            resolve((cursor.result!.value as ChainEntry).hash);
            req.result.close();
          };
        };
      }),
  );
}

async function exportZip(popup: Page, name: string): Promise<string> {
  const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 60_000 }), popup.click('[data-testid="export-zip"]')]);
  const path = join(tmp.dir, name);
  await download.saveAs(path);
  return path;
}

async function optionsFingerprint(s: Session): Promise<string> {
  const options = await s.context.newPage();
  await options.goto(`chrome-extension://${s.extensionId}/options.html`);
  await options.waitForSelector('[data-testid="key-fingerprint"]');
  const fp = (await options.getAttribute('[data-testid="key-fingerprint"]', 'data-fingerprint'))!;
  expect(await options.textContent('[data-testid="key-fingerprint"]')).toBe(formatFingerprint(fp));
  await options.close();
  return fp;
}

describe('signed, redacted evidence from the popup', () => {
  it('verifies with the original chain head and the options page’s key; a forged copy fails', async () => {
    session = await launch();
    const { page } = await findingsWithCapture(session);
    const popup = await openPopup(session, await tabIdOf(session, page));
    const path = await exportZip(popup, 'redacted.zip');
    const head = await chainHead(session);
    const fingerprint = await optionsFingerprint(session);

    const files = unpack(path);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'findings.csv', 'manifest.json', 'records.ndjson', 'report.html', 'report.signature.json', 'signature.json']);
    for (const [name, bytes] of Object.entries(files)) {
      const text = Buffer.from(bytes).toString("utf8");
      const at = text.indexOf("SECRET-SESSION");
      expect(at, `${name}: ${text.slice(Math.max(0, at - 300), at + 50)}`).toBe(-1);
    }
    const ok = await run(['verify', '--key', fingerprint, path]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`chain head ${head}`);
    expect(ok.stdout).toContain('(the key you named)');
    expect(ok.stdout).toMatch(/withheld by redaction: .*pageUrl/);

    // Someone without the key turns a finding into another kind, recomputes the chain, the CSV, the
    // report and the manifest (by building the bundle anew), and keeps the genuine signature.
    const entries = new TextDecoder().decode(files['records.ndjson']).trim().split('\n').map((l) => JSON.parse(l) as ChainEntry);
    const forgedDb = new ShutoutDB('e2e-forged');
    try {
      await forgedDb.chain.bulkAdd(recomputeChain(entries, (e) => {
        if (e.type === 'finding' && e.data.kind === 'account-restricted') e.data.kind = 'access-denied';
      }));
      const forged = join(tmp.dir, 'forged.zip');
      await bundleFile(forged, { ...sourceOf(forgedDb, false), startSeq: entries[0]!.seq }, await testSigner());
      const forgedFiles = unpack(forged);
      forgedFiles['signature.json'] = files['signature.json']!;
      repack(forged, forgedFiles);
      const bad = await run(['verify', forged]);
      expect(bad.code, bad.stdout + bad.stderr).toBe(1);
      expect(bad.stdout).toMatch(/ALTERED: .*signature/);
    } finally {
      await forgedDb.delete();
    }
  });
});

describe('report.html', () => {
  it('shows every finding and the screenshots, in both languages, with page text inert', async () => {
    session = await launch();
    const { page } = await findingsWithCapture(session);
    // Screenshots travel only in unredacted bundles: redaction off in the options.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.uncheck('[data-testid="opt-redact"]');
    await options.waitForFunction(() => document.querySelector('[data-testid="general-saved"]')?.textContent);
    await options.close();
    const popup = await openPopup(session, await tabIdOf(session, page));
    const path = await exportZip(popup, 'full.zip');
    expect((await run(['verify', path])).code).toBe(0);
    const files = unpack(path);
    const shots = Object.keys(files).filter((f) => f.startsWith('captures/') && f.endsWith('.png'));
    expect(shots).toHaveLength(1);
    const reportPath = join(tmp.dir, 'report.html');
    writeFileSync(reportPath, files['report.html']!);

    const stored = await storedRecords(session);
    const viewer = await session.context.newPage();
    let dialogs = 0;
    viewer.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const requests: string[] = [];
    viewer.on('request', (r) => requests.push(r.url()));
    await viewer.setViewportSize({ width: 1000, height: 900 });
    for (const lang of ['en', 'zh'] as const) {
      await viewer.goto(`file://${reportPath}${lang === 'zh' ? '#zh' : ''}`);
      const shown = await viewer.evaluate(() => ({
        findings: document.querySelectorAll('article.finding').length,
        title: document.title,
        visibleHeading: [...document.querySelectorAll('h1 span')].filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.textContent),
        images: [...document.querySelectorAll('article.finding img')].map((i) => (i as HTMLImageElement).naturalWidth),
        // textContent: findings off screen are not laid out (content-visibility), so innerText skips them.
        text: document.body.textContent ?? '',
        scripts: document.scripts.length,
        jsLinks: document.querySelectorAll('a[href^="javascript:"], [onerror], [onload]').length,
      }));
      expect(shown.findings).toBe(stored.length);
      for (const r of stored) expect(shown.text).toContain(String(r.snippet).slice(0, 20));
      expect(shown.images).toHaveLength(1);
      expect(shown.images[0]).toBeGreaterThan(100);
      expect(shown.visibleHeading).toEqual([lang === 'zh' ? 'Shutout 证据报告' : 'Shutout evidence report']);
      expect(shown.scripts).toBe(0);
      expect(shown.jsLinks).toBe(0);
      expect(shown.title).not.toBe('pwned');
      expect(shown.text).toContain('<img src=x onerror=');
      await viewer.screenshot({ path: join(SCREENSHOT_DIR, `report-${lang}.png`), fullPage: true });
      await viewer.locator('article.finding', { has: viewer.locator('img') }).screenshot({ path: join(SCREENSHOT_DIR, `report-${lang}-finding-with-capture.png`) });
      await viewer.locator('.integrity').screenshot({ path: join(SCREENSHOT_DIR, `report-${lang}-integrity.png`) });
      await viewer.emulateMedia({ media: 'print' });
      await viewer.screenshot({ path: join(SCREENSHOT_DIR, `report-${lang}-print.png`), fullPage: false });
      await viewer.emulateMedia({ media: 'screen' });
    }
    // The switch is a link, no script: clicking it shows the other language.
    await viewer.goto(`file://${reportPath}`);
    await viewer.click('a.switch:visible');
    expect(await viewer.evaluate(() => [...document.querySelectorAll('h1 span')].filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.textContent))).toEqual(['Shutout 证据报告']);
    await viewer.locator('article.finding').first().screenshot({ path: join(SCREENSHOT_DIR, 'report-finding-zh.png') });
    expect(dialogs).toBe(0);
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
    await viewer.emulateMedia({ media: 'print' });
    const pdf = await viewer.pdf({ format: 'A4' }).catch(() => null);
    if (pdf) writeFileSync(join(SCREENSHOT_DIR, 'report.pdf'), pdf);
    expect(readFileSync(reportPath).length).toBeGreaterThan(1000);
  });
});
