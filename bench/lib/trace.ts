/**
 * Main-thread figures from Chromium: CDP Performance metrics, and CDP Tracing with the
 * extension's work told apart from the page's.
 *
 * Attribution: inside each top-level task (RunTask) of the page's renderer main thread, the
 * time spent in the extension is the union of the intervals of
 * - script entries whose URL is the extension's (FunctionCall, EvaluateScript, v8.compile/run
 *   with a chrome-extension:// URL: content scripts in their isolated world and the MAIN-world tap),
 * - callbacks into the extension's isolated world (v8.callFunction / v8.run whose worldName is
 *   the extension's name): MutationObserver callbacks, idle callbacks, promise continuations.
 * Layout, style and GC forced from those calls are nested inside them and so counted.
 * Durations are thread time (the trace's tts/tdur) where the trace has it, so that a busy
 * machine preempting the renderer does not make a task look longer than its own work.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread clock: start and duration while the thread actually ran. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; worldName?: string; worldId?: number; fileName?: string; [k: string]: unknown };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'v8'];

export type Metrics = Record<string, number>;

export async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Record a trace around `body` (the CDP session must belong to the page). */
export async function traced<T>(cdp: CDPSession, body: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  // Playwright types the events as string maps; they are trace events.
  const onData = (e: { value: Array<Record<string, string>> }) => {
    for (const ev of e.value) events.push(ev as unknown as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await body();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}

export interface TaskFigures {
  /** Top-level tasks on the page's main thread during the trace. */
  tasks: number;
  totalTaskMs: number;
  longestTaskMs: number;
  tasksOver16ms: number;
  shutout: {
    /** Time inside the extension's scripts and callbacks. */
    totalMs: number;
    /** Tasks in which the extension ran at all. */
    tasks: number;
    /** The most extension time within one task. */
    longestMs: number;
    /** Tasks in which the extension itself ran for more than 16 ms. */
    over16ms: number;
    /** Tasks in which the extension itself ran for more than 8 ms (issue 13's budget). */
    over8ms: number;
    /** Evaluating each of the extension's scripts (EvaluateScript, by path), ms. */
    evaluateMs: Record<string, number>;
    /** Tasks over 16 ms that the extension took part in. */
    longTasksWithShutout: number;
    /** Tasks over 16 ms that would have stayed at or under 16 ms without the extension's part. */
    longTasksCaused: number;
    longestTaskWithShutoutMs: number;
    /** The longest extension tasks: when (ms from the first task), how long, what. */
    top: Array<{ atMs: number; taskMs: number; shutoutMs: number; entry: string }>;
  };
  /** Tasks in which the page's function `pageFunction` ran (when asked for). */
  pageTasks?: { fn: string; count: number; totalMs: number; meanMs: number; shutoutMs: number };
}

function dataUrl(e: TraceEvent): string {
  const d = e.args?.data as { url?: unknown } | undefined;
  if (typeof d?.url === 'string') return d.url;
  return typeof e.args?.fileName === 'string' ? e.args.fileName : '';
}

/** The page renderer's main thread: the CrRendererMain thread that ran the page's own URL. */
function mainThread(events: TraceEvent[], pageOrigin: string): { pid: number; tid: number } | undefined {
  const rendererMains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const score = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!rendererMains.has(key)) continue;
    let s = 0;
    if (dataUrl(e).startsWith(pageOrigin)) s += 1000;
    const begin = (e.args as { beginData?: { url?: string } } | undefined)?.beginData;
    if (begin?.url?.startsWith(pageOrigin)) s += 1000;
    if (e.name === 'RunTask' && e.dur) s += e.dur / 1e6;
    if (s) score.set(key, (score.get(key) ?? 0) + s);
  }
  const best = [...score].sort((a, b) => b[1] - a[1])[0];
  if (!best) return undefined;
  const [pid, tid] = best[0].split(':').map(Number);
  return { pid: pid!, tid: tid! };
}

function entryLabel(e: TraceEvent): string {
  const d = (e.args?.data ?? {}) as { functionName?: string; url?: string };
  if (d.functionName !== undefined || d.url) return `${e.name} ${d.functionName || '(anonymous)'} ${(d.url ?? '').replace(/^chrome-extension:\/\/[a-z]+/, '')}`.trim();
  return `${e.name}${e.args?.worldName ? ` [${e.args.worldName}]` : ''}`;
}

/** Task and extension figures on the page's main thread (`extensionName` is the isolated world's name). */
export function taskFigures(events: TraceEvent[], pageOrigin: string, extensionName: string, pageFunction?: string): TaskFigures {
  const thread = mainThread(events, pageOrigin);
  const empty: TaskFigures = {
    tasks: 0,
    totalTaskMs: 0,
    longestTaskMs: 0,
    tasksOver16ms: 0,
    shutout: { totalMs: 0, tasks: 0, longestMs: 0, over16ms: 0, over8ms: 0, evaluateMs: {}, longTasksWithShutout: 0, longTasksCaused: 0, longestTaskWithShutoutMs: 0, top: [] },
  };
  if (!thread) return empty;
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && typeof e.dur === 'number');
  const isTask = (e: TraceEvent) => e.name === 'RunTask';
  const all = mine.filter(isTask).sort((a, b) => a.ts - b.ts);
  // Top-level tasks only (a nested run loop's tasks lie inside another task).
  const tasks: TraceEvent[] = [];
  for (const t of all) {
    const last = tasks[tasks.length - 1];
    if (last && t.ts < last.ts + last.dur!) continue;
    tasks.push(t);
  }
  const extensionWorlds = new Set<number>();
  for (const e of mine) {
    if (e.name === 'v8.run' && dataUrl(e).startsWith('chrome-extension://') && typeof e.args?.worldId === 'number' && e.args.worldId !== 0) {
      extensionWorlds.add(e.args.worldId);
    }
  }
  const isShutout = (e: TraceEvent): boolean => {
    if (/^(FunctionCall|EvaluateScript|v8\.compile|v8\.run|TimerFire|FireIdleCallback)$/.test(e.name) && dataUrl(e).startsWith('chrome-extension://')) return true;
    if (e.name === 'v8.callFunction' || e.name === 'v8.run') {
      if (e.args?.worldName === extensionName) return true;
      if (typeof e.args?.worldId === 'number' && extensionWorlds.has(e.args.worldId)) return true;
    }
    return false;
  };
  const spans = mine.filter(isShutout).sort((a, b) => a.ts - b.ts);

  // The thread clock (tts/tdur) when the trace has it, so that time the thread spent
  // descheduled (other processes on a busy machine) is not counted; else the wall clock.
  const threadClock = (e: TraceEvent) => typeof e.tts === 'number' && typeof e.tdur === 'number';
  const perTask = new Map<TraceEvent, { ms: number; entry: string; spans: TraceEvent[] }>();
  let ti = 0;
  let coveredUntil = -Infinity;
  let coveredTask: TraceEvent | undefined;
  for (const sp of spans) {
    while (ti < tasks.length && tasks[ti]!.ts + tasks[ti]!.dur! < sp.ts) ti++;
    const task = tasks[ti];
    if (!task || sp.ts < task.ts) continue; // outside any task (should not happen)
    const thread = threadClock(task) && threadClock(sp);
    const sStart = thread ? sp.tts! : sp.ts;
    const sEnd = sStart + (thread ? sp.tdur! : sp.dur!);
    const tEnd = thread ? task.tts! + task.tdur! : task.ts + task.dur!;
    const end = Math.min(sEnd, tEnd);
    if (coveredTask !== task) {
      coveredTask = task;
      coveredUntil = -Infinity;
    }
    const from = Math.max(sStart, coveredUntil);
    if (end <= from) continue;
    coveredUntil = end;
    const cur = perTask.get(task) ?? { ms: 0, entry: '', spans: [] };
    cur.ms += (end - from) / 1000;
    cur.spans.push(sp);
    if (!cur.entry || /^v8\./.test(cur.entry)) cur.entry = entryLabel(sp);
    perTask.set(task, cur);
  }
  /** What a task did: its first event below RunTask, and the longest events inside the extension's spans. */
  const describe = (task: TraceEvent, v: { entry: string; spans: TraceEvent[] }): string => {
    const inTask = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    const kind = inTask.find((e) => /^(TimerFire|FireIdleCallback|FireAnimationFrame|ParseHTML|EventDispatch|RunMicrotasks|EvaluateScript)$/.test(e.name))?.name ?? '';
    const inside = inTask
      .filter((e) => !spans.includes(e) && e.dur! > 1000 && v.spans.some((sp) => e.ts >= sp.ts && e.ts + e.dur! <= sp.ts + sp.dur!))
      .filter((e) => !/^(RunMicrotasks|v8\.|BlinkScheduler|FunctionCall)/.test(e.name))
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 3)
      .map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)} ms`);
    return [kind && `in ${kind}`, v.entry, inside.length ? `(inside: ${inside.join(', ')})` : ''].filter(Boolean).join(' ');
  };

  const t0 = tasks[0]?.ts ?? 0;
  const durMs = (t: TraceEvent) => (threadClock(t) ? t.tdur! : t.dur!) / 1000;

  let pageTasks: TaskFigures['pageTasks'];
  if (pageFunction) {
    const calls = mine.filter((e) => e.name === 'FunctionCall' && (e.args?.data as { functionName?: string } | undefined)?.functionName === pageFunction && dataUrl(e).startsWith(pageOrigin));
    const found = new Set<TraceEvent>();
    let k = 0;
    for (const c of calls.sort((a, b) => a.ts - b.ts)) {
      while (k < tasks.length && tasks[k]!.ts + tasks[k]!.dur! < c.ts) k++;
      const task = tasks[k];
      if (task && c.ts >= task.ts) found.add(task);
    }
    const list = [...found];
    const totalMs = list.reduce((n, t) => n + durMs(t), 0);
    pageTasks = {
      fn: pageFunction,
      count: list.length,
      totalMs,
      meanMs: list.length ? totalMs / list.length : 0,
      shutoutMs: list.reduce((n, t) => n + (perTask.get(t)?.ms ?? 0), 0),
    };
  }
  const withShutout = [...perTask.entries()];
  const long = withShutout.filter(([t]) => durMs(t) > 16);
  return {
    tasks: tasks.length,
    totalTaskMs: tasks.reduce((n, t) => n + durMs(t), 0),
    longestTaskMs: Math.max(0, ...tasks.map(durMs)),
    tasksOver16ms: tasks.filter((t) => durMs(t) > 16).length,
    shutout: {
      totalMs: withShutout.reduce((n, [, v]) => n + v.ms, 0),
      tasks: withShutout.length,
      longestMs: Math.max(0, ...withShutout.map(([, v]) => v.ms)),
      over16ms: withShutout.filter(([, v]) => v.ms > 16).length,
      over8ms: withShutout.filter(([, v]) => v.ms > 8).length,
      evaluateMs: Object.fromEntries(
        mine
          .filter((e) => e.name === 'EvaluateScript' && dataUrl(e).startsWith('chrome-extension://'))
          .map((e) => [dataUrl(e).replace(/^chrome-extension:\/\/[a-z]+/, ''), durMs(e)]),
      ),
      longTasksWithShutout: long.length,
      longTasksCaused: long.filter(([t, v]) => durMs(t) - v.ms <= 16).length,
      longestTaskWithShutoutMs: Math.max(0, ...withShutout.map(([t]) => durMs(t))),
      top: withShutout
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 5)
        .map(([t, v]) => ({ atMs: (t.ts - t0) / 1000, taskMs: durMs(t), shutoutMs: v.ms, entry: describe(t, v) })),
    },
    ...(pageTasks ? { pageTasks } : {}),
  };
}
