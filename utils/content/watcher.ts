import { hasAnyPhrase, scanPage, type RuleSet } from '../detect/engine';
import { looseTableOf } from '../detect/rule-sets';
import { foldToString } from '../detect/normalize';
import type { Detection, NetworkInput, PageInput, Segment } from '../detect/types';
import { collectLive, collectLiveStructure, visible } from '../dom/collect-live';
import { DIALOG_MAX_CHARS } from '../dom/regions';
import type { PageReport } from '../protocol/messages';
import { pageClock, runNow, runSliced, type SliceClock, type Work } from './slices';
import { tapFindings } from './tap-protocol';

export interface WatcherDeps {
  doc: Document;
  win: Window;
  /** The rules, or how to make them (decoded in a slice of the first scan, not when the script loads). */
  rules: RuleSet | (() => RuleSet);
  /** Work that making the rules needs, done one piece per step before them (decoding the shipped data part by part). */
  prepare?: ReadonlyArray<() => unknown>;
  report(report: PageReport): void;
  newId(): string;
  /** Has the page attached an open shadow root (seen by the page-world tap)? Unknown: sweep. */
  pageHasShadowRoots?(): boolean;
  /** Called once per page load (and in-app navigation) after its first scan. */
  onPage?(page: { pageId: string; url: string; isStale(): boolean }): void;
  /** How long work is spread over tasks (tests give a fake clock). */
  clock?: SliceClock;
  /** Pages with at least this much raw text are read without innerText (collect-long.ts). */
  longPageChars?: number;
}

/** Text that appears later and is at most this long is read as a toast or dialog. */
const MUTATION_TEXT_MAX = 20_000;
/** Full rescans caused by late text are spaced at least this far apart. */
const RESCAN_GAP_MS = 500;
/** Queued nodes read per step. */
const NODES_PER_STEP = 64;

/**
 * Watches one tab's page: a full scan once, then only the text that appears later, read at
 * most once per idle period (never in the MutationObserver callback itself), and a fresh
 * page id with a fresh scan after an in-app navigation. Scans are spread over short tasks
 * (slices.ts), one at a time, each page's reports in the order of its scans.
 */
export class PageWatcher {
  private pageId: string;
  private url: string;
  private detections = new Map<string, Detection>();
  private queue = new Set<Node>();
  private scheduled = false;
  private lateSegments: Segment[] = [];
  private lastRescan = 0;
  private observer: MutationObserver | undefined;
  private stopped = false;
  private scanning = false;
  private rescanWanted = false;
  private rescanTimer = false;
  private readingQueue = false;
  /** Page ids whose first scan is done (and announced). */
  private scanned = new Set<string>();
  private set: RuleSet | undefined;
  private readonly clock: SliceClock;
  /** Figures for the benchmarks and tests. */
  readonly stats = { fullScans: 0, batches: 0, nodesRead: 0, lateHits: 0 };

  private readonly firstPageId: string;

  constructor(private readonly deps: WatcherDeps) {
    this.pageId = deps.newId();
    this.firstPageId = this.pageId;
    this.url = deps.win.location.href;
    this.clock = deps.clock ?? pageClock(deps.win);
  }

  private get rules(): RuleSet {
    return (this.set ??= typeof this.deps.rules === 'function' ? this.deps.rules() : this.deps.rules);
  }

  /** Starts watching: the first full scan runs in slices; changes made meanwhile are queued. Resolves when that scan is done. */
  start(): Promise<void> {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.deps.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'hidden', 'open', 'aria-hidden'],
    });
    return this.requestFullScan();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.queue.clear();
  }

  /**
   * The page is going away: if its first scan has not finished, scan it now, at once, so that a
   * notice seen for a moment is still reported (the message leaves before the document goes).
   */
  flush(): void {
    if (this.stopped || this.scanned.has(this.pageId)) return;
    this.finishScan(runNow(this.readPage()), this.pageId);
  }

  /** An API response the page received (from the page-world tap, already checked by acceptTap). */
  addNetwork(input: NetworkInput): void {
    if (this.stopped) return;
    this.checkLocation();
    this.merge(tapFindings(this.rules, { ...input, pageUrl: this.url }), false);
  }

  /** Called on in-app navigation (history API, hash changes) as well as from the mutation batch. */
  checkLocation(): void {
    const href = this.deps.win.location.href;
    if (href === this.url) return;
    this.url = href;
    this.pageId = this.deps.newId();
    this.detections.clear();
    this.lateSegments = [];
    void this.requestFullScan();
  }

  private scanDone: Promise<void> = Promise.resolve();
  private queueDone: Promise<void> = Promise.resolve();

  /** Resolves once the scans and reads asked for so far (and those they ask for) are done: for tests and benchmarks. */
  async settled(): Promise<void> {
    for (;;) {
      const scan = this.scanDone;
      const queue = this.queueDone;
      await Promise.all([scan, queue]);
      if (scan === this.scanDone && queue === this.queueDone) return;
    }
  }

  /** One full scan at a time; asked for while one runs, another follows it. */
  private requestFullScan(): Promise<void> {
    if (this.stopped) return this.scanDone;
    if (this.scanning) {
      this.rescanWanted = true;
      return this.scanDone;
    }
    this.scanning = true;
    this.scanDone = this.scanLoop().finally(() => (this.scanning = false));
    return this.scanDone;
  }

  private async scanLoop(): Promise<void> {
    do {
      this.rescanWanted = false;
      const pageId = this.pageId;
      this.lastRescan = Date.now();
      const read = await runSliced(this.readPage(), this.clock, () => !this.stopped && this.pageId === pageId);
      // A scan overtaken by a navigation is dropped; checkLocation asked for the next one.
      if (read && !this.stopped && this.pageId === pageId) this.finishScan(read, pageId);
    } while (this.rescanWanted && !this.stopped);
  }

  /** Everything a scan reads of the page, as steps. */
  private *readPage(): Work<PageInput> {
    if (!this.set) {
      for (const piece of this.deps.prepare ?? []) {
        piece();
        yield;
      }
    }
    const set = this.rules;
    yield;
    const loose = looseTableOf(set);
    yield;
    const read = yield* collectLive(this.deps.doc, { rules: set, loose, shadowRoots: this.deps.pageHasShadowRoots?.() ?? true, longPageChars: this.deps.longPageChars });
    const segments = [...read.segments, ...this.lateSegments];
    yield;
    const structure = set.general ? collectLiveStructure(this.deps.doc, segments, read.textChars) : { widgets: [] };
    yield;
    // The general layer's frames and model are made the first time a page's prominent words cue them, each in steps of its own.
    const general = set.general;
    if (general && segments.some((s) => (s.where !== 'text' || (read.textChars === undefined && s.text.length <= 1200)) && general.cueTest(foldToString(s.text)))) {
      yield* general.warm();
      yield;
      void general.model;
      yield;
      void general.concepts;
      yield;
    }
    return { url: this.url, title: this.deps.doc.title, segments, status: this.documentStatus(), ...structure, ...(read.textChars !== undefined ? { textChars: read.textChars } : {}) };
  }

  private finishScan(input: PageInput, pageId: string): void {
    this.stats.fullScans++;
    this.merge(scanPage(this.rules, input), true);
    if (!this.scanned.has(pageId)) {
      this.scanned.add(pageId);
      this.deps.onPage?.({ pageId, url: input.url, isStale: () => this.stopped || this.pageId !== pageId });
    }
  }

  /** The HTTP status of the page's document, for the first page of a load (in-app navigations have none). */
  private documentStatus(): number | undefined {
    if (this.pageId !== this.firstPageId) return undefined;
    const perf = (this.deps.win as Window & { performance?: Performance }).performance;
    const nav = perf?.getEntriesByType?.('navigation')[0] as (PerformanceEntry & { responseStatus?: number }) | undefined;
    return nav?.responseStatus || undefined;
  }

  private merge(found: Detection[], always: boolean): void {
    let changed = false;
    for (const d of found) {
      const prev = this.detections.get(d.kind);
      if (!prev || d.confidence > prev.confidence) {
        this.detections.set(d.kind, d);
        changed = true;
      }
    }
    if (!changed && !always) return;
    this.deps.report({
      type: 'page/report',
      pageId: this.pageId,
      url: this.url,
      title: this.deps.doc.title.slice(0, 1000),
      observedAt: new Date().toISOString(),
      detections: [...this.detections.values()],
    });
  }

  private onMutations(records: MutationRecord[]): void {
    // Only remember what changed; reading text or layout here would run on every mutation.
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach((n) => this.queue.add(n));
      else this.queue.add(r.target);
    }
    this.scheduleQueue();
  }

  private scheduleQueue(): void {
    if (this.scheduled || this.readingQueue || this.queue.size === 0) return;
    this.scheduled = true;
    const w = this.deps.win as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
    const run = () => {
      this.scheduled = false;
      this.readingQueue = true;
      this.queueDone = runSliced(this.readQueue(), this.clock, () => !this.stopped).finally(() => {
        this.readingQueue = false;
        this.scheduleQueue();
      });
    };
    if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: 300 });
    else w.setTimeout(run, 50);
  }

  /** The text that appeared since the last look, element by element; layout only for those whose text has a phrase. */
  private *readQueue(): Work<void> {
    if (this.stopped) return;
    this.stats.batches++;
    this.checkLocation();
    const nodes = [...this.queue];
    this.queue.clear();
    const rules = this.rules;
    const hits: Element[] = [];
    for (let i = 0; i < nodes.length; i++) {
      if (i % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
      const node = nodes[i]!;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || !el.isConnected) continue;
      const tag = el.tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') continue;
      const text = el.textContent ?? '';
      this.stats.nodesRead++;
      if (text.length === 0 || text.length > MUTATION_TEXT_MAX) continue;
      if (hasAnyPhrase(rules, text)) hits.push(el);
    }
    if (hits.length === 0) return;
    yield;
    // Only now, for the few elements whose text matched, is layout read.
    for (const el of hits) {
      if (!el.isConnected || !visible(el)) continue;
      const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
      if (!text) continue;
      this.stats.lateHits++;
      this.lateSegments.push({ where: text.length <= DIALOG_MAX_CHARS ? 'dialog' : 'text', text });
    }
    if (this.lateSegments.length > 32) this.lateSegments = this.lateSegments.slice(-32);
    const wait = RESCAN_GAP_MS - (Date.now() - this.lastRescan);
    if (wait <= 0) void this.requestFullScan();
    else if (!this.rescanTimer) {
      this.rescanTimer = true;
      this.deps.win.setTimeout(() => {
        this.rescanTimer = false;
        void this.requestFullScan();
      }, wait);
    }
  }
}
