/**
 * Benchmark 4: a page that keeps changing. A search-result page (served at a Taobao URL, so
 * the content script runs) appends 10,000 nodes in 1,000 batches of 10, one batch per
 * `setTimeout(0)` task, starting 2 s after load (the content script's first scan is done by
 * then), and is watched for 1 s more (the watcher reads queued nodes in idle callbacks).
 *
 * Runs alternate with and without the extension, each traced (CDP Tracing) and measured (CDP
 * Performance.getMetrics, thread time). From the traces (lib/trace.ts):
 * - the extension's own time: total, per batch, the longest in one task, tasks over 16 ms;
 * - the page's batch tasks (those running its `step` function), mean duration with and
 *   without the extension: what the MutationObserver costs inside the page's own tasks
 *   (its callback runs at the end of the batch's task, and Blink records the mutations);
 * - the longest task and the number of tasks over 16 ms, with and without.
 * TaskDuration over the whole run is reported too, but it mostly counts frames, whose number
 * depends on how long the run takes in wall time: on a loaded 2-core machine it varies by
 * seconds between runs, far more than the extension's part.
 */
import { launch, serveBody, type Session } from '../scripts/lib/browser';
import { closeSession } from './lib/session';
import { median } from './lib/stats';
import { metrics, taskFigures, traced, type TaskFigures } from './lib/trace';
import { extensionName } from './main-thread';
import { FEED_PAGE_URL, feedPage } from './page-100k';

export const BATCHES = 1000;
export const PER_BATCH = 10;
const SETTLE_BEFORE_MS = 2000;
const SETTLE_AFTER_MS = 1000;
/** The page's batch function (feedPage). */
const PAGE_FUNCTION = 'step';

type FeedWin = { __startBatches(batches: number, perBatch: number, mode: 'timeout' | 'raf'): Promise<number> };

export interface BatchRun {
  elapsedMs: number;
  taskMs: number;
  scriptMs: number;
  trace: TaskFigures;
}

export interface MutationsResult {
  batches: number;
  perBatch: number;
  mode: 'setTimeout(0)';
  runs: number;
  with: BatchRun[];
  without: BatchRun[];
  /** Medians over the runs with the extension. */
  shutoutMs: number;
  shutoutMsPerBatch: number;
  /** Worst over the runs with the extension. */
  longestShutoutMs: number;
  shutoutTasksOver16ms: number;
  /** Shutout tasks over 8 ms (issue 13), worst run; and the longest Shutout time in a task of each run. */
  shutoutTasksOver8ms: number;
  longestShutoutRunsMs: number[];
  longTasksCaused: number;
  /** Mean duration of the page's batch tasks, median over runs. */
  batchTaskMeanMs: { with: number; without: number; extra: number };
  /** Extra main-thread time per batch: the batch task's extra plus the extension's tasks outside them. */
  extraMsPerBatch: number;
  extraMsTotal: number;
  longestTaskMs: { with: number; without: number };
  tasksOver16ms: { with: number; without: number };
  taskDurationMs: { with: number; without: number };
}

async function run(session: Session): Promise<BatchRun> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(FEED_PAGE_URL, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_BEFORE_MS);
    const { result, events } = await traced(cdp, async () => {
      const m0 = await metrics(cdp);
      const elapsedMs = await page.evaluate(([b, n]) => (window as unknown as FeedWin).__startBatches(b, n, 'timeout'), [BATCHES, PER_BATCH] as const);
      await page.waitForTimeout(SETTLE_AFTER_MS);
      const m1 = await metrics(cdp);
      return { elapsedMs, taskMs: (m1.TaskDuration! - m0.TaskDuration!) * 1000, scriptMs: (m1.ScriptDuration! - m0.ScriptDuration!) * 1000 };
    });
    await cdp.detach();
    return { ...result, trace: taskFigures(events, new URL(FEED_PAGE_URL).origin, extensionName(), PAGE_FUNCTION) };
  } finally {
    await page.close();
  }
}

export async function benchMutations(runs: number, log: (s: string) => void): Promise<MutationsResult> {
  const html = feedPage();
  const withExt = await launch();
  const without = await launch({ withExtension: false });
  try {
    for (const s of [withExt, without]) await serveBody(s.context, FEED_PAGE_URL, html);
    const a: BatchRun[] = [];
    const b: BatchRun[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        a.push(await run(withExt));
        b.push(await run(without));
      } else {
        b.push(await run(without));
        a.push(await run(withExt));
      }
      const w = a[i]!.trace;
      log(
        `  run ${i + 1}/${runs}: Shutout ${w.shutout.totalMs.toFixed(1)} ms in ${w.shutout.tasks} tasks (longest ${w.shutout.longestMs.toFixed(2)} ms); ` +
          `batch task mean ${w.pageTasks?.meanMs.toFixed(3)} ms with, ${b[i]!.trace.pageTasks?.meanMs.toFixed(3)} ms without`,
      );
    }
    const shutoutMs = median(a.map((r) => r.trace.shutout.totalMs));
    const batchWith = median(a.map((r) => r.trace.pageTasks?.meanMs ?? NaN));
    const batchWithout = median(b.map((r) => r.trace.pageTasks?.meanMs ?? NaN));
    const outsideBatches = median(a.map((r) => r.trace.shutout.totalMs - (r.trace.pageTasks?.shutoutMs ?? 0)));
    const extraMsPerBatch = batchWith - batchWithout + outsideBatches / BATCHES;
    return {
      batches: BATCHES,
      perBatch: PER_BATCH,
      mode: 'setTimeout(0)',
      runs,
      with: a,
      without: b,
      shutoutMs,
      shutoutMsPerBatch: shutoutMs / BATCHES,
      longestShutoutMs: Math.max(...a.map((r) => r.trace.shutout.longestMs)),
      shutoutTasksOver16ms: Math.max(...a.map((r) => r.trace.shutout.over16ms)),
      shutoutTasksOver8ms: Math.max(...a.map((r) => r.trace.shutout.over8ms)),
      longestShutoutRunsMs: a.map((r) => r.trace.shutout.longestMs),
      longTasksCaused: Math.max(...a.map((r) => r.trace.shutout.longTasksCaused)),
      batchTaskMeanMs: { with: batchWith, without: batchWithout, extra: batchWith - batchWithout },
      extraMsPerBatch,
      extraMsTotal: extraMsPerBatch * BATCHES,
      longestTaskMs: { with: median(a.map((r) => r.trace.longestTaskMs)), without: median(b.map((r) => r.trace.longestTaskMs)) },
      tasksOver16ms: { with: median(a.map((r) => r.trace.tasksOver16ms)), without: median(b.map((r) => r.trace.tasksOver16ms)) },
      taskDurationMs: { with: median(a.map((r) => r.taskMs)), without: median(b.map((r) => r.taskMs)) },
    };
  } finally {
    await closeSession(withExt);
    await closeSession(without);
  }
}
