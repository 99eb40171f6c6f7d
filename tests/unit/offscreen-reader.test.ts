/**
 * The worker's way to the page reader (utils/background/offscreen-reader.ts): one document for
 * requests that come together, closed once none has come for a while, errors passed on; and the
 * reader answers only the worker's requests (utils/reader/protocol.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { offscreenReader, type OffscreenApis } from '../../utils/background/offscreen-reader';
import { isReaderRequest, READER_TARGET, type ReaderRequest } from '../../utils/reader/protocol';
import { answerReader, directReader } from '../../utils/reader/read';
import { parseWithLinkedom } from '../../cli/html';

afterEach(() => vi.useRealTimers());

const view = { ok: true as const, url: 'https://item.taobao.com/item.htm?id=1', finalUrl: 'https://item.taobao.com/item.htm?id=1', status: 200, headers: { 'content-type': 'text/html' }, redirects: [], text: '<title>访问被拒绝</title><h1>访问被拒绝</h1>', bytes: 10, truncated: false };

/** A fake offscreen API whose document answers with the real reader (linkedom for DOMParser). */
function fakeApis(opts: { answer?: (m: ReaderRequest) => unknown; leftOpen?: boolean } = {}) {
  let open = opts.leftOpen ?? false;
  const calls: string[] = [];
  const apis: OffscreenApis = {
    url: 'chrome-extension://x/reader.html',
    hasDocument: async () => open,
    createDocument: async () => {
      calls.push('create');
      await new Promise((r) => setTimeout(r, 5));
      open = true;
    },
    closeDocument: async () => {
      calls.push('close');
      open = false;
    },
    send: async (m) => {
      calls.push(`send:${m.op}`);
      if (!open) throw new Error('Could not establish connection. Receiving end does not exist.');
      return opts.answer ? opts.answer(m) : { ok: true, value: answerReader(m, parseWithLinkedom) };
    },
  };
  return { apis, calls };
}

describe('the offscreen page reader', () => {
  it('makes one document for two requests that come together, and reads with the user’s rules', async () => {
    const { apis, calls } = fakeApis();
    const reader = offscreenReader(apis, 60_000);
    const [a, b] = await Promise.all([reader.readView(view, {}), reader.readView(view, { generalLayer: false })]);
    expect(calls.filter((c) => c === 'create')).toHaveLength(1);
    expect(a.detections.map((d) => d.kind)).toContain('access-denied');
    // The same view, judged with the general layer switched off in the options.
    expect(b.detections.map((d) => d.rulesetVersion)).toEqual(b.detections.map(() => expect.stringContaining('nogeneral')));
    expect(b.detections.filter((d) => d.ruleId.startsWith('general.'))).toEqual([]);
    expect(await reader.extractCoupons('<html><body></body></html>', 'https://item.taobao.com/item.htm?id=1')).toMatchObject({ platform: 'taobao', state: 'not-loaded' });
  });

  it('closes the document once no request has come for the idle time, and opens it again when one does', async () => {
    vi.useFakeTimers();
    const { apis, calls } = fakeApis();
    const reader = offscreenReader(apis, 1_000);
    const first = reader.readView(view, {});
    await vi.advanceTimersByTimeAsync(5);
    await first;
    await vi.advanceTimersByTimeAsync(900);
    expect(calls).not.toContain('close');
    // A request within the idle time keeps it open for another idle time.
    await reader.readView(view, {});
    await vi.advanceTimersByTimeAsync(900);
    expect(calls).not.toContain('close');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.filter((c) => c === 'close')).toHaveLength(1);
    const again = reader.readView(view, {});
    await vi.advanceTimersByTimeAsync(10);
    await again;
    expect(calls.filter((c) => c === 'create')).toHaveLength(2);
  });

  it('closes a document a stopped worker left open before it reads anything, then opens a fresh one', async () => {
    const { apis, calls } = fakeApis({ leftOpen: true });
    const reader = offscreenReader(apis, 60_000);
    expect((await reader.readView(view, {})).detections.map((d) => d.kind)).toContain('access-denied');
    expect(calls.slice(0, 3)).toEqual(['close', 'create', 'send:read-view']);
  });

  it('passes on the reader’s error, and says so when nothing answered', async () => {
    const failing = offscreenReader(fakeApis({ answer: () => ({ ok: false, error: 'markup nested too deep' }) }).apis);
    await expect(failing.readView(view, {})).rejects.toThrow('markup nested too deep');
    const silent = offscreenReader(fakeApis({ answer: () => undefined }).apis);
    await expect(silent.extractCoupons('<p>', 'https://item.taobao.com/item.htm?id=1')).rejects.toThrow('the page reader did not answer');
  });

  it('answers only requests marked for it, whole', () => {
    expect(isReaderRequest({ target: READER_TARGET, op: 'read-view', view, rules: {} })).toBe(true);
    expect(isReaderRequest({ target: READER_TARGET, op: 'coupons', html: '', url: 'https://x' })).toBe(true);
    // A content script's report, and malformed requests.
    expect(isReaderRequest({ type: 'page/report' })).toBe(false);
    expect(isReaderRequest({ target: READER_TARGET, op: 'read-view', view: { ...view, ok: false }, rules: {} })).toBe(false);
    expect(isReaderRequest({ target: READER_TARGET, op: 'read-view', view })).toBe(false);
    expect(isReaderRequest({ target: READER_TARGET, op: 'coupons', html: 1, url: 'x' })).toBe(false);
    expect(isReaderRequest({ target: READER_TARGET, op: 'eval' })).toBe(false);
    expect(isReaderRequest(null)).toBe(false);
  });

  it('reads in this context with a parser given (Firefox reads in its background page too)', async () => {
    const r = directReader(parseWithLinkedom);
    expect((await r.readView(view, {})).detections.map((d) => d.kind)).toContain('access-denied');
  });
});

describe("the page reader's rules", () => {
  it("are the user's stored rules and choices, read as the content script and the worker read them", async () => {
    const r = directReader(parseWithLinkedom);
    const own = { id: 'my.clearance', kind: 'access-denied', platform: 'taobao', hosts: ['taobao.com'], signal: 'text', phrases: ['商品已下架请稍后'], confidence: 0.8, fixtures: [] };
    const page = { ...view, text: '<title>宝贝</title><h1>商品已下架请稍后</h1>' };
    expect((await r.readView(page, {})).detections.map((d) => d.ruleId)).not.toContain('my.clearance');
    expect((await r.readView(page, { userRules: [own] })).detections.map((d) => d.ruleId)).toContain('my.clearance');
    // A stored value that is not a rule is dropped, as the content script drops it.
    expect((await r.readView(page, { userRules: [{ id: 'x' }, own] })).detections.map((d) => d.ruleId)).toContain('my.clearance');
  });
});
