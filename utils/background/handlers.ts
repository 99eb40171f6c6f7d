import { onePerKind } from '../detect/engine';
import { platformOf } from '../detect/platforms';
import { isMarketplaceUrl } from '../detect/hosts';
import * as v from 'valibot';
import { firstIssue } from '../protocol/schema';
import { MessageSchema, type BuiltinResponse, type ReportedDetection, type TabStatus, type CaptureResponse, type CouponControlResponse, type CouponVisitResponse, type PageHtml, type PageReport, type PageReportResponse, type ScopeCheckResponse, type TabStatusResponse } from '../protocol/messages';
import { isQuotaError } from './batch-writer';
import type { NavigationSeen } from './network';
import { weighTap, weighUrlOnly } from './trust';
import { handleCouponVisit } from './coupons';
import { budgetsOf, serial, storeFindings, updateTab, type BackgroundDeps, type PageFindings, type SenderInfo } from './deps';

export type { BackgroundDeps, PageFindings, SenderInfo } from './deps';

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Stores a page's findings. The page URL must be the sender frame's own origin, on a
 * marketplace: a page cannot file findings under another site's name. Network findings that
 * the background saw while this page loaded (a redirect to a wall) join the page's record, and
 * what only the address says is weighed by how the browser came there (trust.ts).
 */
export function handlePageReport(msg: PageReport, sender: SenderInfo, deps: BackgroundDeps): Promise<PageReportResponse> {
  const tabId = senderTab(msg.url, sender);
  if (typeof tabId === 'string') return Promise.resolve({ ok: false, error: tabId });
  // After the tab's earlier events (its navigation's webRequest event above all): see tab-queue.ts.
  return serial(deps, tabId, () => storePageReport(msg, tabId, deps));
}

/** The sender's tab, when it may speak for `url` (its own origin, on a marketplace); else why not. */
function senderTab(url: string, sender: SenderInfo): number | string {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return 'page reports come from a tab';
  if (originOf(sender.url) !== originOf(url) || !isMarketplaceUrl(url)) return 'page URL does not match the sender';
  return tabId;
}

/**
 * A page the tab left before its engine loaded: the bootstrap sent its HTML at pagehide
 * (utils/content/boot.ts). The page reader judges it as `shutout scan` judges a saved page, and
 * its findings are then stored as the page's report would have been, under the same checks.
 */
export function handlePageHtml(msg: PageHtml, sender: SenderInfo, deps: BackgroundDeps): Promise<PageReportResponse> {
  const tabId = senderTab(msg.url, sender);
  if (typeof tabId === 'string') return Promise.resolve({ ok: false, error: tabId });
  const read = deps.readPage;
  if (!read) return Promise.resolve({ ok: false, error: 'the page reader is not available' });
  return serial(deps, tabId, async () => {
    let detections: ReportedDetection[];
    try {
      detections = await read(msg);
    } catch (e) {
      return { ok: false, error: `could not read the page: ${e instanceof Error ? e.message : String(e)}` };
    }
    const { pageId, url, title, observedAt, referrer } = msg;
    return storePageReport({ type: 'page/report', pageId, url, title, observedAt, detections, ...(referrer !== undefined ? { referrer } : {}) }, tabId, deps);
  });
}

async function storePageReport(msg: PageReport, tabId: number, deps: BackgroundDeps): Promise<PageReportResponse> {
  const nav: NavigationSeen = deps.network ? await deps.network.takeForPage(tabId, msg.url, msg.pageId) : { detections: [], how: 'unknown' };
  const budgets = budgetsOf(deps);
  // The page's own API answers: at most a few kinds per page load, page-supplied unless the browser saw them.
  const tapped = msg.detections.filter((d) => d.where !== 'network' || budgets.allowTap(msg.pageId, d.kind));
  const own = weighTap(tapped, (answer) => deps.network?.sawAnswer?.(tabId, answer) ?? false);
  const detections = onePerKind(weighUrlOnly(msg.url, [...own, ...nav.detections], nav, msg.referrer));
  const page: PageFindings = { pageId: msg.pageId, url: msg.url, title: msg.title, observedAt: msg.observedAt, platform: platformOf(msg.url), detections };
  // Beyond the tab's budget of page loads a minute, the page is shown on the tab but not recorded.
  if (!budgets.admitPage(tabId, msg.pageId)) {
    await updateTab(deps, tabId, page);
    return { ok: true, stored: 0, limited: true };
  }
  let stored: number;
  try {
    stored = await storeFindings(deps, page);
  } catch (e) {
    return { ok: false, error: isQuotaError(e) ? 'storage is full' : 'could not store the findings' };
  }
  await updateTab(deps, tabId, page);
  if (stored > 0) deps.afterStored?.(msg.pageId, detections.map((d) => d.kind));
  return { ok: true, stored };
}

/**
 * The tab's status while the tab still shows that page's site. A tab that moved on to a site no
 * content script watches sends no report to replace it: the popup must not say "Blocked on Taobao"
 * there, nor a capture attach the old page's finding. (Within one site the page's report follows
 * at once.)
 */
export async function currentTabStatus(deps: BackgroundDeps, tabId: number): Promise<TabStatus | null> {
  const status = await deps.tabs.get(tabId);
  if (!status || !deps.tabUrl) return status;
  const shown = await deps.tabUrl(tabId).catch(() => undefined);
  return shown !== undefined && originOf(shown) === originOf(status.url) ? status : null;
}

export async function handleTabStatus(tabId: number, deps: BackgroundDeps): Promise<TabStatusResponse> {
  return { ok: true, status: await currentTabStatus(deps, tabId) };
}

/**
 * tabs.onUpdated: a load starting in the tab ends its page's status, whatever the new URL. (The
 * browser names the new URL only where the extension has host access, so "loading" without a
 * URL is the usual sign of a move to an uncovered site.)
 */
export function onTabUpdated(deps: BackgroundDeps, tabId: number, change: { status?: string; url?: string }): Promise<void> {
  if (change.status !== 'loading') return Promise.resolve();
  return serial(deps, tabId, () => deps.tabs.remove(tabId));
}

/** The built-in detectors' data, for a watch script: content scripts run on watched marketplace pages only. */
export async function handleBuiltinRequest(sender: SenderInfo, deps: BackgroundDeps): Promise<BuiltinResponse> {
  if (sender.tab?.id === undefined || !sender.url || !isMarketplaceUrl(sender.url)) return { ok: false, error: 'not a watched page' };
  if (!deps.builtinData) return { ok: false, error: 'the built-in rules are not available' };
  try {
    return { ok: true, data: await deps.builtinData() };
  } catch (e) {
    return { ok: false, error: `could not read the built-in rules: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The background's single entry point: checks the sender, validates the message, dispatches. */
export async function handleMessage(
  raw: unknown,
  sender: SenderInfo,
  deps: BackgroundDeps,
): Promise<PageReportResponse | TabStatusResponse | CaptureResponse | CouponVisitResponse | CouponControlResponse | ScopeCheckResponse | BuiltinResponse> {
  if (sender.id !== deps.runtimeId) return { ok: false, error: 'unknown sender' };
  const parsed = v.safeParse(MessageSchema, raw);
  if (!parsed.success) return { ok: false, error: `invalid message: ${firstIssue(parsed.issues, 'message')}`, retry: false };
  const msg = parsed.output;
  switch (msg.type) {
    case 'page/report':
      return handlePageReport(msg, sender, deps);
    case 'page/html':
      return handlePageHtml(msg, sender, deps);
    case 'tab/status':
      // Only the extension's own pages may read tab status (a content script's URL is its page's).
      if (!sender.url?.startsWith(deps.extensionOrigin)) return { ok: false, error: 'not an extension page' };
      return handleTabStatus(msg.tabId, deps);
    case 'capture/page':
      if (!sender.url?.startsWith(deps.extensionOrigin)) return { ok: false, error: 'not an extension page' };
      if (!deps.capture) return { ok: false, error: 'capture is not available' };
      return deps.capture(msg.tabId);
    case 'coupons/visit':
      if (!sender.tab?.id || !sender.url || originOf(sender.url) !== originOf(msg.url) || !isMarketplaceUrl(msg.url)) {
        return { ok: false, error: 'page URL does not match the sender' };
      }
      return serial(deps, sender.tab.id, () => handleCouponVisit(msg, sender.tab!.id, deps));
    case 'coupons/control':
      if (!sender.url?.startsWith(deps.extensionOrigin)) return { ok: false, error: 'not an extension page' };
      if (!deps.couponControl) return { ok: false, error: 'the control view is not available' };
      return deps.couponControl(msg.tabId);
    case 'scope/check':
      if (!sender.url?.startsWith(deps.extensionOrigin)) return { ok: false, error: 'not an extension page' };
      if (!deps.scopeCheck) return { ok: false, error: 'the scope check is not available' };
      return deps.scopeCheck(msg.findingId);
    case 'rules/builtin':
      return handleBuiltinRequest(sender, deps);
  }
}
