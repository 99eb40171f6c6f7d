import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchWriter } from '../../utils/background/batch-writer';
import { handleCouponControl } from '../../utils/background/coupons';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { extractCoupons } from '../../utils/coupons/index';
import { ShutoutDB } from '../../utils/storage/db';
import { CTX, newId } from './evidence-helpers';

const URL_ = 'https://item.taobao.com/item.htm?id=738259061234';
const present = readFileSync(join(import.meta.dirname, '../fixtures/coupons/taobao/present.html'), 'utf8');
const oneLess = present.replace(/<div class="couponWrap--SmJ4TKnR"><span class="couponText--dhGyCUIp" title="跨店每满300减50">跨店每满300减50<\/span><\/div>/, '');
const scan = (html: string) => extractCoupons(parseHTML(html).document as unknown as ParentNode, URL_)!;

let db: ShutoutDB;
let n = 0;
afterEach(async () => db?.delete());

function deps(): BackgroundDeps {
  db = new ShutoutDB(`control-${++n}`);
  return { db, runtimeId: 'x', extensionOrigin: 'chrome-extension://x/', tabs: memoryTabStatusStore(), setBadge: async () => {}, newId, writer: new BatchWriter(db, async () => CTX, newId) };
}

describe('the logged-out control view', () => {
  it('stores what a logged-out visitor is served and records what this profile misses against it', async () => {
    const d = deps();
    const visit = { type: 'coupons/visit', pageId: 'page-0000-0001', url: URL_, observedAt: new Date().toISOString(), scan: { ...scan(oneLess), unparsed: undefined } };
    expect(await handleMessage(visit, { id: 'x', url: URL_, tab: { id: 4 } }, d)).toEqual({ ok: true, missing: 0 });
    let fetched: string | undefined;
    const res = await handleCouponControl(4, d, {
      tabUrl: async () => URL_,
      fetchLoggedOut: async (u) => ((fetched = u), present),
      extract: (html, url) => extractCoupons(parseHTML(html).document as unknown as ParentNode, url),
    });
    expect(fetched).toBe(URL_);
    expect(res).toMatchObject({ ok: true, state: 'present', missing: 1 });
    const control = await db.coupons.where('source').equals('control').toArray();
    expect(control).toEqual([expect.objectContaining({ baselineName: 'logged-out visitor' })]);
    const findings = await db.findings.toArray();
    expect(findings).toEqual([expect.objectContaining({ kind: 'coupon-missing', ruleId: 'coupons.missing.control', pageId: 'page-0000-0001', snippet: expect.stringContaining('logged-out view "logged-out visitor"') })]);
  });

  it('says so when the logged-out page cannot be loaded, and changes nothing', async () => {
    const d = deps();
    const res = await handleCouponControl(4, d, { tabUrl: async () => URL_, fetchLoggedOut: async () => Promise.reject(new Error('net::ERR_FAILED')), extract: () => null });
    expect(res).toEqual({ ok: false, error: 'the logged-out view could not be loaded: net::ERR_FAILED' });
    expect(await db.coupons.count()).toBe(0);
  });

  it('refuses coupon visits whose URL is not the sender page', async () => {
    const d = deps();
    const visit = { type: 'coupons/visit', pageId: 'page-0000-0001', url: URL_, observedAt: new Date().toISOString(), scan: scan(present) };
    expect(await handleMessage(visit, { id: 'x', url: 'https://www.jd.com/', tab: { id: 4 } }, d)).toMatchObject({ ok: false });
    expect(await db.coupons.count()).toBe(0);
  });
});
