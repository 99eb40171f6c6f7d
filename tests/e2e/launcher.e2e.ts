/**
 * Chromium sessions leave no profile behind: closing removes the folder `launch` made, a restart
 * keeps it until the last close, and a test that fails with a browser open still cleans up
 * through afterEach (the globalSetup in tests/temp-guard.ts fails the run otherwise).
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, serveBody, type Session } from '../../scripts/lib/browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the Chromium launcher', () => {
  it('removes the profile folder when the session closes', async () => {
    session = await launch({ withExtension: false });
    const dir = session.userDataDir;
    expect(existsSync(dir)).toBe(true);
    await session.close();
    session = undefined;
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps the profile across a restart, and removes it at the last close', async () => {
    session = await launch({ withExtension: false });
    const dir = session.userDataDir;
    await serveBody(session.context, 'https://item.taobao.com/', '<html><body>x</body></html>');
    const page = await session.context.newPage();
    await page.goto('https://item.taobao.com/');
    await page.evaluate(() => localStorage.setItem('kept', 'yes'));
    session = await session.restart();
    expect(session.userDataDir).toBe(dir);
    await serveBody(session.context, 'https://item.taobao.com/', '<html><body>x</body></html>');
    const again = await session.context.newPage();
    await again.goto('https://item.taobao.com/');
    expect(await again.evaluate(() => localStorage.getItem('kept'))).toBe('yes');
    await session.close();
    session = undefined;
    expect(existsSync(dir)).toBe(false);
  });
});
