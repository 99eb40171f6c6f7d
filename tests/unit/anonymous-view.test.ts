import { afterEach, describe, expect, it, vi } from 'vitest';
import { anonymousView, HiddenRedirects, type AnonymousViewApis } from '../../utils/background/anonymous-view';

const ITEM = 'https://item.taobao.com/item.htm?id=600000000001';
const html = (status = 200, body = '<title>商品</title>', headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' }) => new Response(body, { status, headers });
const redirect = (location: string, status = 302) => new Response(null, { status, headers: { location } });
/** What a browser gives for `redirect: 'manual'`: no status, no headers, no Location. */
const opaque = () => ({ type: 'opaqueredirect', status: 0, headers: new Headers(), body: null }) as unknown as Response;
/** A fetch that answers only when aborted, as a server that never replies. */
const never = (_: string, init: RequestInit) => new Promise<Response>((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

afterEach(() => vi.useRealTimers());

describe('the anonymous view of a covered page', () => {
  it('is one GET without credentials, and returns status, headers and text', async () => {
    const calls: Array<[string, RequestInit]> = [];
    const view = await anonymousView(ITEM, { fetch: async (u, i) => (calls.push([u, i]), html(200, '<title>商品</title>', { 'content-type': 'text/html', 'x-cache': 'MISS' })) });
    expect(calls).toEqual([[ITEM, expect.objectContaining({ method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'manual', referrerPolicy: 'no-referrer' })]]);
    expect(view).toEqual({ ok: true, url: ITEM, finalUrl: ITEM, status: 200, headers: { 'content-type': 'text/html', 'x-cache': 'MISS' }, redirects: [], text: '<title>商品</title>', bytes: 21, truncated: false });
  });

  it('keeps an error status and its body: a wall is an answer, not a failure', async () => {
    const view = await anonymousView(ITEM, { fetch: async () => html(403, '亲，访问被拒绝') });
    expect(view).toMatchObject({ ok: true, status: 403, text: '亲，访问被拒绝' });
  });

  it.each(['http://10.0.0.1/', 'file:///etc/passwd', 'https://evil.example/', 'https://user:pw@item.taobao.com/item.htm?id=1', 'javascript:alert(1)', 'not a url'])('fetches nothing for %s', async (url) => {
    const fetch = vi.fn();
    expect(await anonymousView(url, { fetch })).toMatchObject({ ok: false, reason: 'not-covered' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('follows redirects on the platform, one hop at a time, and says where each went', async () => {
    const login = 'https://login.taobao.com/member/login.jhtml?redirectURL=x';
    const view = await anonymousView(ITEM, { fetch: async (u) => (u === ITEM ? redirect('/item.htm?id=600000000001&spm=1') : u.includes('spm') ? redirect(login) : html(200, 'login')) });
    expect(view).toMatchObject({
      ok: true,
      finalUrl: login,
      text: 'login',
      redirects: [
        { url: ITEM, status: 302, location: 'https://item.taobao.com/item.htm?id=600000000001&spm=1' },
        { url: 'https://item.taobao.com/item.htm?id=600000000001&spm=1', status: 302, location: login },
      ],
    });
  });

  it('refuses a hop off the platform before requesting it', async () => {
    for (const to of ['https://www.jd.com/', 'http://192.168.0.1/', 'https://taobao.com.evil.example/']) {
      const fetched: string[] = [];
      const view = await anonymousView(ITEM, { fetch: async (u) => (fetched.push(u), redirect(to)) });
      expect(view).toMatchObject({ ok: false, reason: 'off-platform', redirects: [{ url: ITEM, location: to }] });
      expect(fetched).toEqual([ITEM]);
    }
  });

  it('stops a redirect loop', async () => {
    const view = await anonymousView(ITEM, { fetch: async () => redirect(ITEM) }, { maxRedirects: 3 });
    expect(view).toMatchObject({ ok: false, reason: 'too-many-redirects' });
    expect(view.redirects).toHaveLength(4);
  });

  it('learns where a redirect the browser hid went from the extension\'s own webRequest listener, before or after the answer', async () => {
    const hops = new HiddenRedirects();
    const login = 'https://login.taobao.com/member/login.jhtml';
    const apis = (seenFirst: boolean): AnonymousViewApis => ({
      fetch: async (u) => {
        if (u !== ITEM) return html(200, 'login');
        if (seenFirst) hops.record(ITEM, 302, { location: login });
        else setTimeout(() => hops.record(ITEM, 302, { location: login }), 0);
        return opaque();
      },
      hiddenRedirect: (u, signal) => hops.wait(u, signal),
    });
    for (const seenFirst of [true, false]) {
      expect(await anonymousView(ITEM, apis(seenFirst))).toMatchObject({ ok: true, finalUrl: login, redirects: [{ url: ITEM, status: 302, location: login }] });
    }
  });

  it('refuses a redirect whose target it cannot learn', async () => {
    vi.useFakeTimers();
    const hops = new HiddenRedirects();
    const view = anonymousView(ITEM, { fetch: async () => opaque(), hiddenRedirect: (u, s) => hops.wait(u, s) });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await view).toMatchObject({ ok: false, reason: 'hidden-redirect' });
    expect(await anonymousView(ITEM, { fetch: async () => opaque() })).toMatchObject({ ok: false, reason: 'hidden-redirect' });
  });

  it('gives up at the timeout, on a server that never answers or a body that stalls', async () => {
    vi.useFakeTimers();
    const silent = anonymousView(ITEM, { fetch: never }, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await silent).toMatchObject({ ok: false, reason: 'timeout', message: 'no answer in 1000 ms' });

    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('<html>'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const view = anonymousView(ITEM, { fetch: async (_u, init) => new Response(stalled.pipeThrough(new TransformStream(), { signal: init.signal! })) }, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await view).toMatchObject({ ok: false, reason: 'timeout' });
    expect(cancelled).toBe(true);
  });

  it('says what a network error was', async () => {
    expect(await anonymousView(ITEM, { fetch: async () => Promise.reject(new TypeError('Failed to fetch')) })).toMatchObject({ ok: false, reason: 'network-error', message: 'Failed to fetch' });
  });

  it('reads the body up to the cap and cancels the rest', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1000).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    const view = await anonymousView(ITEM, { fetch: async () => new Response(endless) }, { maxBytes: 4500 });
    expect(view).toMatchObject({ ok: true, bytes: 4500, truncated: true });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(7);
    const exact = await anonymousView(ITEM, { fetch: async () => html(200, 'x'.repeat(4500)) }, { maxBytes: 4500 });
    expect(exact).toMatchObject({ ok: true, bytes: 4500, truncated: false });
  });

  it('decodes the text by the charset the answer names', async () => {
    const gbk = Uint8Array.from([0xb7, 0xc3, 0xce, 0xca, 0xb1, 0xbb, 0xbe, 0xdc, 0xbe, 0xf8]); // 访问被拒绝
    const view = await anonymousView(ITEM, { fetch: async () => new Response(gbk, { headers: { 'content-type': 'text/html; charset=GBK' } }) });
    expect(view).toMatchObject({ ok: true, text: '访问被拒绝' });
  });
});
