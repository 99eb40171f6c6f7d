import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { ShutoutDB } from '../../utils/storage/db';
import { itemKeyOf, missingOffers, type LedgerVisit } from '../../utils/coupons/compare';
import { extractCoupons } from '../../utils/coupons/index';
import { fromRecord, itemCoupons, itemsWithMissingCoupons, missingDetections, recordCouponVisit, toRecord, visitFromScan } from '../../utils/coupons/ledger';
import { exportLedger, importLedger, LedgerImportError, parseLedger } from '../../utils/coupons/ledger-file';
import { recordPages } from '../../utils/evidence/store';
import { CTX, newId } from './evidence-helpers';

const FIX = join(import.meta.dirname, '../fixtures/coupons/taobao');
const URL_ = 'https://item.taobao.com/item.htm?id=738259061234';
const present = readFileSync(join(FIX, 'present.html'), 'utf8');
const scanOf = (html: string) => extractCoupons(parseHTML(html).document as unknown as ParentNode, URL_)!;
/** The same page with only the first coupon left. */
const oneLess = present.replace(/<div class="couponWrap--SmJ4TKnR"><span class="couponText--dhGyCUIp" title="跨店每满300减50">跨店每满300减50<\/span><\/div>/, '');
const notLoaded = readFileSync(join(FIX, 'not-loaded.html'), 'utf8');

const visit = (html: string, id: string, at: string, source: LedgerVisit['source'] = 'visit', baselineName?: string) =>
  visitFromScan(scanOf(html), { id, at, source, profileLabel: 'me', ...(baselineName ? { baselineName } : {}) })!;

describe('comparing visits with baselines', () => {
  it('names the offer this profile saw before and misses now', () => {
    const before = visit(present, 'v1', '2026-03-01T00:00:00Z');
    const now = visit(oneLess, 'v2', '2026-03-02T00:00:00Z');
    expect(before.scan.offers.length).toBeGreaterThan(now.scan.offers.length);
    const missing = missingOffers(now, [before]);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ baseline: 'history', seenAt: '2026-03-01T00:00:00Z', visitId: 'v2', offer: { label: expect.stringContaining('300') } });
    expect(missingDetections(missing, 'r1')[0]).toMatchObject({ kind: 'coupon-missing', ruleId: 'coupons.missing.history', snippet: expect.stringContaining('seen by this profile earlier at 2026-03-01') });
  });

  it('raises nothing when the coupon area did not load', () => {
    const before = visit(present, 'v1', '2026-03-01T00:00:00Z');
    const failed = visit(notLoaded, 'v2', '2026-03-02T00:00:00Z');
    expect(failed.scan.state).toBe('not-loaded');
    expect(missingOffers(failed, [before])).toEqual([]);
  });

  it('compares with imported ledgers and fresh control views, each named', () => {
    const now = visit(oneLess, 'v2', '2026-03-02T00:00:00Z');
    const imported = visit(present, 'i1', '2026-03-01T12:00:00Z', 'import', 'colleague');
    const control = visit(present, 'c1', '2026-03-02T00:05:00Z', 'control', 'logged-out visitor');
    const stale = visit(present, 'c0', '2026-02-01T00:00:00Z', 'control', 'logged-out visitor');
    const missing = missingOffers(now, [imported, control, stale]);
    expect(missing.map((m) => [m.baseline, m.baselineName, m.seenAt])).toEqual([
      ['import', 'colleague', '2026-03-01T12:00:00Z'],
      ['control', 'logged-out visitor', '2026-03-02T00:05:00Z'],
    ]);
  });

  it('keys Taobao, Tmall and Juhuasuan views of one item together', () => {
    expect(itemKeyOf('tmall', '1')).toBe(itemKeyOf('taobao', '1'));
    expect(itemKeyOf('jd', '1')).not.toBe(itemKeyOf('taobao', '1'));
  });
});

describe('the ledger in Dexie', () => {
  let db: ShutoutDB;
  let n = 0;
  afterEach(async () => db?.delete());

  it('records visits, and answers the Coupons view and the missing-items list', async () => {
    db = new ShutoutDB(`ledger-${++n}`);
    expect(await recordCouponVisit(db, visit(present, 'page-0001', '2026-03-01T00:00:00Z'))).toEqual([]);
    const missing = await recordCouponVisit(db, visit(oneLess, 'page-0002', '2026-03-02T00:00:00Z'));
    expect(missing).toHaveLength(1);
    await recordPages(db, [{ pageId: 'page-0002', url: URL_, title: '', observedAt: '2026-03-02T00:00:00Z', platform: 'taobao', detections: missingDetections(missing, 'r') }], CTX, newId);
    const view = await itemCoupons(db, URL_);
    expect(view).toMatchObject({ itemId: '738259061234', current: { state: 'present' }, missing: [{ baseline: 'history', seenAt: '2026-03-01T00:00:00Z' }] });
    expect(await itemsWithMissingCoupons(db)).toEqual([expect.objectContaining({ itemId: '738259061234', missingCount: 1, url: URL_ })]);
  });

  it('exports the ledger as a file and imports another as a baseline, once', async () => {
    db = new ShutoutDB(`ledger-${++n}`);
    await recordCouponVisit(db, visit(present, 'page-0001', '2026-03-01T00:00:00Z'));
    const file = await exportLedger(db, 'reference browser');
    const other = new ShutoutDB(`ledger-${++n}`);
    try {
      const parsed = parseLedger(JSON.stringify(file), 'ref.json');
      expect(await importLedger(other, parsed, 'ref.json')).toMatchObject({ added: 1, skipped: 0, baselineName: 'reference browser' });
      expect(await importLedger(other, parsed, 'ref.json')).toMatchObject({ added: 0, skipped: 1 });
      const missing = await recordCouponVisit(other, visit(oneLess, 'page-0009', '2026-03-03T00:00:00Z'));
      expect(missing).toEqual([expect.objectContaining({ baseline: 'import', baselineName: 'reference browser' })]);
      expect(() => parseLedger('{"format":"shutout-coupon-ledger","version":1', 'x.json')).toThrow(LedgerImportError);
      expect(() => parseLedger(JSON.stringify({ ...file, visits: [{ ...file.visits[0], at: 'yesterday' }] }), 'x.json')).toThrow(/visits\.0\.at: not a date and time/);
    } finally {
      await other.delete();
    }
  });

  it('imports only the latest visit of each item that showed offers, named after the file when the ledger names no profile', async () => {
    db = new ShutoutDB(`ledger-${++n}`);
    await recordCouponVisit(db, visit(present, 'page-0001', '2026-03-01T00:00:00Z'));
    await recordCouponVisit(db, visit(oneLess, 'page-0002', '2026-03-02T00:00:00Z'));
    await recordCouponVisit(db, visit(notLoaded, 'page-0003', '2026-03-03T00:00:00Z'));
    await recordCouponVisit(db, visit(present, 'ctl-0001', '2026-03-02T00:05:00Z', 'control', 'logged-out visitor'));
    const file = await exportLedger(db, '', new Date('2026-03-04T00:00:00Z'));
    expect(file).toMatchObject({ format: 'shutout-coupon-ledger', exportedAt: '2026-03-04T00:00:00.000Z', profileLabel: '' });
    expect(file.visits.map((v) => v.id).sort()).toEqual(['ctl-0001', 'page-0001', 'page-0002', 'page-0003']);
    const other = new ShutoutDB(`ledger-${++n}`);
    try {
      const result = await importLedger(other, parseLedger(JSON.stringify(file), 'colleague.json'), 'colleague.json');
      // Four visits of one item: the latest that showed offers is the control view at 00:05.
      expect(result).toEqual({ added: 1, skipped: 0, superseded: 3, baselineName: 'colleague.json', itemKeys: [file.visits[0]!.itemKey] });
      const rows = await other.coupons.toArray();
      expect(rows.map((r) => [r.id, r.source])).toEqual([['import:colleague.json:ctl-0001', 'import']]);
      // What is imported is not exported again as this browser's own.
      expect((await exportLedger(other, 'me')).visits).toEqual([]);
    } finally {
      await other.delete();
    }
  });

  it('honours the "redact exports" setting: the profile label and URL tokens are masked, the offers stay', async () => {
    db = new ShutoutDB(`ledger-${++n}`);
    await recordCouponVisit(db, visit(present, 'page-0001', '2026-03-01T00:00:00Z'));
    await db.coupons.toCollection().modify((r) => {
      (r.data as { url: string }).url += '&sid=SECRET-SESSION&nick=zhangsan';
    });
    const plain = await exportLedger(db, '张三的电脑');
    const redacted = await exportLedger(db, '张三的电脑', new Date(), true);
    expect(JSON.stringify(plain)).toContain('SECRET-SESSION');
    const text = JSON.stringify(redacted);
    for (const secret of ['SECRET-SESSION', 'zhangsan', '张三']) expect(text).not.toContain(secret);
    expect(redacted).toMatchObject({ profileLabel: '[profile-1]', redaction: { applied: true } });
    expect(redacted.visits[0]!.scan.offers).toEqual(plain.visits[0]!.scan.offers);
    expect(parseLedger(text, 'redacted.json').visits).toHaveLength(1);
  });
});

describe('shutout coupons diff and scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shutout-coupons-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const saved = (name: string, html: string) => {
    const p = join(dir, name);
    writeFileSync(p, html.replace('<!doctype html>', `<!doctype html>\n<!-- saved from url=(0047)${URL_} -->`));
    return p;
  };
  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
    return { code, stdout, stderr };
  }

  it('prints the offers a baseline page had and the current page lacks', async () => {
    const r = await run(['coupons', 'diff', saved('before.html', present), saved('after.html', oneLess)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/taobao:738259061234 {2}1 missing:\n {2}- .*300.*\[cross-store\]/);
    const j = await run(['coupons', 'diff', '--json', saved('before.html', present), saved('after.html', oneLess)]);
    expect(JSON.parse(j.stdout)).toMatchObject({ item: 'taobao:738259061234', compared: true, missing: [{ type: 'cross-store' }] });
    const nl = await run(['coupons', 'diff', saved('before.html', present), saved('failed.html', notLoaded)]);
    expect(nl.stdout).toContain('not compared (the coupon area did not load)');
  });

  it('compares ledgers too, and refuses unreadable input', async () => {
    const db = new ShutoutDB('ledger-cli');
    try {
      await recordCouponVisit(db, visit(present, 'page-0001', '2026-03-01T00:00:00Z'));
      const ledger = join(dir, 'ledger.json');
      writeFileSync(ledger, JSON.stringify(await exportLedger(db, 'ref')));
      const r = await run(['coupons', 'diff', ledger, saved('after.html', oneLess)]);
      expect(r.stdout).toContain('1 items compared, 1 offers missing');
    } finally {
      await db.delete();
    }
    expect((await run(['coupons', 'diff', join(dir, 'nope.json'), join(dir, 'nope.html')])).code).toBe(2);
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(await run(['coupons', 'diff', join(dir, 'bad.json'), saved('after.html', oneLess)])).toMatchObject({ code: 2, stderr: expect.stringContaining('not valid JSON') });
    expect((await run(['coupons', 'compare'])).code).toBe(2);
  });

  it('fills coupons in scan --json', async () => {
    const r = await run(['scan', '--json', saved('item.html', present)]);
    const line = JSON.parse(r.stdout);
    expect(line.coupons.length).toBeGreaterThanOrEqual(2);
    expect(line.coupons[0]).toMatchObject({ platform: 'taobao', itemId: '738259061234', key: expect.any(String) });
  });
});

describe('the ledger records and the popup queries, field by field', () => {
  let db: ShutoutDB;
  let n = 0;
  afterEach(async () => db?.delete());
  const det = (kind: 'promotion-denied' | 'coupon-missing' | 'access-denied', snippet: string, subject?: string) => ({
    kind, platform: 'taobao', ruleId: `t.${kind}`, rulesetVersion: 'r', snippet, where: 'text' as const, confidence: 0.9, ...(subject ? { subject } : {}),
  });
  const page = (pageId: string, url: string, observedAt: string, detections: ReturnType<typeof det>[]) => ({ pageId, url, title: '', observedAt, platform: 'taobao', detections });
  const OTHER = 'https://item.taobao.com/item.htm?id=111111111111';

  it('keeps the visit id only for own visits, and the baseline in each missing finding\'s subject', () => {
    const own = visit(present, 'v1', '2026-03-01T00:00:00Z');
    const imported = visit(present, 'i1', '2026-03-01T00:00:00Z', 'import', 'colleague');
    expect(toRecord(own).visitId).toBe('v1');
    expect(toRecord(imported).visitId).toBeNull();
    expect(toRecord(imported).baselineName).toBe('colleague');
    expect(fromRecord(toRecord(imported))).toEqual(imported);
    const now = visit(oneLess, 'v2', '2026-03-02T00:00:00Z');
    const [fromImport] = missingDetections(missingOffers(now, [imported]), 'r');
    const [fromHistory] = missingDetections(missingOffers(now, [own]), 'r');
    expect(fromImport!.subject).toMatch(/^import\|colleague\|\S+$/);
    expect(fromHistory!.subject).toMatch(/^history\|\|\S+$/);
    expect(fromImport!.subject!.split('|')[2]).toBe(fromHistory!.subject!.split('|')[2]);
  });

  it('shows the newest own visit, not a later control view, and only this item\'s refusals', async () => {
    db = new ShutoutDB(`ledger-q-${++n}`);
    await recordCouponVisit(db, visit(oneLess, 'page-0002', '2026-03-02T00:00:00Z'));
    await recordCouponVisit(db, visit(present, 'page-0001', '2026-03-01T00:00:00Z'));
    await recordCouponVisit(db, visit(notLoaded, 'ctl-0001', '2026-03-05T00:00:00Z', 'control', 'logged-out visitor'));
    await recordPages(db, [
      page('p-a', URL_, '2026-03-02T00:00:00Z', [det('promotion-denied', 'this item refused')]),
      page('p-b', OTHER, '2026-03-02T00:00:00Z', [det('promotion-denied', 'another item refused')]),
      page('p-c', URL_, '2026-03-02T00:00:00Z', [det('access-denied', 'a wall, not a refusal of an offer')]),
    ], CTX, newId);
    const view = (await itemCoupons(db, URL_))!;
    // The newest own visit is page-0002 (fewer offers), whatever order they were stored in.
    expect(view.current!.offers.length).toBe(visit(oneLess, 'x', '2026-03-02T00:00:00Z').scan.offers.length);
    expect(view.current!.at).toBe('2026-03-02T00:00:00Z');
    expect(view.missing.map((m) => m.baseline)).toEqual(['history']);
    expect(view.refused.map((r) => r.snippet)).toEqual(['this item refused']);
    expect(await itemCoupons(db, 'https://www.taobao.com/')).toBeNull();
  });

  it('counts distinct missing offers per item, skips findings marked false, keeps the latest time, and reads only coupon-missing findings', async () => {
    db = new ShutoutDB(`ledger-q-${++n}`);
    await recordPages(db, [
      page('p-1', URL_, '2026-03-03T00:00:00Z', [det('coupon-missing', 'a', 'history||offer-a'), det('coupon-missing', 'b', 'import|colleague|offer-b')]),
      page('p-2', URL_, '2026-03-01T00:00:00Z', [det('coupon-missing', 'a again', 'control|logged-out|offer-a')]),
      page('p-3', URL_, '2026-03-02T00:00:00Z', [det('promotion-denied', 'not a missing coupon')]),
      page('p-4', OTHER, '2026-03-04T00:00:00Z', [det('coupon-missing', 'c', 'history||offer-c')]),
      page('p-5', OTHER, '2026-03-05T00:00:00Z', [det('coupon-missing', 'd', 'history||offer-d')]),
    ], CTX, newId);
    // The newest finding of the other item is marked a false alarm: it neither counts nor dates it.
    await db.findings.where('pageId').equals('p-5').modify({ review: 'false-positive' });
    const list = await itemsWithMissingCoupons(db);
    expect(list.map((s) => [s.itemId, s.missingCount, s.lastAt])).toEqual([
      ['111111111111', 1, '2026-03-04T00:00:00Z'],
      ['738259061234', 2, '2026-03-03T00:00:00Z'],
    ]);
    expect(await itemsWithMissingCoupons(db, 1)).toHaveLength(1);
  });
});
