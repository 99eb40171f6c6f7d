/**
 * The coupon ledger in Dexie (`coupons` table): every visit of an item page with the offers it
 * showed, imported baselines and control views; and the queries behind the popup's Coupons view.
 */
import type { CouponVisitRecord, ShutoutDB } from '../storage/db';
import type { Detection } from '../detect/types';
import type { ItemCouponsView, MissingItemSummary, OfferView } from './view';
import { describeMissing, itemKeyOf, missingOffers, type LedgerVisit, type MissingOffer } from './compare';
import { parseItemRef } from './item-id';
import type { CouponScan, Offer } from './types';

export function toRecord(v: LedgerVisit): CouponVisitRecord {
  return {
    id: v.id,
    itemKey: v.itemKey,
    at: v.at,
    visitId: v.source === 'visit' ? v.id : null,
    source: v.source,
    profileLabel: v.profileLabel,
    ...(v.baselineName ? { baselineName: v.baselineName } : {}),
    data: v.scan as unknown as Record<string, unknown>,
  };
}

export function fromRecord(r: CouponVisitRecord): LedgerVisit {
  return {
    id: r.id,
    itemKey: r.itemKey,
    at: r.at,
    source: r.source,
    profileLabel: r.profileLabel,
    ...(r.baselineName ? { baselineName: r.baselineName } : {}),
    scan: r.data as unknown as LedgerVisit['scan'],
  };
}

/** A ledger visit from a scan; null when the page names no item. */
export function visitFromScan(
  scan: CouponScan,
  opts: { id: string; at: string; source: LedgerVisit['source']; profileLabel: string; baselineName?: string },
): LedgerVisit | null {
  if (!scan.itemId) return null;
  return {
    id: opts.id,
    itemKey: itemKeyOf(scan.platform, scan.itemId),
    at: opts.at,
    source: opts.source,
    profileLabel: opts.profileLabel,
    ...(opts.baselineName ? { baselineName: opts.baselineName } : {}),
    scan: { platform: scan.platform, itemId: scan.itemId, url: scan.url, state: scan.state, offers: scan.offers },
  };
}

export async function visitsOf(db: ShutoutDB, itemKey: string): Promise<LedgerVisit[]> {
  return (await db.coupons.where('itemKey').equals(itemKey).toArray()).map(fromRecord);
}

/** Store a visit (a repeat of the same id replaces it) and return what it misses against every baseline. */
export async function recordCouponVisit(db: ShutoutDB, visit: LedgerVisit): Promise<MissingOffer[]> {
  await db.coupons.put(toRecord(visit));
  return missingOffers(visit, await visitsOf(db, visit.itemKey));
}

/**
 * After a control view or an imported baseline: what the latest own visit of the item misses
 * against it (the control view is compared with the visit the user is looking at).
 */
export async function missingForLatestVisit(db: ShutoutDB, itemKey: string): Promise<{ visit: LedgerVisit; missing: MissingOffer[] } | null> {
  const all = await visitsOf(db, itemKey);
  const own = all.filter((v) => v.source === 'visit').sort((a, b) => b.at.localeCompare(a.at))[0];
  if (!own) return null;
  return { visit: own, missing: missingOffers(own, all) };
}

/** coupon-missing findings for the missing offers of one visit. */
export function missingDetections(missing: MissingOffer[], rulesetVersion: string): Detection[] {
  const confidence = { history: 0.6, import: 0.7, control: 0.75 } as const;
  return missing.map((m) => ({
    kind: 'coupon-missing',
    platform: m.offer.platform,
    ruleId: `coupons.missing.${m.baseline}`,
    rulesetVersion,
    snippet: describeMissing(m),
    where: 'text',
    confidence: confidence[m.baseline],
    subject: `${m.baseline}|${m.baselineName ?? ''}|${m.offer.key}`.slice(0, 300),
  }));
}

const view = (o: Offer): OfferView => ({ key: o.key, label: o.label, type: o.type });

/** The popup's Coupons view for the item at `url`. */
export async function itemCoupons(db: ShutoutDB, url: string): Promise<ItemCouponsView | null> {
  const ref = parseItemRef(url);
  if (!ref?.itemId) return null;
  const itemKey = itemKeyOf(ref.platform, ref.itemId);
  const all = await visitsOf(db, itemKey);
  const own = all.filter((v) => v.source === 'visit').sort((a, b) => b.at.localeCompare(a.at));
  const current = own[0];
  const missing = current ? missingOffers(current, all) : [];
  const refused = (await db.findings.where('kind').equals('promotion-denied').reverse().limit(500).toArray())
    .filter((f) => {
      const r = parseItemRef(f.pageUrl);
      return r?.itemId && itemKeyOf(r.platform, r.itemId) === itemKey;
    })
    .map((f) => ({ snippet: f.snippet, at: f.observedAt }));
  return {
    itemKey,
    platform: ref.platform,
    itemId: ref.itemId,
    url,
    current: current ? { at: current.at, state: current.scan.state, offers: current.scan.offers.map(view) } : null,
    missing: missing.map((m) => ({ offer: view(m.offer), baseline: m.baseline, ...(m.baselineName ? { baselineName: m.baselineName } : {}), seenAt: m.seenAt })),
    refused,
  };
}

/** Items whose visits missed coupons, newest first, from the coupon-missing findings. */
export async function itemsWithMissingCoupons(db: ShutoutDB, limit = 50): Promise<MissingItemSummary[]> {
  const findings = await db.findings.where('kind').equals('coupon-missing').reverse().limit(5000).toArray();
  const byItem = new Map<string, MissingItemSummary & { subjects: Set<string> }>();
  for (const f of findings) {
    if (f.review === 'false-positive') continue;
    const ref = parseItemRef(f.pageUrl);
    if (!ref?.itemId) continue;
    const itemKey = itemKeyOf(ref.platform, ref.itemId);
    let s = byItem.get(itemKey);
    if (!s) byItem.set(itemKey, (s = { itemKey, platform: ref.platform, itemId: ref.itemId, url: f.pageUrl, missingCount: 0, lastAt: f.observedAt, subjects: new Set() }));
    if (f.observedAt > s.lastAt) s.lastAt = f.observedAt;
    const offer = (f.subject ?? f.id).split('|').pop()!;
    if (!s.subjects.has(offer)) {
      s.subjects.add(offer);
      s.missingCount++;
    }
  }
  return [...byItem.values()]
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt))
    .slice(0, limit)
    .map(({ subjects: _s, ...rest }) => rest);
}
