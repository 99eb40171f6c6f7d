/**
 * Coupon comparison as the product runs it:
 * - `shutout coupons diff` end to end (a child process reading two ledger files of 100,000 visits
 *   each), and its parts in process (read and validate, compare);
 * - the comparison alone: 100,000 visits each side; one visit against 100,000 visits of its item;
 * - the background's per-visit step (`recordCouponVisit`: store the visit, read the item's visits
 *   from Dexie, compare) on a ledger of 50,000 visits, and on an item after importing a shared
 *   ledger of 100,000 visits of it. Dexie runs on fake-indexeddb here (Node): the figures include its reads,
 *   which are slower than Chromium's IndexedDB.
 */
import Dexie from 'dexie';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffVisits, loadVisits } from '../../cli/coupons';
import { ROOT } from '../../scripts/lib/browser';
import { missingOffers, type LedgerVisit } from '../../utils/coupons/compare';
import { recordCouponVisit, toRecord } from '../../utils/coupons/ledger';
import { importLedger, parseLedger } from '../../utils/coupons/ledger-file';
import { ShutoutDB } from '../../utils/storage/db';
import { makeOffer } from '../../utils/coupons/offer';
import { parseOffer } from '../../utils/coupons/amount';
import type { Offer } from '../../utils/coupons/types';
import { median } from '../lib/stats';

export interface CouponCompareFigures {
  diffCli: { visitsPerSide: number; items: number; ledgerMB: number; wallMs: number; exitCode: number | null; readMs: number; compareMs: number; missingLines: number };
  compareOnly: { visitsPerSide: number; items: number; ms: number };
  oneItem: { visits: number; ms: number };
  background: {
    ledgerVisits: number;
    perVisitMedianMs: number;
    perVisitP95Ms: number;
    visitsTimed: number;
    bigItemVisits: number;
    bigItemImportMs: number;
    bigItemPerVisitMs: number;
  };
}

const LABELS = ['店铺券 满199减20', '跨店每满300减50', '满99减10', '立减5元', '8.5折', '新人专享 满39减6', '88VIP 满200减15', '满2件9折'];

function offersOf(itemId: string, n: number, drop: number): Offer[] {
  return LABELS.slice(0, n)
    .filter((_, k) => k !== drop)
    .map((label) => makeOffer({ platform: 'taobao', itemId, label, type: label.startsWith('店铺') ? 'shop' : 'unknown', deal: parseOffer(label)! }));
}

function visit(id: string, itemId: string, at: string, source: LedgerVisit['source'], offers: Offer[], baselineName?: string): LedgerVisit {
  return {
    id,
    itemKey: `taobao:${itemId}`,
    at,
    source,
    profileLabel: 'bench',
    ...(baselineName ? { baselineName } : {}),
    scan: { platform: 'taobao', itemId, url: `https://item.taobao.com/item.htm?id=${itemId}`, state: 'present', offers },
  };
}

const iso = (ms: number) => new Date(Date.UTC(2026, 2, 1) + ms).toISOString();

/** `visits` visits over `items` items, one in ten of the later side missing one offer. */
function side(items: number, visits: number, day: number, dropSome: boolean): LedgerVisit[] {
  const out: LedgerVisit[] = [];
  for (let i = 0; i < visits; i++) {
    const item = i % items;
    const itemId = String(600000000000 + item);
    const n = 3 + (item % 6);
    out.push(visit(`d${day}-${i}`, itemId, iso(day * 86_400_000 + i * 1000), 'visit', offersOf(itemId, n, dropSome && item % 10 === 0 ? 1 : -1)));
  }
  return out;
}

const ledgerText = (visits: LedgerVisit[]) => JSON.stringify({ format: 'shutout-coupon-ledger', version: 1, exportedAt: iso(0), profileLabel: 'bench', visits });

function runCli(args: string[]): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/shutout.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', () => {});
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, stdout: Buffer.concat(out).toString('utf8'), code }));
  });
}

async function timeDiff(): Promise<Pick<CouponCompareFigures, 'diffCli' | 'compareOnly'>> {
  const visitsPerSide = 100_000;
  const items = 20_000;
  const dir = mkdtempSync(join(tmpdir(), 'shutout-bench-coupons-'));
  try {
    const base = join(dir, 'baseline.json');
    const cur = join(dir, 'current.json');
    // Written from visits that are then dropped: the timings below start from the files alone.
    writeFileSync(base, ledgerText(side(items, visitsPerSide, 0, false)));
    writeFileSync(cur, ledgerText(side(items, visitsPerSide, 30, true)));
    const ledgerMB = statSync(base).size / 1024 / 1024;

    const cli = await runCli(['coupons', 'diff', '--json', base, cur]);
    const missingLines = cli.stdout.split('\n').filter((l) => l.includes('"missing":[{')).length;

    const t0 = performance.now();
    const b = await loadVisits(base);
    const c = await loadVisits(cur);
    const readMs = performance.now() - t0;
    const compareRuns: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t1 = performance.now();
      diffVisits(b, c, base);
      compareRuns.push(performance.now() - t1);
    }
    const compareMs = median(compareRuns);
    return {
      diffCli: { visitsPerSide, items, ledgerMB, wallMs: cli.ms, exitCode: cli.code, readMs, compareMs, missingLines },
      compareOnly: { visitsPerSide, items, ms: compareMs },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeOneItem(): CouponCompareFigures['oneItem'] {
  const visits = 100_000;
  const itemId = '600000000001';
  const others: LedgerVisit[] = [];
  for (let i = 0; i < visits; i++) {
    const source = i % 10 === 0 ? 'visit' : i % 10 === 1 ? 'control' : 'import';
    others.push(visit(`o${i}`, itemId, iso(i * 1000), source, offersOf(itemId, 6, -1), source === 'import' ? `ledger-${i % 3}` : source === 'control' ? 'logged-out visitor' : undefined));
  }
  const current = visit('now', itemId, iso(visits * 1000 + 60_000), 'visit', offersOf(itemId, 6, 2));
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    missingOffers(current, others);
    runs.push(performance.now() - t0);
  }
  return { visits, ms: median(runs) };
}

async function timeBackground(): Promise<CouponCompareFigures['background']> {
  // Dexie on fake-indexeddb, as the unit tests run the background; given to Dexie only, so the
  // rest of the benchmark process keeps no global indexedDB.
  const fake = await import('fake-indexeddb');
  Dexie.dependencies.indexedDB = fake.indexedDB;
  Dexie.dependencies.IDBKeyRange = fake.IDBKeyRange;
  const items = 10_000;
  const db = new ShutoutDB(`bench-coupons-${Date.now()}`);
  try {
    const stored: LedgerVisit[] = [];
    for (let i = 0; i < items; i++) {
      const itemId = String(600000000000 + i);
      const offers = offersOf(itemId, 3 + (i % 6), -1);
      stored.push(
        visit(`v${i}-1`, itemId, iso(0), 'visit', offers),
        visit(`v${i}-2`, itemId, iso(86_400_000), 'visit', offers),
        visit(`i${i}-1`, itemId, iso(43_200_000), 'import', offers, 'reference'),
        visit(`i${i}-2`, itemId, iso(50_000_000), 'import', offers, 'other'),
        visit(`c${i}`, itemId, iso(2 * 86_400_000 - 600_000), 'control', offers, 'logged-out visitor'),
      );
    }
    await db.coupons.bulkPut(stored.map(toRecord));
    const perVisit: number[] = [];
    const visitsTimed = 200;
    for (let k = 0; k < visitsTimed; k++) {
      const item = (k * 37) % items;
      const itemId = String(600000000000 + item);
      const v = visit(`new-${k}`, itemId, iso(2 * 86_400_000 + k * 1000), 'visit', offersOf(itemId, 3 + (item % 6), 1));
      const t0 = performance.now();
      await recordCouponVisit(db, v);
      perVisit.push(performance.now() - t0);
    }
    perVisit.sort((a, b) => a - b);

    // A shared ledger of 100,000 visits of one item, imported as the options page does.
    const bigItemVisits = 100_000;
    const bigId = '699999999999';
    const big: LedgerVisit[] = [];
    for (let i = 0; i < bigItemVisits; i++) big.push(visit(`big-${i}`, bigId, iso(i * 1000), 'visit', offersOf(bigId, 6, -1)));
    const text = ledgerText(big);
    const t0 = performance.now();
    await importLedger(db, parseLedger(text, 'shared.json'), 'shared.json');
    const bigImportMs = performance.now() - t0;
    const bigRuns: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t1 = performance.now();
      await recordCouponVisit(db, visit(`big-now-${k}`, bigId, iso(bigItemVisits * 1000 + k * 1000), 'visit', offersOf(bigId, 6, 0)));
      bigRuns.push(performance.now() - t1);
    }
    return {
      ledgerVisits: stored.length,
      perVisitMedianMs: median(perVisit),
      perVisitP95Ms: perVisit[Math.floor(perVisit.length * 0.95)]!,
      visitsTimed,
      bigItemVisits,
      bigItemImportMs: bigImportMs,
      bigItemPerVisitMs: median(bigRuns),
    };
  } finally {
    db.close();
    await db.delete();
  }
}

export async function runCouponCompareBench(): Promise<CouponCompareFigures> {
  const oneItem = timeOneItem();
  const diff = await timeDiff();
  const background = await timeBackground();
  return { ...diff, oneItem, background };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await runCouponCompareBench(), null, 2));
