import type { Page } from 'playwright-core';

/** Starts recording the longest gap between two animation frames of `page` (a blocked main thread shows as a long gap). */
export async function watchFrameGaps(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; last: number; run: boolean };
    w.maxGap = 0;
    w.last = performance.now();
    w.run = true;
    const tick = (t: number) => {
      w.maxGap = Math.max(w.maxGap, t - w.last);
      w.last = t;
      if (w.run) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { maxGap: number; run: boolean };
      w.run = false;
      return w.maxGap;
    });
}
