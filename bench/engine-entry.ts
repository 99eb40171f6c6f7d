/**
 * Entry of the browser bundle that bench/engine-in-page.ts injects into the 100k-node page:
 * the detection core and the live-DOM reader exactly as the content script uses them, plus
 * the timing loops, so that nothing but a short call crosses the CDP boundary while timing.
 */
import { PageWatcher } from '../utils/content/watcher';
import { builtinRuleSet, compileRules, hasAnyPhrase, RULESET_VERSION, scanPage, type RuleSet } from '../utils/detect/index';
import { BUILTIN_PARTS } from '../utils/detect/rule-sets';
import type { Rule, Segment } from '../utils/detect/types';
import { collectLiveSegments, type CollectOptions } from '../utils/dom/collect-live';
import { DIALOG_SELECTOR, HEADING_SELECTOR } from '../utils/dom/regions';
import { conceptsOf } from '../utils/detect/general/compose';
import { generalLayer } from '../utils/detect/general/index';
import { FRAMES } from '../utils/detect/general/frames';
import { unpack } from '../utils/detect/general/model';
import { MODEL } from '../utils/detect/general/model-data';

export interface EngineRun {
  collectMs: number;
  scanMs: number;
  totalMs: number;
  segments: number;
  detections: string[];
}

/** One content-script full scan: its time, the part spent making the rules, and its steps. */
export interface WatcherRun {
  ms: number;
  rulesMs: number;
  slices: number;
  longestSliceMs: number;
  /** Which step was the longest (0: the first), the end of the scan counting as the last. */
  longestSliceAt: number;
}

const sets = new Map<number, RuleSet>();
let withoutGeneral: RuleSet | undefined;

function timedScan(opts: CollectOptions): EngineRun {
  const set = builtinRuleSet();
  const t0 = performance.now();
  const segments = collectLiveSegments(document, opts);
  const t1 = performance.now();
  const found = scanPage(set, { url: location.href, title: document.title, segments });
  const t2 = performance.now();
  return { collectMs: t1 - t0, scanMs: t2 - t1, totalMs: t2 - t0, segments: segments.length, detections: found.map((d) => d.ruleId) };
}
let segmentsOnce: Segment[] | undefined;

const api = {
  pageStats() {
    let textNodes = 0;
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) textNodes++;
    return {
      elements: document.getElementsByTagName('*').length,
      textNodes,
      innerTextChars: document.body.innerText.length,
      textContentChars: (document.body.textContent ?? '').length,
    };
  },
  /** Compile the built-in rules (what the content script does once per page). */
  compileBuiltin(): number {
    const t0 = performance.now();
    builtinRuleSet();
    return performance.now() - t0;
  },
  /**
   * The content script's full scan, through the same code: a PageWatcher started on the page
   * (its first scan, in steps: the rules decoded, the page read as collectLive reads it, then
   * scanPage), then stopped. `shadowRoots` is what Chromium's page-world tap reports: whether the
   * page made any. The steps run back to back (the clock's pause is a microtask), so the time is
   * the scan's work; the longest step between two pauses is kept too. The rules are made by the
   * watcher itself (on a page load's first scan that includes decoding the shipped data).
   */
  async watcherScan(shadowRoots: boolean, general = true): Promise<WatcherRun> {
    let reports = 0;
    let rulesMs = 0;
    let slices = 0;
    let longestSliceMs = 0;
    let longestSliceAt = 0;
    let resumed = 0;
    const clock = {
      now: () => performance.now(),
      pause: () => {
        const now = performance.now();
        if (now - resumed > longestSliceMs) [longestSliceMs, longestSliceAt] = [now - resumed, slices];
        slices++;
        return Promise.resolve().then(() => void (resumed = performance.now()));
      },
    };
    const t0 = performance.now();
    resumed = t0;
    const w = new PageWatcher({
      doc: document,
      win: window,
      rules: () => {
        const r0 = performance.now();
        const set = builtinRuleSet();
        rulesMs += performance.now() - r0;
        // Without the general layer: what the rules alone cost (the layer's share is the difference).
        // One copy for every run, so that the caches kept per rule set serve it as they serve the set.
        return general ? set : (withoutGeneral ??= { ...set, general: undefined });
      },
      // As watch.content.ts: the shipped data decoded one part per step.
      prepare: BUILTIN_PARTS.map((part) => () => {
        const r0 = performance.now();
        part();
        rulesMs += performance.now() - r0;
      }),
      report: () => reports++,
      newId: () => 'bench',
      pageHasShadowRoots: () => shadowRoots,
      clock,
    });
    await w.start();
    const end = performance.now();
    if (end - resumed > longestSliceMs) [longestSliceMs, longestSliceAt] = [end - resumed, slices];
    w.stop();
    if (reports === 0) throw new Error('the watcher did not report its first scan');
    return { ms: end - t0, rulesMs, slices: slices + 1, longestSliceMs, longestSliceAt };
  },
  /**
   * The full scan once the page shows a notice in a toast (a cue of the general layer: its frames
   * and model judge the toast), with or without the layer. The toast is added and removed outside
   * the timing, layout made clean.
   */
  async watcherScanWithNotice(general: boolean): Promise<WatcherRun> {
    const toast = document.createElement('div');
    toast.className = 'toast';
    toast.setAttribute('role', 'status');
    toast.textContent = '您的账号存在异常，已被限制登录，请稍后再试';
    document.body.append(toast);
    void document.body.innerText;
    try {
      return await api.watcherScan(false, general);
    } finally {
      toast.remove();
      void document.body.innerText;
    }
  },
  /**
   * The general layer's first use in a tab, from fresh objects, as the watcher's steps run it: the
   * frames made and their expressions compiled (warm(): the longest of its steps), the model
   * decoded, the concepts compiled. V8 keeps compiled expressions by source across objects, so
   * only the first call in a page compiles them afresh: the scans with a notice time that one.
   */
  generalFirstUse(): { framesMs: number; modelMs: number; conceptsMs: number } {
    const layer = generalLayer(FRAMES);
    let framesMs = 0;
    let step = performance.now();
    for (const _ of layer.warm()) {
      framesMs = Math.max(framesMs, performance.now() - step);
      step = performance.now();
    }
    framesMs = Math.max(framesMs, performance.now() - step);
    const t1 = performance.now();
    unpack(MODEL);
    const t2 = performance.now();
    conceptsOf(FRAMES);
    return { framesMs, modelMs: t2 - t1, conceptsMs: performance.now() - t2 };
  },
  /** The same two steps called directly (options as the watcher passes them), timed apart. */
  engine(shadowRoots: boolean): EngineRun {
    return timedScan({ hasHits: (text) => hasAnyPhrase(builtinRuleSet(), text), shadowRoots });
  },
  /** collectLiveSegments(document) without options: every heading and dialog read, shadow roots swept (a page with a hit). */
  engineAllRegions(): EngineRun {
    return timedScan({});
  },
  /**
   * The content script's full scan once an ordinary footer link ("联系客服") reads "帮助中心"
   * (help centre): a word many marketplace footers carry, and an `unless` phrase of the
   * built-in rules. The link is renamed and put back outside the timing, layout made clean.
   */
  async watcherScanHelpFooter(): Promise<WatcherRun> {
    const link = Array.from(document.querySelectorAll('.footer a')).find((a) => a.textContent === '联系客服');
    if (!link) throw new Error('no footer link to rename');
    link.textContent = '帮助中心';
    void document.body.innerText;
    try {
      return await api.watcherScan(false);
    } finally {
      link.textContent = '联系客服';
      void document.body.innerText;
    }
  },
  /** The floor: read the page's text once. */
  innerText(): number {
    const t0 = performance.now();
    const n = document.body.innerText.length;
    const t = performance.now() - t0;
    return n >= 0 ? t : -1;
  },
  textContent(): number {
    const t0 = performance.now();
    const n = (document.body.textContent ?? '').length;
    const t = performance.now() - t0;
    return n >= 0 ? t : -1;
  },
  /**
   * The DOM reads that collectLiveSegments makes, timed one by one (one run each): the region
   * queries, the body's text, and the sweep for open shadow roots.
   */
  domReads(): Record<string, number> {
    const time = (f: () => unknown): number => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    };
    return {
      'querySelectorAll(HEADING_SELECTOR)': time(() => document.querySelectorAll(HEADING_SELECTOR).length),
      'querySelectorAll(DIALOG_SELECTOR)': time(() => document.querySelectorAll(DIALOG_SELECTOR).length),
      'body.innerText': time(() => document.body.innerText.length),
      "shadow-root sweep (querySelectorAll('*') + .shadowRoot)": time(() => {
        const all = document.querySelectorAll('*');
        let n = 0;
        for (let i = 0; i < all.length; i++) if (all[i]!.shadowRoot) n++;
        return n;
      }),
    };
  },
  /** Scaling: compile a rule set; keeps it under `key` for scanSized. */
  compileSized(key: number, rules: Rule[]): { ms: number; patterns: number } {
    const t0 = performance.now();
    const set = compileRules(rules, `${RULESET_VERSION}+bench.${key}`);
    const ms = performance.now() - t0;
    sets.set(key, set);
    return { ms, patterns: set.automaton.patternLengths.length };
  },
  /** The page's segments, read once, for the scaling runs and for Node. */
  segments(): Segment[] {
    return (segmentsOnce ??= collectLiveSegments(document));
  },
  /** Scaling: scanPage alone over the page's segments with the set compiled under `key`. */
  scanSized(key: number): { ms: number; detections: number } {
    const set = sets.get(key)!;
    const segments = api.segments();
    const t0 = performance.now();
    const found = scanPage(set, { url: location.href, title: document.title, segments });
    return { ms: performance.now() - t0, detections: found.length };
  },
};

export type ShutoutBenchApi = typeof api;
(globalThis as unknown as { __shutout: ShutoutBenchApi }).__shutout = api;
