/**
 * Runs in the page's own world to see the JSON answers of the marketplace's API calls, where
 * blocks such as RGV587_ERROR or error_code 54001 show up without any visible notice. Only
 * responses from marketplace hosts, only typed text, only small ones are read, and only a bounded
 * prefix is passed on (tap-protocol.ts). Kept tiny and free of imports that pull in the engine.
 *
 * The page must not be able to tell it is here, nor be broken by it: it leaves no global (the
 * build wraps it in an anonymous function, see wxt.config.ts), its patched functions are
 * Proxies of the originals whose `toString()` answers as the originals do, and it never holds
 * more of a body than TAP_MAX_READ, however long the stream.
 */
import { MARKETPLACE_DOMAINS } from '../detect/watched-domains';
import { TAP_MAX_BODY, TAP_MAX_READ, TAP_SHADOW_EVENT, TAP_SOURCE } from './tap-constants';

/** What the tap touches of the page's window: the real one in the browser, a fake in unit tests. */
export interface TapWindow {
  fetch: typeof fetch;
  Function: FunctionConstructor;
  Element: { prototype: { attachShadow(init: ShadowRootInit): ShadowRoot } };
  XMLHttpRequest: { prototype: XMLHttpRequest };
  Response: { prototype: Pick<Response, 'text' | 'json'> };
  location: { href: string; origin: string };
  document: { dispatchEvent(e: Event): boolean };
  postMessage(message: unknown, targetOrigin: string): void;
}

/** A body the tap may read: typed as JSON, script or text, and not an endless event stream. */
export function readableType(type: string | null): boolean {
  return !!type && /json|javascript|text\//i.test(type) && !/event-stream/i.test(type);
}

/**
 * The body of a (cloned) response as text if it is at most `cap` bytes, read chunk by chunk;
 * null when it is longer, in which case the read stops and the stream is cancelled at once, so
 * that neither this copy nor the page's own branch of the tee is held in memory.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, cap: number): Promise<string | null> {
  if (!body) return null;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      seen += value.byteLength;
      if (seen > cap) {
        await reader.cancel().catch(() => {});
        return null;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return null;
  } finally {
    reader.releaseLock();
  }
}

/** The answer as text when it is at most TAP_MAX_READ long (a parsed answer is written back, stopping past the bound). */
export function capped(value: unknown): string | null {
  if (typeof value === 'string') return value.length <= TAP_MAX_READ ? value : null;
  let budget = TAP_MAX_READ;
  try {
    const text = JSON.stringify(value, (key, v: unknown) => {
      budget -= key.length + (typeof v === 'string' ? v.length : 8);
      if (budget < 0) throw new RangeError('over the bound');
      return v;
    });
    return text !== undefined && text.length <= TAP_MAX_READ ? text : null;
  } catch {
    return null;
  }
}

let installed = false;

export function installTap(win: TapWindow = window as unknown as TapWindow): void {
  // Once per page world; the flag lives here, not on the page's window.
  if (installed) return;
  installed = true;

  // Function.prototype.toString answers for each wrapper with the original's text
  // ("function fetch() { [native code] }"), and for itself as the native toString would.
  const fnProto = win.Function.prototype;
  const nativeToString = fnProto.toString;
  const disguise = new WeakMap<object, object>();
  const wrap = <T extends object>(target: T, handler: ProxyHandler<T>): T => {
    const proxy = new Proxy(target, handler);
    disguise.set(proxy, target);
    return proxy;
  };
  fnProto.toString = wrap(nativeToString, {
    apply: (target, self: object, args: []) => Reflect.apply(target, disguise.get(self) ?? self, args),
  });

  const onMarketplace = (url: string): boolean => {
    try {
      const host = new URL(url, win.location.href).hostname;
      return MARKETPLACE_DOMAINS.some((d) => host === d || host.endsWith('.' + d));
    } catch {
      return false;
    }
  };
  const post = (url: string, status: number, body: string | null) => {
    if (!body) return;
    win.postMessage({ source: TAP_SOURCE, url, status, body: body.slice(0, TAP_MAX_BODY) }, win.location.origin);
  };

  // Tell the content script once that the page uses open shadow roots, so that it sweeps for them
  // only on pages that have some (the sweep visits every element).
  const elementProto = win.Element.prototype;
  let announced = false;
  elementProto.attachShadow = wrap(elementProto.attachShadow, {
    apply(target, self: Element, args: [ShadowRootInit]) {
      const root = Reflect.apply(target, self, args);
      if (!announced && args[0]?.mode === 'open') {
        announced = true;
        win.document.dispatchEvent(new Event(TAP_SHADOW_EVENT));
      }
      return root;
    },
  });

  // An answer of unknown length is not cloned: in Chromium 150 the tee behind clone() held the
  // whole of a 256 MiB chunked stream in the page even when the copy was cancelled at its first
  // chunk. It is read when the page itself reads it whole, with text() or json().
  const whenReadWhole = new WeakSet<object>();
  win.fetch = wrap(win.fetch, {
    apply(target, self, args: Parameters<typeof fetch>) {
      const result: Promise<Response> = Reflect.apply(target, self, args);
      result
        .then((res) => {
          if (!onMarketplace(res.url) || !readableType(res.headers.get('content-type'))) return;
          const length = res.headers.get('content-length');
          if (length === null) return void whenReadWhole.add(res);
          if (Number(length) > TAP_MAX_READ) return;
          void readCapped(res.clone().body, TAP_MAX_READ).then((text) => post(res.url, res.status, text));
        })
        .catch(() => {});
      return result;
    },
  });
  const responseProto = win.Response.prototype;
  for (const method of ['text', 'json'] as const) {
    responseProto[method] = wrap(responseProto[method], {
      apply(target, self: Response, args: []) {
        const read: Promise<unknown> = Reflect.apply(target, self, args);
        if (whenReadWhole.has(self)) {
          whenReadWhole.delete(self);
          read.then((value) => post(self.url, self.status, capped(value))).catch(() => {});
        }
        return read;
      },
    });
  }

  const xhrProto = win.XMLHttpRequest.prototype;
  xhrProto.send = wrap(xhrProto.send, {
    apply(target, self: XMLHttpRequest, args: Parameters<XMLHttpRequest['send']>) {
      self.addEventListener('loadend', () => {
        try {
          if (!onMarketplace(self.responseURL) || !readableType(self.getResponseHeader('content-type'))) return;
          const t = self.responseType;
          const body = t === '' || t === 'text' ? self.responseText : t === 'json' ? JSON.stringify(self.response) : '';
          if (body.length <= TAP_MAX_READ) post(self.responseURL, self.status, body);
        } catch {
          // A response the page cannot read either.
        }
      });
      return Reflect.apply(target, self, args);
    },
  });
}
