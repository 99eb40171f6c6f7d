/**
 * Benchmarks 1 and 2: the detection engine inside Chromium, on the 100k-node page.
 *
 * 1. Full scan (`collectLiveSegments(document)` + `scanPage(...)` with the built-in rules)
 *    against the floor, reading the page's text once (`document.body.innerText`; also
 *    `textContent`). Runs are interleaved; the page's layout is made clean before any timing,
 *    so neither side pays for the first layout. A V8 CPU profile of further full scans shows
 *    which functions the time goes to.
 * 2. Scaling with the number of phrases: `compileRules` and `scanPage` (over the same page's
 *    segments, read once) for rule sets of 50 to 2,000 phrases, in Chromium and, for
 *    reference, in Node.
 */
import { performance } from 'node:perf_hooks';
import { compileRules, RULESET_VERSION, scanPage, type RuleSet } from '../utils/detect/index';
import type { Rule, Segment } from '../utils/detect/types';
import { launch, serveBody } from '../scripts/lib/browser';
import { engineBundle } from './bundle';
import type { EngineRun, ShutoutBenchApi } from './engine-entry';
import { costByFunction, type CpuProfile, type FunctionCost } from './lib/profile';
import { median } from './lib/stats';
import { BIG_PAGE_URL } from './page-100k';
import { ruleSetOfSize } from './phrases';

export const SCAN_RUNS = 9;
const PROFILE_RUNS = 6;
const COMPILE_RUNS = 5;
const SIZED_SCAN_RUNS = 9;
export const PHRASE_COUNTS = [50, 300, 1000, 2000];

export interface PageStats {
  bytes: number;
  elements: number;
  textNodes: number;
  innerTextChars: number;
  textContentChars: number;
}

export interface FullScanResult {
  runs: number;
  compileBuiltinColdMs: number;
  /** The first full scan after the bundle is loaded (cold JIT), as the content script runs it once per page. */
  cold: EngineRun;
  engineMs: number[];
  collectMs: number[];
  scanMs: number[];
  innerTextMs: number[];
  textContentMs: number[];
  median: { engine: number; collect: number; scan: number; innerText: number; textContent: number };
  ratio: { engineToInnerText: number; engineToTextContent: number; coldToInnerText: number };
  segments: number;
  detections: string[];
  /** Median time of each DOM read collectLiveSegments makes, alone. */
  domReads: Array<{ what: string; ms: number }>;
  /** CPU profile of PROFILE_RUNS further full scans, per scan. */
  profile: FunctionCost[];
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
    await page.goto(BIG_PAGE_URL, { waitUntil: 'load' });
    // Layout clean before any timing: neither side pays for the first layout.
    await page.evaluate(() => document.body.innerText.length);
    await page.addScriptTag({ content: bundle });
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const stats = await page.evaluate(() => (globalThis as unknown as Win).__shutout.pageStats());
    log(`  page: ${stats.elements} elements, ${stats.textNodes} text nodes, ${(Buffer.byteLength(html) / 1048576).toFixed(2)} MB`);

    // 1. Full scan versus the floor.
    const compileBuiltinColdMs = await page.evaluate(() => (globalThis as unknown as Win).__shutout.compileBuiltin());
    const cold = await page.evaluate(() => (globalThis as unknown as Win).__shutout.engine());
    const engine: EngineRun[] = [];
    const innerText: number[] = [];
    const textContent: number[] = [];
    for (let i = 0; i < SCAN_RUNS; i++) {
      // Rotate the order so that no side always runs right after a GC-heavy neighbour.
      const steps = [
        async () => engine.push(await page.evaluate(() => (globalThis as unknown as Win).__shutout.engine())),
        async () => innerText.push(await page.evaluate(() => (globalThis as unknown as Win).__shutout.innerText())),
        async () => textContent.push(await page.evaluate(() => (globalThis as unknown as Win).__shutout.textContent())),
      ];
      for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]!();
    }
    const reads: Array<Record<string, number>> = [];
    for (let i = 0; i < 5; i++) reads.push(await page.evaluate(() => (globalThis as unknown as Win).__shutout.domReads()));
    const domReads = Object.keys(reads[0]!).map((what) => ({ what, ms: median(reads.map((r) => r[what]!)) }));
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    for (let i = 0; i < PROFILE_RUNS; i++) await page.evaluate(() => (globalThis as unknown as Win).__shutout.engine());
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.detach();
    const m = {
      engine: median(engine.map((e) => e.totalMs)),
      collect: median(engine.map((e) => e.collectMs)),
      scan: median(engine.map((e) => e.scanMs)),
      innerText: median(innerText),
      textContent: median(textContent),
    };
    const fullScan: FullScanResult = {
      runs: SCAN_RUNS,
      compileBuiltinColdMs,
      cold,
      engineMs: engine.map((e) => e.totalMs),
      collectMs: engine.map((e) => e.collectMs),
      scanMs: engine.map((e) => e.scanMs),
      innerTextMs: innerText,
      textContentMs: textContent,
      median: m,
      ratio: { engineToInnerText: m.engine / m.innerText, engineToTextContent: m.engine / m.textContent, coldToInnerText: cold.totalMs / m.innerText },
      segments: cold.segments,
      detections: cold.detections,
      domReads,
      profile: costByFunction(profile, PROFILE_RUNS).slice(0, 40),
    };
    log(`  full scan: median ${m.engine.toFixed(1)} ms vs innerText ${m.innerText.toFixed(1)} ms`);

    // 2. Scaling with the number of phrases, Chromium then Node, over the same segments.
    const segments: Segment[] = await page.evaluate(() => (globalThis as unknown as Win).__shutout.segments());
    const rows: ScalingRow[] = [];
    for (const target of PHRASE_COUNTS) {
      const { rules } = ruleSetOfSize(target);
      const chromiumCompile: number[] = [];
      let patterns = 0;
      for (let i = 0; i < COMPILE_RUNS; i++) {
        const r = await page.evaluate(([key, rs]) => (globalThis as unknown as Win).__shutout.compileSized(key, rs), [target, rules] as [number, Rule[]]);
        chromiumCompile.push(r.ms);
        patterns = r.patterns;
      }
      const chromiumScan: number[] = [];
      await page.evaluate((key) => (globalThis as unknown as Win).__shutout.scanSized(key), target); // warm-up
      for (let i = 0; i < SIZED_SCAN_RUNS; i++) chromiumScan.push((await page.evaluate((key) => (globalThis as unknown as Win).__shutout.scanSized(key), target)).ms);
      const nodeCompile: number[] = [];
      let set: RuleSet | undefined;
      for (let i = 0; i < COMPILE_RUNS; i++) {
        const t0 = performance.now();
        set = compileRules(rules, `${RULESET_VERSION}+bench.${target}`);
        nodeCompile.push(performance.now() - t0);
      }
      const nodeScan: number[] = [];
      scanPage(set!, { url: BIG_PAGE_URL, segments }); // warm-up
      for (let i = 0; i < SIZED_SCAN_RUNS; i++) {
        const t0 = performance.now();
        scanPage(set!, { url: BIG_PAGE_URL, segments });
        nodeScan.push(performance.now() - t0);
      }
      rows.push({
        target,
        patterns,
        rules: rules.length,
        chromium: { compileMs: median(chromiumCompile), compileFirstMs: chromiumCompile[0]!, scanMs: median(chromiumScan) },
        node: { compileMs: median(nodeCompile), compileFirstMs: nodeCompile[0]!, scanMs: median(nodeScan) },
      });
      log(`  ${patterns} phrases: compile ${median(chromiumCompile).toFixed(1)} ms, scan ${median(chromiumScan).toFixed(1)} ms (Chromium)`);
    }
    return {
      userAgent,
      page: { bytes: Buffer.byteLength(html), ...stats },
      fullScan,
      scaling: { segmentsChars: segments.reduce((n, s) => n + s.text.length, 0), rows },
    };
  } finally {
    await session.close();
  }
}
