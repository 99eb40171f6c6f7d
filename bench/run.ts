/**
 * `npm run bench`: figures for the detection engine, side by side, in one run (BENCHMARKS.md).
 * Prints a table per benchmark and writes every figure to bench-results/latest.json.
 * These are measurements, not tests: nothing here fails on a slow figure; goals are reported.
 *
 * `npm run bench -- engine cli` runs only some of: engine (1, 2), main-thread (3), mutations (4), cli (5),
 * evidence (6), coupons (7), popup (8), dataset (9). `npm run bench -- dataset --bundles N` merges N bundles
 * of 10,000 findings instead of the default 20; `--full` merges 1,000 (a long run: BENCHMARKS.md, section 9).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RULESET_VERSION } from '../utils/detect/index';
import { chromiumPath, ROOT } from '../scripts/lib/browser';
import { benchCli, type CliResult } from './cli-throughput';
import { benchEngineInPage, type EngineInPageResult, type Timed } from './engine-in-page';
import type { FunctionCost } from './lib/profile';
import { int, max, mb, min, ms, pct, round, table } from './lib/stats';
import { benchMainThread, type MainThreadResult } from './main-thread';
import { benchMutations, type MutationsResult } from './mutations';
import { bigItemPage } from './page-100k';
import { benchEvidenceCouponsPopup, type MoreResults } from './evidence-coupons-popup';
import { privateTempRoot, type TempRoot } from '../scripts/lib/temp-root';
import { datasetBundlesAsked, runDatasetBench, type DatasetFigures } from './dataset/run';

// Every temporary folder the benchmarks make (profiles, pages, bundles) goes in a private folder
// that is checked and removed at the end, also when a benchmark fails (KEEP_BENCH keeps files).
const temp: TempRoot | undefined = process.env.KEEP_BENCH ? undefined : privateTempRoot();
let tempLeft: string[] | undefined;
const finishTemp = () => (tempLeft ??= temp?.finish() ?? []);
process.on('exit', finishTemp);

const ALL = ['engine', 'main-thread', 'mutations', 'cli', 'evidence', 'coupons', 'popup', 'dataset'] as const;
type Part = (typeof ALL)[number];
const asked = process.argv.slice(2).filter((a): a is Part => (ALL as readonly string[]).includes(a));
const parts = new Set<Part>(asked.length > 0 ? asked : ALL);

const GOAL_SCAN_RATIO = 1.5;
const GOAL_MAIN_THREAD_PCT = 5;
/** "Barely grows" made concrete: scanPage with the most phrases at most this many times the fewest. */
const GOAL_SCALING = 1.5;
const LONG_TASK_MS = 16;
const MAIN_THREAD_LOADS = 5;
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
const goals: Array<{ goal: string; figure: string; met: boolean }> = [];
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
      row("content script's full scan (PageWatcher.start)", f.watcher),
      row('  collectLiveSegments(document, watcher options)', f.collect),
      row('  scanPage(built-in rules, segments)', f.scan),
      row('same, with the shadow-root sweep (Firefox; pages with shadow roots)', f.watcherSweep),
      row('same, the footer saying 帮助中心 (an `unless` phrase): every region read', f.watcherHelpFooter),
      row('collectLiveSegments(document) + scanPage, no options: every region read, shadow roots swept', f.allRegions),
      row('floor: document.body.innerText', f.innerText),
      row('floor: document.body.textContent', f.textContent),
      ["content script's first full scan in the page (cold JIT)", ms(f.coldMs), '', '', x(f.coldMs / floor)],
      ['compileRules(built-in), first time', ms(f.compileBuiltinColdMs), '', '', ''],
    ]),
  );
  log(`Detections on this (clean) page: ${f.detections.length ? f.detections.join(', ') : 'none'}; ${f.segments} segments read.`);
  log(`Fastest runs (less exposed to other work on the machine): content script's full scan ${x(min(f.watcher.runsMs) / min(f.innerText.runsMs))} innerText.`);
  log(table('1a. The DOM reads collectLiveSegments can make, each alone (median of 5)', [['read', 'ms'], ...f.domReads.map((d) => [d.what, ms(d.ms)])]));
  const profileTable = (title: string, costs: FunctionCost[]) =>
    table(title, [['function', 'self', 'total'], ...costs.filter((c) => c.selfMs >= 0.05).slice(0, 12).map((c) => [c.fn, ms(c.selfMs), ms(c.totalMs)])]);
  log(profileTable(`1b. Where the content script's full scan goes (V8 CPU profile of ${f.profileRuns} more scans, per scan; DOM getters count as their caller's self time)`, f.profile));
  log(profileTable('1c. The same for a scan that reads every region', f.profileAllRegions));
  goals.push({ goal: `full scan ≤ ${GOAL_SCAN_RATIO}× innerText`, figure: x(f.ratio.watcherToInnerText), met: f.ratio.watcherToInnerText <= GOAL_SCAN_RATIO });
  const helpRatio = f.ratio.helpFooterToInnerText;
  goals.push({ goal: `full scan ≤ ${GOAL_SCAN_RATIO}× innerText, footer saying 帮助中心`, figure: x(helpRatio), met: helpRatio <= GOAL_SCAN_RATIO });

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
  goals.push({ goal: `scan barely grows with phrases (${int(last.patterns)} vs ${int(first.patterns)}, ≤ ${GOAL_SCALING}×)`, figure: x(growth), met: growth <= GOAL_SCALING });
}

if (parts.has('main-thread')) {
  log(`\n[3] Main-thread cost of loading the 100k-node page, with and without the extension (${MAIN_THREAD_LOADS} loads each; ${noteLoad('main-thread')})…`);
  mainThread = await benchMainThread(html, MAIN_THREAD_LOADS, log);
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
      [`tasks where Shutout ran > ${LONG_TASK_MS} ms`, int(t.over16ms)],
    ]),
  );
  log('Longest Shutout tasks during the load:');
  for (const e of t.top.slice(0, 3)) log(`  at ${e.atMs.toFixed(0)} ms: task ${ms(e.taskMs)}, Shutout ${ms(e.shutoutMs)} — ${e.entry}`);
  const ownPct = (t.totalMs / m.without.taskMs) * 100;
  log(`Shutout's own work in the traced load is ${pct(ownPct)} of the median TaskDuration without the extension.`);
  goals.push({ goal: `page load main-thread extra ≤ ${GOAL_MAIN_THREAD_PCT} % (TaskDuration, medians)`, figure: pct(mt.extraTaskPct), met: mt.extraTaskPct <= GOAL_MAIN_THREAD_PCT });
  goals.push({ goal: `no Shutout task > ${LONG_TASK_MS} ms (page load)`, figure: `${t.over16ms} tasks, longest ${ms(t.longestMs)}`, met: t.over16ms === 0 });
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
      [`Shutout tasks > ${LONG_TASK_MS} ms`, int(mu.shutoutTasksOver16ms)],
      [`tasks > ${LONG_TASK_MS} ms that Shutout caused`, int(mu.longTasksCaused)],
      ['longest task, with / without Shutout', `${ms(mu.longestTaskMs.with)} / ${ms(mu.longestTaskMs.without)}`],
      [`tasks > ${LONG_TASK_MS} ms, with / without Shutout`, `${int(mu.tasksOver16ms.with)} / ${int(mu.tasksOver16ms.without)}`],
      ['TaskDuration (thread time), with / without', `${ms(mu.taskDurationMs.with)} / ${ms(mu.taskDurationMs.without)}`],
    ]),
  );
  log(`Runs took ${mu.with.map((r) => (r.elapsedMs / 1000).toFixed(1)).join(', ')} s with, ${mu.without.map((r) => (r.elapsedMs / 1000).toFixed(1)).join(', ')} s without; TaskDuration counts mostly frames, whose number follows the wall time.`);
  goals.push({ goal: `no Shutout task > ${LONG_TASK_MS} ms (mutations)`, figure: `${mu.shutoutTasksOver16ms} tasks, longest ${ms(mu.longestShutoutMs)}`, met: mu.shutoutTasksOver16ms === 0 });
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
  goals.push({ goal: `coupons: ${int(d.visitsPerSide)} visits compared with ${int(d.visitsPerSide)} (shutout coupons diff's comparison) < 1 s`, figure: ms(d.compareMs), met: d.compareMs < 1000 });
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
  goals.push({ goal: `dataset: peak RSS < 1 GB merging ${int(d.findings)} findings`, figure: mb(d.merge.peakRssMB * 2 ** 20), met: d.merge.peakRssMB < 1024 });
}
if (more.popup) goals.push({ goal: 'popup first paint with 100,000 records ≤ 150 ms', figure: ms(more.popup.firstPaintMs), met: more.popup.firstPaintMs <= 150 });

if (goals.length > 0) {
  log(table('Goals', [['goal', 'figure', 'status'], ...goals.map((g) => [g.goal, g.figure, verdict(g.met)])]));
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
    rounded({ date: new Date().toISOString(), commit: gitCommit(), tempFoldersLeft: left, rulesetVersion: RULESET_VERSION, machine, loadAverage: loads, elapsedS, goals, engine, mainThread, mutations, cli, ...more, dataset }),
    null,
    2,
  ) + '\n',
);
log(`Figures written to ${out}`);
