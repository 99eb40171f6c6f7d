import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { clickAction, launch, leave, openPopup, ROOT, sendFromExtension, serveBody, serveFile, stopServiceWorkers, storedRecords, tabIdOf, waitForRecords, type Session } from '../../scripts/lib/browser';
import type { CaptureResponse } from '../../utils/protocol/messages';
import { screenshot } from './screenshots';

const FIX = join(ROOT, 'tests/fixtures/e2e');
const out = mkdtempSync(join(tmpdir(), 'shutout-evidence-e2e-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

async function servePages(s: Session): Promise<void> {
  await serveFile(s.context, /^https:\/\/item\.taobao\.com\/item\.htm\?id=7\d+$/, join(FIX, 'five-kinds.html'));
  await serveBody(s.context, /^https:\/\/h5api\.m\.taobao\.com\//, '{"api":"mtop.taobao.coupon.apply","v":"1.0","ret":["FAIL_SYS_API_STOP_SERVICE::API服务已停止"],"data":{}}', {
    contentType: 'application/json',
    headers: { 'access-control-allow-origin': 'https://item.taobao.com' },
  });
}

describe('the evidence store in Chromium', () => {
  it('keeps 500 findings from 100 pages while the worker is stopped three times, without duplicates, across a restart', async () => {
    session = await launch();
    await servePages(session);
    const tabs = await Promise.all([0, 1, 2, 3].map(() => session!.context.newPage()));
    const url = (i: number) => `https://item.taobao.com/item.htm?id=7${String(i).padStart(5, '0')}`;
    for (let i = 0; i < 100; i++) {
      // A tab moves on only once its page has been scanned (its five findings produced); delivery
      // is what this test is about, and it runs while the worker is being stopped.
      if (i >= 4) await waitForRecords(session, (r) => r.filter((x) => x.pageUrl === url(i - 4)).length === 5, 20_000);
      await tabs[i % 4]!.goto(url(i));
      if (i === 24 || i === 49 || i === 74) await stopServiceWorkers(session, tabs[i % 4]!);
    }
    const records = await waitForRecords(session, (r) => r.length >= 500, 60_000);
    // Nothing more can come once every tab has moved on and its next page's report was handled.
    for (const tab of tabs) await leave(session, tab);
    const all = await storedRecords(session);
    expect(all).toHaveLength(500);
    expect(new Set(all.map((r) => r.key)).size).toBe(500);
    const perKind: Record<string, number> = {};
    for (const r of all) perKind[String(r.kind)] = (perKind[String(r.kind)] ?? 0) + 1;
    expect(perKind).toEqual({
      'access-denied': 100,
      'risk-challenge': 100,
      'account-restricted': 100,
      'promotion-denied': 100,
      'service-suspended': 100,
    });
    expect(new Set(records.map((r) => r.seq)).size).toBe(records.length);

    session = await session.restart();
    expect(await storedRecords(session)).toHaveLength(500);

    // The bundle exported from the popup verifies; one changed byte does not.
    await serveFile(session.context, 'https://item.taobao.com/item.htm?id=1', join(FIX, 'silent.html'));
    const page = await session.context.newPage();
    await page.goto('https://item.taobao.com/item.htm?id=1');
    const popup = await openPopup(session, await tabIdOf(session, page));
    const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 60_000 }), popup.click('[data-testid="export-zip"]')]);
    const bundle = join(out, download.suggestedFilename());
    await download.saveAs(bundle);
    expect(download.suggestedFilename()).toMatch(/^shutout-bundle-\d{8}-\d{6}\.zip$/);
    const ok = await cli(['verify', bundle]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    // 500 findings and the signing key made on first run.
    expect(ok.stdout).toMatch(/intact: \d+ files, 501 chain entries/);
    const bytes = readFileSync(bundle);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x20;
    const altered = join(out, 'altered.zip');
    writeFileSync(altered, bytes);
    const bad = await cli(['verify', altered]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/ALTERED: .*(file|chain entry|ZIP)/);
  });

  it('keeps the finding of a tab closed right after its page loaded', async () => {
    session = await launch();
    await serveFile(session.context, 'https://item.taobao.com/item.htm?id=800000000003', join(FIX, 'hostile.html'));
    await storedRecords(session); // the reading page is open before the test page
    const page = await session.context.newPage();
    await page.goto('https://item.taobao.com/item.htm?id=800000000003', { waitUntil: 'domcontentloaded' });
    await page.close({ runBeforeUnload: true });
    const records = await waitForRecords(session, (r) => r.length > 0);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'access-denied', pageUrl: 'https://item.taobao.com/item.htm?id=800000000003' });
  });

  it('keeps the finding of a tab closed while its page was still loading, before the engine came', async () => {
    // The watch script runs at document_idle. A script that never arrives holds the parser, so the
    // document stays "loading" and only the document_start bootstrap is there when the tab closes:
    // it hands the page's HTML to the background, whose page reader finds the notice, and only
    // what the page shows.
    session = await launch();
    const url = 'https://item.taobao.com/item.htm?id=800000000004';
    const held: Array<() => Promise<void>> = [];
    await session.context.route('https://item.taobao.com/held.js', (route) => void held.push(() => route.abort().catch(() => {})));
    await serveBody(
      session.context,
      url,
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>淘宝网</title><style>.gone{display:none}</style></head><body>' +
        '<div id="baxia-punish" class="baxia-punish deny pc"><div class="warn">亲，访问被拒绝</div><p>请检查是否使用了代理软件或 VPN 哦~</p></div>' +
        // Hidden by the page's style sheet, which the background's static reader cannot apply: the handed-over HTML leaves it out.
        '<div class="gone">活动太火爆，请稍后再试</div>' +
        '<script src="https://item.taobao.com/held.js"></script><p>never parsed</p></body></html>',
    );
    await storedRecords(session); // the reading page is open before the test page
    const page = await session.context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('#baxia-punish', { state: 'attached' });
    await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    await page.close({ runBeforeUnload: true });
    await Promise.all(held.map((abort) => abort()));
    const records = await waitForRecords(session, (r) => r.length > 0);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'access-denied', pageUrl: url, pageTitle: '淘宝网' });
  });

  it('exports CSV that a CSV parser reads back field for field, with hostile page text inert', async () => {
    session = await launch();
    await serveFile(session.context, 'https://item.taobao.com/item.htm?id=800000000001', join(FIX, 'hostile.html'));
    const page = await session.context.newPage();
    await page.goto('https://item.taobao.com/item.htm?id=800000000001');
    const [record] = await waitForRecords(session, (r) => r.length === 1);
    expect(String(record!.snippet)).toContain('<img src=x onerror=');
    expect(String(record!.snippet)).toContain('=HYPERLINK(');

    const popup = await openPopup(session, await tabIdOf(session, page));
    let dialogs = 0;
    popup.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await popup.waitForSelector('[data-testid="records"] li');
    expect(await popup.locator('[data-testid="records"] li').first().textContent()).toContain('<img src=x onerror=');
    expect(await popup.locator('[data-testid="records"] img[src="x"]').count()).toBe(0);
    expect(await popup.title()).not.toBe('pwned');
    await screenshot(popup, 'popup-hostile-text');

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-testid="export-csv"]')]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(1);
    const stored = (await storedRecords(session))[0]!;
    const row = parsed.data[0]!;
    for (const field of parsed.meta.fields!) {
      const value = stored[field] === undefined || stored[field] === null ? '' : String(stored[field]);
      // Redaction is on by default for exports, and nothing here needs masking.
      expect(row[field], field).toBe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    }
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(dialogs).toBe(0);
  });

  it('captures the page as evidence: a screenshot and an MHTML snapshot with their SHA-256, linked to the finding', async () => {
    session = await launch();
    await serveFile(session.context, 'https://item.taobao.com/item.htm?id=800000000002', join(FIX, 'hostile.html'));
    const page = await session.context.newPage();
    await page.goto('https://item.taobao.com/item.htm?id=800000000002');
    const [record] = await waitForRecords(session, (r) => r.length === 1);
    const tabId = await tabIdOf(session, page);
    await page.bringToFront();
    // Without the user's click on the toolbar button the browser refuses the screenshot.
    // The snapshot needs no click: it is made, the first a fresh worker makes included.
    const refused = await sendFromExtension<CaptureResponse>(session, { type: 'capture/page', tabId });
    expect(refused).toMatchObject({ ok: true, captures: [{ type: 'mhtml' }], warnings: [expect.stringContaining('screenshot: Either')] });
    await clickAction(session, page);
    const res = await sendFromExtension<CaptureResponse>(session, { type: 'capture/page', tabId });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.findingId).toBe(record!.id);
    expect(res.captures.map((c) => c.type).sort()).toEqual(['mhtml', 'screenshot']);
    const stored = await session.context.pages().find((p) => p.url().includes('popup.html?tab=0'))!.evaluate(
      () =>
        new Promise<Array<{ id: string; type: string; sha256: string; size: number; findingId: string; bytes: number[] }>>((resolve) => {
          const req = indexedDB.open('shutout');
          req.onsuccess = () => {
            const get = req.result.transaction('captures').objectStore('captures').getAll();
            get.onsuccess = async () => {
              req.result.close();
              resolve(
                await Promise.all(
                  (get.result as Array<{ id: string; type: string; sha256: string; size: number; findingId: string; blob: Blob }>).map(async (c) => ({
                    ...c,
                    blob: undefined as never,
                    bytes: Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await c.blob.arrayBuffer()))),
                  })),
                ),
              );
            };
          };
        }),
    );
    expect(stored).toHaveLength(3);
    for (const c of stored) {
      expect(c.findingId).toBe(record!.id);
      // The stored hash is the SHA-256 of the stored bytes.
      expect(c.sha256).toBe(c.bytes.map((b) => b.toString(16).padStart(2, '0')).join(''));
    }
    const findings = await storedRecords(session);
    expect((findings[0]!.captureIds as string[]).length).toBe(3);
  });
});
