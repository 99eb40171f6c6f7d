/**
 * Benchmarks 1 and 2: the detection engine inside Chromium, on the 100k-node page.
 *
 * 1. The content script's full scan (a PageWatcher's first scan: the rules made from the data
 *    the extension ships, the page read as collectLive reads it, scanPage) against the floor,
 *    reading the page's text once (`document.body.innerText`; also `textContent`). The headline
 *    is the first scan of each of COLD_LOADS fresh loads (cold JIT, rules made in the same scan);
 *    then warm runs, interleaved. The page's layout is made clean before any timing, so neither
 *    side pays for the first layout. The old reading (`collectLiveSegments`: innerText of the
 *    body) is timed beside it. A V8 CPU profile of further full scans shows where the time goes.
 * 2. Scaling with the number of phrases: `compileRules` and `scanPage` (over the same page's
 *    segments, read once) for rule sets of 50 to 2,000 phrases, in Chromium and, for
 *    reference, in Node.
 */
import { performance } from 'node:perf_hooks';
import { compileRules, RULESET_VERSION, scanPage, type RuleSet } from '../utils/detect/index';
import type { Rule, Segment } from '../utils/detect/types';
import { launch, serveBody } from '../scripts/lib/browser';
import { engineBundle } from './bundle';
import type { EngineRun, ShutoutBenchApi, WatcherRun } from './engine-entry';
import { costByFunction, type CpuProfile, type FunctionCost } from './lib/profile';
import { closeSession } from './lib/session';
import { Rand } from './lib/rand';
import { median } from './lib/stats';
import { BIG_PAGE_URL } from './page-100k';
import { ruleSetOfSize } from './phrases';

export const SCAN_RUNS = 21;
const PROFILE_RUNS = 6;
/** Fresh loads of the page, each giving one cold first scan (the headline figure). */
export const COLD_LOADS = 5;
const COMPILE_RUNS = 5;
const SIZED_SCAN_RUNS = 15;
export const PHRASE_COUNTS = [50, 300, 1000, 2000];

export interface PageStats {
  bytes: number;
  elements: number;
  textNodes: number;
  innerTextChars: number;
  textContentChars: number;
}

/** Medians (ms) of one way of scanning, with every run kept. */
export interface Timed {
  medianMs: number;
  runsMs: number[];
}

export interface FullScanResult {
  runs: number;
  /** Making the built-in rules from the shipped data, inside each cold scan (median over the loads). */
  compileBuiltinColdMs: number;
  /**
   * The content script's first full scan of a page load (cold JIT, the rules made from the
   * shipped data in the same scan), one per fresh load; median and every load's figure. Each
   * load's ratio is to the innerText floor measured in the same load.
   */
  coldMs: number;
  cold: Array<{ ms: number; rulesMs: number; slices: number; longestSliceMs: number; innerTextMs: number }>;
  /** Longest step of a scan between two pauses, over every scan timed (the watcher's slices). */
  longestSliceMs: number;
  /** The content script's full scan (PageWatcher.start) on this page, which makes no shadow roots. */
  watcher: Timed;
  /** The same two steps called directly, timed apart (no shadow-root sweep). */
  collect: Timed;
  scan: Timed;
  /** With the shadow-root sweep (Firefox, or a page that made shadow roots). */
  watcherSweep: Timed;
  /** The content script's full scan once the footer says 帮助中心 (an `unless` phrase of the built-in rules). */
  watcherHelpFooter: Timed;
  /** collectLiveSegments(document) without options + scanPage: every heading and dialog read, as on a page whose text has a phrase. */
  allRegions: Timed;
  innerText: Timed;
  textContent: Timed;
  ratio: { watcherToInnerText: number; helpFooterToInnerText: number; allRegionsToInnerText: number; coldToInnerText: number; coldRatios: number[] };
  /**
   * The general layer's share of the full scan: the same scan without it, on this page and once
   * the page shows a notice in a toast (the layer then judges it); its first use in a tab; and the
   * longest step of the scans with the notice.
   */
  general: {
    without: Timed;
    notice: Timed;
    noticeWithout: Timed;
    addedToInnerText: number;
    noticeAddedToInnerText: number;
    longestSliceNoticeMs: number;
    /** Each scan's longest step, which step it was, and how many steps the scan took, in run order. */
    longestSliceNoticeRuns: Array<{ ms: number; at: number; of: number }>;
    firstUse: { framesMs: number; modelMs: number; conceptsMs: number };
  };
  segments: number;
  detections: string[];
  /** Median time of each DOM read collectLiveSegments can make, alone. */
  domReads: Array<{ what: string; ms: number }>;
  /** CPU profile of `profileRuns` more content-script full scans, per scan. */
  profileRuns: number;
  profile: FunctionCost[];
  /** The same for scans reading every region. */
  profileAllRegions: FunctionCost[];
}

export interface ScalingRow {
  target: number;
  patterns: number;
  rules: number;
  /** Medians; `compileFirstMs` is the first of the compile runs. */
  chromium: { compileMs: number; compileFirstMs: number; scanMs: number };
  node: { compileMs: number; compileFirstMs: number; scanMs: number };
}

export interface EngineInPageResult {
  userAgent: string;
  page: PageStats;
  fullScan: FullScanResult;
  scaling: { segmentsChars: number; rows: ScalingRow[] };
}

/** The page's global once the bundle is in (page.evaluate callbacks run in the page). */
type Win = { __shutout: ShutoutBenchApi };

export async function benchEngineInPage(html: string, log: (s: string) => void): Promise<EngineInPageResult> {
  const bundle = await engineBundle();
  const session = await launch({ withExtension: false });
  try {
    // tsx names functions with a helper that the page does not have.
    await session.context.addInitScript('globalThis.__name = (f) => f;');
    await serveBody(session.context, BIG_PAGE_URL, html);
    const page = await session.context.newPage();
    page.setDefaultTimeout(120_000);
    type Api = ShutoutBenchApi;
    const call = <T>(f: (api: Api) => T): Promise<Awaited<T>> =>
      page.evaluate((src) => (0, eval)(src)((globalThis as unknown as Win).__shutout), `(${f.toString()})`) as Promise<Awaited<T>>;
    const fresh = async () => {
      await page.goto(BIG_PAGE_URL, { waitUntil: 'load' });
      // Layout clean before any timing: neither side pays for the first layout.
      await page.evaluate(() => document.body.innerText.length);
      await page.addScriptTag({ content: bundle });
    };
    // The headline: the first scan of each fresh load, cold, the rules made in the same scan.
    const cold: FullScanResult['cold'] = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      await fresh();
      const run = await call((api) => api.watcherScan(false));
      const floors = [await call((api) => api.innerText()), await call((api) => api.innerText()), await call((api) => api.innerText())];
      cold.push({ ms: run.ms, rulesMs: run.rulesMs, slices: run.slices, longestSliceMs: run.longestSliceMs, innerTextMs: median(floors) });
      log(`  cold first scan, load ${i + 1}: ${run.ms.toFixed(1)} ms (rules ${run.rulesMs.toFixed(1)} ms, ${run.slices} steps, longest ${run.longestSliceMs.toFixed(1)} ms), innerText ${median(floors).toFixed(1)} ms`);
    }
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const stats = await page.evaluate(() => (globalThis as unknown as Win).__shutout.pageStats());
    log(`  page: ${stats.elements} elements, ${stats.textNodes} text nodes, ${(Buffer.byteLength(html) / 1048576).toFixed(2)} MB`);

    // 1. Full scan versus the floor, warm (the same page, many runs).
    const kinds = {
      watcher: () => call((api) => api.watcherScan(false)),
      split: () => call((api) => api.engine(false)),
      watcherSweep: () => call((api) => api.watcherScan(true)),
      watcherHelpFooter: () => call((api) => api.watcherScanHelpFooter()),
      watcherNoGeneral: () => call((api) => api.watcherScan(false, false)),
      watcherNotice: () => call((api) => api.watcherScanWithNotice(true)),
      watcherNoticeNoGeneral: () => call((api) => api.watcherScanWithNotice(false)),
      allRegions: () => call((api) => api.engineAllRegions()),
      innerText: () => call((api) => api.innerText()),
      textContent: () => call((api) => api.textContent()),
    };
    const names = Object.keys(kinds) as Array<keyof typeof kinds>;
    const got: Record<string, unknown[]> = Object.fromEntries(names.map((n) => [n, []]));
    // Interleaved, in an order shuffled afresh each round (seeded, so runs agree). A rotation keeps
    // each way's neighbour fixed: the scan with the general layer always followed innerText and
    // textContent, whose large strings leave garbage that its run then collected, and the layer
    // seemed to cost 7 ms that its own functions do not take in the profile (1b).
    const order = new Rand(0x5eed);
    for (let i = 0; i < SCAN_RUNS; i++) {
      const round = [...names];
      for (let k = round.length - 1; k > 0; k--) {
        const j = order.int(0, k);
        [round[k], round[j]] = [round[j]!, round[k]!];
      }
      for (const n of round) got[n]!.push(await kinds[n]());
    }
    const timed = (xs: number[]): Timed => ({ medianMs: median(xs), runsMs: xs });
    const split = got.split as EngineRun[];
    const ms = (runs: unknown[]) => (runs as WatcherRun[]).map((r) => r.ms);
    const watcherRuns = [...got.watcher!, ...got.watcherSweep!, ...got.watcherHelpFooter!] as WatcherRun[];
    const allRegionRuns = got.allRegions as EngineRun[];
    const firstUses: Array<{ framesMs: number; modelMs: number; conceptsMs: number }> = [];
    for (let i = 0; i < 5; i++) firstUses.push(await call((api) => api.generalFirstUse()));
    const reads: Array<Record<string, number>> = [];
    for (let i = 0; i < 5; i++) reads.push(await call((api) => api.domReads()));
    const domReads = Object.keys(reads[0]!).map((what) => ({ what, ms: median(reads.map((r) => r[what]!)) }));
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    // Every frame of the bundle counts: the watcher's steps resume from microtasks, not under watcherScan.
    const profileOf = async (run: () => Promise<unknown>, _root: string) => {
      await cdp.send('Profiler.start');
      for (let i = 0; i < PROFILE_RUNS; i++) await run();
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      return costByFunction(profile, PROFILE_RUNS, (fn) => fn.includes('(shutout-bench-engine.js')).slice(0, 40);
    };
    const profile = await profileOf(kinds.watcher, 'watcherScan');
    const profileAllRegions = await profileOf(kinds.allRegions, 'engineAllRegions');
    await cdp.detach();
    const fullScan: FullScanResult = {
      runs: SCAN_RUNS,
      compileBuiltinColdMs: median(cold.map((c) => c.rulesMs)),
      coldMs: median(cold.map((c) => c.ms)),
      cold,
      longestSliceMs: Math.max(...cold.map((c) => c.longestSliceMs), ...watcherRuns.map((r) => r.longestSliceMs)),
      watcher: timed(ms(got.watcher!)),
      collect: timed(split.map((e) => e.collectMs)),
      scan: timed(split.map((e) => e.scanMs)),
      watcherSweep: timed(ms(got.watcherSweep!)),
      allRegions: timed(allRegionRuns.map((e) => e.totalMs)),
      watcherHelpFooter: timed(ms(got.watcherHelpFooter!)),
      innerText: timed(got.innerText as number[]),
      textContent: timed(got.textContent as number[]),
      ratio: { watcherToInnerText: 0, helpFooterToInnerText: 0, allRegionsToInnerText: 0, coldToInnerText: 0, coldRatios: [] },
      general: {
        without: timed(ms(got.watcherNoGeneral!)),
        notice: timed(ms(got.watcherNotice!)),
        noticeWithout: timed(ms(got.watcherNoticeNoGeneral!)),
        addedToInnerText: 0,
        noticeAddedToInnerText: 0,
        longestSliceNoticeMs: Math.max(...(got.watcherNotice as WatcherRun[]).map((r) => r.longestSliceMs)),
        longestSliceNoticeRuns: (got.watcherNotice as WatcherRun[]).map((r) => ({ ms: r.longestSliceMs, at: r.longestSliceAt, of: r.slices })),
        firstUse: { framesMs: median(firstUses.map((f) => f.framesMs)), modelMs: median(firstUses.map((f) => f.modelMs)), conceptsMs: median(firstUses.map((f) => f.conceptsMs)) },
      },
      segments: split[0]!.segments,
      detections: split[0]!.detections,
      domReads,
      profileRuns: PROFILE_RUNS,
      profile,
      profileAllRegions,
    };
    const floor = fullScan.innerText.medianMs;
    fullScan.ratio = { watcherToInnerText: fullScan.watcher.medianMs / floor, helpFooterToInnerText: fullScan.watcherHelpFooter.medianMs / floor, allRegionsToInnerText: fullScan.allRegions.medianMs / floor, coldToInnerText: fullScan.coldMs / median(cold.map((c) => c.innerTextMs)), coldRatios: cold.map((c) => c.ms / c.innerTextMs) };
    const g = fullScan.general;
    g.addedToInnerText = (fullScan.watcher.medianMs - g.without.medianMs) / floor;
    g.noticeAddedToInnerText = (g.notice.medianMs - g.noticeWithout.medianMs) / floor;
    log(`  longest step of each scan with a notice toast (ms, step / steps): ${g.longestSliceNoticeRuns.map((r) => `${r.ms.toFixed(1)} (${r.at}/${r.of})`).join(', ')}`);
    log(`  general layer: ${(fullScan.watcher.medianMs - g.without.medianMs).toFixed(2)} ms on this page, ${(g.notice.medianMs - g.noticeWithout.medianMs).toFixed(2)} ms with a notice toast; first use ${g.firstUse.framesMs.toFixed(1)} + ${g.firstUse.modelMs.toFixed(1)} + ${g.firstUse.conceptsMs.toFixed(1)} ms`);
    log(`  full scan: median ${fullScan.watcher.medianMs.toFixed(1)} ms (every region: ${fullScan.allRegions.medianMs.toFixed(1)} ms) vs innerText ${floor.toFixed(1)} ms`);

    // 2. Scaling with the number of phrases, over the same segments. Every set is compiled
    // first; then the scans go round the sets, so that a busy moment hits every size alike.
    const segments: Segment[] = await page.evaluate(() => (globalThis as unknown as Win).__shutout.segments());
    const sized = PHRASE_COUNTS.map((target) => ({ target, rules: ruleSetOfSize(target).rules }));
    const acc = sized.map(() => ({ patterns: 0, cCompile: [] as number[], cScan: [] as number[], nCompile: [] as number[], nScan: [] as number[], set: undefined as RuleSet | undefined }));
    for (let i = 0; i < COMPILE_RUNS; i++) {
      for (const [k, { target, rules }] of sized.entries()) {
        const r = await page.evaluate(([key, rs]) => (globalThis as unknown as Win).__shutout.compileSized(key, rs), [target, rules] as [number, Rule[]]);
        acc[k]!.cCompile.push(r.ms);
        acc[k]!.patterns = r.patterns;
        const t0 = performance.now();
        acc[k]!.set = compileRules(rules, `${RULESET_VERSION}+bench.${target}`);
        acc[k]!.nCompile.push(performance.now() - t0);
      }
    }
    for (let i = -1; i < SIZED_SCAN_RUNS; i++) {
      // Round -1 warms up and is not kept.
      for (const [k, { target }] of sized.entries()) {
        const c = (await page.evaluate((key) => (globalThis as unknown as Win).__shutout.scanSized(key), target)).ms;
        const t0 = performance.now();
        scanPage(acc[k]!.set!, { url: BIG_PAGE_URL, segments });
        const n = performance.now() - t0;
        if (i >= 0) {
          acc[k]!.cScan.push(c);
          acc[k]!.nScan.push(n);
        }
      }
    }
    const rows: ScalingRow[] = sized.map(({ target, rules }, k) => {
      const a = acc[k]!;
      log(`  ${a.patterns} phrases: compile ${median(a.cCompile).toFixed(1)} ms, scan ${median(a.cScan).toFixed(1)} ms (Chromium)`);
      return {
        target,
        patterns: a.patterns,
        rules: rules.length,
        chromium: { compileMs: median(a.cCompile), compileFirstMs: a.cCompile[0]!, scanMs: median(a.cScan) },
        node: { compileMs: median(a.nCompile), compileFirstMs: a.nCompile[0]!, scanMs: median(a.nScan) },
      };
    });
    return {
      userAgent,
      page: { bytes: Buffer.byteLength(html), ...stats },
      fullScan,
      scaling: { segmentsChars: segments.reduce((n, s) => n + s.text.length, 0), rows },
    };
  } finally {
    await closeSession(session);
  }
}
