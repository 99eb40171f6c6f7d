/**
 * Which offers are missing from a visit, compared with three baselines: this profile's own
 * previous visit, ledgers imported from others, and a logged-out control view. Pure: the ledger
 * (Dexie) and the CLI feed it visits. A visit whose coupon area did not load raises nothing.
 */
import type { CouponScan, Offer } from './types';

export type BaselineKind = 'history' | 'import' | 'control';

/** One visit of an item page as the ledger keeps it. */
export interface LedgerVisit {
  id: string;
  itemKey: string;
  /** UTC ISO 8601. */
  at: string;
  source: 'visit' | 'import' | 'control';
  profileLabel: string;
  /** Imported ledgers: whose (profile label or file name); control views: "logged-out visitor". */
  baselineName?: string;
  scan: Pick<CouponScan, 'platform' | 'itemId' | 'url' | 'state' | 'offers'>;
}

export interface MissingOffer {
  offer: Offer;
  baseline: BaselineKind;
  baselineName?: string;
  /** When the baseline saw the offer. */
  seenAt: string;
  baselineVisitId: string;
  /** The visit it is missing from. */
  visitId: string;
  visitAt: string;
}

/** Taobao, Tmall and Juhuasuan share item ids: one item, whichever host showed it. */
const ITEM_FAMILY: Record<string, string> = { tmall: 'taobao', juhuasuan: 'taobao' };

export function itemKeyOf(platform: string, itemId: string): string {
  return `${ITEM_FAMILY[platform] ?? platform}:${itemId}`;
}

/** How long a control view counts as a baseline for later visits. */
export const CONTROL_FRESH_MS = 24 * 3_600_000;

/**
 * Missing offers of `current` against `others` (visits of the same item, any source).
 * - history: the latest earlier own visit whose coupon area showed offers;
 * - import: the latest visit of each imported ledger (by baselineName);
 * - control: the latest control view taken within CONTROL_FRESH_MS before (or after) the visit.
 * One pass over `others` (a shared ledger can hold 100,000 visits of one item); of visits with
 * the same time, the first one counts.
 */
export function missingOffers(current: LedgerVisit, others: readonly LedgerVisit[]): MissingOffer[] {
  if (current.scan.state === 'not-loaded') return [];
  const have = new Set(current.scan.offers.map((o) => o.key));
  let currentMs: number | undefined;
  let history: LedgerVisit | undefined;
  let control: LedgerVisit | undefined;
  /** Latest visit per imported ledger, in the order the ledgers first appear. */
  const imports = new Map<string, LedgerVisit>();
  for (const v of others) {
    if (v.id === current.id || v.itemKey !== current.itemKey || v.scan.state !== 'present') continue;
    if (v.source === 'visit') {
      if (v.at < current.at && (!history || v.at > history.at)) history = v;
    } else if (v.source === 'import') {
      const name = v.baselineName ?? '';
      const best = imports.get(name);
      if (!best || v.at > best.at) imports.set(name, v);
    } else if (v.source === 'control') {
      currentMs ??= Date.parse(current.at);
      if (Math.abs(Date.parse(v.at) - currentMs) <= CONTROL_FRESH_MS && (!control || v.at > control.at)) control = v;
    }
  }
  const baselines: Array<[BaselineKind, LedgerVisit]> = [];
  if (history) baselines.push(['history', history]);
  for (const v of imports.values()) baselines.push(['import', v]);
  if (control) baselines.push(['control', control]);

  const out: MissingOffer[] = [];
  const seen = new Set<string>();
  for (const [baseline, v] of baselines) {
    for (const offer of v.scan.offers) {
      const id = `${baseline}|${v.baselineName ?? ''}|${offer.key}`;
      if (have.has(offer.key) || seen.has(id)) continue;
      seen.add(id);
      out.push({
        offer,
        baseline,
        ...(v.baselineName ? { baselineName: v.baselineName } : {}),
        seenAt: v.at,
        baselineVisitId: v.id,
        visitId: current.id,
        visitAt: current.at,
      });
    }
  }
  return out;
}

const BASELINE_WORDS: Record<BaselineKind, string> = { history: 'this profile earlier', import: 'imported baseline', control: 'logged-out view' };

/** One line naming the offer, the baseline and both times, for the finding's snippet. */
export function describeMissing(m: MissingOffer): string {
  const who = m.baselineName ? `${BASELINE_WORDS[m.baseline]} "${m.baselineName}"` : BASELINE_WORDS[m.baseline];
  return `"${m.offer.label}" seen by ${who} at ${m.seenAt}, missing at ${m.visitAt}`.slice(0, 200);
}
