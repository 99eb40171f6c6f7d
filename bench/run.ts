/**
 * `npm run bench`: figures for the detection engine, side by side, in one run (BENCHMARKS.md).
 * Prints a table per benchmark and writes every figure to bench-results/latest.json.
 * These are measurements, not tests: nothing here fails on a slow figure; goals are reported.
 *
 * `npm run bench -- engine cli` runs only some of: engine (1, 2), main-thread (3), mutations (4), cli (5),
 * evidence (6), coupons (7), popup (8), worker (10), memory (11), dataset (9). `npm run bench -- dataset --bundles N` merges N bundles
 * of 10,000 findings instead of the default 20; `--full` merges 1,000 (a long run: BENCHMARKS.md, section 9).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RULESET_VERSION } from '../utils/detect/index';
import { CHROME_BUILD, chromiumPath, ROOT } from '../scripts/lib/browser';
import { benchCli, type CliResult } from './cli-throughput';
import { benchEngineInPage, type EngineInPageResult, type Timed } from './engine-in-page';
import type { FunctionCost } from './lib/profile';
import { int, max, mb, median, min, ms, pct, round, table } from './lib/stats';
import { benchMainThread, type MainThreadResult } from './main-thread';
import { benchMutations, type MutationsResult } from './mutations';
import { bigItemPage } from './page-100k';
import { benchEvidenceCouponsPopup, type MoreResults } from './evidence-coupons-popup';
import { privateTempRoot, type TempRoot } from '../scripts/lib/temp-root';
import { datasetBundlesAsked, runDatasetBench, type DatasetFigures } from './dataset/run';
import { benchWorkerStart, type WorkerStartResult } from './worker-start';
import { benchContentMemory, type ContentMemoryResult } from './content-memory';

// Every temporary folder the benchmarks make (profiles, pages, bundles) goes in a private folder
// that is checked and removed at the end, also when a benchmark fails (KEEP_BENCH keeps files).
const temp: TempRoot | undefined = process.env.KEEP_BENCH ? undefined : privateTempRoot();
let tempLeft: string[] | undefined;
const finishTemp = () => (tempLeft ??= temp?.finish() ?? []);
process.on('exit', finishTemp);

const ALL = ['engine', 'main-thread', 'mutations', 'cli', 'evidence', 'coupons', 'popup', 'worker', 'memory', 'dataset'] as const;
type Part = (typeof ALL)[number];
const asked = process.argv.slice(2).filter((a): a is Part => (ALL as readonly string[]).includes(a));
const parts = new Set<Part>(asked.length > 0 ? asked : ALL);

// Issue 13's goals.
const GOAL_SCAN_RATIO = 0.7;
/** Issue 15: what the general layer may add to the full scan, and its longest step. */
const GOAL_GENERAL_RATIO = 0.1;
const GOAL_GENERAL_TASK_MS = 16;
const GOAL_SHARE_PCT = 1;
const GOAL_BOOT_BYTES = 15 * 1024;
const GOAL_BOOT_EVAL_MS = 2;
const GOAL_WORKER_BYTES = 200 * 1024;
/** "Barely grows" made concrete: scanPage with the most phrases at most this many times the fewest. */
const GOAL_SCALING = 1.5;
const LONG_TASK_MS = 8;
const MAIN_THREAD_LOADS = 5;
/** Traced loads with the extension for its share of the main thread (at least 7: issue 13). */
const TRACED_LOADS = 7;
const MUTATION_RUNS = 2;

const log = (s: string) => console.log(s);
/** Other work on the machine skews every figure: the load average goes with each part. */
const loads: Record<string, number> = {};
const noteLoad = (part: string) => {
  loads[part] = loadavg()[0]!;
  return `load average ${loads[part]!.toFixed(2)}`;
};
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function chromiumVersion(): string {
  try {
    return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const started = performance.now();
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  chromium: chromiumVersion(),
  platform: `${process.platform} ${process.arch}`,
};
log(`Shutout benchmarks — ruleset ${RULESET_VERSION}, commit ${gitCommit()}`);
log(`Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGB} GB, Node ${machine.node}, ${machine.chromium}`);

const html = bigItemPage();
/** Each goal: its figure, the spread over runs or loads ('' when there is one figure), met or not. */
const goals: Array<{ goal: string; figure: string; spread: string; met: boolean }> = [];
const range = (xs: readonly number[], f: (n: number) => string) => (xs.length > 1 ? `${f(min(xs))} – ${f(max(xs))} (${xs.length})` : '');

/** The content scripts the built manifest runs at document_start. */
let startScripts: string[] = ['content-scripts/content.js', 'content-scripts/tap.js'];
/** When the built manifest runs the engine (watch.js). */
let watchRunAt = 'unknown';
// Sizes of what the build ships (the extension built by `wxt build` just before this run).
{
  const size = (rel: string) => {
    try {
      return statSync(join(CHROME_BUILD, rel)).size;
    } catch {
      return NaN;
    }
  };
  const worker = size('background.js');
  // When each content script runs, as the built manifest says (not as this file assumes).
  let scripts: Array<{ file: string; runAt: string }> = [];
  try {
    const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[]; run_at?: string }> };
    scripts = (manifest.content_scripts ?? []).flatMap((c) => (c.js ?? []).map((file) => ({ file, runAt: c.run_at ?? 'document_idle' })));
  } catch {
    scripts = [];
  }
  const what: Record<string, string> = { 'content-scripts/content.js': 'bootstrap', 'content-scripts/tap.js': 'page-world tap', 'content-scripts/watch.js': 'engine, rules, coupon readers' };
  const rows = scripts.map((c) => [`${c.file} (${what[c.file] ?? 'content script'})`, int(size(c.file)), c.runAt]);
  log(table('0. What the build ships (bytes)', [['file', 'bytes', 'when'], ...rows, ['background.js (service worker)', int(worker), 'each worker start']]));
  const atStart = scripts.filter((c) => c.runAt === 'document_start');
  startScripts = atStart.map((c) => c.file);
  watchRunAt = scripts.find((c) => c.file === 'content-scripts/watch.js')?.runAt ?? 'unknown';
  const startBytes = atStart.reduce((n, c) => n + size(c.file), 0);
  goals.push({ goal: `what runs at document_start ≤ ${GOAL_BOOT_BYTES / 1024} KB`, figure: `${(startBytes / 1024).toFixed(1)} KB: ${atStart.map((c) => `${c.file.replace('content-scripts/', '')} ${(size(c.file) / 1024).toFixed(1)} KB`).join(' + ')}`, spread: '', met: startBytes <= GOAL_BOOT_BYTES });
  goals.push({ goal: `service worker bundle ≤ ${GOAL_WORKER_BYTES / 1024} KB`, figure: `${(worker / 1024).toFixed(0)} KB`, spread: '', met: worker <= GOAL_WORKER_BYTES });
}
let engine: EngineInPageResult | undefined;
let mainThread: MainThreadResult | undefined;
let mutations: MutationsResult | undefined;
let cli: CliResult | undefined;

if (parts.has('engine')) {
  log(`\n[1, 2] Detection engine in Chromium on the 100k-node page (${noteLoad('engine')})…`);
  engine = await benchEngineInPage(html, log);
  const f = engine.fullScan;
  const p = engine.page;
  log(`\nPage: ${engine.userAgent}`);
  log(`      ${int(p.elements)} elements, ${int(p.textNodes)} text nodes, ${mb(p.bytes)} of HTML, innerText ${int(p.innerTextChars)} chars`);
  const floor = f.innerText.medianMs;
  const row = (what: string, t: Timed) => [what, ms(t.medianMs), ms(min(t.runsMs)), ms(max(t.runsMs)), x(t.medianMs / floor)];
  log(
    table(`1. Full scan vs reading the text once (median of ${f.runs} runs each, interleaved)`, [
      ['measure', 'median', 'min', 'max', '× innerText'],
      ["content script's first scan of a page load, cold, rules made in it (median of fresh loads)", ms(f.coldMs), ms(min(f.cold.map((c) => c.ms))), ms(max(f.cold.map((c) => c.ms))), x(f.ratio.coldToInnerText)],
      row("content script's full scan, warm (PageWatcher.start)", f.watcher),
      row('  collectLiveSegments(document, watcher options)', f.collect),
      row('  scanPage(built-in rules, segments)', f.scan),
      row('same, with the shadow-root sweep (Firefox; pages with shadow roots)', f.watcherSweep),
      row('same, the footer saying 帮助中心 (an `unless` phrase): every region read', f.watcherHelpFooter),
      row('collectLiveSegments(document) + scanPage, no options: every region read, shadow roots swept', f.allRegions),
      row('floor: document.body.innerText', f.innerText),
      row('floor: document.body.textContent', f.textContent),
      ['  of which: the rules made from the shipped data (cold)', ms(f.compileBuiltinColdMs), ms(min(f.cold.map((c) => c.rulesMs))), ms(max(f.cold.map((c) => c.rulesMs))), ''],
    ]),
  );
  log(`Detections on this (clean) page: ${f.detections.length ? f.detections.join(', ') : 'none'}; ${f.segments} segments read.`);
  log(`Fastest runs (less exposed to other work on the machine): content script's full scan ${x(min(f.watcher.runsMs) / min(f.innerText.runsMs))} innerText.`);
  log(table('1a. The DOM reads collectLiveSegments can make, each alone (median of 5)', [['read', 'ms'], ...f.domReads.map((d) => [d.what, ms(d.ms)])]));
  const profileTable = (title: string, costs: FunctionCost[]) =>
    table(title, [['function', 'self', 'total'], ...costs.filter((c) => c.selfMs >= 0.05).slice(0, 12).map((c) => [c.fn, ms(c.selfMs), ms(c.totalMs)])]);
  log(profileTable(`1b. Where the content script's full scan goes (V8 CPU profile of ${f.profileRuns} more scans, per scan; DOM getters count as their caller's self time)`, f.profile));
  log(profileTable('1c. The same for a scan that reads every region', f.profileAllRegions));
  log(`Longest step of any timed scan between two pauses: ${ms(f.longestSliceMs)}; cold scans took ${f.cold.map((c) => c.slices).join(', ')} steps.`);
  goals.push({ goal: `full scan ≤ ${GOAL_SCAN_RATIO}× innerText: cold first scan of a page load, rules made in it (headline)`, figure: x(f.ratio.coldToInnerText), spread: range(f.ratio.coldRatios, x), met: f.ratio.coldToInnerText <= GOAL_SCAN_RATIO });
  const warmRatios = f.watcher.runsMs.map((m) => m / floor);
  goals.push({ goal: `full scan ≤ ${GOAL_SCAN_RATIO}× innerText: warm median`, figure: x(f.ratio.watcherToInnerText), spread: range(warmRatios, x), met: f.ratio.watcherToInnerText <= GOAL_SCAN_RATIO });
  const helpRatio = f.ratio.helpFooterToInnerText;
  goals.push({ goal: `full scan ≤ ${GOAL_SCAN_RATIO}× innerText, warm, footer saying 帮助中心`, figure: x(helpRatio), spread: range(f.watcherHelpFooter.runsMs.map((m) => m / floor), x), met: helpRatio <= GOAL_SCAN_RATIO });

  const g = f.general;
  log(
    table('1c. The general layer\'s share of the full scan (issue 15; medians, the same runs interleaved)', [
      ['measure', 'median', '× innerText'],
      ['full scan, general layer on', ms(f.watcher.medianMs), x(f.watcher.medianMs / floor)],
      ['full scan, general layer off', ms(g.without.medianMs), x(g.without.medianMs / floor)],
      ['full scan with a notice toast, layer on', ms(g.notice.medianMs), x(g.notice.medianMs / floor)],
      ['full scan with a notice toast, layer off', ms(g.noticeWithout.medianMs), x(g.noticeWithout.medianMs / floor)],
      ['first use in a tab: frames made and compiled (longest step)', ms(g.firstUse.framesMs), ''],
      ['first use in a tab: model decoded', ms(g.firstUse.modelMs), ''],
      ['first use in a tab: concepts compiled', ms(g.firstUse.conceptsMs), ''],
    ]),
  );
  goals.push({ goal: `general layer adds ≤ ${GOAL_GENERAL_RATIO}× innerText to the full scan (this page)`, figure: x(g.addedToInnerText), spread: '', met: g.addedToInnerText <= GOAL_GENERAL_RATIO });
  goals.push({ goal: `general layer adds ≤ ${GOAL_GENERAL_RATIO}× innerText to the full scan (the page showing a notice toast)`, figure: x(g.noticeAddedToInnerText), spread: '', met: g.noticeAddedToInnerText <= GOAL_GENERAL_RATIO });
  goals.push({ goal: `no step of a scan with the general layer at work > ${GOAL_GENERAL_TASK_MS} ms (notice toast; warm)`, figure: ms(g.longestSliceNoticeMs), spread: `median ${ms(median(g.longestSliceNoticeRuns.map((r) => r.ms)))} (${g.longestSliceNoticeRuns.length} scans)`, met: g.longestSliceNoticeMs <= GOAL_GENERAL_TASK_MS });
  goals.push({ goal: `general layer's first use in a tab: frames, model, concepts, each a step ≤ ${GOAL_GENERAL_TASK_MS} ms`, figure: `${ms(g.firstUse.framesMs)}, ${ms(g.firstUse.modelMs)}, ${ms(g.firstUse.conceptsMs)}`, spread: '', met: Math.max(g.firstUse.framesMs, g.firstUse.modelMs, g.firstUse.conceptsMs) <= GOAL_GENERAL_TASK_MS });

  const rows = engine.scaling.rows;
  log(
    table(`2. Scaling with the number of phrases (scanPage over the same page text, ${int(engine.scaling.segmentsChars)} chars; medians)`, [
      ['phrases', 'rules', 'compile Chromium', 'scan Chromium', 'compile Node (ref.)', 'scan Node (ref.)'],
      ...rows.map((r) => [int(r.patterns), int(r.rules), ms(r.chromium.compileMs), ms(r.chromium.scanMs), ms(r.node.compileMs), ms(r.node.scanMs)]),
    ]),
  );
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const growth = last.chromium.scanMs / first.chromium.scanMs;
  log(`Scan time ${int(first.patterns)} → ${int(last.patterns)} phrases: ${x(growth)} in Chromium, ${x(last.node.scanMs / first.node.scanMs)} in Node.`);
  goals.push({ goal: `scan barely grows with phrases (${int(last.patterns)} vs ${int(first.patterns)}, ≤ ${GOAL_SCALING}×)`, figure: x(growth), spread: '', met: growth <= GOAL_SCALING });
}

if (parts.has('main-thread')) {
  log(`\n[3] Main-thread cost of loading the 100k-node page, with and without the extension (${MAIN_THREAD_LOADS} loads each; ${noteLoad('main-thread')})…`);
  mainThread = await benchMainThread(html, MAIN_THREAD_LOADS, log, TRACED_LOADS);
  const m = mainThread.median;
  const mt = mainThread;
  const line = (what: string, a: number, b: number) => [what, ms(a), ms(b), ms(a - b), pct(((a - b) / b) * 100)];
  log(
    table(`3. Main thread, load + ${mt.idleMs / 1000} s idle (CDP Performance.getMetrics, thread time; median of ${mt.loads} loads)`, [
      ['metric', 'with Shutout', 'without', 'extra', 'extra %'],
      line('TaskDuration', m.with.taskMs, m.without.taskMs),
      line('ScriptDuration', m.with.scriptMs, m.without.scriptMs),
      line('LayoutDuration', m.with.layoutMs, m.without.layoutMs),
      line('RecalcStyleDuration', m.with.styleMs, m.without.styleMs),
    ]),
  );
  log(`TaskDuration per load, with: ${mt.with.map((l) => l.taskMs.toFixed(0)).join(', ')} ms; without: ${mt.without.map((l) => l.taskMs.toFixed(0)).join(', ')} ms`);
  log(`Extra TaskDuration: ${pct(mt.extraTaskPct)} (medians), ${pct(mt.pairedExtraPct)} (median over the ${mt.loads} pairs of loads taken back to back).`);
  const t = mt.tracedLoad.shutout;
  log(
    table('3a. One traced load with the extension: the extension\'s own work on the main thread (thread time)', [
      ['figure', 'value'],
      ['Shutout time, total', ms(t.totalMs)],
      ['tasks Shutout ran in', int(t.tasks)],
      ['longest Shutout time in one task', ms(t.longestMs)],
      [`tasks where Shutout ran > ${LONG_TASK_MS} ms`, int(t.over8ms)],
      ...Object.entries(t.evaluateMs).map(([script, m]) => [`evaluating ${script}`, ms(m)]),
    ]),
  );
  log('Longest Shutout tasks during the load:');
  for (const e of t.top.slice(0, 3)) log(`  at ${e.atMs.toFixed(0)} ms: task ${ms(e.taskMs)}, Shutout ${ms(e.shutoutMs)} — ${e.entry}`);
  const ownPct = (t.totalMs / m.without.taskMs) * 100;
  log(`Shutout's own work in the traced load is ${pct(ownPct)} of the median TaskDuration without the extension.`);
  const share = median(mt.sharePct);
  log(`Shutout's share of the main thread's busy time, per load (CPU profile): ${mt.sharePct.map((p) => pct(p)).join(', ')}; of the task time in the trace: ${mt.traceSharePct.map((p) => pct(p)).join(', ')}.`);
  goals.push({ goal: `Shutout's share of the main thread ≤ ${GOAL_SHARE_PCT} % (its frames in a CPU profile of each load; median of ${mt.tracedLoads.length} loads)`, figure: pct(share), spread: range(mt.sharePct, pct), met: share <= GOAL_SHARE_PCT });
  // Per load, the longer of: the most Shutout time in one task (trace), the longest run of Shutout samples (profile).
  const longest = mt.tracedLoads.map((l, i) => Math.max(l.shutout.longestMs, mt.profiled[i]!.longestRunMs));
  const over = mt.tracedLoads.reduce((n, l) => n + l.shutout.over8ms, 0);
  goals.push({ goal: `no Shutout task > ${LONG_TASK_MS} ms (page load; ${mt.tracedLoads.length} loads, trace and CPU profile)`, figure: `${over} tasks in the traces, longest ${ms(max(longest))}`, spread: range(longest, ms), met: max(longest) <= LONG_TASK_MS });
  const bootEval = mt.tracedLoads.map((l) => startScripts.reduce((n, f) => n + (l.shutout.evaluateMs[`/${f}`] ?? 0), 0));
  goals.push({ goal: `document_start scripts (${startScripts.map((f) => f.replace('content-scripts/', '')).join(' + ')}) < ${GOAL_BOOT_EVAL_MS} ms to evaluate`, figure: ms(median(bootEval)), spread: range(bootEval, ms), met: median(bootEval) < GOAL_BOOT_EVAL_MS });
  const watchEval = mt.tracedLoads.map((l) => l.shutout.evaluateMs['/content-scripts/watch.js'] ?? 0);
  log(`Evaluating watch.js (the engine, ${watchRunAt}): ${watchEval.map(ms).join(', ')}.`);
}

if (parts.has('mutations')) {
  log(`\n[4] A page adding 10,000 nodes in 1,000 batches (${MUTATION_RUNS} traced runs each way, alternating; ${noteLoad('mutations')})…`);
  mutations = await benchMutations(MUTATION_RUNS, log);
  const mu = mutations;
  log(
    table(`4. ${int(mu.batches)} batches of ${mu.perBatch} nodes, one per ${mu.mode} task (CDP Tracing; medians of ${mu.runs} runs, worst case for the longest)`, [
      ['figure', 'value'],
      ['batches', int(mu.batches)],
      ["Shutout's own time, total", ms(mu.shutoutMs)],
      ["Shutout's own time per batch", ms(mu.shutoutMsPerBatch)],
      ['batch task mean, with / without Shutout', `${ms(mu.batchTaskMeanMs.with)} / ${ms(mu.batchTaskMeanMs.without)}`],
      ['extra main-thread time per batch (batch tasks + Shutout\'s own tasks)', ms(mu.extraMsPerBatch)],
      ['extra main-thread time, total', ms(mu.extraMsTotal)],
      ['longest Shutout time in one task', ms(mu.longestShutoutMs)],
      [`Shutout tasks > ${LONG_TASK_MS} ms (worst run)`, int(mu.shutoutTasksOver8ms)],
      [`tasks > ${LONG_TASK_MS} ms that Shutout caused`, int(mu.longTasksCaused)],
      ['longest task, with / without Shutout', `${ms(mu.longestTaskMs.with)} / ${ms(mu.longestTaskMs.without)}`],
      [`tasks > ${LONG_TASK_MS} ms, with / without Shutout`, `${int(mu.tasksOver16ms.with)} / ${int(mu.tasksOver16ms.without)}`],
      ['TaskDuration (thread time), with / without', `${ms(mu.taskDurationMs.with)} / ${ms(mu.taskDurationMs.without)}`],
    ]),
  );
  log(`Runs took ${mu.with.map((r) => (r.elapsedMs / 1000).toFixed(1)).join(', ')} s with, ${mu.without.map((r) => (r.elapsedMs / 1000).toFixed(1)).join(', ')} s without; TaskDuration counts mostly frames, whose number follows the wall time.`);
  goals.push({ goal: `no Shutout task > ${LONG_TASK_MS} ms (10,000 nodes in 1,000 batches)`, figure: `${mu.shutoutTasksOver8ms} tasks, longest ${ms(mu.longestShutoutMs)}`, spread: range(mu.longestShutoutRunsMs, ms), met: mu.shutoutTasksOver8ms === 0 });
}

if (parts.has('cli')) {
  log(`\n[5] shutout scan over 1,000 saved pages (${noteLoad('cli')})…`);
  cli = await benchCli(log);
  const c = cli;
  log(
    table(`5. shutout scan: ${int(c.pages)} saved pages (${c.walls} walls), ${c.totalMB.toFixed(0)} MB`, [
      ['how', 'time', 'pages/s', 'MB/s', 'blocked'],
      ['node bin/shutout.js scan --json DIR (end to end)', `${(c.endToEnd.ms / 1000).toFixed(1)} s`, c.endToEnd.pagesPerSec.toFixed(1), (c.totalMB / (c.endToEnd.ms / 1000)).toFixed(1), int(c.endToEnd.blocked)],
      [`cli/scan.ts scanFile, in process (${c.inProcess.pages} of the pages)`, `${(c.inProcess.ms / 1000).toFixed(1)} s`, c.inProcess.pagesPerSec.toFixed(1), '', int(c.inProcess.blocked)],
    ]),
  );
  log(`Process start (shutout --help): ${ms(c.startupMs)}. In process: walls detected ${c.inProcess.wallsDetected}/${c.inProcess.walls}, ordinary pages reported blocked ${c.inProcess.ordinaryBlocked}.`);
}

const more: MoreResults = await benchEvidenceCouponsPopup(parts, log);
if (more.coupons) {
  const d = more.coupons.diffCli;
  goals.push({ goal: `coupons: ${int(d.visitsPerSide)} visits compared with ${int(d.visitsPerSide)} (shutout coupons diff's comparison) < 1 s`, figure: ms(d.compareMs), spread: '', met: d.compareMs < 1000 });
}
let worker: WorkerStartResult | undefined;
if (parts.has('worker')) {
  log(`\n[10] The service worker's answer to a page report, stopped first (cold) or running (warm) (${noteLoad('worker')})…`);
  const w = (worker = await benchWorkerStart());
  log(
    table(`10. Service worker start: a page report from the content script's world until the worker's answer (finding stored); ${w.runs} runs each, alternating`, [
      ['worker', 'median', 'runs'],
      ['cold (stopped over CDP first)', ms(w.coldMs), w.coldRunsMs.map(ms).join(', ')],
      ['warm (running)', ms(w.warmMs), w.warmRunsMs.map(ms).join(', ')],
      ['cold − warm (the start)', ms(w.coldMs - w.warmMs), ''],
    ]),
  );
  log(`Findings stored: ${w.stored} of ${2 * w.runs + 1} reports.`);
}
let memory: ContentMemoryResult | undefined;
if (parts.has('memory')) {
  log(`\n[11] The heap the content scripts keep on the 100k-node page (${noteLoad('memory')})…`);
  const m = (memory = await benchContentMemory(html));
  const f = (n: number) => `${n.toFixed(1)} MB`;
  log(
    table(`11. Heap of the page's isolate (V8, Blink's DOM heap, ArrayBuffers) after two GCs, the page at a covered and an uncovered address (${m.loads} loads each, alternating)`, [
      ['page', 'median', 'loads'],
      ['covered (content scripts ran, scan reported)', f(median(m.coveredMB)), m.coveredMB.map(f).join(', ')],
      ['uncovered (no content script)', f(median(m.uncoveredMB)), m.uncoveredMB.map(f).join(', ')],
      ["Shutout's retained heap (difference of the medians)", f(m.retainedMB), ''],
    ]),
  );
  goals.push({ goal: "content scripts' retained heap on the 100k-node page ≤ 5 MB", figure: f(m.retainedMB), spread: `${f(Math.min(...m.coveredMB) - Math.max(...m.uncoveredMB))} – ${f(Math.max(...m.coveredMB) - Math.min(...m.uncoveredMB))}`, met: m.retainedMB <= 5 });
}
let dataset: DatasetFigures | undefined;
if (parts.has('dataset')) {
  const bundles = datasetBundlesAsked(process.argv);
  log(`\n[9] shutout dataset: ${int(bundles)} participants' bundles of 10,000 findings, generated, then merged (${noteLoad('dataset')})…`);
  const d = (dataset = await runDatasetBench({ bundles, findingsPerBundle: 10_000 }));
  const perSec = d.findings / (d.merge.ms / 1000);
  log(
    table(`9. shutout dataset: ${int(d.bundles)} bundles, ${int(d.findings)} findings (${d.bundlesGB.toFixed(2)} GB of bundles)`, [
      ['figure', 'value'],
      ['generate the bundles (bench/dataset/generate.ts, 2 processes)', `${(d.generateMs / 1000).toFixed(0)} s`],
      ['shutout dataset, end to end (verify every bundle, stage, dedupe, views, Parquet)', `${(d.merge.ms / 1000).toFixed(0)} s = ${int(Math.round(perSec))} findings/s`],
      ['… peak RSS of the shutout dataset process', mb(d.merge.peakRssMB * 2 ** 20)],
      ['rows: findings / chain entries / captures / coupon observations', `${int(d.merge.counts.findings ?? 0)} / ${int(d.merge.counts.chain_entries ?? 0)} / ${int(d.merge.counts.captures ?? 0)} / ${int(d.merge.counts.coupon_observations ?? 0)}`],
      ['dataset on disk: DuckDB file / Parquet files', `${d.duckdbGB.toFixed(2)} GB / ${d.parquetGB.toFixed(2)} GB`],
    ]),
  );
  goals.push({ goal: `dataset: peak RSS < 1 GB merging ${int(d.findings)} findings`, figure: mb(d.merge.peakRssMB * 2 ** 20), spread: '', met: d.merge.peakRssMB < 1024 });
}
if (more.popup) {
  const p = more.popup;
  goals.push({ goal: 'popup first paint with 100,000 records ≤ 150 ms', figure: ms(p.firstPaintMs), spread: range(p.samples.map((s) => s.firstPaintMs), ms), met: p.firstPaintMs <= 150 });
  goals.push({ goal: 'popup first paint with 100,000 records ≤ 1.2× with an empty store (same run)', figure: `${p.ratio.toFixed(2)}× (${ms(p.firstPaintMs)} / ${ms(p.empty.firstPaintMs)})`, spread: range(p.empty.samples, ms), met: p.ratio <= 1.2 });
}

if (goals.length > 0) {
  log(table('Goals', [['goal', 'figure', 'spread (min – max, runs)', 'status'], ...goals.map((g) => [g.goal, g.figure, g.spread || '—', verdict(g.met)])]));
}

const elapsedS = (performance.now() - started) / 1000;
log(`\nBenchmarks took ${elapsedS.toFixed(0)} s (after the build).`);
const left = finishTemp();
log(left.length ? `Temporary folders left behind by the benchmarks (now removed): ${left.join(', ')}` : 'Temporary folders left behind: none.');

/** Rounds every number for the JSON file. */
function rounded(v: unknown): unknown {
  if (typeof v === 'number') return round(v, 3);
  if (Array.isArray(v)) return v.map(rounded);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, val]) => [k, rounded(val)]));
  return v;
}

const outDir = join(ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'latest.json');
writeFileSync(
  out,
  JSON.stringify(
    rounded({ date: new Date().toISOString(), commit: gitCommit(), tempFoldersLeft: left, rulesetVersion: RULESET_VERSION, machine, loadAverage: loads, elapsedS, goals, engine, mainThread, mutations, cli, ...more, worker, memory, dataset }),
    null,
    2,
  ) + '\n',
);
log(`Figures written to ${out}`);
