/**
 * Runs in the page's own world to see the JSON answers of the marketplace's API calls, where
 * blocks such as RGV587_ERROR or error_code 54001 show up without any visible notice. Only
 * responses from marketplace hosts, only text, only small ones are read, and only a bounded
 * prefix is passed on (tap-protocol.ts). Kept tiny and free of imports that pull in the engine.
 */
import { MARKETPLACE_DOMAINS } from '../detect/hosts';
import { TAP_MAX_BODY, TAP_MAX_READ, TAP_SHADOW_EVENT, TAP_SOURCE } from './tap-protocol';

export function installTap(): void {
  const w = window as Window & { __shutoutTap?: boolean };
  if (w.__shutoutTap) return;
  w.__shutoutTap = true;

  const onMarketplace = (url: string): boolean => {
    try {
      const host = new URL(url, location.href).hostname;
      return MARKETPLACE_DOMAINS.some((d) => host === d || host.endsWith('.' + d));
    } catch {
      return false;
    }
  };
  const textual = (type: string | null) => !type || /json|javascript|text\//i.test(type);
  const post = (url: string, status: number, body: string) => {
    if (!body) return;
    window.postMessage({ source: TAP_SOURCE, url, status, body: body.slice(0, TAP_MAX_BODY) }, location.origin);
  };

  // Tell the content script once that the page uses open shadow roots, so that it sweeps for them
  // only on pages that have some (the sweep visits every element).
  const attach = Element.prototype.attachShadow;
  let announced = false;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    if (!announced && init.mode === 'open') {
      announced = true;
      document.dispatchEvent(new Event(TAP_SHADOW_EVENT));
    }
    return root;
  };

  const origFetch = window.fetch;
  window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    const result = origFetch.apply(this as typeof globalThis, args);
    result
      .then((res) => {
        if (!onMarketplace(res.url) || !textual(res.headers.get('content-type'))) return;
        const len = Number(res.headers.get('content-length') ?? 0);
        if (len > TAP_MAX_READ) return;
        res
          .clone()
          .text()
          .then((t) => post(res.url, res.status, t))
          .catch(() => {});
      })
      .catch(() => {});
    return result;
  } as typeof fetch;

  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
    this.addEventListener('loadend', () => {
      try {
        if (!onMarketplace(this.responseURL) || !textual(this.getResponseHeader('content-type'))) return;
        const t = this.responseType;
        const body = t === '' || t === 'text' ? this.responseText : t === 'json' ? JSON.stringify(this.response) : '';
        if (body.length <= TAP_MAX_READ) post(this.responseURL, this.status, body);
      } catch {
        // A response the page cannot read either.
      }
    });
    return send.apply(this, args);
  };
}
