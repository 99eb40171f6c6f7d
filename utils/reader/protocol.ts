/**
 * The page reader: what needs a DOM parser, which a service worker lacks — the anonymous view's
 * HTML read for blocks (utils/scope/read-view.ts) and an item page's HTML read for coupons. On
 * Chromium it runs in an offscreen document (entrypoints/reader), on Firefox in the background
 * page itself; the worker carries none of the page-reading code (issue 13: its bundle stays small,
 * so that each of its many restarts is quick). Types and the request check only: no heavy imports.
 */
import type { OkView } from '../background/anonymous-view';
import type { CouponScan } from '../coupons/types';
import type { ViewReading } from '../scope/read-view';

/** Marks the worker's requests among the runtime messages every extension page receives. */
export const READER_TARGET = 'shutout-reader';

export type ReaderRequest =
  /** `rules`: the storage.local values of RULE_STORAGE_KEYS, so the reader judges with the user's rules and choices. */
  | { target: typeof READER_TARGET; op: 'read-view'; view: OkView; rules: Record<string, unknown> }
  | { target: typeof READER_TARGET; op: 'coupons'; html: string; url: string };

export type ReaderAnswer = { ok: true; value: unknown } | { ok: false; error: string };

export interface PageReader {
  readView(view: OkView, rules: Record<string, unknown>): Promise<ViewReading>;
  extractCoupons(html: string, url: string): Promise<CouponScan | null>;
}

/** A reader whose requests go to `ask`: the offscreen document's messages, or this context's own answers. */
export function readerOf(ask: (request: ReaderRequest) => Promise<unknown>): PageReader {
  return {
    readView: async (view, rules) => (await ask({ target: READER_TARGET, op: 'read-view', view, rules })) as ViewReading,
    extractCoupons: async (html, url) => (await ask({ target: READER_TARGET, op: 'coupons', html, url })) as CouponScan | null,
  };
}

export function isReaderRequest(m: unknown): m is ReaderRequest {
  const r = m as Partial<ReaderRequest> | null;
  if (!r || typeof r !== 'object' || r.target !== READER_TARGET) return false;
  if (r.op === 'read-view') return typeof r.view === 'object' && r.view !== null && r.view.ok === true && typeof r.rules === 'object' && r.rules !== null;
  if (r.op === 'coupons') return typeof r.html === 'string' && typeof r.url === 'string';
  return false;
}
