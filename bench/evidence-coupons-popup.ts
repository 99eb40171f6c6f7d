/**
 * The benchmarks of the evidence store, the coupons and the popup, in the same report as the
 * detection benchmarks: [6] evidence, [7] coupons, [8] popup first paint.
 */
import { runCouponBench, type CouponFigures } from './coupons/run';
import { runEvidenceBench, type EvidenceFigures } from './evidence/run';
import { int, ms, table } from './lib/stats';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
import { popupPaintBenchmark } from './popup-paint';

export interface MoreResults {
  evidence?: EvidenceFigures;
  coupons?: CouponFigures;
  popup?: Awaited<ReturnType<typeof popupPaintBenchmark>>;
}

export async function benchEvidenceCouponsPopup(parts: ReadonlySet<string>, log: (s: string) => void): Promise<MoreResults> {
  const out: MoreResults = {};
  if (parts.has('evidence')) {
    log('\n[6] Evidence store: 100,000 findings into IndexedDB, bundle export, verify; a 1 GB bundle…');
    const e = (out.evidence = await runEvidenceBench());
    log(
      table('6. Evidence store (Chromium IndexedDB; the 1 GB bundle streamed in Node)', [
        ['figure', 'value'],
        ['insert 100,000 findings, batches of 100 (chained, 10 indexes)', `${(e.insertMs / 1000).toFixed(1)} s = ${Math.round(e.insertPerSecond)} records/s`],
        ['export + sign them as a ZIP bundle (chain, CSV, report.html, manifest, ECDSA P-256)', `${(e.exportMs / 1000).toFixed(1)} s, peak JS heap ${e.exportPeakHeapMB.toFixed(0)} MB, ${e.bundleMB.toFixed(1)} MB file`],
        ['… the same, redacted (commitments withheld)', `${(e.exportRedactedMs / 1000).toFixed(1)} s`],
        ['shutout verify that bundle (replay, CSV, report re-rendered, signature)', `${(e.verifyMs / 1000).toFixed(1)} s`],
        [`report.html for ${e.report10k.findings.toLocaleString('en')} findings: render in Chromium (median of ${e.report10k.renderMs.length})`, `${median(e.report10k.renderMs).toFixed(0)} ms, ${(e.report10k.bytes / 2 ** 20).toFixed(1)} MB`],
        ['… Chromium loads it (load event)', `${e.report10k.loadMs.toFixed(0)} ms`],
        ['… verify its bundle', `${(e.report10k.verifyMs / 1000).toFixed(1)} s (${(e.report10k.bundleBytes / 2 ** 20).toFixed(1)} MB bundle)`],
        [`import a JSON export of ${e.import1m.entries.toLocaleString('en')} entries (${e.import1m.fileMB.toFixed(0)} MB) in the options page: check in the worker`, `${(e.import1m.planMs / 1000).toFixed(1)} s; longest frame gap ${e.import1m.maxFrameGapMs.toFixed(0)} ms`],
        ['… then add', `${(e.import1m.applyMs / 1000).toFixed(1)} s`],
        [`bundle with ${e.bigBundleGB.toFixed(2)} GB of screenshots: write`, `${(e.bigBundleWriteMs / 1000).toFixed(1)} s, peak RSS ${e.bigBundlePeakRssMB.toFixed(0)} MB`],
        ['… and verify it', `${(e.bigBundleVerifyMs / 1000).toFixed(1)} s`],
      ]),
    );
  }
  if (parts.has('coupons')) {
    log('\n[7] Coupons: shutout coupons diff on two ledgers of 100,000 visits, the background\'s per-visit comparison, extraction on the 100k-node page…');
    const c = (out.coupons = await runCouponBench());
    const d = c.diffCli;
    const b = c.background;
    log(
      table('7. Coupons', [
        ['figure', 'value'],
        [`shutout coupons diff --json, end to end: 2 ledgers × ${int(d.visitsPerSide)} visits (${int(d.items)} items, ${d.ledgerMB.toFixed(0)} MB each)`, `${(d.wallMs / 1000).toFixed(1)} s (exit ${d.exitCode}, ${int(d.missingLines)} items missing offers)`],
        ['… in process: read and validate both ledgers', `${(d.readMs / 1000).toFixed(1)} s`],
        [`… in process: compare ${int(d.visitsPerSide)} visits with ${int(d.visitsPerSide)} (diffVisits, median of 5)`, ms(d.compareMs)],
        [`one visit against ${int(c.oneItem.visits)} visits of its item (missingOffers, median of 5)`, ms(c.oneItem.ms)],
        [`background, per visit (recordCouponVisit: store, Dexie read, compare) on a ledger of ${int(b.ledgerVisits)} visits; median / p95 of ${b.visitsTimed}`, `${ms(b.perVisitMedianMs)} / ${ms(b.perVisitP95Ms)}`],
        [`import a shared ledger of ${int(b.bigItemVisits)} visits of one item (parse, validate, keep the latest, store)`, ms(b.bigItemImportMs)],
        ['… then the background, per visit of that item (median of 5)', ms(b.bigItemPerVisitMs)],
        ['extract the coupon area of the 100k-node page, first call', ms(c.extractFirstMs)],
        ['… median of 14 later calls', `${ms(c.extractMedianMs)} (${c.extractOffers} offers, ${c.extractState})`],
      ]),
    );
  }
  if (parts.has('popup')) {
    log('\n[8] Popup first paint with 100,000 records…');
    const p = (out.popup = await popupPaintBenchmark());
    log(
      table('8. Popup', [
        ['figure', 'value'],
        ['records', p.records.toLocaleString('en')],
        ['first paint (status and counts on screen), median', ms(p.firstPaintMs)],
        ['first paint with the store empty (the tab\'s one finding), same browser, median', ms(p.empty.firstPaintMs)],
        ['ratio, 100,000 records / empty', `${p.ratio.toFixed(2)}×`],
        ['opens: 100,000 records / empty', `${p.samples.map((x) => ms(x.firstPaintMs)).join(', ')} / ${p.empty.samples.map(ms).join(', ')}`],
        ['counts', ms(p.countsMs)],
      ]),
    );
  }
  return out;
}
