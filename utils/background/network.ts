import { onePerKind, scanNetwork, type RuleSet } from '../detect/engine';
import { platformOf } from '../detect/platforms';
import type { Detection, NetworkInput } from '../detect/types';
import { sameFamily } from '../detect/families';
import { isMarketplaceUrl } from '../detect/hosts';
import { serial, storeFindings, updateTab, type BackgroundDeps } from './deps';
import type { KeyedStore } from './session-store';

/** What webRequest tells of one response (a subset of onHeadersReceived's details). */
export interface ResponseEvent {
  requestId: string;
  tabId: number;
  type: string;
  url: string;
  statusCode: number;
  responseHeaders?: Array<{ name: string; value?: string }>;
  /** Firefox: the document that made the request (for a frame, its parent). */
  documentUrl?: string;
  /**
   * Who started the request: Chrome's `initiator` (an origin), Firefox's `originUrl`. Absent for
   * a navigation the browser started itself (an address typed, a bookmark).
   */
  initiator?: string;
  timeStamp?: number;
}

/** Where detections seen while a tab navigates wait for that tab's page to report. */
export type PendingStore = KeyedStore<PendingNavigation>;

/** A tab's latest page load as webRequest saw it, until the next one replaces it. */
export interface PendingNavigation {
  requestId: string;
  url: string;
  observedAt: string;
  /** Network findings waiting for the page's report. */
  detections: Detection[];
  /** The origin of the page that started the load, when webRequest names it ('' when not). */
  initiator?: string;
  /** The page id of the load's first report: a later report with another id is an in-app navigation. */
  claimedBy?: string;
}

/** What the background knows of how the page that reports came to be. */
export interface NavigationSeen {
  /** Network findings of the load, to join the page's record. */
  detections: Detection[];
  /**
   * `load`: the page load webRequest saw (with its initiator); `in-app`: the page changed its own
   * address (history API) after that load; `unknown`: no load was seen (the worker was not yet
   * listening, or the page's URL is not the one the load ended at).
   */
  how: 'load' | 'in-app' | 'unknown';
  initiator?: string;
}

/** `initiator` as an origin ('' when absent, 'null' for an opaque one). */
export function initiatorOrigin(initiator: string | undefined): string {
  if (!initiator) return '';
  try {
    return new URL(initiator).origin;
  } catch {
    return initiator.slice(0, 200);
  }
}

function headerMap(headers: ResponseEvent['responseHeaders']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers ?? []) out[h.name.toLowerCase()] = h.value ?? '';
  return out;
}

/**
 * Watches responses in marketplace tabs through webRequest: statuses, headers and redirects to
 * wall URLs. A finding on a page load (main frame), or on a frame or API call before the page's
 * first report, waits for that page's own report and joins its record; a later one joins the
 * record of the page that made it. Bodies are not visible here; the page-world tap reads those.
 */
/** API answers a tab's pages received (address and status), the latest few per tab. */
const ANSWERS_PER_TAB = 256;

export class NetworkWatch {
  private answers = new Map<number, string[]>();

  constructor(
    private readonly deps: BackgroundDeps,
    /** The rules in force; a promise while they are still loading (the event waits, it is not dropped). */
    private readonly rules: () => RuleSet | Promise<RuleSet>,
    private readonly pending: PendingStore,
  ) {}

  /**
   * One response. Queued at once behind the tab's earlier events (tab-queue.ts): call it
   * synchronously from the webRequest listener.
   */
  onResponse(ev: ResponseEvent): Promise<Detection[]> {
    if (ev.tabId < 0) return Promise.resolve([]);
    if (ev.type !== 'main_frame' && ev.type !== 'sub_frame') this.rememberAnswer(ev.tabId, ev.url, ev.statusCode);
    return serial(this.deps, ev.tabId, () => this.handle(ev));
  }

  /**
   * Did the browser see an answer from this address with this status in this tab? What the
   * page-world tap reports, a page's own scripts can post too; the body is out of webRequest's
   * sight, but that the page received such an answer at all is not.
   */
  sawAnswer(tabId: number, answer: { url: string; status?: number }): boolean {
    return this.answers.get(tabId)?.includes(answerKey(answer.url, answer.status)) ?? false;
  }

  /** The tab closed: forget its answers. */
  forgetTab(tabId: number): void {
    this.answers.delete(tabId);
  }

  private rememberAnswer(tabId: number, url: string, status: number): void {
    const list = this.answers.get(tabId) ?? [];
    list.push(answerKey(url, status));
    if (list.length > ANSWERS_PER_TAB) list.shift();
    this.answers.set(tabId, list);
  }

  private async handle(ev: ResponseEvent): Promise<Detection[]> {
    const headers = headerMap(ev.responseHeaders);
    const document = ev.type === 'main_frame' || ev.type === 'sub_frame';
    let redirectUrl: string | undefined;
    if (ev.statusCode >= 300 && ev.statusCode < 400 && headers.location) {
      try {
        redirectUrl = new URL(headers.location, ev.url).href;
      } catch {
        redirectUrl = undefined;
      }
    }
    const input: NetworkInput = {
      url: ev.url,
      status: ev.statusCode,
      headers,
      redirectUrl,
      resource: document ? 'document' : 'api',
      pageUrl: ev.type === 'main_frame' ? (redirectUrl ?? ev.url) : ev.documentUrl,
      now: ev.timeStamp ? new Date(ev.timeStamp) : undefined,
    };
    const rules = await this.rules();
    let found = scanNetwork(rules, input);
    if (ev.type === 'main_frame' && !redirectUrl && isMarketplaceUrl(ev.url)) {
      // The page's own URL is scanned by its content script, which files it under its page load;
      // here only what the page cannot see (status, headers) is kept.
      const urlRules = new Set(rules.rules.filter((r) => r.signal === 'url').map((r) => r.id));
      found = found.filter((d) => !urlRules.has(d.ruleId));
    }
    const observedAt = (input.now ?? new Date()).toISOString();

    if (ev.type === 'main_frame') {
      const prev = await this.pending.get(ev.tabId);
      const chain = prev && prev.requestId === ev.requestId ? prev : null;
      // A navigation whose page never reported (no content script ran there): keep what it showed.
      if (prev && !chain && !prev.claimedBy && prev.detections.length > 0) await this.storeStandalone(ev.tabId, prev.requestId, prev.url, prev.observedAt, prev.detections);
      const detections = onePerKind([...(chain?.detections ?? []), ...found]);
      const finalUrl = redirectUrl ?? ev.url;
      // The first request of a redirect chain says who started the navigation.
      const initiator = chain ? chain.initiator : initiatorOrigin(ev.initiator);
      if (redirectUrl || isMarketplaceUrl(finalUrl)) {
        // The page already reported (its report came in before this event): join its record now.
        const status = redirectUrl ? null : await this.deps.tabs.get(ev.tabId);
        if (status && sameDocumentUrl(status.url, finalUrl) && ev.timeStamp && Date.parse(status.checkedAt) >= ev.timeStamp) {
          await this.pending.set(ev.tabId, { requestId: ev.requestId, url: finalUrl, observedAt: chain?.observedAt ?? observedAt, detections: [], initiator, claimedBy: status.pageId });
          if (detections.length > 0) {
            await storeFindings(this.deps, { pageId: status.pageId, url: status.url, title: '', observedAt: status.checkedAt, platform: status.platform, detections });
            await updateTab(this.deps, ev.tabId, { pageId: status.pageId, url: status.url, title: '', observedAt: status.checkedAt, platform: status.platform, detections: onePerKind([...status.detections, ...detections]) });
          }
          return found;
        }
        // Otherwise the page it lands on will report; its record takes these along.
        await this.pending.set(ev.tabId, { requestId: ev.requestId, url: finalUrl, observedAt: chain?.observedAt ?? observedAt, detections, initiator });
      } else {
        // It lands where no content script runs: record what the network showed on its own.
        if (prev) await this.pending.remove(ev.tabId);
        if (detections.length > 0) await this.storeStandalone(ev.tabId, ev.requestId, finalUrl, observedAt, detections);
      }
      return found;
    }
    if (found.length === 0) return found;
    // Only what the page's own company answered to the page's own company is the page's: an ad
    // frame of another company, or a request made from inside one, is not filed under the page.
    const from = ev.initiator ?? ev.documentUrl;
    const ours = (pageUrl: string) => sameFamily(pageUrl, ev.url) && (!from || sameFamily(pageUrl, from));
    const nav = await this.pending.get(ev.tabId);
    if (nav && !nav.claimedBy) {
      // The page has not reported yet (it reports once its document is idle): these wait with
      // its load's findings and join its record, rather than being lost for want of a page.
      if (!ours(nav.url)) return [];
      await this.pending.set(ev.tabId, { ...nav, detections: onePerKind([...nav.detections, ...found]) });
      return found;
    }
    const status = await this.deps.tabs.get(ev.tabId);
    if (!status || !ours(status.url)) return [];
    const detections = onePerKind([...status.detections, ...found]);
    const page = { pageId: status.pageId, url: status.url, title: '', observedAt, platform: status.platform, detections: found };
    await storeFindings(this.deps, page);
    await updateTab(this.deps, ev.tabId, { ...page, observedAt: status.checkedAt, detections });
    return found;
  }

  /**
   * Called when the tab's page reports, from inside the tab's queued task: the network findings of
   * the load that led to it, and how the page came to be.
   */
  async takeForPage(tabId: number, url: string, pageId: string): Promise<NavigationSeen> {
    const p = await this.pending.get(tabId);
    if (!p) return { detections: [], how: 'unknown' };
    if (p.claimedBy) return p.claimedBy === pageId ? { detections: [], how: 'load', initiator: p.initiator } : { detections: [], how: 'in-app' };
    if (!sameDocumentUrl(p.url, url)) {
      await this.pending.remove(tabId);
      if (p.detections.length > 0) await this.storeStandalone(tabId, p.requestId, p.url, p.observedAt, p.detections);
      return { detections: [], how: 'unknown' };
    }
    await this.pending.set(tabId, { ...p, detections: [], claimedBy: pageId });
    return { detections: p.detections, how: 'load', initiator: p.initiator };
  }

  /** The tab closed before its page reported: keep what was seen. Queued behind the tab's events. */
  flush(tabId: number): Promise<void> {
    return serial(this.deps, tabId, async () => {
      const p = await this.pending.get(tabId);
      if (!p) return;
      await this.pending.remove(tabId);
      if (!p.claimedBy && p.detections.length > 0) await this.storeStandalone(tabId, p.requestId, p.url, p.observedAt, p.detections);
    });
  }

  private async storeStandalone(tabId: number, requestId: string, url: string, observedAt: string, detections: Detection[]): Promise<void> {
    await storeFindings(this.deps, { pageId: `net-${tabId}-${requestId}`, url, title: '', observedAt, platform: platformOf(url), detections });
  }
}

function answerKey(url: string, status: number | undefined): string {
  return `${status ?? ''} ${url.split('#')[0]}`;
}

function sameDocumentUrl(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
