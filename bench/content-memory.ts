/**
 * Benchmark: the heap the content scripts keep on the 100k-node page (issue 13: ≤ 5 MB).
 *
 * One browser with the extension; the same page is served at a covered address (the content
 * scripts run) and at an address Shutout does not cover (they do not), loaded in turn. Each load
 * waits for the page's scan to reach the background (or, uncovered, for the load), then collects
 * garbage twice over CDP and reads what the page's isolate holds (Runtime.getHeapUsage: the V8
 * heap, Blink's heap of DOM objects, ArrayBuffer backing stores), for the page's world and the
 * content scripts' isolated world together: the difference of the medians is what Shutout keeps
 * (its code, rules, automaton, the watcher's state, DOM objects it keeps alive).
 */
import type { Page } from 'playwright-core';
import { launch, serveBody, waitForScan, type Session } from '../scripts/lib/browser';
import { median } from './lib/stats';
import { BIG_PAGE_URL } from './page-100k';

const UNCOVERED_URL = 'https://www.example.com/item.htm?id=1';

export interface ContentMemoryResult {
  loads: number;
  retainedMB: number;
  coveredMB: number[];
  uncoveredMB: number[];
}

async function usedHeapMB(session: Session, page: Page): Promise<number> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number };
  await cdp.detach();
  // The JS heap, Blink's heap (DOM objects a script keeps alive) and ArrayBuffer backing stores (the automaton's typed arrays).
  return (u.usedSize + (u.embedderHeapUsedSize ?? 0) + (u.backingStorageSize ?? 0)) / 2 ** 20;
}

export async function benchContentMemory(html: string, loads = 5): Promise<ContentMemoryResult> {
  const session = await launch();
  try {
    await serveBody(session.context, BIG_PAGE_URL, html);
    await serveBody(session.context, UNCOVERED_URL, html);
    const covered: number[] = [];
    const uncovered: number[] = [];
    for (let i = 0; i < loads; i++) {
      for (const url of i % 2 ? [UNCOVERED_URL, BIG_PAGE_URL] : [BIG_PAGE_URL, UNCOVERED_URL]) {
        const page = await session.context.newPage();
        page.setDefaultTimeout(120_000);
        await page.goto(url, { waitUntil: 'load' });
        if (url === BIG_PAGE_URL) await waitForScan(session, page, 120_000);
        (url === BIG_PAGE_URL ? covered : uncovered).push(await usedHeapMB(session, page));
        await page.close();
      }
    }
    return { loads, retainedMB: median(covered) - median(uncovered), coveredMB: covered, uncoveredMB: uncovered };
  } finally {
    await session.close();
  }
}
