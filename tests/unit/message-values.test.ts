/**
 * Every date and number that crosses a message boundary is checked as what it claims to be
 * (issue 14, item 10): a page's content script, the page-world tap and an imported ledger are
 * all input the background must not take as given.
 */
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { acceptTap, TAP_SOURCE } from '../../utils/content/tap-protocol';
import { parseLedger } from '../../utils/coupons/ledger-file';
import { MessageSchema } from '../../utils/protocol/messages';

const NOW = new Date('2026-12-04T12:00:00.000Z');
beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

const url = 'https://item.taobao.com/item.htm?id=600000000001';
const detection = { kind: 'access-denied', platform: 'taobao', ruleId: 'alibaba.baxia.deny-zh', rulesetVersion: '1', snippet: '亲，访问被拒绝', where: 'text', confidence: 0.9 };
const report = (over: Record<string, unknown> = {}, det: Record<string, unknown> = {}) => ({
  type: 'page/report',
  pageId: 'page-0000-0001',
  url,
  title: '访问被拒绝',
  observedAt: '2026-12-04T11:59:58.120Z',
  detections: [{ ...detection, ...det }],
  ...over,
});
const offer = (deal: Record<string, unknown> = {}, over: Record<string, unknown> = {}) => ({
  platform: 'taobao',
  itemId: '600000000001',
  label: '满199减20',
  type: 'shop',
  deal: { kind: 'threshold', threshold: 199, amount: 20, currency: 'CNY', repeating: false, upTo: false, label: '满199减20', ...deal },
  currency: 'CNY',
  key: 'taobao|shop|threshold|CNY|199|20',
  ...over,
});
const visit = (o: Record<string, unknown> = offer(), over: Record<string, unknown> = {}) => ({
  type: 'coupons/visit',
  pageId: 'page-0000-0001',
  url,
  observedAt: '2026-12-04T11:59:58.120Z',
  scan: { platform: 'taobao', itemId: '600000000001', url, state: 'present', offers: [o] },
  ...over,
});

const accepted = (m: unknown) => v.safeParse(MessageSchema, m).success;

describe('times in messages', () => {
  it('accepts the time a content script writes, now or a moment ago', () => {
    expect(accepted(report())).toBe(true);
    expect(accepted(report({ observedAt: '2026-12-04T11:59:58Z' }))).toBe(true);
    expect(accepted(report({ observedAt: '2026-03-20T08:00:00.000Z' }))).toBe(true);
  });

  it.each([
    ['text that is no time', 'zzzzzzzz'],
    ['a day the calendar lacks', '2026-02-31T08:00:00.000Z'],
    ['a time with an offset (reports are UTC)', '2026-12-04T19:59:58+08:00'],
    ['a bare year', '2026'],
    ['a time before Shutout', '1999-12-31T23:59:59.000Z'],
    ['a time two days ahead', '2026-12-06T12:00:01.000Z'],
    ['a far future that retention would never prune', '9999-12-31T23:59:59.999Z'],
  ])('refuses %s as observedAt', (_, observedAt) => {
    expect(accepted(report({ observedAt }))).toBe(false);
    expect(accepted(visit(offer(), { observedAt }))).toBe(false);
  });

  it('accepts "until" as a calendar day or a time, and nothing else', () => {
    expect(accepted(report({}, { until: '2026-12-28' }))).toBe(true);
    expect(accepted(report({}, { until: '2026-12-04T12:30:00.000Z' }))).toBe(true);
    for (const until of ['zzz', '2026-02-31', '1900-01-01', '9999-01-01', 'March 28']) expect(accepted(report({}, { until })), until).toBe(false);
  });
});

describe('numbers in messages', () => {
  it.each([
    ['a confidence above 1', { confidence: 1.5 }],
    ['a negative confidence', { confidence: -0.1 }],
    ['an infinite confidence', { confidence: Infinity }],
    ['a confidence that is no number', { confidence: Number.NaN }],
  ])('refuses %s', (_, det) => {
    expect(accepted(report({}, det))).toBe(false);
  });

  it.each([
    ['a negative threshold', { threshold: -199 }],
    ['a negative amount', { amount: -20 }],
    ['an infinite amount', { amount: Infinity }],
    ['an amount that is no number', { amount: Number.NaN }],
    ['a percentage above 100', { kind: 'percent', percentOff: 150 }],
    ['a fraction of an item', { minItems: 1.5 }],
    ['a negative item count', { minItems: -2 }],
    ['a negative cap', { cap: -1 }],
  ])('refuses a coupon with %s', (_, deal) => {
    expect(accepted(visit(offer(deal)))).toBe(false);
  });

  it('refuses negative prices and accepts an ordinary offer', () => {
    expect(accepted(visit(offer({}, { priceBefore: -5 })))).toBe(false);
    expect(accepted(visit(offer({}, { priceAfter: 179 })))).toBe(true);
    expect(accepted({ type: 'tab/status', tabId: -1 })).toBe(false);
    expect(accepted({ type: 'tab/status', tabId: 1.5 })).toBe(false);
  });

  it('refuses an answer of the tap whose status is no HTTP status', () => {
    const tap = (status: number) => acceptTap({ source: TAP_SOURCE, url: 'https://h5api.m.taobao.com/h5/x/1.0/', status, body: 'RGV587_ERROR' }, url);
    expect(tap(200)).toMatchObject({ status: 200 });
    for (const status of [-1, 200.5, 1e9, Infinity, Number.NaN]) expect(tap(status), String(status)).toBeNull();
  });
});

describe('the background', () => {
  it('refuses an invalid report in one line, tells the sender not to retry it, and stores nothing', async () => {
    const stored: unknown[] = [];
    const deps: BackgroundDeps = {
      db: undefined as never,
      runtimeId: 'ext',
      extensionOrigin: 'chrome-extension://ext/',
      tabs: memoryTabStatusStore(),
      setBadge: async () => {},
      newId: () => 'id',
      writer: { write: async (p) => (stored.push(p), 1) },
    };
    const res = await handleMessage(report({ observedAt: 'zzzzzzzz' }), { id: 'ext', url, tab: { id: 3, url } }, deps);
    expect(res).toEqual({ ok: false, error: 'invalid message: observedAt: not a date and time (ISO 8601 UTC)', retry: false });
    expect(stored).toEqual([]);
  });
});

describe('an imported coupon ledger', () => {
  const file = (at: string, deal: Record<string, unknown> = {}) =>
    JSON.stringify({
      format: 'shutout-coupon-ledger',
      version: 1,
      exportedAt: NOW.toISOString(),
      profileLabel: 'colleague',
      visits: [{ id: 'v1', itemKey: 'taobao:600000000001', at, source: 'visit', profileLabel: 'colleague', scan: visit(offer(deal)).scan }],
    });

  it('refuses visit times that are no time or that retention could never reach', () => {
    expect(parseLedger(file('2026-12-01T08:00:00.000Z'), 'l.json').visits).toHaveLength(1);
    expect(() => parseLedger(file('2026'), 'l.json')).toThrow(/visits\.0\.at: not a date and time/);
    expect(() => parseLedger(file('9999-12-31T00:00:00.000Z'), 'l.json')).toThrow(/visits\.0\.at: not a time of observation/);
  });

  it('refuses negative sums', () => {
    expect(() => parseLedger(file('2026-12-01T08:00:00.000Z', { amount: -20 }), 'l.json')).toThrow(/visits\.0\.scan\.offers\.0\.deal\.amount/);
  });
});
