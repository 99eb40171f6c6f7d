/**
 * Replays a chain into the state it records: which findings are live, with which review, note,
 * count and scope, which captures exist with which SHA-256. `shutout verify` compares a file's
 * records, CSV and report with this state, and import stores only this state — never what a file
 * claims beside its chain.
 *
 * A new amendable field is replayed here: add it to AMENDABLE with a check of its value, and to
 * the record's fields; the report shows what a record carries.
 */
import { FINDING_CONTENT_FIELDS } from './content';
import type { ChainEntry } from './chain';
import { canonicalJson } from './hash';
import { openEntry } from './commit';
import { isScope, isScopeCheck, type Scope, type ScopeCheck } from '../scope/types';

export const REVIEWS = ['unreviewed', 'confirmed', 'false-positive'] as const;
export type ReviewState = (typeof REVIEWS)[number];

export interface ReplayRecord {
  [field: string]: unknown;
  id: string;
  count: number;
  review: ReviewState;
  note?: string;
  captureIds: string[];
  /** The latest scope check (an amendment): account / network / inconclusive. */
  scope?: Scope;
  scopeCheck?: ScopeCheck;
  seq: number;
  hash: string;
  /** Fields whose values this file withholds (format 2, redacted): the masked text stands in. */
  withheld: string[];
  /** False for a format-1 finding whose count was never amended: its first count is not in the chain. */
  countKnown: boolean;
}

export interface ReplayCapture {
  id: string;
  seq: number;
  sha256: string;
  size: number;
  type: string;
  mime: string;
  findingId: string | null;
  at: string;
}

/** Fields an amendment may change, each with the check its value must pass. */
const AMENDABLE: Record<string, (v: unknown) => boolean> = {
  review: (v) => typeof v === 'string' && (REVIEWS as readonly string[]).includes(v),
  note: (v) => typeof v === 'string' || v === null,
  count: (v) => Number.isInteger(v) && (v as number) >= 0,
  scope: isScope,
  scopeCheck: isScopeCheck,
};

/** The fields of a record that the chain determines (compared field by field). */
export const RECORD_FIELDS = [...FINDING_CONTENT_FIELDS, 'count', 'review', 'note', 'scope', 'scopeCheck', 'captureIds', 'seq', 'hash'] as const;

const str = (v: unknown): v is string => typeof v === 'string';

export class Replay {
  readonly live = new Map<string, ReplayRecord>();
  readonly captures = new Map<string, ReplayCapture>();
  private gone = new Set<string>();
  /** Key fingerprints, in the order the chain records them (first run, new key on delete). */
  readonly keys: string[] = [];
  readonly withheld = new Map<string, number>();
  problem: string | null = null;
  private first: number | null = null;

  /** `partial`: the chain starts after left-out entries (a redacted export of an upgraded chain). */
  constructor(
    private readonly partial = false,
    /** Format 1 "redacted copy": hashes were recomputed, so a tombstone names the original hash, not the copy's. */
    private readonly redactedCopy = false,
  ) {}

  private fail(e: { seq: unknown }, why: string): false {
    this.problem ??= `chain entry ${String(e.seq)}: ${why}`;
    return false;
  }

  push(e: ChainEntry): boolean {
    if (this.problem) return false;
    this.first ??= e.seq;
    const o = openEntry(e);
    if (o.problem) return this.fail(e, o.problem);
    for (const f of o.withheld) this.withheld.set(f, (this.withheld.get(f) ?? 0) + 1);
    const v = o.values;
    switch (e.type) {
      case 'finding':
      case 'import':
        return this.finding(e, v, o.withheld);
      case 'amendment': {
        const r = this.live.get(e.recordId);
        if (!r) return this.fail(e, `it amends ${e.recordId}, which is not a live finding at that point`);
        if ((v.scope === undefined) !== (v.scopeCheck === undefined)) return this.fail(e, 'a scope is amended with the check that found it, or not at all');
        for (const [k, val] of Object.entries(v)) {
          const check = AMENDABLE[k];
          if (!check) return this.fail(e, `an amendment cannot change ${k}`);
          if (!check(val)) return this.fail(e, `the amended ${k} is not valid (${JSON.stringify(val)?.slice(0, 40)})`);
          if (k === 'note') {
            if (val === null || val === '') delete r.note;
            else r.note = val as string;
            r.withheld = o.withheld.includes('note') ? [...new Set([...r.withheld, 'note'])] : r.withheld.filter((f) => f !== 'note');
          } else if (k === 'count') {
            r.count = val as number;
            r.countKnown = true;
          } else if (k === 'scope') r.scope = val as Scope;
          else if (k === 'scopeCheck') r.scopeCheck = val as ScopeCheck;
          else r.review = val as ReviewState;
        }
        return true;
      }
      case 'tombstone': {
        const r = this.live.get(e.recordId);
        if (!r) return this.fail(e, `it deletes ${e.recordId}, which is not a live finding at that point`);
        if (v.hash !== r.hash && !this.redactedCopy) return this.fail(e, `it names hash ${String(v.hash)}, not the hash of the finding it deletes`);
        this.live.delete(e.recordId);
        this.gone.add(e.recordId);
        return true;
      }
      case 'capture': {
        if (v.id !== undefined && v.id !== e.recordId) return this.fail(e, 'its recordId differs from the id in its data');
        if (!str(v.sha256) || !/^[0-9a-f]{64}$/.test(v.sha256) || !Number.isInteger(v.size) || (v.size as number) < 0) return this.fail(e, 'it is not a capture (SHA-256 or size missing)');
        if (this.captures.has(e.recordId)) return this.fail(e, `capture ${e.recordId} is recorded twice`);
        const findingId = str(v.findingId) ? v.findingId : null;
        this.captures.set(e.recordId, { id: e.recordId, seq: e.seq, sha256: v.sha256, size: v.size as number, type: String(v.type ?? ''), mime: String(v.mime ?? ''), findingId, at: String(v.at ?? e.at) });
        const r = findingId ? this.live.get(findingId) : undefined;
        if (r) r.captureIds.push(e.recordId);
        return true;
      }
      case 'wipe':
        if (e.seq !== 1) return this.fail(e, 'a wipe can only start a chain');
        return true;
      case 'upgrade':
        return true;
      case 'key':
        if (!str(v.fingerprint) || !/^[0-9a-f]{64}$/.test(v.fingerprint)) return this.fail(e, 'its key fingerprint is malformed');
        this.keys.push(v.fingerprint);
        return true;
      default:
        return this.fail(e, `unknown entry type ${JSON.stringify(e.type)}`);
    }
  }

  private finding(e: ChainEntry, v: Record<string, unknown>, withheld: string[]): boolean {
    if (v.id !== e.recordId) return this.fail(e, `its recordId ${e.recordId} differs from the id in its data (${String(v.id)})`);
    if (!str(v.kind) || !str(v.observedAt)) return this.fail(e, 'it is not a finding (kind or observedAt missing)');
    const prev = this.live.get(e.recordId);
    const from = v.upgradedFrom as { seq?: unknown; hash?: unknown } | undefined;
    if (prev) {
      if (!from || from.seq !== prev.seq || from.hash !== prev.hash) return this.fail(e, `finding ${e.recordId} is recorded twice (entries ${prev.seq} and ${e.seq})`);
    } else if (this.gone.has(e.recordId)) {
      return this.fail(e, `finding ${e.recordId} is recorded again after it was deleted`);
    } else if (from && !(this.partial && typeof from.seq === 'number' && this.first !== null && from.seq < this.first)) {
      return this.fail(e, `it upgrades entry ${String(from.seq)}, which does not record this finding`);
    }
    const count = v.count;
    if (count !== undefined && !AMENDABLE.count!(count)) return this.fail(e, `its count is not a whole number ≥ 0 (${JSON.stringify(count)})`);
    if (v.review !== undefined && !AMENDABLE.review!(v.review)) return this.fail(e, 'its review is not valid');
    if (v.note !== undefined && !str(v.note)) return this.fail(e, 'its note is not text');
    if (v.scope !== undefined && !isScope(v.scope)) return this.fail(e, 'its scope is not valid');
    if (v.scopeCheck !== undefined && !isScopeCheck(v.scopeCheck)) return this.fail(e, 'its scope check is not valid');
    if ((v.scope === undefined) !== (v.scopeCheck === undefined)) return this.fail(e, 'it records a scope without its check, or a check without its scope');
    const caps = v.captureIds;
    if (caps !== undefined && !(Array.isArray(caps) && caps.every(str))) return this.fail(e, 'its captureIds are not a list of ids');
    const r: ReplayRecord = {
      id: e.recordId,
      count: (count as number | undefined) ?? 1,
      review: (v.review as ReviewState | undefined) ?? 'unreviewed',
      captureIds: [...((caps as string[] | undefined) ?? [])],
      seq: e.seq,
      hash: e.hash,
      withheld,
      countKnown: count !== undefined,
    };
    for (const f of FINDING_CONTENT_FIELDS) if (v[f] !== undefined) (r as Record<string, unknown>)[f] = v[f];
    if (str(v.note) && v.note) r.note = v.note;
    if (v.scope !== undefined) {
      r.scope = v.scope as Scope;
      r.scopeCheck = v.scopeCheck as ScopeCheck;
    }
    this.live.set(e.recordId, r);
    return true;
  }

  /** Live findings in the order of the entries that recorded them (the order exports write). */
  records(): ReplayRecord[] {
    return [...this.live.values()].sort((a, b) => a.seq - b.seq);
  }
}

/** The first field in which a record differs from the state the chain records, or null. */
export function recordDifference(given: Record<string, unknown>, replayed: ReplayRecord): string | null {
  for (const f of RECORD_FIELDS) {
    if (f === 'count' && !replayed.countKnown) {
      if (!Number.isInteger(given.count) || (given.count as number) < 0) return f;
      continue;
    }
    const a = given[f] === '' && f === 'note' ? undefined : given[f];
    const b = replayed[f];
    // Absent and null are the same; absent against a value differs below (canonical JSON writes absent as null).
    if ((a === undefined || a === null) && (b === undefined || b === null)) continue;
    try {
      if (canonicalJson(a) !== canonicalJson(b)) return f;
    } catch {
      return f;
    }
  }
  return null;
}
