import { itemKeyOf } from '../coupons/compare';
import { COUPON_PLATFORMS } from '../coupons/platforms';
import { parseItemRef } from '../coupons/item-id';
import { isMarketplaceUrl } from '../detect/hosts';
import type { AnonymousView, OkView } from './anonymous-view';
import { missingDetections, missingForLatestVisit, recordCouponVisit, visitFromScan } from '../coupons/ledger';
import type { CouponScan } from '../coupons/types';
import { platformOf } from '../detect/platforms';
import { RULESET_VERSION } from '../detect/version';
import type { Detection } from '../detect/types';
import type { CouponControlResponse, CouponVisitMessage, CouponVisitResponse } from '../protocol/messages';
import { getSettings } from '../storage/settings';
import { budgetsOf, serial, storeFindings, updateTab, type BackgroundDeps } from './deps';
import { recordScope } from '../evidence/store';
import { decideScope } from '../scope/decide';
import type { ViewReading } from '../scope/read-view';

/** Adds coupon-missing findings to the tab's current page status, so the badge and popup show them. */
async function addToTab(deps: BackgroundDeps, tabId: number | undefined, pageId: string, detections: Detection[]): Promise<void> {
  if (tabId === undefined || detections.length === 0) return;
  const status = await deps.tabs.get(tabId);
  if (!status || status.pageId !== pageId) return;
  const merged = [...status.detections.filter((d) => !detections.some((n) => n.subject && n.subject === d.subject)), ...detections];
  await updateTab(deps, tabId, { pageId, url: status.url, title: '', observedAt: status.checkedAt, platform: status.platform, detections: merged });
}

/** A visit's coupon area: into the ledger, compared with every baseline; what is missing becomes findings. */
export async function handleCouponVisit(msg: CouponVisitMessage, tabId: number | undefined, deps: BackgroundDeps): Promise<CouponVisitResponse> {
  // A page load beyond the tab's budget (budgets.ts) adds no ledger row.
  if (tabId !== undefined && !budgetsOf(deps).admitPage(tabId, msg.pageId)) return { ok: true, missing: 0 };
  const { profileLabel } = await getSettings(deps.db);
  const visit = visitFromScan({ ...(msg.scan as CouponScan), unparsed: [] }, { id: msg.pageId, at: msg.observedAt, source: 'visit', profileLabel });
  if (!visit) return { ok: true, missing: 0 };
  const missing = await recordCouponVisit(deps.db, visit);
  const detections = missingDetections(missing, RULESET_VERSION);
  if (detections.length) {
    await storeFindings(deps, { pageId: msg.pageId, url: msg.url, title: '', observedAt: msg.observedAt, platform: platformOf(msg.url), detections });
    await addToTab(deps, tabId, msg.pageId, detections);
  }
  return { ok: true, missing: detections.length };
}

export interface ControlApis {
  /** The tab's URL as the browser says (undefined where the extension may not see it). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** The page as a logged-out visitor gets it (anonymous-view.ts). */
  anonymousView(url: string): Promise<AnonymousView>;
  /** Reads the coupon area of an HTML page (the page reader, utils/reader: the worker has no DOM parser). */
  extract(html: string, url: string): Promise<CouponScan | null>;
  /** The view read for blocks with the rules in force, as the scope check reads it. */
  readView?(view: OkView): Promise<ViewReading>;
}

/**
 * The control view is the scope check of the item's coupon-missing findings (one mechanism, one
 * vocabulary, utils/scope): each gets a `scope` amendment — `account` when the logged-out view
 * still shows its offer.
 */
async function scopeCouponFindings(deps: BackgroundDeps, pageId: string, view: OkView, offerKeys: string[], readView: (view: OkView) => Promise<ViewReading>): Promise<void> {
  const reading = await readView(view);
  const at = new Date().toISOString();
  const findings = await deps.db.findings.where('pageId').equals(pageId).toArray();
  for (const f of findings) {
    if (f.kind !== 'coupon-missing') continue;
    await recordScope(deps.db, f.id, decideScope({ kind: f.kind, subject: f.subject }, view, { detections: reading.detections, offerKeys }, at));
  }
}

/** An item page of a marketplace whose coupons Shutout reads: the only pages the control view fetches. */
export function isCouponItemPage(url: string | undefined): url is string {
  if (!url || !/^https?:\/\//i.test(url) || !isMarketplaceUrl(url)) return false;
  const ref = parseItemRef(url);
  return !!ref?.itemId && COUPON_PLATFORMS.includes(ref.platform);
}

/**
 * The control view: the same item page fetched without credentials, its offers stored as a
 * "logged-out visitor" baseline and compared with this profile's latest visit of the item.
 * Nothing is fetched unless the tab shows a covered item page.
 */
export async function handleCouponControl(tabId: number, deps: BackgroundDeps, apis: ControlApis): Promise<CouponControlResponse> {
  const url = await apis.tabUrl(tabId).catch(() => undefined);
  if (!isCouponItemPage(url)) return { ok: false, error: 'the tab does not show an item page whose coupons Shutout reads' };
  const view = await apis.anonymousView(url);
  if (!view.ok) return { ok: false, error: `the logged-out view could not be loaded: ${view.message}` };
  if (view.truncated) return { ok: false, error: `the logged-out view could not be loaded: the page is larger than ${Math.round(view.bytes / 1048576)} MiB` };
  const scan = await apis.extract(view.text, url);
  if (!scan) return { ok: false, error: 'Shutout does not read coupons on this page' };
  const { profileLabel } = await getSettings(deps.db);
  const visit = visitFromScan(scan, { id: `control:${deps.newId()}`, at: new Date().toISOString(), source: 'control', profileLabel, baselineName: 'logged-out visitor' });
  if (!visit) return { ok: false, error: 'this page names no item' };
  await deps.db.coupons.put({ id: visit.id, itemKey: visit.itemKey, at: visit.at, visitId: null, source: 'control', profileLabel, baselineName: visit.baselineName, data: visit.scan as unknown as Record<string, unknown> });
  const latest = await missingForLatestVisit(deps.db, itemKeyOf(scan.platform, scan.itemId!));
  let missing = 0;
  if (latest) {
    const detections = missingDetections(latest.missing.filter((m) => m.baseline === 'control'), RULESET_VERSION);
    missing = detections.length;
    if (detections.length) {
      await storeFindings(deps, { pageId: latest.visit.id, url: latest.visit.scan.url, title: '', observedAt: new Date().toISOString(), platform: platformOf(latest.visit.scan.url), detections });
      // In the tab's queue: its page's reports also change its status.
      await serial(deps, tabId, () => addToTab(deps, tabId, latest.visit.id, detections));
    }
    if (apis.readView) await scopeCouponFindings(deps, latest.visit.id, view, scan.offers.map((o) => o.key), apis.readView);
  }
  return { ok: true, state: scan.state, offers: scan.offers.length, missing };
}
