import { runInNewContext } from 'node:vm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TAP_MAX_READ, TAP_SOURCE } from '../../utils/content/tap-protocol';
import type { TapWindow } from '../../utils/content/tap-page';

type TapModule = typeof import('../../utils/content/tap-page');
let tap: TapModule;
beforeEach(async () => {
  // The tap installs once per page world; each test is a fresh world.
  vi.resetModules();
  tap = await import('../../utils/content/tap-page');
});

const KiB = 1024;

/** A body that never ends: counts what was pulled from it and whether it was cancelled. */
function endless(chunk = 64 * KiB) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulled += chunk;
        controller.enqueue(new Uint8Array(chunk).fill(0x61));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function response(body: BodyInit | ReadableStream<Uint8Array>, url: string, headers: Record<string, string>): Response {
  const res = new Response(body as BodyInit, { headers });
  Object.defineProperty(res, 'url', { value: url });
  return res;
}

/** A page window with its own realm's Function, so that patching toString leaves the test's realm alone. */
function fakeWindow(answer: () => Response) {
  const realm = runInNewContext('({ Function, fetch: function fetch(url) {}, send: function send() {}, attachShadow: function attachShadow(init) { return {}; } })') as {
    Function: FunctionConstructor;
    fetch: typeof fetch;
    send: XMLHttpRequest['send'];
    attachShadow: Element['attachShadow'];
  };
  const posted: unknown[] = [];
  // The page's Response: a class of its own, so that the tap's patches of text() and json() stay in this window.
  class PageResponse extends Response {}
  const originals = { fetch: vi.fn(async () => Object.setPrototypeOf(answer(), PageResponse.prototype) as Response), toString: realm.Function.prototype.toString };
  Object.defineProperty(originals.fetch, 'name', { value: 'fetch' });
  const win: TapWindow = {
    fetch: originals.fetch as unknown as typeof fetch,
    Function: realm.Function,
    Element: { prototype: { attachShadow: realm.attachShadow } },
    XMLHttpRequest: { prototype: { send: realm.send } as XMLHttpRequest },
    Response: PageResponse,
    location: { href: 'https://item.taobao.com/item.htm?id=1', origin: 'https://item.taobao.com' },
    document: { dispatchEvent: () => true },
    postMessage: (m) => posted.push(m),
  };
  return { win, posted, originals, realm };
}

/** Wait until `pred` holds, checking after each turn of the event loop. */
async function until(pred: () => boolean, turns = 1000): Promise<void> {
  for (let i = 0; i < turns && !pred(); i++) await new Promise((r) => setImmediate(r));
  expect(pred()).toBe(true);
}

describe('readableType', () => {
  it('reads typed JSON, script and text, never event streams or untyped bodies', () => {
    expect(['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/javascript', 'text/html'].map(tap.readableType)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([null, '', 'text/event-stream', 'text/event-stream; charset=utf-8', 'application/octet-stream', 'image/png'].map(tap.readableType)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('readCapped', () => {
  it('reads a short body whole, multi-byte characters split across chunks included', async () => {
    const bytes = new TextEncoder().encode('{"ret":["哎哟喂,被挤爆啦"]}');
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, 11));
        c.enqueue(bytes.slice(11));
        c.close();
      },
    });
    expect(await tap.readCapped(stream, 1024)).toBe('{"ret":["哎哟喂,被挤爆啦"]}');
  });

  it('stops at the cap and cancels an endless body, having pulled no more than the cap and a chunk', async () => {
    const { stream, state } = endless();
    expect(await tap.readCapped(stream, TAP_MAX_READ)).toBeNull();
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(TAP_MAX_READ + 64 * KiB);
  });

  it('reads a body of exactly the cap, and refuses one byte more', async () => {
    const of = (n: number) =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('x'.repeat(n)));
          c.close();
        },
      });
    expect(await tap.readCapped(of(10), 10)).toBe('x'.repeat(10));
    expect(await tap.readCapped(of(11), 10)).toBeNull();
  });

  it('gives null for a body that fails while it is read, and lets the stream go', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"ret":'));
      },
      pull(c) {
        c.error(new Error('network reset'));
      },
    });
    expect(await tap.readCapped(stream, 1024)).toBeNull();
    expect(stream.locked).toBe(false);
  });

  it('gives null for no body', async () => {
    expect(await tap.readCapped(null, 10)).toBeNull();
  });
});

describe('installTap', () => {
  const API = 'https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/';
  const BLOCK = '{"ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦"]}';

  it('passes a marketplace JSON answer on, once, however often it is installed', async () => {
    const { win, posted } = fakeWindow(() => response(BLOCK, API, { 'content-type': 'application/json' }));
    tap.installTap(win);
    tap.installTap(win);
    const res = await win.fetch(API);
    expect(await res.text()).toBe(BLOCK);
    await until(() => posted.length > 0);
    expect(posted).toEqual([{ source: TAP_SOURCE, url: API, status: 200, body: BLOCK }]);
  });

  it('does not copy an answer of unknown length: only the page pulls it, and what it reads whole is passed on', async () => {
    const { stream, state } = endless();
    const { win, posted } = fakeWindow(() => response(stream, API, { 'content-type': 'application/json' }));
    tap.installTap(win);
    const res = await win.fetch(API);
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    // No tee: nothing but the page's own reads pulls the stream.
    const pulledBefore = state.pulled;
    expect(pulledBefore).toBeLessThanOrEqual(TAP_MAX_READ);
    const reader = res.body!.getReader();
    for (let i = 0; i < 20; i++) expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await until(() => state.cancelled);
    expect(posted).toEqual([]);
  });

  it('passes on an answer of unknown length that the page reads whole, as text or as JSON, within the bound', async () => {
    for (const read of ['text', 'json'] as const) {
      vi.resetModules();
      tap = await import('../../utils/content/tap-page');
      const { win, posted } = fakeWindow(() => response(BLOCK, API, { 'content-type': 'application/json' }));
      tap.installTap(win);
      const res = await win.fetch(API);
      await res[read]();
      await until(() => posted.length > 0);
      expect(posted).toEqual([{ source: TAP_SOURCE, url: API, status: 200, body: read === 'text' ? BLOCK : JSON.stringify(JSON.parse(BLOCK)) }]);
    }
    expect(tap.capped('x'.repeat(TAP_MAX_READ + 1))).toBeNull();
    expect(tap.capped({ list: Array.from({ length: TAP_MAX_READ }, (_, i) => i) })).toBeNull();
    expect(tap.capped({ ok: true })).toBe('{"ok":true}');
    expect(tap.capped('x'.repeat(TAP_MAX_READ))).toHaveLength(TAP_MAX_READ);
    // Writing a parsed answer back stops near the bound, not after the whole answer.
    let visited = 0;
    const huge = Array.from({ length: 4 * TAP_MAX_READ }, () => ({ toJSON: () => (visited++, 1) }));
    expect(tap.capped(huge)).toBeNull();
    expect(visited).toBeLessThan(TAP_MAX_READ);
  });

  it('leaves event streams and untyped answers alone', async () => {
    for (const headers of [{ 'content-type': 'text/event-stream' }, {} as Record<string, string>]) {
      vi.resetModules();
      tap = await import('../../utils/content/tap-page');
      const { stream, state } = endless();
      const { win, posted } = fakeWindow(() => response(stream, API, headers));
      tap.installTap(win);
      await win.fetch(API);
      for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
      expect(state.pulled).toBe(0);
      expect(posted).toEqual([]);
    }
  });

  it('leaves no property on the window and shows the native text for what it patched', () => {
    const { win, originals, realm } = fakeWindow(() => response('', API, {}));
    const before = Object.keys(win).sort();
    const send = win.XMLHttpRequest.prototype.send;
    const attach = win.Element.prototype.attachShadow;
    tap.installTap(win);
    expect(Object.keys(win).sort()).toEqual(before);
    expect(win.fetch).not.toBe(originals.fetch);
    const toString = win.Function.prototype.toString;
    expect(toString).not.toBe(originals.toString);
    expect(toString.call(win.fetch)).toBe(originals.toString.call(originals.fetch));
    expect(toString.call(win.XMLHttpRequest.prototype.send)).toBe('function send() {}');
    expect(toString.call(win.Element.prototype.attachShadow)).toBe(originals.toString.call(attach));
    expect(toString.call(toString)).toBe(originals.toString.call(originals.toString));
    expect(toString.call(send)).toBe('function send() {}');
    expect(win.fetch.name).toBe('fetch');
    expect(realm.Function.prototype.toString.name).toBe('toString');
  });
});

describe('the tap’s other ways in', () => {
  const API = 'https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/';
  const BLOCK = '{"ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦"]}';

  /** An XMLHttpRequest as the page made it, answered once `finish` runs its loadend listeners. */
  function xhr(over: Partial<{ responseURL: string; type: string | null; responseType: XMLHttpRequestResponseType; responseText: string; response: unknown; status: number; throws: boolean }> = {}) {
    const listeners: Array<() => void> = [];
    const o = { responseURL: API, type: 'application/json', responseType: '' as XMLHttpRequestResponseType, responseText: BLOCK, response: undefined as unknown, status: 200, throws: false, ...over };
    const self = {
      addEventListener: (type: string, fn: () => void) => type === 'loadend' && listeners.push(fn),
      get responseURL() {
        return o.responseURL;
      },
      getResponseHeader: (name: string) => (name === 'content-type' ? o.type : null),
      responseType: o.responseType,
      get responseText() {
        if (o.throws) throw new Error('InvalidStateError');
        return o.responseText;
      },
      response: o.response,
      status: o.status,
    };
    return { self: self as unknown as XMLHttpRequest, finish: () => listeners.forEach((fn) => fn()) };
  }

  it('passes on an XHR answer read as text or as JSON, with its status, cut to what the content script takes', () => {
    const { win, posted } = fakeWindow(() => response('', API, {}));
    tap.installTap(win);
    const send = win.XMLHttpRequest.prototype.send;
    const cases = [
      xhr({ status: 403 }),
      xhr({ responseType: 'text' }),
      xhr({ responseType: 'json', response: { ret: ['FAIL_SYS_USER_VALIDATE'] } }),
      xhr({ responseText: 'x'.repeat(TAP_MAX_READ) }),
    ];
    for (const c of cases) {
      send.call(c.self, null);
      c.finish();
    }
    expect(posted).toEqual([
      { source: TAP_SOURCE, url: API, status: 403, body: BLOCK },
      { source: TAP_SOURCE, url: API, status: 200, body: BLOCK },
      { source: TAP_SOURCE, url: API, status: 200, body: '{"ret":["FAIL_SYS_USER_VALIDATE"]}' },
      { source: TAP_SOURCE, url: API, status: 200, body: 'x'.repeat(64 * 1024) },
    ]);
  });

  it('leaves an XHR answer alone when it is off the marketplaces, untyped, a blob, over the cap, empty or unreadable', () => {
    const { win, posted } = fakeWindow(() => response('', API, {}));
    tap.installTap(win);
    const send = win.XMLHttpRequest.prototype.send;
    for (const c of [
      xhr({ responseURL: 'https://evil.example/api' }),
      xhr({ type: null }),
      xhr({ type: 'text/event-stream' }),
      xhr({ responseType: 'blob' }),
      xhr({ responseText: 'x'.repeat(TAP_MAX_READ + 1) }),
      xhr({ responseText: '' }),
      xhr({ throws: true }),
    ]) {
      send.call(c.self, null);
      expect(() => c.finish()).not.toThrow();
    }
    expect(posted).toEqual([]);
  });

  it('reads a fetch answer at a path of the page’s own site, and skips one that says it is over the cap', async () => {
    let answer = response(BLOCK, 'https://item.taobao.com/api/x', { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(BLOCK)) });
    const { win, posted } = fakeWindow(() => answer);
    tap.installTap(win);
    await win.fetch('/api/x');
    await until(() => posted.length > 0);
    expect(posted).toEqual([{ source: TAP_SOURCE, url: 'https://item.taobao.com/api/x', status: 200, body: BLOCK }]);
    answer = response(BLOCK, API, { 'content-type': 'application/json', 'content-length': String(TAP_MAX_READ + 1) });
    await win.fetch(API);
    answer = response(BLOCK, API, { 'content-type': 'application/json', 'content-length': String(TAP_MAX_READ) });
    await win.fetch(API);
    await until(() => posted.length > 1);
    expect(posted).toHaveLength(2);
    answer = response('', API, { 'content-type': 'application/json' });
    await win.fetch(API);
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(posted).toHaveLength(2);
  });

  it('tells the content script once that the page made an open shadow root, never for closed ones', () => {
    const { win } = fakeWindow(() => response('', API, {}));
    const events: string[] = [];
    win.document.dispatchEvent = (e: Event) => (events.push(e.type), true);
    tap.installTap(win);
    const el = {} as Element;
    win.Element.prototype.attachShadow.call(el, { mode: 'closed' });
    expect(events).toEqual([]);
    win.Element.prototype.attachShadow.call(el, { mode: 'open' });
    win.Element.prototype.attachShadow.call(el, { mode: 'open' });
    expect(events).toEqual(['shutout-tap-shadow']);
  });
});
