/**
 * Benchmark 3: the extension's total main-thread cost when a 100k-node page loads.
 *
 * Two browsers, the same Chromium: one with the built extension (`launch()`), one without
 * (`launch({ withExtension: false })`). Each load opens a fresh tab, navigates to the page,
 * waits for `load`, idles 3 s, then reads CDP `Performance.getMetrics` (TaskDuration: every
 * task on the renderer's main thread, including the content script, which runs in an isolated
 * world of the same renderer; ScriptDuration; LayoutDuration). The metrics are taken in thread
 * time (`timeDomain: 'threadTicks'`), so that other processes on a busy 2-core machine do not
 * count. Each fresh tab gets a fresh renderer process, so the counters start with the
 * navigation. Loads alternate between the two browsers after one unmeasured warm-up load
 * each. One more load with the extension is traced to see which tasks are the extension's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, launch, serveBody, type Session } from '../scripts/lib/browser';
import { extensionShare, type CpuProfile, type ExtensionShare } from './lib/profile';
import { closeSession } from './lib/session';
import { median } from './lib/stats';
import { metrics, taskFigures, traced, type TaskFigures } from './lib/trace';
import { BIG_PAGE_URL } from './page-100k';

export const IDLE_MS = 3000;

export interface LoadFigures {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

export interface MainThreadResult {
  loads: number;
  idleMs: number;
  with: LoadFigures[];
  without: LoadFigures[];
  median: { with: LoadFigures; without: LoadFigures };
  /** Median with − median without. */
  extraTaskMs: number;
  extraTaskPct: number;
  /** Median over the pairs of loads (taken one right after the other) of with/without − 1: drift cancels out. */
  pairedExtraPct: number;
  extraScriptMs: number;
  /** A traced load with the extension: the extension's own tasks (the first of the traced loads). */
  tracedLoad: TaskFigures;
  /** Every traced load with the extension. */
  tracedLoads: TaskFigures[];
  /** Per load: the extension's frames as a share of the main thread's busy samples in a CPU profile of the load, %. */
  sharePct: number[];
  /** Per load: the extension's own time as a share of the main-thread task time in the trace, % (misses work resumed from microtasks). */
  traceSharePct: number[];
  profiled: ExtensionShare[];
}

export function extensionName(): string {
  try {
    const messages = JSON.parse(readFileSync(join(CHROME_BUILD, '_locales/en/messages.json'), 'utf8')) as { extName?: { message?: string } };
    return messages.extName?.message ?? 'Shutout';
  } catch {
    return 'Shutout';
  }
}

async function load(session: Session, url: string): Promise<LoadFigures> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(IDLE_MS);
    const m = await metrics(cdp);
    await cdp.detach();
    return { taskMs: m.TaskDuration! * 1000, scriptMs: m.ScriptDuration! * 1000, layoutMs: m.LayoutDuration! * 1000, styleMs: m.RecalcStyleDuration! * 1000 };
  } finally {
    await page.close();
  }
}

function medianOf(xs: LoadFigures[]): LoadFigures {
  return {
    taskMs: median(xs.map((x) => x.taskMs)),
    scriptMs: median(xs.map((x) => x.scriptMs)),
    layoutMs: median(xs.map((x) => x.layoutMs)),
    styleMs: median(xs.map((x) => x.styleMs)),
  };
}

export async function benchMainThread(html: string, loads: number, log: (s: string) => void, tracedCount = 7): Promise<MainThreadResult> {
  const withExt = await launch();
  const without = await launch({ withExtension: false });
  try {
    for (const s of [withExt, without]) await serveBody(s.context, BIG_PAGE_URL, html);
    await load(withExt, BIG_PAGE_URL);
    await load(without, BIG_PAGE_URL);
    const a: LoadFigures[] = [];
    const b: LoadFigures[] = [];
    for (let i = 0; i < loads; i++) {
      // Alternate which browser goes first so that drift affects both alike.
      if (i % 2 === 0) {
        a.push(await load(withExt, BIG_PAGE_URL));
        b.push(await load(without, BIG_PAGE_URL));
      } else {
        b.push(await load(without, BIG_PAGE_URL));
        a.push(await load(withExt, BIG_PAGE_URL));
      }
      log(`  load ${i + 1}/${loads}: TaskDuration ${a[i]!.taskMs.toFixed(0)} ms with, ${b[i]!.taskMs.toFixed(0)} ms without`);
    }
    await closeSession(without);

    // Traced loads: the extension's own frames attributed task by task (bench/lib/trace.ts).
    const tracedLoads: TaskFigures[] = [];
    const profiled: ExtensionShare[] = [];
    for (let i = 0; i < tracedCount; i++) {
      const page = await withExt.context.newPage();
      const cdp = await withExt.context.newCDPSession(page);
      // The CPU profile runs beside the trace: the trace's events miss work resumed from a
      // microtask (the watcher's steps after scheduler.yield()), the profile's stacks do not.
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
      const { events } = await traced(cdp, async () => {
        await page.goto(BIG_PAGE_URL, { waitUntil: 'load', timeout: 120_000 });
        await page.waitForTimeout(IDLE_MS);
      });
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await cdp.detach();
      await page.close();
      const f = taskFigures(events, new URL(BIG_PAGE_URL).origin, extensionName());
      const p = extensionShare(profile);
      // For reading where the extension's time goes (e.g. in Chromium's DevTools, or costByFunction).
      if (process.env.SHUTOUT_BENCH_PROFILES) writeFileSync(join(process.env.SHUTOUT_BENCH_PROFILES, `load-${i + 1}.cpuprofile`), JSON.stringify(profile));
      tracedLoads.push(f);
      profiled.push(p);
      log(`  traced load ${i + 1}/${tracedCount}: Shutout ${f.shutout.totalMs.toFixed(1)} ms of ${f.totalTaskMs.toFixed(0)} ms task time (trace), ${p.extensionMs.toFixed(1)} ms of ${p.busyMs.toFixed(0)} ms busy (CPU profile, ${p.sharePct.toFixed(2)} %), longest run ${p.longestRunMs.toFixed(1)} ms`);
    }
    const tracedLoad = tracedLoads[0]!;

    const mw = medianOf(a);
    const mo = medianOf(b);
    return {
      loads,
      idleMs: IDLE_MS,
      with: a,
      without: b,
      median: { with: mw, without: mo },
      extraTaskMs: mw.taskMs - mo.taskMs,
      extraTaskPct: ((mw.taskMs - mo.taskMs) / mo.taskMs) * 100,
      pairedExtraPct: median(a.map((x, i) => (x.taskMs / b[i]!.taskMs - 1) * 100)),
      extraScriptMs: mw.scriptMs - mo.scriptMs,
      tracedLoad,
      tracedLoads,
      sharePct: profiled.map((p) => p.sharePct),
      traceSharePct: tracedLoads.map((f) => (f.shutout.totalMs / f.totalTaskMs) * 100),
      profiled,
    };
  } finally {
    await closeSession(withExt);
    await closeSession(without);
  }
}
