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

  win.fetch = wrap(win.fetch, {
    apply(target, self, args: Parameters<typeof fetch>) {
      const result: Promise<Response> = Reflect.apply(target, self, args);
      result
        .then((res) => {
          if (!onMarketplace(res.url) || !readableType(res.headers.get('content-type'))) return;
          if (Number(res.headers.get('content-length') ?? 0) > TAP_MAX_READ) return;
          void readCapped(res.clone().body, TAP_MAX_READ).then((text) => post(res.url, res.status, text));
        })
        .catch(() => {});
      return result;
    },
  });

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
