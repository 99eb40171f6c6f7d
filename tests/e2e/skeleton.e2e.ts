import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, leave, openPopup, stopServiceWorkers, storedRecords, tabIdOf, waitForRecords, waitForScan, type Session } from '../../scripts/lib/browser';
import { demoPages, serveDemoPages } from '../../scripts/lib/demo-pages';
import { screenshot } from './screenshots';

const pages = demoPages();
const wall = pages.find((p) => p.file === 'taobao-deny.html')!;
const clean = pages.find((p) => p.file === 'taobao-item.html')!;
const jd = pages.find((p) => p.file === 'jd-coupon-denied.html')!;

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the extension in Chromium', () => {
  it('records a block page exactly once and a clean page not at all', async () => {
    session = await launch();
    await serveDemoPages(session.context);
    const page = await session.context.newPage();
    await page.goto(clean.url);
    await waitForScan(session, page);
    await page.goto(wall.url);
    const records = await waitForRecords(session, (r) => r.length >= 1);
    await leave(session, page);
    const after = await storedRecords(session);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ kind: 'access-denied', pageUrl: wall.url, platform: 'taobao' });
    expect(records[0]!.snippet).toContain('访问被拒绝');
    expect(after.filter((r) => r.pageUrl === clean.url)).toHaveLength(0);
  });

  it('records a toast that appears after load (JD coupon refused)', async () => {
    session = await launch();
    await serveDemoPages(session.context);
    const page = await session.context.newPage();
    await page.goto(jd.url);
    const records = await waitForRecords(session, (r) => r.length >= 1);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'promotion-denied', platform: 'jd', where: 'dialog' });
  });

  it('shows the record in the popup and exports it as JSON', async () => {
    session = await launch();
    await serveDemoPages(session.context);
    const page = await session.context.newPage();
    await page.goto(wall.url);
    await waitForRecords(session, (r) => r.length === 1);
    const popup = await openPopup(session, await tabIdOf(session, page));
    await popup.waitForSelector('[data-testid="status"][data-state="blocked"]');
    await expect.poll(() => popup.getAttribute('[data-testid="count"]', 'data-count')).toBe('1');
    const listed = await popup.locator('[data-testid="records"] li').allTextContents();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('访问被拒绝');
    await screenshot(popup, 'popup-blocked');

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-testid="export-json"]')]);
    expect(download.suggestedFilename()).toMatch(/^shutout-export-\d{8}-\d{6}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    // Format 2; the chain holds the installation's signing key entry, then the finding.
    expect(data).toMatchObject({ format: 'shutout-evidence', version: 2, chain: { length: 2 } });
    expect(data.records).toHaveLength(1);
    // Redaction is on by default: the wall's URL keeps its place but not its token.
    expect(data.records[0]).toMatchObject({ kind: 'access-denied', ruleId: expect.any(String) });
    const exportedUrl = new URL(data.records[0].pageUrl);
    expect(exportedUrl.origin + exportedUrl.pathname).toBe(new URL(wall.url).origin + new URL(wall.url).pathname);
    expect(data.records[0].pageUrl).not.toContain('x5secdata=demo');
  });

  it('shows a clean page as clear', async () => {
    session = await launch();
    await serveDemoPages(session.context);
    const page = await session.context.newPage();
    await page.goto(clean.url);
    await waitForScan(session, page);
    const popup = await openPopup(session, await tabIdOf(session, page));
    await popup.waitForSelector('[data-testid="status"][data-state="clear"]');
    await screenshot(popup, 'popup-clear');
    expect(await storedRecords(session)).toHaveLength(0);
  });

  it('loses nothing when the service worker is stopped between two pages', async () => {
    session = await launch();
    await serveDemoPages(session.context);
    const page = await session.context.newPage();
    await page.goto(wall.url);
    await waitForRecords(session, (r) => r.length === 1);
    await stopServiceWorkers(session, page);
    const second = await session.context.newPage();
    await second.goto(jd.url);
    const records = await waitForRecords(session, (r) => r.length === 2);
    expect(records.map((r) => r.kind).sort()).toEqual(['access-denied', 'promotion-denied']);
  });

  it('keeps the records when the browser restarts with the same profile', async () => {
    session = await launch();
    await serveDemoPages(session.context);
    const page = await session.context.newPage();
    await page.goto(wall.url);
    await waitForRecords(session, (r) => r.length === 1);
    session = await session.restart();
    const records = await storedRecords(session);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'access-denied', pageUrl: wall.url });
  });
});
