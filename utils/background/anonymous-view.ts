/**
 * An anonymous view of a covered page: what a visitor without this browser's cookies is served.
 *
 * One GET without credentials to the page's own URL. Redirects are taken one hop at a time and only
 * while they stay on the page's platform (its company's hosts: Tmall's login lives on taobao.com);
 * a hop anywhere else is refused before it is requested. The body is read as a stream up to a byte
 * cap and the read is cancelled there; the whole view is bounded by a timeout. Nothing is fetched
 * for a URL that is not a covered marketplace page.
 *
 * The coupons' logged-out control view uses it today; the scope check ("is it my account or my
 * network?", issue 10) is meant to run it for every block, so it returns what that check needs:
 * each hop's status, headers and target, and the final status, headers and text, or why there is
 * no view (the reason names an inconclusive verdict: timeout, network error, a redirect off the
 * platform…).
 */
import { sameFamily } from '../detect/families';
import { isMarketplaceUrl } from '../detect/hosts';

export const ANONYMOUS_VIEW_MAX_BYTES = 8 << 20;
export const ANONYMOUS_VIEW_TIMEOUT_MS = 20_000;
export const ANONYMOUS_VIEW_MAX_REDIRECTS = 5;
/** How long a hidden redirect's target is waited for (the webRequest event comes at about the same time). */
export const HIDDEN_REDIRECT_WAIT_MS = 5_000;

/** One redirect on the way. */
export interface Hop {
  url: string;
  status: number;
  headers: Record<string, string>;
  /** The absolute URL the hop sends the visitor to. */
  location: string;
}

export type AnonymousFailure =
  /** The URL is not a covered marketplace page over http(s): nothing was fetched. */
  | 'not-covered'
  /** A redirect pointed off the platform; it was not followed. */
  | 'off-platform'
  | 'too-many-redirects'
  /** The browser answered a redirect without saying where it goes, and nothing else told. */
  | 'hidden-redirect'
  | 'timeout'
  | 'network-error';

export type AnonymousView =
  | {
      ok: true;
      /** The URL asked for. */
      url: string;
      /** Where the redirects led (the URL whose answer `status` … `text` are). */
      finalUrl: string;
      status: number;
      headers: Record<string, string>;
      redirects: Hop[];
      /** The body as text (decoded by the answer's charset, UTF-8 when it names none). */
      text: string;
      /** Bytes read; at most the cap. */
      bytes: number;
      /** The body was longer than the cap: the rest was not read. */
      truncated: boolean;
    }
  | { ok: false; url: string; reason: AnonymousFailure; message: string; redirects: Hop[] };

/** A view that was read: what the scope check and the control view judge. */
export type OkView = Extract<AnonymousView, { ok: true }>;

export interface AnonymousViewApis {
  fetch(url: string, init: RequestInit): Promise<Response>;
  /**
   * Where a redirect goes when the browser hides it: `redirect: 'manual'` answers an opaque
   * redirect with no status and no Location. The background's webRequest listener sees the hop.
   * Resolves null if it was not seen before `signal` aborts.
   */
  hiddenRedirect?(url: string, signal: AbortSignal): Promise<Omit<Hop, 'url'> | null>;
}

export interface AnonymousViewOptions {
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

function isCovered(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && isMarketplaceUrl(u.href);
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name.toLowerCase()] = value));
  return out;
}

function charsetOf(contentType: string | undefined): string {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1] ?? 'utf-8';
}

function decode(bytes: Uint8Array, contentType: string | undefined): string {
  try {
    return new TextDecoder(charsetOf(contentType)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Reads at most `max` bytes of the body and cancels the rest. */
async function readCapped(res: Response, max: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!res.body) return { bytes: new Uint8Array(0), truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = max - total;
    if (value.length >= room) {
      if (room > 0) chunks.push(value.subarray(0, room));
      total += Math.max(0, room);
      truncated = value.length > room;
      if (!truncated) {
        // Exactly at the cap: whether more follows decides "truncated".
        const next = await reader.read();
        truncated = !next.done;
      }
      if (truncated) await reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    total += value.length;
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, truncated };
}

/** Runs `wait` with a signal that aborts with `outer` or after HIDDEN_REDIRECT_WAIT_MS. */
async function waitBriefly<T>(outer: AbortSignal, wait: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const brief = new AbortController();
  const stop = () => brief.abort();
  const timer = setTimeout(stop, HIDDEN_REDIRECT_WAIT_MS);
  outer.addEventListener('abort', stop, { once: true });
  try {
    return await wait(brief.signal);
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', stop);
  }
}

/** Fetches the anonymous view of `url` (see the file's comment). Never throws. */
export async function anonymousView(url: string, apis: AnonymousViewApis, opts: AnonymousViewOptions = {}): Promise<AnonymousView> {
  const maxBytes = opts.maxBytes ?? ANONYMOUS_VIEW_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? ANONYMOUS_VIEW_TIMEOUT_MS;
  const maxRedirects = opts.maxRedirects ?? ANONYMOUS_VIEW_MAX_REDIRECTS;
  const redirects: Hop[] = [];
  const fail = (reason: AnonymousFailure, message: string): AnonymousView => ({ ok: false, url, reason, message, redirects });
  if (!isCovered(url)) return fail('not-covered', 'not a page of a covered marketplace');

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    let current = url;
    for (;;) {
      const res = await apis.fetch(current, {
        method: 'GET',
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
        referrerPolicy: 'no-referrer',
        signal: abort.signal,
      });
      let hop: Omit<Hop, 'url'> | null = null;
      if (res.type === 'opaqueredirect') {
        hop = apis.hiddenRedirect ? await waitBriefly(abort.signal, (signal) => apis.hiddenRedirect!(current, signal)) : null;
        if (!hop) return abort.signal.aborted ? fail('timeout', `no answer in ${timeoutMs} ms`) : fail('hidden-redirect', 'the page redirected and the browser did not say where');
      } else if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        let location: string;
        try {
          location = new URL(res.headers.get('location')!, current).href;
        } catch {
          return fail('off-platform', `the page redirected to an address that does not parse: ${res.headers.get('location')!.slice(0, 200)}`);
        }
        hop = { status: res.status, headers: headerRecord(res.headers), location };
        await res.body?.cancel().catch(() => {});
      }
      if (hop) {
        redirects.push({ url: current, ...hop });
        if (!isCovered(hop.location) || !sameFamily(url, hop.location)) return fail('off-platform', `the page redirected off the platform, to ${hop.location.slice(0, 200)}`);
        if (redirects.length > maxRedirects) return fail('too-many-redirects', `more than ${maxRedirects} redirects`);
        current = hop.location;
        continue;
      }
      const headers = headerRecord(res.headers);
      const { bytes, truncated } = await readCapped(res, maxBytes);
      return { ok: true, url, finalUrl: current, status: res.status, headers, redirects, text: decode(bytes, headers['content-type']), bytes: bytes.length, truncated };
    }
  } catch (e) {
    if (abort.signal.aborted) return fail('timeout', `no answer in ${timeoutMs} ms`);
    return fail('network-error', e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Redirects of the extension's own requests, as the webRequest listener saw them, for
 * `hiddenRedirect`: a hop may be seen before or after the opaque answer reaches the caller.
 */
export class HiddenRedirects {
  private seen = new Map<string, Omit<Hop, 'url'>>();
  private waiting = new Map<string, Array<(hop: Omit<Hop, 'url'>) => void>>();

  constructor(private readonly keep = 32) {}

  /** A 3xx answer with a Location to one of the extension's own requests. */
  record(url: string, status: number, headers: Record<string, string>): void {
    const raw = headers.location;
    if (!raw) return;
    let location: string;
    try {
      location = new URL(raw, url).href;
    } catch {
      location = raw;
    }
    const hop = { status, headers, location };
    const waiters = this.waiting.get(url);
    if (waiters?.length) {
      waiters.shift()!(hop);
      if (waiters.length === 0) this.waiting.delete(url);
      return;
    }
    this.seen.delete(url);
    this.seen.set(url, hop);
    if (this.seen.size > this.keep) this.seen.delete(this.seen.keys().next().value!);
  }

  wait(url: string, signal: AbortSignal): Promise<Omit<Hop, 'url'> | null> {
    const hop = this.seen.get(url);
    if (hop) {
      this.seen.delete(url);
      return Promise.resolve(hop);
    }
    if (signal.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const take = (h: Omit<Hop, 'url'>) => {
        signal.removeEventListener('abort', onAbort);
        resolve(h);
      };
      const onAbort = () => {
        const list = this.waiting.get(url);
        const i = list?.indexOf(take) ?? -1;
        if (list && i >= 0) list.splice(i, 1);
        if (list?.length === 0) this.waiting.delete(url);
        resolve(null);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const list = this.waiting.get(url) ?? [];
      list.push(take);
      this.waiting.set(url, list);
    });
  }
}
