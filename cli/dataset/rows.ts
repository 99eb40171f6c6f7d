/**
 * A verified bundle's chain and replayed state as rows of the dataset's tables (cli/dataset/schema.ts),
 * in the order of each table's staged columns.
 */
import type { ChainEntry } from '../../utils/evidence/chain';
import { openEntry } from '../../utils/evidence/commit';
import type { ReplayRecord } from '../../utils/evidence/replay';
import { localTime } from '../../utils/evidence/report/render';
import { itemKeyOf } from '../../utils/coupons/compare';
import { parseItemRef } from '../../utils/coupons/item-id';
import type { Value } from './stage';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a tombstone says about the finding it deletes. */
export interface Deletion {
  at: string;
  reason: string | null;
}

function localDate(observedAt: unknown, offset: unknown): string | null {
  if (typeof observedAt !== 'string' || !Number.isFinite(Date.parse(observedAt))) return null;
  return localTime(observedAt, typeof offset === 'number' ? offset : 0).slice(0, 10);
}

/** FINDINGS' staged columns. */
export function findingRow(r: ReplayRecord, originHash: string, deleted: Deletion | null): Value[] {
  return [
    r.id,
    str(r.key),
    str(r.pageId),
    str(r.observedAt),
    num(r.tzOffsetMinutes),
    localDate(r.observedAt, r.tzOffsetMinutes),
    str(r.pageUrl),
    str(r.pageTitle),
    str(r.platform),
    str(r.kind),
    str(r.ruleId),
    str(r.rulesetVersion),
    str(r.snippet),
    str(r.where),
    num(r.confidence),
    str(r.until),
    str(r.subject),
    str(r.why),
    str(r.basis),
    str(r.initiator),
    str(r.extensionVersion),
    str(r.browser),
    str(r.uiLanguage),
    str(r.profileLabel),
    str(r.origin),
    str(r.importedFrom),
    r.count,
    r.countKnown,
    r.review,
    str(r.note),
    // Set by a scope amendment (docs/evidence-format.md), with the check that found it.
    str(r.scope),
    isObj(r.scopeCheck) ? JSON.stringify(r.scopeCheck) : null,
    r.captureIds,
    r.withheld,
    r.seq,
    r.hash,
    originHash,
    deleted?.at ?? null,
    deleted?.reason ?? null,
  ];
}

/** `"满199减20" seen by ledger "x" at 2026-…Z, missing at 2026-…Z` (utils/coupons/compare.ts describeMissing). */
const DESCRIBED = /^"(.*)" seen by .* at (\S+), missing at \S+$/s;

/** COUPONS' staged columns, for a coupon-missing finding; null for other findings. */
export function couponRow(r: ReplayRecord, deleted: Deletion | null): Value[] | null {
  if (r.kind !== 'coupon-missing') return null;
  const subject = str(r.subject) ?? '';
  const parts = subject.split('|');
  const described = DESCRIBED.exec(str(r.snippet) ?? '');
  const url = str(r.pageUrl);
  const ref = url ? parseItemRef(url) : null;
  return [
    r.hash,
    str(r.observedAt),
    str(r.platform),
    ref?.itemId ? itemKeyOf(ref.platform, ref.itemId) : null,
    url,
    parts.length >= 3 ? parts.slice(2).join('|') : null,
    described?.[1] ?? null,
    parts.length >= 3 ? parts[0] : null,
    parts.length >= 3 && parts[1] ? parts[1] : null,
    described?.[2] ?? null,
    r.review,
    deleted?.at ?? null,
  ];
}

/** ENTRIES' staged columns. */
export function entryRow(e: ChainEntry): Value[] {
  const own = e.type === 'finding' || e.type === 'import';
  const withheld = isObj(e.withheld) ? Object.keys(e.withheld) : [];
  let data: string | null = null;
  if (!own) {
    const { values } = openEntry(e);
    data = JSON.stringify(values);
  }
  const source = own && isObj(e.data.source) ? str(e.data.source.hash) : null;
  return [e.seq, e.type, e.recordId, e.at, e.prevHash, e.hash, data, source, withheld];
}

/** A capture entry, read out; its file is known once the bundle's files have been checked. */
export interface CaptureInfo {
  id: string;
  values: Value[];
  sha256: string;
  type: string;
  mime: string;
}

export function captureInfo(e: ChainEntry): CaptureInfo {
  const { values: v } = openEntry(e);
  return {
    id: e.recordId,
    sha256: str(v.sha256) ?? '',
    type: str(v.type) ?? '',
    mime: str(v.mime) ?? '',
    values: [e.recordId, str(v.findingId), str(v.at) ?? e.at, str(v.type), str(v.mime), num(v.size), str(v.sha256), str(v.pageUrl), e.seq, e.hash],
  };
}

/** The source entry an `import` entry names (another chain's), or null. */
export function importSource(e: ChainEntry): string | null {
  return e.type === 'import' && isObj(e.data.source) ? str(e.data.source.hash) : null;
}
