/**
 * The records list: newest first, filtered, searched, loaded a page at a time.
 *
 * - No platform/kind/review filter: pages come straight from the observedAt index (newest
 *   first), continuing from the last loaded row where possible (keyset) instead of skipping.
 * - With such filters: the matching ids come from the indexes (a small set is read and sorted;
 *   a large one is put in time order by the observedAt index's keys), then pages are fetched by id.
 * - Search: within that window, newest first, stopping after MAX_MATCHES matches.
 */
import type { FindingRecord, Review, ShutoutDB } from '../storage/db';
import { foldToString } from '../detect/normalize';
import { dayStart } from './format';

export interface RecordFilter {
  platform: string;
  kind: string;
  review: '' | Review;
  /** Local days `YYYY-MM-DD`, inclusive; '' for open. */
  from: string;
  to: string;
  text: string;
}

export const NO_FILTER: RecordFilter = { platform: '', kind: '', review: '', from: '', to: '', text: '' };

export const MAX_MATCHES = 200;
const SMALL_SET = 3000;
const SCAN_CHUNK = 400;

export interface RecordWindow {
  /** Rows in the window. */
  total: number;
  page(offset: number, limit: number): Promise<FindingRecord[]>;
}

export function activeFilters(f: RecordFilter): number {
  return [f.platform, f.kind, f.review, f.from, f.to].filter(Boolean).length;
}

/** The observedAt bounds of a day range (local days, inclusive), as ISO strings. */
export function timeBounds(f: Pick<RecordFilter, 'from' | 'to'>): { lower: string; upper: string } {
  const lower = f.from ? dayStart(f.from).toISOString() : '';
  let upper = '\uffff';
  if (f.to) {
    const end = dayStart(f.to);
    end.setDate(end.getDate() + 1);
    upper = end.toISOString();
  }
  return { lower, upper };
}

const newestFirst = (a: FindingRecord, b: FindingRecord) => (a.observedAt < b.observedAt ? 1 : a.observedAt > b.observedAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function byIds(db: ShutoutDB, ids: readonly string[]): RecordWindow {
  return {
    total: ids.length,
    async page(offset, limit) {
      const rows = await db.findings.bulkGet(ids.slice(offset, offset + limit) as string[]);
      return rows.filter((r): r is FindingRecord => !!r);
    },
  };
}

/**
 * Unfiltered (or only by date): the observedAt index, newest first. Rows already loaded serve as
 * anchors so that the next page continues from them instead of skipping from the start.
 */
function byTime(db: ShutoutDB, lower: string, upper: string, total: number): RecordWindow {
  const loaded = new Map<number, FindingRecord>();
  const range = () => db.findings.where('observedAt').between(lower, upper, true, false);
  return {
    total,
    async page(offset, limit) {
      let rows: FindingRecord[] | undefined;
      const anchor = loaded.get(offset - 1);
      if (anchor) {
        // Rows with the same time as the anchor come in id order; skip those already shown.
        let ties = 0;
        for (let i = offset - 1; loaded.get(i)?.observedAt === anchor.observedAt; i--) ties++;
        if (!loaded.has(offset - 1 - ties) && offset - 1 - ties >= 0) ties = -1;
        if (ties >= 0) {
          rows = await db.findings.where('observedAt').between(lower, anchor.observedAt, true, true).reverse().offset(ties).limit(limit).toArray();
        }
      }
      rows ??= await range().reverse().offset(offset).limit(limit).toArray();
      rows.forEach((r, i) => loaded.set(offset + i, r));
      if (loaded.size > 20_000) loaded.clear();
      return rows;
    },
  };
}

/** The window for a filter (without its text; see `searchWindow`). `knownTotal`: the number of all findings, when known. */
export async function openWindow(db: ShutoutDB, f: RecordFilter, knownTotal?: number, smallSet = SMALL_SET): Promise<RecordWindow> {
  const { lower, upper } = timeBounds(f);
  const dated = !!(f.from || f.to);
  if (!f.platform && !f.kind && !f.review) {
    const total = !dated && knownTotal !== undefined ? knownTotal : await db.findings.where('observedAt').between(lower, upper, true, false).count();
    return byTime(db, lower, upper, total);
  }
  const sets: Array<Promise<string[]>> = [];
  if (f.platform && f.kind) sets.push(db.findings.where('[platform+kind]').equals([f.platform, f.kind]).primaryKeys());
  else if (f.platform) sets.push(db.findings.where('platform').equals(f.platform).primaryKeys());
  else if (f.kind) sets.push(db.findings.where('kind').equals(f.kind).primaryKeys());
  if (f.review) sets.push(db.findings.where('review').equals(f.review).primaryKeys());
  const keys = (await Promise.all(sets)).sort((a, b) => a.length - b.length);
  const [smallest, ...rest] = keys as [string[], ...string[][]];
  const restSets = rest.map((k) => new Set(k));
  const inRest = (id: string) => restSets.every((s) => s.has(id));
  const inTime = (r: FindingRecord) => r.observedAt >= lower && r.observedAt < upper;
  if (smallest.length <= smallSet) {
    const rows = (await db.findings.bulkGet(smallest.filter(inRest))).filter((r): r is FindingRecord => !!r && inTime(r));
    rows.sort(newestFirst);
    return byIds(
      db,
      rows.map((r) => r.id),
    );
  }
  const wanted = new Set(smallest.filter(inRest));
  const ordered = await db.findings.where('observedAt').between(lower, upper, true, false).primaryKeys();
  const ids: string[] = [];
  for (let i = ordered.length - 1; i >= 0; i--) if (wanted.has(ordered[i]!)) ids.push(ordered[i]!);
  return byIds(db, ids);
}

/** Does a record match the search text? Case, width, Traditional/Simplified and spacing are folded. */
export function matcher(text: string): (r: Pick<FindingRecord, 'snippet' | 'pageTitle' | 'pageUrl'>) => boolean {
  const needle = foldToString(text.trim());
  const lower = text.trim().toLowerCase();
  if (!needle && !lower) return () => true;
  return (r) => {
    if (needle && foldToString(r.snippet).includes(needle)) return true;
    if (needle && foldToString(r.pageTitle ?? '').includes(needle)) return true;
    return !!lower && (r.pageUrl ?? '').toLowerCase().includes(lower);
  };
}

export interface SearchProgress {
  scanned: number;
  matches: number;
  done: boolean;
  /** Stopped at MAX_MATCHES before the end of the window. */
  capped: boolean;
}

/**
 * Search a window newest first; stops after MAX_MATCHES matches or at the window's end, or when
 * `signal` aborts. Returns a window over the matches.
 */
export async function searchWindow(
  base: RecordWindow,
  text: string,
  onProgress: (p: SearchProgress) => void = () => {},
  signal?: AbortSignal,
  maxMatches = MAX_MATCHES,
): Promise<RecordWindow & { capped: boolean }> {
  const test = matcher(text);
  const found: FindingRecord[] = [];
  let scanned = 0;
  let capped = false;
  while (scanned < base.total && !signal?.aborted) {
    const rows = await base.page(scanned, SCAN_CHUNK);
    if (rows.length === 0) break;
    for (const r of rows) {
      scanned++;
      if (test(r)) {
        found.push(r);
        if (found.length >= maxMatches) {
          capped = scanned < base.total;
          break;
        }
      }
    }
    if (found.length >= maxMatches) break;
    onProgress({ scanned, matches: found.length, done: false, capped: false });
  }
  onProgress({ scanned, matches: found.length, done: true, capped });
  return {
    total: found.length,
    capped,
    page: async (offset, limit) => found.slice(offset, offset + limit),
  };
}
