import { hasAnyPhrase, scanNetwork, scanPage, triggerOffsets, type RuleSet } from '../detect/engine';
import type { Detection, NetworkInput, Segment } from '../detect/types';
import { collectLiveSegments, collectLiveStructure, visible } from '../dom/collect-live';
import { DIALOG_MAX_CHARS } from '../dom/regions';
import type { PageReport } from '../protocol/messages';

export interface WatcherDeps {
  doc: Document;
  win: Window;
  rules: RuleSet;
  report(report: PageReport): void;
  newId(): string;
  /** Has the page attached an open shadow root (seen by the page-world tap)? Unknown: sweep. */
  pageHasShadowRoots?(): boolean;
  /** Called once per page load (and in-app navigation) after its first scan. */
  onPage?(page: { pageId: string; url: string; isStale(): boolean }): void;
}

/** Text that appears later and is at most this long is read as a toast or dialog. */
const MUTATION_TEXT_MAX = 20_000;
/** Full rescans caused by late text are spaced at least this far apart. */
const RESCAN_GAP_MS = 500;

/**
 * Watches one tab's page: a full scan once, then only the text that appears later, read at
 * most once per idle period (never in the MutationObserver callback itself), and a fresh
 * page id with a fresh scan after an in-app navigation.
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
  /** Figures for the benchmarks and tests. */
  readonly stats = { fullScans: 0, batches: 0, nodesRead: 0, lateHits: 0 };

  private readonly firstPageId: string;

  constructor(private readonly deps: WatcherDeps) {
    this.pageId = deps.newId();
    this.firstPageId = this.pageId;
    this.url = deps.win.location.href;
  }

  start(): void {
    this.fullScan();
    this.announcePage();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    const target = this.deps.doc.documentElement;
    this.observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'hidden', 'open', 'aria-hidden'],
    });
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.queue.clear();
  }

  /** An API response the page received (from the page-world tap, already checked by acceptTap). */
  addNetwork(input: NetworkInput): void {
    if (this.stopped) return;
    this.checkLocation();
    // Each finding names the answer it came from, which the background checks against what it saw.
    const answer = { url: input.url, ...(input.status !== undefined ? { status: input.status } : {}) };
    this.merge(scanNetwork(this.deps.rules, { ...input, pageUrl: this.url }).map((d) => ({ ...d, answer })), false);
  }

  /** Called on in-app navigation (history API, hash changes) as well as from the mutation batch. */
  checkLocation(): void {
    const href = this.deps.win.location.href;
    if (href === this.url) return;
    this.url = href;
    this.pageId = this.deps.newId();
    this.detections.clear();
    this.lateSegments = [];
    this.fullScan();
    this.announcePage();
  }

  private announcePage(): void {
    const pageId = this.pageId;
    this.deps.onPage?.({ pageId, url: this.url, isStale: () => this.stopped || this.pageId !== pageId });
  }

  private fullScan(): void {
    if (this.stopped) return;
    this.stats.fullScans++;
    this.lastRescan = Date.now();
    const segments = collectLiveSegments(this.deps.doc, {
      hasHits: (text) => hasAnyPhrase(this.deps.rules, text),
      hitOffsets: (text) => triggerOffsets(this.deps.rules, text),
      shadowRoots: this.deps.pageHasShadowRoots?.() ?? true,
    });
    segments.push(...this.lateSegments);
    const structure = this.deps.rules.general ? collectLiveStructure(this.deps.doc, segments) : { widgets: [] };
    this.merge(scanPage(this.deps.rules, { url: this.url, title: this.deps.doc.title, segments, status: this.documentStatus(), ...structure }), true);
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
    if (!this.scheduled && this.queue.size > 0) {
      this.scheduled = true;
      const w = this.deps.win as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
      if (w.requestIdleCallback) w.requestIdleCallback(() => this.processQueue(), { timeout: 300 });
      else w.setTimeout(() => this.processQueue(), 50);
    }
  }

  private processQueue(): void {
    this.scheduled = false;
    if (this.stopped) return;
    this.stats.batches++;
    this.checkLocation();
    const nodes = [...this.queue];
    this.queue.clear();
    const hits: Element[] = [];
    for (const node of nodes) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || !el.isConnected) continue;
      const tag = el.tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') continue;
      const text = el.textContent ?? '';
      this.stats.nodesRead++;
      if (text.length === 0 || text.length > MUTATION_TEXT_MAX) continue;
      if (hasAnyPhrase(this.deps.rules, text)) hits.push(el);
    }
    if (hits.length === 0) return;
    // Only now, for the few elements whose text matched, is layout read.
    for (const el of hits) {
      if (!visible(el)) continue;
      const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
      if (!text) continue;
      this.stats.lateHits++;
      this.lateSegments.push({ where: text.length <= DIALOG_MAX_CHARS ? 'dialog' : 'text', text });
    }
    if (this.lateSegments.length > 32) this.lateSegments = this.lateSegments.slice(-32);
    const now = Date.now();
    if (now - this.lastRescan >= RESCAN_GAP_MS) this.fullScan();
    else this.deps.win.setTimeout(() => this.fullScan(), RESCAN_GAP_MS);
  }
}
