/**
 * Counts for the popup: findings by platform, by kind and per day, without false positives.
 *
 * Counting an IndexedDB index costs time in proportion to the entries counted (Chromium walks
 * them), so at 100,000 findings a full count takes a second or more. The popup therefore keeps
 * the counts it made, with the chain position they were made at, and on the next open only
 * looks at what the chain recorded since: every change to the findings (new finding, import,
 * review, deletion, wipe) appends a chain entry, so the entries after that position are exactly
 * the changes to apply. A full count is made only when there is no usable cached copy (first
 * open, a wipe, more than MAX_DELTA changes, another time zone, or once a day as a check).
 */
import { PLATFORMS } from '../detect/platforms';
import { KINDS } from '../detect/kinds';
import type { FindingRecord, ShutoutDB } from '../storage/db';
import type { ChainEntry } from '../evidence/chain';
import { dayKey, dayStart, lastDays } from './format';

export interface Summary {
  /** Findings that count: everything not marked as a false positive. */
  total: number;
  falsePositives: number;
  /** By platform id; findings without a known platform under ''. */
  byPlatform: Record<string, number>;
  byKind: Record<string, number>;
  /** By local day `YYYY-MM-DD`, at least the last TIMELINE_DAYS days. */
  byDay: Record<string, number>;
}

/** Where a false positive would be counted, kept so that un-marking or deleting it can be undone without reading it. */
type Place = [platform: string, kind: string, day: string];

export interface SummaryCache extends Summary {
  v: 1;
  /** The chain entry these counts include (0: empty chain) and its hash. */
  seq: number;
  hash: string | null;
  /** Timezone offset the days were cut with. */
  tz: number;
  computedAt: string;
  fp: Record<string, Place>;
}

export interface CacheStore {
  get(): string | null;
  set(value: string): void;
}

export const TIMELINE_DAYS = 30;
export const MAX_DELTA = 2000;
const KEEP_DAYS = 120;
const FULL_EVERY_MS = 24 * 3600_000;
const STORAGE_KEY = 'shutout.summary.v1';

/** The extension page's localStorage (popup and options share it). */
export function localCacheStore(): CacheStore | null {
  try {
    const ls = globalThis.localStorage;
    if (!ls) return null;
    return { get: () => ls.getItem(STORAGE_KEY), set: (v) => ls.setItem(STORAGE_KEY, v) };
  } catch {
    return null;
  }
}

const placeOf = (r: Pick<FindingRecord, 'platform' | 'kind' | 'observedAt'>): Place => [r.platform ?? '', r.kind, dayKey(new Date(r.observedAt))];

function bump(s: Summary, [platform, kind, day]: Place, by: number): void {
  const known = platform === '' || PLATFORMS.some((p) => p.id === platform) ? platform : '';
  s.total += by;
  s.byPlatform[known] = (s.byPlatform[known] ?? 0) + by;
  s.byKind[kind] = (s.byKind[kind] ?? 0) + by;
  s.byDay[day] = (s.byDay[day] ?? 0) + by;
  for (const m of [s.byPlatform, s.byKind, s.byDay]) for (const k of Object.keys(m)) if (m[k] === 0) delete m[k];
}

function pruneDays(s: Summary, now: Date): void {
  const oldest = lastDays(KEEP_DAYS, now)[0]!;
  for (const k of Object.keys(s.byDay)) if (k < oldest) delete s.byDay[k];
}

async function head(db: ShutoutDB): Promise<ChainEntry | undefined> {
  return db.chain.orderBy('seq').last();
}

/**
 * Count everything from the indexes, in one read transaction (a consistent snapshot while the
 * background writes). Platform and kind counts use their indexes; days use bounded ranges of
 * the observedAt index; only the false positives are read.
 */
export async function computeSummary(db: ShutoutDB, now = new Date()): Promise<SummaryCache> {
  return db.transaction('r', [db.findings, db.chain], async () => {
    const days = lastDays(TIMELINE_DAYS, now);
    const bounds = days.map((d) => {
      const from = dayStart(d);
      const to = new Date(from);
      to.setDate(to.getDate() + 1);
      return [from.toISOString(), to.toISOString()] as const;
    });
    // One count per (platform, kind) pair walks each finding once and gives both totals; pairs
    // that do not occur cost a lookup each.
    const pairs = PLATFORMS.flatMap((p) => KINDS.map((k) => [p.id, k] as const));
    const [last, all, pairCounts, dayCounts, fps] = await Promise.all([
      head(db),
      db.findings.count(),
      Promise.all(pairs.map((pair) => db.findings.where('[platform+kind]').equals([...pair]).count())),
      Promise.all(bounds.map(([a, b]) => db.findings.where('observedAt').between(a, b, true, false).count())),
      db.findings.where('review').equals('false-positive').toArray(),
    ]);
    const s: SummaryCache = {
      v: 1,
      seq: last?.seq ?? 0,
      hash: last?.hash ?? null,
      tz: now.getTimezoneOffset(),
      computedAt: now.toISOString(),
      total: all,
      falsePositives: 0,
      byPlatform: {},
      byKind: {},
      byDay: {},
      fp: {},
    };
    let known = 0;
    pairs.forEach(([platform, kind], i) => {
      const n = pairCounts[i]!;
      if (!n) return;
      known += n;
      s.byPlatform[platform] = (s.byPlatform[platform] ?? 0) + n;
      s.byKind[kind] = (s.byKind[kind] ?? 0) + n;
    });
    if (all - known > 0) {
      // Findings without a known platform (null, or a user rule's own id): their kinds come
      // from the kind index, less what the pairs counted.
      s.byPlatform[''] = all - known;
      const kindCounts = await Promise.all(KINDS.map((k) => db.findings.where('kind').equals(k).count()));
      KINDS.forEach((k, i) => {
        if (kindCounts[i]) s.byKind[k] = kindCounts[i]!;
      });
    }
    days.forEach((d, i) => {
      if (dayCounts[i]) s.byDay[d] = dayCounts[i]!;
    });
    for (const r of fps) {
      const place = placeOf(r);
      bump(s, place, -1);
      s.fp[r.id] = place;
    }
    // Days outside the timeline were not counted: a false positive there must not go below zero.
    for (const k of Object.keys(s.byDay)) if (s.byDay[k]! < 0 || !days.includes(k)) delete s.byDay[k];
    s.falsePositives = fps.length;
    return s;
  });
}

/**
 * Bring cached counts up to date with the chain entries after them; null when that is not
 * possible or not worth it (the caller counts afresh).
 */
export async function applyChanges(db: ShutoutDB, cache: SummaryCache, now = new Date()): Promise<SummaryCache | null> {
  if (cache.v !== 1 || cache.tz !== now.getTimezoneOffset()) return null;
  if (now.getTime() - new Date(cache.computedAt).getTime() > FULL_EVERY_MS) return null;
  return db.transaction('r', [db.findings, db.chain], async () => {
    // One read: the entry the counts were made at (it must still be there, unchanged) and those after it.
    const read = await db.chain.where('seq').aboveOrEqual(Math.max(cache.seq, 1)).limit(MAX_DELTA + 2).toArray();
    let entries = read;
    if (cache.seq > 0) {
      if (read[0]?.seq !== cache.seq || read[0].hash !== cache.hash) return null;
      entries = read.slice(1);
    } else if (cache.hash !== null) return null;
    if (entries.length > MAX_DELTA) return null;
    if (entries.some((e) => e.type === 'wipe')) return null;
    if (entries.length === 0) return cache;
    const next: SummaryCache = structuredClone(cache);
    const created = new Set(entries.filter((e) => e.type === 'finding' || e.type === 'import').map((e) => e.recordId));
    const touched = [...new Set(entries.filter((e) => e.type !== 'capture').map((e) => e.recordId))];
    const now_ = await db.findings.bulkGet(touched);
    for (const [i, id] of touched.entries()) {
      const rec = now_[i];
      const before = created.has(id) ? 'absent' : next.fp[id] ? 'fp' : 'counted';
      const after = !rec ? 'absent' : rec.review === 'false-positive' ? 'fp' : 'counted';
      if (before === after) continue;
      let place: Place | undefined = rec ? placeOf(rec) : next.fp[id];
      if (!place) {
        // A finding counted earlier and deleted since: its content is in its chain entry.
        const origin = await db.chain.where('recordId').equals(id).filter((e) => e.type === 'finding' || e.type === 'import').first();
        if (!origin) return null;
        place = placeOf(origin.data as unknown as FindingRecord);
      }
      if (before === 'counted') bump(next, place, -1);
      if (before === 'fp') {
        delete next.fp[id];
        next.falsePositives--;
      }
      if (after === 'counted') bump(next, place, 1);
      if (after === 'fp') {
        next.fp[id] = place;
        next.falsePositives++;
      }
    }
    const last = entries[entries.length - 1]!;
    next.seq = last.seq;
    next.hash = last.hash;
    pruneDays(next, now);
    return next;
  });
}

function parse(raw: string | null): SummaryCache | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as SummaryCache;
    return c && c.v === 1 && typeof c.seq === 'number' ? c : null;
  } catch {
    return null;
  }
}

function save(store: CacheStore | null, s: SummaryCache): void {
  try {
    store?.set(JSON.stringify(s));
  } catch {
    // A full localStorage only costs the next open a recount.
  }
}

export interface SummaryLoad {
  /** Up-to-date counts, when they could be had quickly. */
  summary: SummaryCache | null;
  /** Counts being made afresh (when `summary` is null). */
  pending: Promise<SummaryCache> | null;
}

/** The counts: from the cache plus recent changes when possible, else counted afresh (in `pending`). */
export async function loadSummary(db: ShutoutDB, store: CacheStore | null = localCacheStore(), now = new Date()): Promise<SummaryLoad> {
  const cached = parse(store?.get() ?? null);
  if (cached) {
    const updated = await applyChanges(db, cached, now).catch(() => null);
    if (updated) {
      if (updated !== cached) save(store, updated);
      return { summary: updated, pending: null };
    }
  }
  const pending = computeSummary(db, now).then((s) => {
    save(store, s);
    return s;
  });
  return { summary: null, pending };
}

/** Counts after a change made from the UI (a review): the cache plus that change. */
export async function refreshSummary(db: ShutoutDB, store: CacheStore | null = localCacheStore()): Promise<SummaryCache> {
  const { summary, pending } = await loadSummary(db, store);
  return summary ?? (await pending!);
}
