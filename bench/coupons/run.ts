/**
 * Coupon benchmarks: the comparison as the product runs it (compare.ts: `shutout coupons diff`
 * end to end, the comparison alone, the background's per-visit step with its Dexie reads), and
 * extracting the coupon area of a 100k-node item page in Chromium.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { launch, ROOT, serveBody } from '../../scripts/lib/browser';
import { bigItemPage } from '../page-100k';
import { runCouponCompareBench, type CouponCompareFigures } from './compare';

export interface CouponFigures extends CouponCompareFigures {
  extractFirstMs: number;
  extractMedianMs: number;
  extractOffers: number;
  extractState: string;
}

export async function runCouponBench(): Promise<CouponFigures> {
  const compare = await runCouponCompareBench();

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
      ...compare,
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
