/**
 * Coupon benchmarks: comparing a ledger of 10,000 items (each with its own history, an imported
 * baseline and a control view), and extracting the coupon area of a 100k-node item page.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { missingOffers, type LedgerVisit } from '../../utils/coupons/compare';
import { makeOffer } from '../../utils/coupons/offer';
import { parseOffer } from '../../utils/coupons/amount';
import { launch, ROOT, serveBody } from '../../scripts/lib/browser';
import { bigItemPage } from '../page-100k';

export interface CouponFigures {
  items: number;
  visits: number;
  compareMs: number;
  compareItemsPerSecond: number;
  missingFound: number;
  extractFirstMs: number;
  extractMedianMs: number;
  extractOffers: number;
  extractState: string;
}

const LABELS = ['店铺券 满199减20', '跨店每满300减50', '满99减10', '立减5元', '8.5折', '新人专享 满39减6', '88VIP 满200减15', '满2件9折'];

function ledgerOf(items: number): Array<{ current: LedgerVisit; others: LedgerVisit[] }> {
  const out: Array<{ current: LedgerVisit; others: LedgerVisit[] }> = [];
  for (let i = 0; i < items; i++) {
    const itemId = String(600000000000 + i);
    const offers = (n: number, drop: number) =>
      LABELS.slice(0, n)
        .filter((_, k) => k !== drop)
        .map((label) => makeOffer({ platform: 'taobao', itemId, label, type: label.startsWith('店铺') ? 'shop' : 'unknown', deal: parseOffer(label)! }));
    const visit = (id: string, at: string, source: LedgerVisit['source'], list: ReturnType<typeof offers>, baselineName?: string): LedgerVisit => ({
      id,
      itemKey: `taobao:${itemId}`,
      at,
      source,
      profileLabel: 'bench',
      ...(baselineName ? { baselineName } : {}),
      scan: { platform: 'taobao', itemId, url: `https://item.taobao.com/item.htm?id=${itemId}`, state: 'present', offers: list },
    });
    const n = 3 + (i % 6);
    out.push({
      current: visit(`v${i}-3`, '2026-03-03T00:00:00Z', 'visit', offers(n, i % 10 === 0 ? 1 : -1)),
      others: [
        visit(`v${i}-1`, '2026-03-01T00:00:00Z', 'visit', offers(n, -1)),
        visit(`v${i}-2`, '2026-03-02T00:00:00Z', 'visit', offers(n, -1)),
        visit(`i${i}`, '2026-03-02T12:00:00Z', 'import', offers(n, -1), 'reference'),
        visit(`c${i}`, '2026-03-03T00:10:00Z', 'control', offers(n, -1), 'logged-out visitor'),
      ],
    });
  }
  return out;
}

export async function runCouponBench(items = 10_000): Promise<CouponFigures> {
  const ledger = ledgerOf(items);
  let missing = 0;
  const t0 = performance.now();
  for (const { current, others } of ledger) missing += missingOffers(current, others).length;
  const compareMs = performance.now() - t0;

  const bundle = (await build({ entryPoints: [join(ROOT, 'bench/coupons/entry.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' })).outputFiles[0]!.text;
  const session = await launch({ withExtension: false });
  try {
    const url = 'https://item.taobao.com/item.htm?id=738259061234';
    // The 100k-node page with a real coupon area near the top, where item pages put it.
    const html = bigItemPage().replace(
      /<body[^>]*>/,
      (m) => `${m}<div class="couponInfoArea--Rz2ZoFcI"><span class="couponTitle--Py5IJfAe">优惠</span><div class="couponWrap--SmJ4TKnR"><span class="couponText--dhGyCUIp">店铺券 满199减20</span></div><div class="couponWrap--SmJ4TKnR"><span class="couponText--dhGyCUIp">跨店每满300减50</span></div></div>`,
    );
    await serveBody(session.context, url, html);
    const page = await session.context.newPage();
    await page.goto(url);
    await page.evaluate(bundle);
    const r = (await page.evaluate((u) => (globalThis as any).shutoutCoupons.extract(u, 15), url)) as { first: number; median: number; offers: number; state: string };
    return {
      items,
      visits: items * 5,
      compareMs,
      compareItemsPerSecond: items / (compareMs / 1000),
      missingFound: missing,
      extractFirstMs: r.first,
      extractMedianMs: r.median,
      extractOffers: r.offers,
      extractState: r.state,
    };
  } finally {
    await session.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await runCouponBench(), null, 2));
