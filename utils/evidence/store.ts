import type { Detection } from '../detect/types';
import { findingContent, type CaptureRecord, type KeyRecord, type FindingRecord, type Review, type ShutoutDB, type VisitRecord } from '../storage/db';
import { chainAfter, type ChainEntry, type EntryType, type NewEntry } from './chain';
import { commitData } from './commit';
import { keyEntry } from './keystore';
import type { ScopeResult } from '../scope/types';

/** A format-2 entry: the fields redaction may change are committed (utils/evidence/commit.ts). */
export function committed(type: EntryType, recordId: string, at: string, plain: Record<string, unknown>): NewEntry {
  const { data, disclose } = commitData(plain);
  return { type, recordId, at, data, ...(disclose ? { disclose } : {}) };
}

/** What the browser knew when it recorded a finding (docs/evidence-format.md). */
export interface ObservationContext {
  extensionVersion: string;
  browser: string;
  uiLanguage: string;
  profileLabel: string;
  /** Minutes east of UTC at the time of observation (UTC+8 → 480). */
  tzOffsetMinutes: number;
}

export interface PageFindings {
  pageId: string;
  url: string;
  title: string;
  observedAt: string;
  platform: string | null;
  /** `basis` and `initiator`: what the background learned about a detection (utils/background/trust.ts). */
  detections: Array<Detection & { count?: number; basis?: FindingRecord['basis']; initiator?: string }>;
}

async function lastEntry(db: ShutoutDB): Promise<ChainEntry | null> {
  return (await db.chain.orderBy('seq').last()) ?? null;
}

/** Append bodies to the chain; must run inside a transaction that includes `chain`. */
export async function appendToChain(db: ShutoutDB, bodies: NewEntry[]): Promise<ChainEntry[]> {
  if (bodies.length === 0) return [];
  const entries = chainAfter(await lastEntry(db), bodies);
  await db.chain.bulkAdd(entries);
  return entries;
}

/**
 * Record the findings of many page loads in one transaction (the background batches reports),
 * with one read per table for the whole batch. The same kind on the same page load stays one
 * record: a repeat raises its count (as an amendment) and never adds a record. Returns, per page,
 * how many records were new.
 */
export async function recordPages(
  db: ShutoutDB,
  pages: PageFindings[],
  ctx: ObservationContext,
  newId: () => string,
  now = () => new Date(),
): Promise<number[]> {
  return db.transaction('rw', [db.findings, db.chain, db.visits], async () => {
    const at = now().toISOString();
    const pageIds = [...new Set(pages.map((p) => p.pageId))];
    const visits = new Map((await db.visits.bulkGet(pageIds)).filter((v): v is VisitRecord => !!v).map((v) => [v.id, v]));
    const keyOf = (pageId: string, d: Detection) => `${pageId}|${d.kind}${d.subject ? `|${d.subject}` : ''}`;
    const allKeys = pages.flatMap((p) => p.detections.map((d) => keyOf(p.pageId, d)));
    const existing = new Map((allKeys.length ? await db.findings.where('key').anyOf(allKeys).toArray() : []).map((r) => [r.key, r]));
    const fresh: FindingRecord[] = [];
    const bodies: NewEntry[] = [];
    const counts = new Map<string, number>();
    const result: number[] = [];

    for (const page of pages) {
      const prevVisit = visits.get(page.pageId);
      const kinds = [...new Set([...(prevVisit?.kinds ?? []), ...page.detections.map((d) => d.kind)])];
      visits.set(page.pageId, { id: page.pageId, at: prevVisit?.at ?? page.observedAt, url: page.url, platform: page.platform, kinds });
      let added = 0;
      for (const d of page.detections) {
        const key = keyOf(page.pageId, d);
        const prev = existing.get(key);
        if (prev) {
          const count = d.count ?? 1;
          if (count > (counts.get(prev.id) ?? prev.count)) {
            counts.set(prev.id, count);
            bodies.push({ type: 'amendment', recordId: prev.id, at, data: { count } });
          }
          continue;
        }
        const record: FindingRecord = {
          id: newId(),
          key,
          pageId: page.pageId,
          observedAt: page.observedAt,
          tzOffsetMinutes: ctx.tzOffsetMinutes,
          pageUrl: page.url,
          pageTitle: page.title,
          platform: page.platform ?? d.platform,
          kind: d.kind,
          ruleId: d.ruleId,
          rulesetVersion: d.rulesetVersion,
          snippet: d.snippet,
          where: d.where,
          confidence: d.confidence,
          ...(d.until ? { until: d.until } : {}),
          ...(d.subject ? { subject: d.subject } : {}),
          ...(d.why ? { why: d.why } : {}),
          ...(d.basis ? { basis: d.basis } : {}),
          ...(d.initiator ? { initiator: d.initiator } : {}),
          extensionVersion: ctx.extensionVersion,
          browser: ctx.browser,
          uiLanguage: ctx.uiLanguage,
          profileLabel: ctx.profileLabel,
          origin: 'local',
          count: d.count ?? 1,
          review: 'unreviewed',
          captureIds: [],
          seq: 0,
          hash: '',
        };
        existing.set(key, record);
        fresh.push(record);
        bodies.push(committed('finding', record.id, at, { ...findingContent(record), count: record.count, review: record.review }));
        added++;
      }
      result.push(added);
    }

    const entries = await appendToChain(db, bodies);
    const byId = new Map(fresh.map((r) => [r.id, r]));
    for (const e of entries) {
      const r = e.type === 'finding' ? byId.get(e.recordId) : undefined;
      if (r) {
        r.seq = e.seq;
        r.hash = e.hash;
      }
    }
    await db.visits.bulkPut([...visits.values()].filter((v) => pageIds.includes(v.id)));
    if (fresh.length) await db.findings.bulkAdd(fresh);
    for (const [id, count] of counts) await db.findings.update(id, { count });
    return result;
  });
}

/** Review a finding: confirm it, mark it a false positive, or note something. Kept in the chain. */
export async function amendFinding(db: ShutoutDB, id: string, changes: { review?: Review; note?: string }, at = new Date()): Promise<void> {
  await db.transaction('rw', [db.findings, db.chain], async () => {
    const r = await db.findings.get(id);
    if (!r) throw new Error(`no finding ${id}`);
    const data: Record<string, unknown> = {};
    if (changes.review !== undefined && changes.review !== r.review) data.review = changes.review;
    if (changes.note !== undefined && changes.note !== (r.note ?? '')) data.note = changes.note.slice(0, 2000);
    if (Object.keys(data).length === 0) return;
    await appendToChain(db, [committed('amendment', id, at.toISOString(), data)]);
    await db.findings.update(id, data as Partial<FindingRecord>);
  });
}

/**
 * Record a scope check (utils/scope): the scope and what the anonymous view showed, appended as
 * an amendment. The finding itself is never edited: a later check appends another amendment.
 */
export async function recordScope(db: ShutoutDB, id: string, result: ScopeResult, at = new Date()): Promise<FindingRecord> {
  return db.transaction('rw', [db.findings, db.chain], async () => {
    const r = await db.findings.get(id);
    if (!r) throw new Error(`no finding ${id}`);
    const data = { scope: result.scope, scopeCheck: result.check };
    await appendToChain(db, [{ type: 'amendment', recordId: id, at: at.toISOString(), data }]);
    await db.findings.update(id, data);
    return { ...r, ...data };
  });
}

/** Delete a finding (and its captures); the chain keeps a tombstone saying what went and why. */
export async function deleteFinding(db: ShutoutDB, id: string, reason: string, at = new Date()): Promise<void> {
  await db.transaction('rw', [db.findings, db.chain, db.captures], async () => {
    const r = await db.findings.get(id);
    if (!r) return;
    await appendToChain(db, [{ type: 'tombstone', recordId: id, at: at.toISOString(), data: { reason, hash: r.hash } }]);
    await db.captures.where('findingId').equals(id).delete();
    await db.findings.delete(id);
  });
}

/** Keep only findings observed at or after `cutoff` (the retention setting); each removal is a tombstone. */
export async function pruneBefore(db: ShutoutDB, cutoff: Date, at = new Date()): Promise<number> {
  const old = await db.findings.where('observedAt').below(cutoff.toISOString()).primaryKeys();
  if (old.length === 0) return 0;
  await db.transaction('rw', [db.findings, db.chain, db.captures], async () => {
    const found = await db.findings.bulkGet(old);
    await appendToChain(
      db,
      found.filter((r): r is FindingRecord => !!r).map((r) => ({ type: 'tombstone' as const, recordId: r.id, at: at.toISOString(), data: { reason: 'retention', hash: r.hash } })),
    );
    await db.captures.where('findingId').anyOf(old).delete();
    await db.findings.bulkDelete(old);
  });
  return old.length;
}

/**
 * Delete all data. The old chain goes too (it holds the deleted content); the new chain starts
 * with a `wipe` entry that names the old chain's head and length, so the deletion itself is on
 * record. The signing key stays (named in the `wipe` entry) unless `newKey` replaces it: then a
 * `key` entry follows with the new fingerprint and the previous one.
 */
export async function wipeAll(db: ShutoutDB, at = new Date(), opts: { newKey?: KeyRecord } = {}): Promise<ChainEntry> {
  return db.transaction('rw', [db.findings, db.chain, db.captures, db.visits, db.coupons, db.keys], async () => {
    const last = await lastEntry(db);
    const kept = await db.keys.get('signing');
    await Promise.all([db.findings.clear(), db.chain.clear(), db.captures.clear(), db.visits.clear(), db.coupons.clear()]);
    const when = at.toISOString();
    const bodies: NewEntry[] = [{ type: 'wipe', recordId: 'all', at: when, data: { previousHead: last?.hash ?? null, previousLength: last?.seq ?? 0, key: kept?.fingerprint ?? null } }];
    if (opts.newKey) {
      await db.keys.put(opts.newKey);
      bodies.push(keyEntry(opts.newKey, 'new-key', kept?.fingerprint ?? null, when));
    }
    const entries = chainAfter(null, bodies);
    await db.chain.bulkAdd(entries);
    return entries[0]!;
  });
}

/** Store a screenshot or snapshot with its SHA-256, linked to a finding, and chain it. */
export async function addCapture(db: ShutoutDB, capture: CaptureRecord, at = new Date()): Promise<void> {
  await db.transaction('rw', [db.findings, db.chain, db.captures], async () => {
    await db.captures.add(capture);
    const { blob: _blob, ...meta } = capture;
    await appendToChain(db, [committed('capture', capture.id, at.toISOString(), meta as unknown as Record<string, unknown>)]);
    if (capture.findingId) {
      const r = await db.findings.get(capture.findingId);
      if (r) await db.findings.update(r.id, { captureIds: [...r.captureIds, capture.id] });
    }
  });
}

export async function chainHead(db: ShutoutDB): Promise<{ length: number; head: string | null }> {
  const last = await lastEntry(db);
  return { length: await db.chain.count(), head: last?.hash ?? null };
}
