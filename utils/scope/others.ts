/**
 * "Not everyone" (issue 10): did anyone else see the same platform and page unblocked, or
 * blocked, within the same hours? From what the user imported — other people's evidence
 * (findings with origin `import`) and coupon ledgers (their visits of an item: the page loaded) —
 * labelled by the profile labels those files carry, never by account data or file names.
 */
import { parseItemRef } from '../coupons/item-id';
import { platformOf } from '../detect/platforms';
import type { FindingRecord, ShutoutDB } from '../storage/db';

/** "Within the same hours": this many hours either side of the finding. */
export const OTHERS_WINDOW_HOURS = 3;
const MAX_ROWS = 2000;

export interface OtherSighting {
  /** The profile label the other file carries ('' when it carries none). */
  label: string;
  /** `blocked`: they recorded a block there; `unblocked`: their visit loaded the page without one. */
  state: 'blocked' | 'unblocked';
  at: string;
  /** For `blocked`: the kind they recorded. */
  kind?: string;
  /** For `blocked`: the scope their check found, if they checked. */
  scope?: string;
}

/** Platform, path and (on item pages) the item: "the same platform and path". */
export function placeKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const platform = platformOf(u.href);
  if (!platform) return null;
  const item = parseItemRef(u.href)?.itemId ?? '';
  return `${platform}|${u.pathname.replace(/\/+$/, '') || '/'}|${item}`;
}

/** Others' sightings of the finding's page within the window, newest first, one per label and state. */
export async function othersAround(db: ShutoutDB, r: FindingRecord, hours = OTHERS_WINDOW_HOURS): Promise<OtherSighting[]> {
  const place = placeKey(r.pageUrl);
  const t = Date.parse(r.observedAt);
  if (!place || !Number.isFinite(t)) return [];
  const from = new Date(t - hours * 3_600_000).toISOString();
  const to = new Date(t + hours * 3_600_000).toISOString();
  const isOther = (origin: string, label: string) => origin !== r.origin || label !== r.profileLabel;
  const [findings, visits] = await Promise.all([
    db.findings.where('observedAt').between(from, to, true, true).limit(MAX_ROWS).toArray(),
    db.coupons.where('at').between(from, to, true, true).limit(MAX_ROWS).toArray(),
  ]);
  const out: OtherSighting[] = [];
  for (const f of findings) {
    if (f.id === r.id || !isOther(f.origin, f.profileLabel) || placeKey(f.pageUrl) !== place) continue;
    out.push({ label: f.profileLabel, state: 'blocked', at: f.observedAt, kind: f.kind, ...(f.scope ? { scope: f.scope } : {}) });
  }
  for (const v of visits) {
    const origin = v.source === 'import' ? 'import' : v.source === 'visit' ? 'local' : null;
    const url = (v.data as { url?: unknown }).url;
    if (!origin || typeof url !== 'string' || !isOther(origin, v.profileLabel) || placeKey(url) !== place) continue;
    if ((v.data as { state?: unknown }).state === 'not-loaded') continue;
    out.push({ label: v.profileLabel, state: 'unblocked', at: v.at });
  }
  out.sort((a, b) => b.at.localeCompare(a.at));
  const seen = new Set<string>();
  return out.filter((o) => {
    const k = `${o.label}\u0000${o.state}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
