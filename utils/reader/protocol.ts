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
import type { ReportedDetection } from '../protocol/messages';

/** Marks the worker's requests among the runtime messages every extension page receives. */
export const READER_TARGET = 'shutout-reader';

export type ReaderRequest =
  /** `rules`: the storage.local values of RULE_STORAGE_KEYS, so the reader judges with the user's rules and choices. */
  | { target: typeof READER_TARGET; op: 'read-view'; view: OkView; rules: Record<string, unknown> }
  | { target: typeof READER_TARGET; op: 'coupons'; html: string; url: string }
  /** A tab's page as it was when the tab closed before the engine loaded (utils/content/boot.ts), with the tap's answers that came first. */
  | { target: typeof READER_TARGET; op: 'scan-page'; page: SavedPage; rules: Record<string, unknown> };

/** What the bootstrap hands over at pagehide: the page's HTML, and the tap's messages, unchecked, each with the page URL of its time. */
export interface SavedPage {
  url: string;
  html: string;
  taps: ReadonlyArray<{ data: unknown; url: string }>;
}

export type ReaderAnswer = { ok: true; value: unknown } | { ok: false; error: string };

export interface PageReader {
  readView(view: OkView, rules: Record<string, unknown>): Promise<ViewReading>;
  extractCoupons(html: string, url: string): Promise<CouponScan | null>;
  scanPage(page: SavedPage, rules: Record<string, unknown>): Promise<ReportedDetection[]>;
}

/** A reader whose requests go to `ask`: the offscreen document's messages, or this context's own answers. */
export function readerOf(ask: (request: ReaderRequest) => Promise<unknown>): PageReader {
  return {
    readView: async (view, rules) => (await ask({ target: READER_TARGET, op: 'read-view', view, rules })) as ViewReading,
    extractCoupons: async (html, url) => (await ask({ target: READER_TARGET, op: 'coupons', html, url })) as CouponScan | null,
    scanPage: async (page, rules) => (await ask({ target: READER_TARGET, op: 'scan-page', page, rules })) as ReportedDetection[],
  };
}

export function isReaderRequest(m: unknown): m is ReaderRequest {
  const r = m as Partial<ReaderRequest> | null;
  if (!r || typeof r !== 'object' || r.target !== READER_TARGET) return false;
  if (r.op === 'read-view') return typeof r.view === 'object' && r.view !== null && r.view.ok === true && typeof r.rules === 'object' && r.rules !== null;
  if (r.op === 'coupons') return typeof r.html === 'string' && typeof r.url === 'string';
  if (r.op === 'scan-page') {
    const p = r.page as Partial<SavedPage> | undefined;
    return typeof p === 'object' && p !== null && typeof p.url === 'string' && typeof p.html === 'string' && Array.isArray(p.taps) && typeof r.rules === 'object' && r.rules !== null;
  }
  return false;
}
