import type { PageFindings } from '../evidence/store';
import { platformOf } from '../detect/platforms';
import type { NavigationSeen } from './network';
import type { CaptureResponse, CouponControlResponse, PageHtml, ReportedDetection, ScopeCheckResponse } from '../protocol/messages';
import type { ShutoutDB } from '../storage/db';
import { isQuotaError } from './batch-writer';
import { Budgets } from './budgets';
import { TabQueue } from './tab-queue';
import type { TabStatusStore } from './tab-status';

/**
 * What every background handler is given, and the two steps they share (store findings, show
 * them on the tab). Kept apart from handlers.ts so that coupons.ts and handlers.ts both depend
 * on it and not on each other.
 */

/** What the background knows of a message's sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface BackgroundDeps {
  db: ShutoutDB;
  runtimeId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  tabs: TabStatusStore;
  /** The URL a tab shows now, as the browser tells it (undefined where the extension may not see it). */
  tabUrl?(tabId: number): Promise<string | undefined>;
  setBadge(tabId: number, text: string): Promise<void>;
  newId(): string;
  writer: { write(page: PageFindings): Promise<number> };
  /** Tells the popup that storing failed (a message) or works again (null). */
  storageStatus?(error: string | null): Promise<void>;
  /** Screenshot (and on Chromium an MHTML snapshot) of a tab, for on-demand evidence. */
  capture?(tabId: number): Promise<CaptureResponse>;
  /** The logged-out control view of an item page (coupons). */
  couponControl?(tabId: number): Promise<CouponControlResponse>;
  /** A page's HTML judged by the page reader (utils/reader), for a tab left before its engine loaded. */
  readPage?(page: PageHtml): Promise<ReportedDetection[]>;
  /** The built-in detectors' data for a watch script, as JSON text (builtin-data.ts). */
  builtinData?(): Promise<string>;
  /** The scope check of a finding: its page fetched anonymously (scope.ts). */
  scopeCheck?(findingId: string): Promise<ScopeCheckResponse>;
  /** After a page load's findings were stored: the automatic scope check, when the user turned it on. */
  afterStored?(pageId: string, kinds: readonly string[]): void;
  /** Detections seen on the network for a tab's next page (see network.ts). */
  network?: { takeForPage(tabId: number, url: string, pageId: string): Promise<NavigationSeen>; sawAnswer?(tabId: number, answer: { url: string; status?: number }): boolean };
  /** One task at a time per tab, in arrival order (tab-queue.ts); made on first use when absent. */
  queue?: TabQueue;
  /** What one page may make the background store (budgets.ts); made on first use when absent. */
  budgets?: Budgets;
}

/**
 * Runs `task` after the tab's earlier tasks. Call it synchronously when the event arrives (before
 * any await), so that the queue keeps the order in which events came; never from inside a task
 * of the same tab (it would wait for itself).
 */
export function serial<T>(deps: BackgroundDeps, tabId: number, task: () => Promise<T>): Promise<T> {
  return (deps.queue ??= new TabQueue()).run(tabId, task);
}

export type { PageFindings };

export function budgetsOf(deps: BackgroundDeps): Budgets {
  return (deps.budgets ??= new Budgets());
}

/** Records the detections of one page load (batched with others); the same kind on the same page load is one record. */
export async function storeFindings(deps: BackgroundDeps, page: PageFindings): Promise<number> {
  try {
    const stored = await deps.writer.write(page);
    await deps.storageStatus?.(null);
    return stored;
  } catch (e) {
    const message = isQuotaError(e) ? 'storage is full' : `could not store: ${(e as Error).message ?? String(e)}`;
    await deps.storageStatus?.(message);
    throw e;
  }
}

/** Shows a tab's current page status on the toolbar badge and keeps it for the popup. */
export async function updateTab(deps: BackgroundDeps, tabId: number, page: PageFindings): Promise<void> {
  await deps.tabs.set({ tabId, pageId: page.pageId, url: page.url, platform: platformOf(page.url), checkedAt: page.observedAt, detections: page.detections });
  await deps.setBadge(tabId, page.detections.length > 0 ? String(page.detections.length) : '');
}
