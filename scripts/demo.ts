/**
 * `npm run demo`: Chromium with the built extension on the bundled demo pages.
 * With a display it opens a window to try things by hand; without one it visits the pages
 * headless, prints what was detected, and saves a screenshot of the popup.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, FIREFOX_BUILD, launch, openPopup, ROOT, storedRecords, tabIdOf } from './lib/browser';
import { serveDemoPages } from './lib/demo-pages';

const headed = !!process.env.DISPLAY && process.env.SHUTOUT_HEADLESS !== '1';
const session = await launch({ headless: !headed });
const pages = await serveDemoPages(session.context);
console.log(`Shutout demo: Chromium with ${CHROME_BUILD} loaded (${headed ? 'window' : 'headless'}).`);

const tabs = [];
for (const p of pages) {
  const page = await session.context.newPage();
  await page.goto(p.url);
  tabs.push({ demo: p, page });
}
// Late notices (the JD toast) appear after load; the content script reports on idle.
await new Promise((r) => setTimeout(r, 2500));

const records = await storedRecords(session);
console.log('\nWhat Shutout detected:');
for (const { demo } of tabs) {
  const found = records.filter((r) => r.pageUrl === demo.url);
  const verdict = found.length ? `BLOCKED  ${found.map((r) => `${r.kind} (${r.ruleId}): "${r.snippet}"`).join('; ')}` : 'clear';
  console.log(`  ${demo.name.padEnd(26)} ${verdict}`);
}

const blocked = tabs.find((t) => t.demo.expect.length > 0)!;
const popup = await openPopup(session, await tabIdOf(session, blocked.page));
if (headed) {
  await popup.bringToFront();
} else {
  const outDir = join(ROOT, 'demo-output');
  mkdirSync(outDir, { recursive: true });
  const shot = join(outDir, 'popup.png');
  await popup.screenshot({ path: shot, fullPage: true });
  console.log(`\nScreenshot of the popup (for "${blocked.demo.name}"): ${shot}`);
}

console.log(`
Load Shutout into your own browser:
  Chrome/Chromium: chrome://extensions → Developer mode → "Load unpacked" → ${CHROME_BUILD}
  Firefox:         npm run build:firefox, then about:debugging → This Firefox → "Load Temporary Add-on…" → ${join(FIREFOX_BUILD, 'manifest.json')}
`);

if (headed) {
  console.log('The demo window stays open; close it to finish.');
  await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
} else {
  await session.close();
}
