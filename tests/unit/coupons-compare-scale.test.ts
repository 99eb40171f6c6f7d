/**
 * Coupon comparison at the sizes a shared ledger can have: linear in the visits, and the same
 * answers as the definition (docs/coupons.md) on random ledgers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { diffVisits } from '../../cli/coupons';
import { CONTROL_FRESH_MS, missingOffers, type BaselineKind, type LedgerVisit, type MissingOffer } from '../../utils/coupons/compare';
import { makeOffer } from '../../utils/coupons/offer';
import { recordCouponVisit } from '../../utils/coupons/ledger';
import { importLedger, parseLedger } from '../../utils/coupons/ledger-file';
import { ShutoutDB } from '../../utils/storage/db';
import { parseOffer } from '../../utils/coupons/amount';

const LABELS = ['店铺券 满199减20', '跨店每满300减50', '满99减10', '立减5元', '8.5折', '新人专享 满39减6'];
const OFFERS = LABELS.map((label) => makeOffer({ platform: 'taobao', itemId: '1', label, type: 'unknown', deal: parseOffer(label)! }));

function visitOf(i: number, item: string, source: LedgerVisit['source'], at: string, offers: number[], baselineName?: string, state: LedgerVisit['scan']['state'] = 'present'): LedgerVisit {
  return {
    id: `${source}-${i}`,
    itemKey: `taobao:${item}`,
    at,
    source,
    profileLabel: 'p',
    ...(baselineName ? { baselineName } : {}),
    scan: { platform: 'taobao', itemId: item, url: `https://item.taobao.com/item.htm?id=${item}`, state, offers: offers.map((k) => OFFERS[k]!) },
  };
}

/**
 * CPU time of `fn` in ms: unlike wall time it does not grow when other work shares the machine.
 * The bounds below separate linear from quadratic (the quadratic code took minutes at these
 * sizes); the exact figures are in BENCHMARKS.md (`npm run bench -- coupons`).
 */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const iso = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();

/** The comparison as docs/coupons.md defines it, written for clarity, not speed. */
function reference(current: LedgerVisit, others: readonly LedgerVisit[]): MissingOffer[] {
  if (current.scan.state === 'not-loaded') return [];
  const same = others.filter((v) => v.id !== current.id && v.itemKey === current.itemKey && v.scan.state === 'present');
  const latestOf = (list: LedgerVisit[]) => list.reduce<LedgerVisit | undefined>((a, b) => (!a || b.at > a.at ? b : a), undefined);
  const baselines: Array<[BaselineKind, LedgerVisit]> = [];
  const history = latestOf(same.filter((v) => v.source === 'visit' && v.at < current.at));
  if (history) baselines.push(['history', history]);
  const names = [...new Set(same.filter((v) => v.source === 'import').map((v) => v.baselineName ?? ''))];
  for (const n of names) baselines.push(['import', latestOf(same.filter((v) => v.source === 'import' && (v.baselineName ?? '') === n))!]);
  const control = latestOf(same.filter((v) => v.source === 'control' && Math.abs(Date.parse(v.at) - Date.parse(current.at)) <= CONTROL_FRESH_MS));
  if (control) baselines.push(['control', control]);
  const have = new Set(current.scan.offers.map((o) => o.key));
  const out: MissingOffer[] = [];
  const seen = new Set<string>();
  for (const [baseline, v] of baselines) {
    for (const offer of v.scan.offers) {
      const id = `${baseline}|${v.baselineName ?? ''}|${offer.key}`;
      if (have.has(offer.key) || seen.has(id)) continue;
      seen.add(id);
      out.push({ offer, baseline, ...(v.baselineName ? { baselineName: v.baselineName } : {}), seenAt: v.at, baselineVisitId: v.id, visitId: current.id, visitAt: current.at });
    }
  }
  return out;
}

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'shutout-coupons-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coupon comparison at scale', () => {
  it('gives the documented answer on 500 random ledgers (ties, stale controls, unloaded visits, several baselines)', () => {
    const r = rng(7);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    for (let round = 0; round < 500; round++) {
      const visits: LedgerVisit[] = [];
      const n = 1 + Math.floor(r() * 30);
      for (let i = 0; i < n; i++) {
        const source = pick(['visit', 'visit', 'import', 'control'] as const);
        const offers = LABELS.map((_, k) => k).filter(() => r() < 0.5);
        const at = iso(Math.floor(r() * 6) * 12 * 3_600_000); // few distinct times: ties happen
        visits.push(visitOf(i, pick(['1', '1', '2']), source, at, offers, source === 'import' ? pick(['a', 'b', undefined]) : source === 'control' ? 'logged-out visitor' : undefined, pick(['present', 'present', 'present', 'empty', 'not-loaded'] as const)));
      }
      for (const current of visits.filter((v) => v.source === 'visit')) {
        expect(missingOffers(current, visits), `round ${round}, ${current.id}`).toEqual(reference(current, visits));
      }
    }
  });

  it('compares a visit against 100,000 visits of the same item (one imported ledger) in linear time', { timeout: 60_000 }, () => {
    const others: LedgerVisit[] = [];
    for (let i = 0; i < 100_000; i++) others.push(visitOf(i, '1', i % 10 === 0 ? 'visit' : 'import', iso(i * 1000), [0, 1, 2, 3], i % 10 === 0 ? undefined : 'shared.json'));
    const current = visitOf(0, '1', 'visit', iso(200_000_000), [0]);
    let missing: MissingOffer[] = [];
    const ms = cpuMs(() => (missing = missingOffers(current, others)));
    expect(missing.map((m) => m.baseline)).toEqual(['history', 'history', 'history', 'import', 'import', 'import']);
    expect(ms).toBeLessThan(2_000);
  });

  it('diffs 40,000 items on each side in linear time', { timeout: 60_000 }, () => {
    const baseline: LedgerVisit[] = [];
    const current: LedgerVisit[] = [];
    for (let i = 0; i < 40_000; i++) {
      baseline.push(visitOf(i, String(i), 'visit', iso(0), [0, 1, 2]));
      current.push(visitOf(i, String(i), 'visit', iso(86_400_000), i % 4 === 0 ? [0, 1] : [0, 1, 2]));
    }
    let lines: ReturnType<typeof diffVisits> = [];
    const ms = cpuMs(() => (lines = diffVisits(baseline, current, 'base.json')));
    expect(lines).toHaveLength(40_000);
    expect(lines.filter((l) => l.missing.length > 0)).toHaveLength(10_000);
    expect(ms).toBeLessThan(3_000);
  });

  it('shutout coupons diff reads and compares two ledgers of 40,000 visits of one item end to end', { timeout: 60_000 }, async () => {
    const ledger = (visits: LedgerVisit[]) => JSON.stringify({ format: 'shutout-coupon-ledger', version: 1, exportedAt: iso(0), profileLabel: 'x', visits });
    const base = join(dir, 'base.json');
    const cur = join(dir, 'cur.json');
    writeFileSync(base, ledger(Array.from({ length: 40_000 }, (_, i) => visitOf(i, '1', 'visit', iso(i * 1000), [0, 1, 2]))));
    writeFileSync(cur, ledger(Array.from({ length: 40_000 }, (_, i) => visitOf(i, '1', 'visit', iso(100_000_000 + i * 1000), [0]))));
    let stdout = '';
    const start = process.cpuUsage();
    const code = await main(['coupons', 'diff', base, cur], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } });
    const used = process.cpuUsage(start);
    expect(code).toBe(0);
    expect(stdout).toContain('1 items compared, 2 offers missing');
    // Most of it is reading and validating 2 × 40,000 visits of JSON.
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
  });

  it('keeps, of an imported ledger, only what can serve as a baseline: the latest visit of each item that showed offers', async () => {
    const visits: LedgerVisit[] = [];
    for (let i = 0; i < 5_000; i++) visits.push(visitOf(i, '1', 'visit', iso(i * 1000), [0, 1, 2]));
    visits.push(visitOf(5_000, '1', 'visit', iso(10_000_000), [], undefined, 'empty'));
    visits.push(visitOf(5_001, '1', 'visit', iso(20_000_000), [], undefined, 'not-loaded'));
    for (let i = 0; i < 50; i++) visits.push(visitOf(6_000 + i, '2', 'visit', iso(i * 1000), [3]));
    const file = parseLedger(JSON.stringify({ format: 'shutout-coupon-ledger', version: 1, exportedAt: iso(0), profileLabel: 'friend', visits }), 'friend.json');
    const db = new ShutoutDB(`scale-import-${Date.now()}`);
    try {
      const r = await importLedger(db, file, 'friend.json');
      expect(r).toMatchObject({ added: 2, skipped: 0, baselineName: 'friend' });
      const stored = await db.coupons.toArray();
      expect(stored.map((v) => [v.itemKey, v.at]).sort()).toEqual([
        ['taobao:1', iso(4_999_000)],
        ['taobao:2', iso(49_000)],
      ]);
      expect(await importLedger(db, file, 'friend.json')).toMatchObject({ added: 0, skipped: 2 });
      const missing = await recordCouponVisit(db, visitOf(9_999, '1', 'visit', iso(30_000_000), [0]));
      expect(missing.map((m) => [m.baseline, m.baselineName, m.seenAt])).toEqual([
        ['import', 'friend', iso(4_999_000)],
        ['import', 'friend', iso(4_999_000)],
      ]);
    } finally {
      db.close();
      await db.delete();
    }
  });
});
