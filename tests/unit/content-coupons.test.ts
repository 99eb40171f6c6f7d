/**
 * watchCoupons (utils/content/coupons.ts): when the content script reads an item page's coupon
 * area, how it waits for an area that has not rendered, and how it retries a busy worker. The
 * page is parsed with linkedom; timers and idle periods are run by the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COUPON_RETRY_DELAYS, watchCoupons } from '../../utils/content/coupons';
import type { CouponVisitMessage } from '../../utils/protocol/messages';

const FIX = join(import.meta.dirname, '../fixtures/coupons/taobao');
const present = readFileSync(join(FIX, 'present.html'), 'utf8');
const notLoaded = readFileSync(join(FIX, 'not-loaded.html'), 'utf8');
const ITEM = 'https://item.taobao.com/item.htm?id=738259061234';
const T0 = Date.parse('2026-03-02T12:00:00.000Z');

/** Timers and idle callbacks, run when the test says. */
function harness(html: string, opts: { url?: string; idle?: boolean; send?: (msg: CouponVisitMessage) => Promise<unknown> } = {}) {
  let doc = parseHTML(html).document as unknown as Document;
  const timers: Array<{ ms: number; fn: () => void }> = [];
  const idles: Array<() => void> = [];
  const sent: CouponVisitMessage[] = [];
  let stale = false;
  watchCoupons({
    get doc() {
      return doc;
    },
    url: opts.url ?? ITEM,
    pageId: 'page-1',
    send: async (msg) => (sent.push(msg), opts.send ? opts.send(msg) : { ok: true }),
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    ...(opts.idle === false ? {} : { idle: (fn: () => void) => idles.push(fn) }),
    isStale: () => stale,
  });
  return {
    timers,
    idles,
    sent,
    setPage: (h: string) => (doc = parseHTML(h).document as unknown as Document),
    makeStale: () => (stale = true),
    /** Runs the oldest pending timer and lets the promises it starts settle. */
    async tick(): Promise<number> {
      const t = timers.shift();
      if (!t) throw new Error('no timer pending');
      t.fn();
      await drain();
      return t.ms;
    },
  };
}

/** Runs every promise reaction already queued (the report's send loop is a chain of them); no timer is waited for. */
const drain = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Waits until `n` messages were sent, then lets the send loop act on the answer. */
const settle = async (h: { sent: unknown[] }, n: number) => {
  await vi.waitFor(() => expect(h.sent).toHaveLength(n));
  await drain();
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('watchCoupons', () => {
  it('reads the coupon area in an idle period of its own and reports the visit', async () => {
    const h = harness(present);
    expect(h.sent).toEqual([]);
    expect(h.idles).toHaveLength(1);
    expect(h.timers).toEqual([]);
    h.idles.shift()!();
    await settle(h, 1);
    const msg = h.sent[0]!;
    expect(msg).toMatchObject({ type: 'coupons/visit', pageId: 'page-1', url: ITEM, observedAt: new Date(T0).toISOString() });
    expect(msg.scan).toMatchObject({ platform: 'taobao', itemId: '738259061234', url: ITEM, state: 'present' });
    expect(msg.scan.offers.length).toBeGreaterThan(0);
    expect(Object.keys(msg.scan).sort()).toEqual(['itemId', 'offers', 'platform', 'state', 'url']);
    expect(h.timers).toEqual([]);
  });

  it('reads at the next turn of the event loop where there is no idle callback', async () => {
    const h = harness(present, { idle: false });
    expect(h.timers.map((t) => t.ms)).toEqual([0]);
    await h.tick();
    await settle(h, 1);
    expect(h.sent[0]!.scan.state).toBe('present');
  });

  it('does nothing on pages that are not item pages of a platform it reads', () => {
    for (const url of ['https://www.taobao.com/', 'https://item.taobao.com/item.htm', 'https://www.ebay.com/itm/1234567890', 'https://example.com/item.htm?id=1']) {
      const h = harness(present, { url });
      expect([h.idles.length, h.timers.length], url).toEqual([0, 0]);
    }
  });

  it('looks again at 1.5 s and 4 s while the area has not rendered, then reports what it sees', async () => {
    expect(COUPON_RETRY_DELAYS).toEqual([1500, 2500]);
    const h = harness(notLoaded);
    h.idles.shift()!();
    expect(h.timers.map((t) => t.ms)).toEqual([1500]);
    await h.tick();
    expect(h.timers.map((t) => t.ms)).toEqual([2500]);
    expect(h.sent).toEqual([]);
    await h.tick();
    await settle(h, 1);
    expect(h.sent[0]!.scan).toMatchObject({ state: 'not-loaded', offers: [] });
  });

  it('reports the area as soon as a later look finds it rendered', async () => {
    const h = harness(notLoaded);
    h.idles.shift()!();
    h.setPage(present);
    await h.tick();
    await settle(h, 1);
    expect(h.sent[0]!.scan.state).toBe('present');
    expect(h.timers).toEqual([]);
  });

  it('stops looking once the page is stale (the tab moved on to another page)', async () => {
    const h = harness(notLoaded);
    h.idles.shift()!();
    h.makeStale();
    await h.tick();
    expect(h.timers).toEqual([]);
    expect(h.sent).toEqual([]);
    const early = harness(present);
    early.makeStale();
    early.idles.shift()!();
    expect(early.sent).toEqual([]);
  });
});

describe('sending the visit', () => {
  it('tries again after 250, 500 and 1000 ms while the worker refuses or is not there, four tries in all', async () => {
    let calls = 0;
    const h = harness(present, { send: async () => (++calls % 2 ? Promise.reject(new Error('Receiving end does not exist')) : { ok: false }) });
    h.idles.shift()!();
    await settle(h, 1);
    const waits: number[] = [];
    for (let i = 2; i <= 4; i++) {
      expect(h.timers).toHaveLength(1);
      waits.push(await h.tick());
      await settle(h, i);
    }
    expect(h.timers).toHaveLength(1);
    waits.push(await h.tick());
    expect(waits).toEqual([250, 500, 1000, 2000]);
    expect(h.sent).toHaveLength(4);
    expect(h.timers).toEqual([]);
  });

  it('stops trying once the worker says it stored the visit', async () => {
    let calls = 0;
    const h = harness(present, { send: async () => (++calls === 1 ? undefined : { ok: true }) });
    h.idles.shift()!();
    await settle(h, 1);
    expect(h.timers).toHaveLength(1);
    expect(await h.tick()).toBe(250);
    await settle(h, 2);
    expect(h.timers).toEqual([]);
  });
});
