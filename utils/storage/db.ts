import Dexie, { type Table, type Transaction } from 'dexie';
import type { Kind } from '../detect/kinds';
import type { Where } from '../detect/types';
import { chainAfter, type ChainEntry, type NewEntry } from '../evidence/chain';
import { commitData } from '../evidence/commit';
import { FINDING_CONTENT_FIELDS, findingContentOf } from '../evidence/content';
import type { Scope, ScopeCheck } from '../scope/types';

export { FINDING_CONTENT_FIELDS };

export type Review = 'unreviewed' | 'confirmed' | 'false-positive';

/** One finding as stored: what was seen, where, when, by which rule, in which browser. */
export interface FindingRecord {
  id: string;
  /** `pageId|kind` (or `pageId|kind|subject`): the same block on the same page load is one record. */
  key: string;
  pageId: string;
  /** UTC, ISO 8601. */
  observedAt: string;
  /** The observer's local offset from UTC at that moment, in minutes (UTC+8 → 480). */
  tzOffsetMinutes: number;
  pageUrl: string;
  pageTitle: string;
  platform: string | null;
  kind: Kind;
  ruleId: string;
  rulesetVersion: string;
  snippet: string;
  where: Where;
  confidence: number;
  until?: string;
  /** coupon-missing: which baseline and offer (part of `key`). */
  subject?: string;
  /** Why the general layer fired (utils/detect/general): the pattern's words or the model's strongest words. */
  why?: string;
  /**
   * Why the confidence is lower than the rule's (utils/background/trust.ts): `url-only`, only the
   * address said "blocked"; `page-supplied`, only the page's scripts told of the answer.
   */
  basis?: 'url-only' | 'page-supplied';
  /** For address findings: the origin of the page that sent the browser there, when known. */
  initiator?: string;
  extensionVersion: string;
  browser: string;
  uiLanguage: string;
  /** A label the user chose for this browser profile (never an account name unless typed). */
  profileLabel: string;
  /** Where the record came from: this browser, or an imported file. */
  origin: 'local' | 'import';
  importedFrom?: string;
  // Mutable state; every change is also appended to the chain as an amendment.
  /** How many distinct sightings of this kind the page load produced. */
  count: number;
  review: Review;
  note?: string;
  captureIds: string[];
  /** Whom the block follows, from the latest scope check (utils/scope): recorded as an amendment. */
  scope?: Scope;
  /** What that check's anonymous view showed, and when. */
  scopeCheck?: ScopeCheck;
  /** Position and hash of the chain entry that recorded this finding. */
  seq: number;
  hash: string;
}

export type FindingContent = Pick<FindingRecord, (typeof FINDING_CONTENT_FIELDS)[number]>;

export function findingContent(r: FindingContent): Record<string, unknown> {
  return findingContentOf(r as unknown as Record<string, unknown>);
}

/** A page load Shutout checked, blocked or not ("am I blocked, or is it everyone?" needs the clear ones too). */
export interface VisitRecord {
  id: string;
  at: string;
  url: string;
  platform: string | null;
  kinds: Kind[];
}

/** A screenshot or MHTML snapshot captured as evidence. */
export interface CaptureRecord {
  id: string;
  findingId: string | null;
  pageUrl: string;
  at: string;
  type: 'screenshot' | 'mhtml';
  mime: string;
  size: number;
  sha256: string;
  blob: Blob;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The coupon ledger: which offers one visit of an item page showed (filled by the coupons feature). */
export interface CouponVisitRecord {
  id: string;
  itemKey: string;
  at: string;
  visitId: string | null;
  source: 'visit' | 'import' | 'control';
  profileLabel: string;
  baselineName?: string;
  data: Record<string, unknown>;
}

/** The installation's signing key (utils/evidence/keystore.ts): the private half cannot be read back. */
export interface KeyRecord {
  id: 'signing';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Base64 SPKI DER of the public key. */
  spki: string;
  fingerprint: string;
  createdAt: string;
}

/** The database schema version, and the evidence format its chain entries are written in. */
export const SCHEMA_VERSION = 4;

export class ShutoutDB extends Dexie {
  findings!: Table<FindingRecord, string>;
  chain!: Table<ChainEntry, number>;
  visits!: Table<VisitRecord, string>;
  captures!: Table<CaptureRecord, string>;
  settings!: Table<SettingRecord, string>;
  coupons!: Table<CouponVisitRecord, string>;
  keys!: Table<KeyRecord, string>;

  constructor(name = 'shutout') {
    super(name);
    // Never delete a version: a browser may still hold a database written by it.
    this.version(1).stores({
      findings: 'id, &key, observedAt, platform, kind, ruleId',
    });
    this.version(2)
      .stores({
        findings: 'id, &key, pageId, observedAt, platform, kind, ruleId, review, seq, [platform+kind]',
        chain: 'seq, recordId, type',
        visits: 'id, at, platform',
        captures: 'id, findingId, at',
        settings: 'key',
        coupons: 'id, itemKey, at, visitId, source',
      })
      .upgrade(upgradeToV2);
    this.version(3).stores({ keys: 'id' }).upgrade(upgradeToV3);
    // The scope of a finding (issue 10), indexed so that the summary's figures read only checked findings.
    this.version(4).stores({ findings: 'id, &key, pageId, observedAt, platform, kind, ruleId, review, seq, [platform+kind], scope' });
  }
}

/**
 * Version 3 writes format-2 chain entries (salted commitments). The format-1 entries stay as they
 * were, so the old chain verifies as before; an `upgrade` entry records the step, followed by one
 * format-2 entry per live finding that carries its current state and names the entry it upgrades.
 * A redacted export can then start at the `upgrade` entry and still end at the browser's own head.
 */
export async function upgradeToV3(tx: Transaction, at = new Date().toISOString()): Promise<void> {
  const chain = tx.table<ChainEntry, number>('chain');
  const findings = tx.table<FindingRecord, string>('findings');
  const last = (await chain.orderBy('seq').last()) ?? null;
  if (!last) return;
  const live = (await findings.toArray()).sort((a, b) => a.seq - b.seq);
  const bodies: NewEntry[] = [
    { type: 'upgrade', recordId: 'schema', at, data: { fromSchema: 2, toSchema: 3, format: 2, previousHead: last.hash, previousLength: last.seq, findings: live.length } },
    ...live.map((r) => {
      const { data, disclose } = commitData({
        ...findingContent(r),
        count: r.count,
        review: r.review,
        ...(r.note ? { note: r.note } : {}),
        ...(r.captureIds.length ? { captureIds: r.captureIds } : {}),
        upgradedFrom: { seq: r.seq, hash: r.hash },
      });
      return { type: r.origin === 'import' ? ('import' as const) : ('finding' as const), recordId: r.id, at, data, ...(disclose ? { disclose } : {}) };
    }),
  ];
  const entries = chainAfter(last, bodies);
  await chain.bulkAdd(entries);
  const byId = new Map(live.map((r) => [r.id, r]));
  for (const e of entries.slice(1)) {
    const r = byId.get(e.recordId)!;
    r.seq = e.seq;
    r.hash = e.hash;
  }
  await findings.bulkPut(live);
}

/** Version 1 stored bare findings: give them the v2 fields and chain them in the order they were seen. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const findings = tx.table<FindingRecord, string>('findings');
  const old = (await findings.toArray()).sort((a, b) => a.observedAt.localeCompare(b.observedAt) || a.id.localeCompare(b.id));
  if (old.length === 0) return;
  const at = new Date().toISOString();
  const upgraded: FindingRecord[] = old.map((r) => ({
    ...r,
    tzOffsetMinutes: r.tzOffsetMinutes ?? 0,
    extensionVersion: r.extensionVersion ?? 'unknown (schema v1)',
    browser: r.browser ?? 'unknown',
    uiLanguage: r.uiLanguage ?? 'unknown',
    profileLabel: r.profileLabel ?? '',
    origin: 'local',
    count: r.count ?? 1,
    review: 'unreviewed',
    captureIds: [],
    seq: 0,
    hash: '',
  }));
  const entries = chainAfter(
    null,
    upgraded.map((r) => ({ type: 'finding' as const, recordId: r.id, at, data: findingContent(r) })),
  );
  entries.forEach((e, i) => {
    upgraded[i]!.seq = e.seq;
    upgraded[i]!.hash = e.hash;
  });
  await findings.bulkPut(upgraded);
  await tx.table('chain').bulkAdd(entries);
}

let shared: ShutoutDB | undefined;
export function db(): ShutoutDB {
  return (shared ??= new ShutoutDB());
}
