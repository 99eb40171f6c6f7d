/**
 * Installations as tests need them for `shutout dataset`: a signing key, a chain made the way the
 * extension makes it (key entry, committed findings, amendments, tombstones, imports), and
 * bundles exported at any point by the real bundle writer.
 */
import { createHash } from 'node:crypto';
import { chainAfter, type ChainEntry, type NewEntry } from '../../utils/evidence/chain';
import { findingContentOf } from '../../utils/evidence/content';
import { toBase64 } from '../../utils/evidence/hash';
import type { Signer } from '../../utils/evidence/signing';
import { committed } from '../../utils/evidence/store';
import { bundleFile } from './evidence-bundle-helpers';
import { testSigner } from './evidence-helpers';

export interface FindingSpec {
  id: string;
  platform: string;
  kind: string;
  observedAt: string;
  until?: string;
  subject?: string;
  pageUrl?: string;
  snippet?: string;
  why?: string;
  basis?: 'url-only' | 'page-supplied';
  initiator?: string;
  ruleId?: string;
  confidence?: number;
}

export class Installation {
  readonly entries: ChainEntry[] = [];
  private files = new Map<string, { findingId: string; at: string; bytes: Uint8Array; sha256: string }>();
  private constructor(
    readonly signer: Signer,
    readonly label: string,
  ) {}

  static async create(label: string): Promise<Installation> {
    const i = new Installation(await testSigner(), label);
    i.append([{ type: 'key', recordId: 'key', at: '2026-01-01T00:00:00.000Z', data: { fingerprint: i.signer.fingerprint, publicKey: toBase64(i.signer.publicKey), reason: 'first-run' } }]);
    return i;
  }

  get fingerprint(): string {
    return this.signer.fingerprint;
  }

  private append(bodies: NewEntry[]): ChainEntry[] {
    const out = chainAfter(this.entries.at(-1) ?? null, bodies);
    this.entries.push(...out);
    return out;
  }

  content(f: FindingSpec): Record<string, unknown> {
    return {
      id: f.id,
      key: `page-${f.id}|${f.kind}${f.subject ? `|${f.subject}` : ''}`,
      pageId: `page-${f.id}`,
      observedAt: f.observedAt,
      tzOffsetMinutes: 480,
      pageUrl: f.pageUrl ?? 'https://item.taobao.com/item.htm?id=600000000001',
      pageTitle: '访问被拒绝',
      platform: f.platform,
      kind: f.kind,
      ruleId: f.ruleId ?? `${f.platform}.test`,
      rulesetVersion: 'test',
      snippet: f.snippet ?? '亲，访问被拒绝',
      where: 'text',
      confidence: f.confidence ?? 0.9,
      ...(f.until ? { until: f.until } : {}),
      ...(f.subject ? { subject: f.subject } : {}),
      ...(f.why ? { why: f.why } : {}),
      ...(f.basis ? { basis: f.basis } : {}),
      ...(f.initiator ? { initiator: f.initiator } : {}),
      extensionVersion: '0.1.0',
      browser: 'Chrome 146',
      uiLanguage: 'zh-CN',
      profileLabel: this.label,
      origin: 'local',
    };
  }

  finding(f: FindingSpec): ChainEntry {
    return this.append([committed('finding', f.id, f.observedAt, { ...findingContentOf(this.content(f)), count: 1, review: 'unreviewed' })])[0]!;
  }

  /** A coupon-missing finding as utils/coupons/ledger.ts makes one. */
  couponMissing(id: string, at: string, item: string, baseline: 'history' | 'import' | 'control', baselineName: string, offerKey: string, label: string): ChainEntry {
    const who = baselineName ? `${baseline === 'import' ? 'ledger' : 'your earlier visit'} "${baselineName}"` : baseline === 'control' ? 'a logged-out view' : 'your earlier visit';
    return this.finding({
      id,
      platform: 'taobao',
      kind: 'coupon-missing',
      observedAt: at,
      pageUrl: `https://item.taobao.com/item.htm?id=${item}`,
      subject: `${baseline}|${baselineName}|${offerKey}`,
      snippet: `"${label}" seen by ${who} at 2026-03-01T00:00:00.000Z, missing at ${at}`,
    });
  }

  /** Another installation's finding, imported from its export (an `import` entry naming its source entry). */
  imported(from: Installation, entry: ChainEntry, at: string): ChainEntry {
    const values: Record<string, unknown> = { ...entry.data };
    delete values._sd;
    for (const [k, [, v]] of Object.entries(entry.disclose ?? {})) values[k] = v;
    const source = { head: from.entries.at(-1)!.hash, seq: entry.seq, hash: entry.hash };
    return this.append([committed('import', entry.recordId, at, { ...findingContentOf({ ...values, origin: 'import', importedFrom: `${from.label}.json` }), count: 1, review: 'unreviewed', source })])[0]!;
  }

  amend(id: string, at: string, data: Record<string, unknown>): void {
    this.append([{ type: 'amendment', recordId: id, at, data }]);
  }

  tombstone(id: string, at: string, reason = 'user'): void {
    const recorded = [...this.entries].reverse().find((e) => (e.type === 'finding' || e.type === 'import') && e.recordId === id)!;
    this.append([{ type: 'tombstone', recordId: id, at, data: { reason, hash: recorded.hash } }]);
  }

  /** A screenshot of a finding: its chain entry, and its bytes for the bundle. */
  capture(id: string, findingId: string, at: string, bytes: Uint8Array): void {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.files.set(id, { findingId, at, bytes, sha256 });
    this.append([committed('capture', id, at, { id, findingId, pageUrl: 'https://item.taobao.com/item.htm?id=600000000001', at, type: 'screenshot', mime: 'image/png', size: bytes.length, sha256 })]);
  }

  /** A bundle of the chain as it stands now. */
  async bundle(path: string, opts: { redact?: boolean } = {}): Promise<void> {
    const snapshot = [...this.entries];
    const files = new Map(this.files);
    await bundleFile(
      path,
      {
        meta: { generator: { name: 'Shutout', version: '0.1.0' }, profileLabel: this.label, exportedAt: snapshot.at(-1)!.at, language: 'en' },
        redact: opts.redact ?? false,
        includeCaptures: true,
        async *entries() {
          yield snapshot;
        },
        captures: async function* (this: void) {
          for (const [id, f] of files) yield { id, findingId: f.findingId, pageUrl: '', at: f.at, type: 'screenshot' as const, mime: 'image/png', size: f.bytes.length, sha256: f.sha256, blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>]) };
        },
        captureBlob: async (id) => {
          const f = files.get(id);
          return f ? new Blob([f.bytes as Uint8Array<ArrayBuffer>]) : null;
        },
      },
      this.signer,
    );
  }
}

