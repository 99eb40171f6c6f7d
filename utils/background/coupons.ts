import { itemKeyOf } from '../coupons/compare';
import { missingDetections, missingForLatestVisit, recordCouponVisit, visitFromScan } from '../coupons/ledger';
import type { CouponScan } from '../coupons/types';
import { platformOf } from '../detect/platforms';
import { RULESET_VERSION } from '../detect/rules';
import type { Detection } from '../detect/types';
import type { CouponControlResponse, CouponVisitMessage, CouponVisitResponse } from '../protocol/messages';
import { getSettings } from '../storage/settings';
import { storeFindings, updateTab, type BackgroundDeps } from './deps';

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
  tabUrl(tabId: number): Promise<string>;
  /** The page as a logged-out visitor gets it: fetched without cookies. */
  fetchLoggedOut(url: string): Promise<string>;
  /** Reads the coupon area of an HTML page (linkedom in the worker, which has no DOMParser). */
  extract(html: string, url: string): CouponScan | null;
}

/**
 * The control view: the same item page fetched without credentials, its offers stored as a
 * "logged-out visitor" baseline and compared with this profile's latest visit of the item.
 */
export async function handleCouponControl(tabId: number, deps: BackgroundDeps, apis: ControlApis): Promise<CouponControlResponse> {
  const url = await apis.tabUrl(tabId);
  let html: string;
  try {
    html = await apis.fetchLoggedOut(url);
  } catch (e) {
    return { ok: false, error: `the logged-out view could not be loaded: ${(e as Error).message}` };
  }
  const scan = apis.extract(html, url);
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
      await addToTab(deps, tabId, latest.visit.id, detections);
    }
  }
  return { ok: true, state: scan.state, offers: scan.offers.length, missing };
}
