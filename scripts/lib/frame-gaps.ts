import type { Page } from 'playwright-core';

// Sent as source text: a bundler's helpers (tsx names functions with `__name`) do not exist in the page.
const WATCH = `(() => {
  const w = window;
  w.__maxGap = 0;
  w.__last = performance.now();
  w.__watch = true;
  const tick = (t) => {
    w.__maxGap = Math.max(w.__maxGap, t - w.__last);
    w.__last = t;
    if (w.__watch) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP = '(() => { window.__watch = false; return window.__maxGap; })()';

/** Starts recording the longest gap between two animation frames of `page` (a blocked main thread shows as a long gap). */
export async function watchFrameGaps(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(WATCH);
  return () => page.evaluate(STOP) as Promise<number>;
}
