/**
 * Participants' evidence bundles for `shutout dataset`'s benchmark and tests, written by the real
 * bundle writer (utils/evidence/bundle.ts) from chains made the way the extension makes them
 * (a `key` entry, committed `finding` entries, amendments, tombstones, capture entries), each
 * signed with its own fresh key: `shutout verify` accepts every one.
 *
 * Participant p is blocked on two or three platforms over the first half of 2026; some of their
 * findings are coupon-missing findings naming an offer another participant's ledger showed.
 */
import { createWriteStream } from 'node:fs';
import { writeBundle } from '../../utils/evidence/bundle';
import { chainAfter, type ChainEntry, type NewEntry } from '../../utils/evidence/chain';
import { findingContentOf } from '../../utils/evidence/content';
import { toBase64 } from '../../utils/evidence/hash';
import { newKeyPair, signerFor, type Signer } from '../../utils/evidence/signing';
import { committed } from '../../utils/evidence/store';
import { Rand } from '../lib/rand';

export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pinduoduo', 'meituan', 'amazon'] as const;
const KINDS = ['access-denied', 'risk-challenge', 'account-restricted', 'promotion-denied', 'service-suspended'] as const;
const START = Date.UTC(2026, 0, 1);
const SPAN = Date.UTC(2026, 6, 1) - START;
const PAGE = 2000;

export interface ParticipantPlan {
  participant: number;
  findings: number;
  /** Mask personal fields as the extension's default export does. */
  redact?: boolean;
  profileLabel?: string;
  /** Override where findings fall in time (the tests place them exactly). */
  spanMs?: number;
  startMs?: number;
  /** Share of coupon-missing findings (default 5 %). */
  couponShare?: number;
}

function urlOf(platform: string, item: number): string {
  switch (platform) {
    case 'jd':
      return `https://item.jd.com/${100000000 + item}.html`;
    case 'pinduoduo':
      return `https://mobile.yangkeduo.com/goods.html?goods_id=${500000000 + item}`;
    case 'meituan':
      return `https://www.meituan.com/deal/${70000000 + item}.html`;
    case 'amazon':
      return `https://www.amazon.com/dp/B0${String(10000000 + item).slice(0, 8)}`;
    case 'tmall':
      return `https://detail.tmall.com/item.htm?id=${600000000000 + item}`;
    default:
      return `https://item.taobao.com/item.htm?id=${600000000000 + item}`;
  }
}

/** The offers coupon-missing findings name: a few per item, so that several participants miss the same one. */
export function offerKeyOf(n: number): string {
  return `taobao:shop:threshold:CNY:min=${99 + (n % 4) * 100}:off=${10 + (n % 4) * 10}`;
}

/** The entries of one participant's installation, in pages, not yet chained (a tombstone's hash is filled in by chainPages). */
export function* participantBodies(plan: ParticipantPlan, signer: Signer, commit: typeof committed = committed): Generator<NewEntry[]> {
  const p = plan.participant;
  const r = new Rand(0x5eed + p * 7919);
  const label = plan.profileLabel ?? `participant-${p}`;
  const platforms = [...PLATFORMS].sort(() => r.next() - 0.5).slice(0, r.int(2, 3));
  const start = plan.startMs ?? START;
  const span = plan.spanMs ?? SPAN;
  const couponShare = plan.couponShare ?? 0.05;
  const at0 = new Date(start).toISOString();
  let bodies: NewEntry[] = [{ type: 'key', recordId: 'key', at: at0, data: { fingerprint: signer.fingerprint, publicKey: toBase64(signer.publicKey), reason: 'first-run' } }];
  const live: string[] = [];
  const flush = () => {
    const out = bodies;
    bodies = [];
    return out;
  };
  for (let j = 0; j < plan.findings; j++) {
    const t = new Date(start + Math.floor(((j + r.next()) / plan.findings) * span));
    const observedAt = t.toISOString();
    const coupon = r.chance(couponShare);
    const platform = coupon ? 'taobao' : r.pick(platforms);
    const item = coupon ? r.int(1, 20) : r.int(1, 100_000);
    const kind = coupon ? 'coupon-missing' : r.pick(KINDS);
    const id = `p${p}-f${j}`;
    const pageId = `p${p}-page-${j}`;
    const offer = offerKeyOf(item + r.int(0, 1));
    const subject = coupon ? `import|participant-${(p + 1) % 1000}|${offer}` : undefined;
    const record = {
      id,
      key: `${pageId}|${kind}${subject ? `|${subject}` : ''}`,
      pageId,
      observedAt,
      tzOffsetMinutes: 480,
      pageUrl: urlOf(platform, item) + (r.chance(0.2) ? '&sid=8f3a9c2e&nick=shopper' : ''),
      pageTitle: coupon ? '商品详情' : '访问被拒绝',
      platform,
      kind,
      ruleId: coupon ? 'coupons.missing.import' : `${platform}.bench.${kind}`,
      rulesetVersion: 'bench',
      snippet: coupon ? `"满${99 + (item % 4) * 100}减${10 + (item % 4) * 10}" seen by ledger "participant-${(p + 1) % 1000}" at ${new Date(t.getTime() - 86_400_000).toISOString()}, missing at ${observedAt}` : '亲，访问被拒绝，请联系客服 400-820-8820',
      where: 'text',
      confidence: coupon ? 0.7 : 0.9,
      ...(kind === 'account-restricted' ? { until: new Date(t.getTime() + 7 * 86_400_000).toISOString() } : {}),
      ...(subject ? { subject } : {}),
      extensionVersion: '0.1.0',
      browser: 'Chrome 146',
      uiLanguage: 'zh-CN',
      profileLabel: label,
      origin: 'local',
    };
    bodies.push(commit('finding', id, observedAt, { ...findingContentOf(record), count: 1, review: 'unreviewed' }));
    live.push(id);
    if (j % 200 === 199) bodies.push({ type: 'amendment', recordId: id, at: observedAt, data: { review: 'confirmed' } });
    if (j % 499 === 498) bodies.push({ type: 'amendment', recordId: id, at: observedAt, data: { review: 'false-positive' } });
    if (j % 300 === 299) bodies.push({ type: 'amendment', recordId: id, at: observedAt, data: { count: 3 } });
    if (j % 250 === 249) {
      const cap = `p${p}-c${j}`;
      bodies.push(commit('capture', cap, observedAt, { id: cap, findingId: id, pageUrl: record.pageUrl, at: observedAt, type: 'screenshot', mime: 'image/png', size: 1024 + j, sha256: (j.toString(16) + 'a'.repeat(64)).slice(0, 64) }));
    }
    if (j % 1000 === 999) {
      // Retention deletes an old finding: the chain keeps its entry and a tombstone.
      const gone = live.splice(r.int(0, Math.min(50, live.length - 2)), 1)[0]!;
      bodies.push({ type: 'tombstone', recordId: gone, at: observedAt, data: { reason: 'retention', hash: '' } });
    }
    if (bodies.length >= PAGE) yield flush();
  }
  if (bodies.length) yield flush();
}

/** Writes one participant's bundle to `path`; returns its chain head and findings. */
export async function writeParticipantBundle(path: string, plan: ParticipantPlan, signer?: Signer): Promise<{ head: string | null; fingerprint: string }> {
  const s = signer ?? (await signerFor(await newKeyPair()));
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, rej) => out.on('error', rej));
  const write = (c: Uint8Array) =>
    Promise.race([
      failed,
      new Promise<void>((res) => {
        if (out.write(c)) res();
        else out.once('drain', () => res());
      }),
    ]);
  const result = await writeBundle(
    {
      meta: { generator: { name: 'Shutout', version: '0.1.0' }, profileLabel: plan.profileLabel ?? `participant-${plan.participant}`, exportedAt: new Date(Date.UTC(2026, 6, 1, plan.participant % 24)).toISOString(), language: plan.participant % 2 ? 'en' : 'zh' },
      redact: plan.redact ?? false,
      includeCaptures: false,
      entries: () => chainPages(plan, s),
      async *captures() {},
      captureBlob: async () => null,
    },
    write,
    s,
  );
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return { head: result.manifest.chain.head, fingerprint: s.fingerprint };
}

/** The chain, page by page; each tombstone names the hash of its finding's entry, as the extension's does. */
export async function* chainPages(plan: ParticipantPlan, signer: Signer): AsyncGenerator<ChainEntry[]> {
  const hashes = new Map<string, string>();
  let last: ChainEntry | null = null;
  for (const bodies of participantBodies(plan, signer)) {
    const out: ChainEntry[] = [];
    for (const b of bodies) {
      if (b.type === 'tombstone') b.data = { ...b.data, hash: hashes.get(b.recordId) ?? '' };
      const [e] = chainAfter(last, [b]);
      last = e!;
      if (e!.type === 'finding') hashes.set(e!.recordId, e!.hash);
      out.push(e!);
    }
    yield out;
  }
}

export function bundleName(p: number): string {
  return `shutout-bundle-participant-${String(p).padStart(4, '0')}.zip`;
}
