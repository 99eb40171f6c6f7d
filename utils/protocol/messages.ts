/**
 * The one message protocol between content scripts, the background and the popup.
 * Every message is validated by the background with these schemas (the content script only
 * imports the types). Valibot: modular, so the service worker, which starts often and must start
 * fast, carries only the checks it uses (issue 13).
 */
import * as v from 'valibot';
import { KINDS } from '../detect/kinds';
import { ScanSchema } from '../coupons/schema';
import { int, range, text } from './schema';
import { ObservedAtSchema, UntilSchema } from './time';
import { PAGE_HTML_LIMIT } from './limits';
import type { Scope, ScopeCheck } from '../scope/types';

/** A request about one tab, from an extension page. */
const tabRequest = <T extends string>(type: T) => v.object({ type: v.literal(type), tabId: int(0, Number.MAX_SAFE_INTEGER) });

export const DetectionSchema = v.object({
  kind: v.picklist(KINDS),
  platform: v.nullable(text(64)),
  ruleId: text(200, 1),
  rulesetVersion: text(100),
  snippet: text(400),
  where: v.picklist(['url', 'title', 'text', 'dialog', 'network']),
  confidence: range(0, 1),
  until: v.optional(UntilSchema),
  subject: v.optional(text(300)),
  why: v.optional(text(200)),
  /** For a finding of the page-world tap: the API answer it names (the background checks it was seen). */
  answer: v.optional(v.object({ url: text(4096), status: v.optional(int(0, 999)) })),
});

export const PageReportSchema = v.object({
  type: v.literal('page/report'),
  /** One id per page load (and per in-app navigation): findings with the same id and rule are one record. */
  pageId: text(64, 8),
  url: text(4096),
  title: text(1000),
  observedAt: ObservedAtSchema,
  detections: v.pipe(v.array(DetectionSchema), v.maxLength(200)),
  /** document.referrer as the content script reads it: who sent the browser here, if the sender told. */
  referrer: v.optional(text(4096)),
});

export { PAGE_HTML_LIMIT };

/**
 * A page the tab left before the engine loaded (the watch script runs at document_idle): the
 * bootstrap's HTML of it and the tap's messages that came first (utils/content/boot.ts). The
 * background has the page reader judge it as `shutout scan` judges a saved page.
 */
export const PageHtmlSchema = v.object({
  type: v.literal('page/html'),
  pageId: text(64, 8),
  url: text(4096),
  title: text(1000),
  observedAt: ObservedAtSchema,
  html: text(PAGE_HTML_LIMIT),
  /** The tap's messages as the page posted them: untrusted, checked by the reader (acceptTap). */
  taps: v.pipe(v.array(v.object({ data: v.unknown(), url: text(4096) })), v.maxLength(50)),
  referrer: v.optional(text(4096)),
});

export const TabStatusRequestSchema = tabRequest('tab/status');

export const CaptureRequestSchema = tabRequest('capture/page');

/** The coupon area of an item page, as the content script read it (utils/coupons). */
export const CouponVisitSchema = v.object({
  type: v.literal('coupons/visit'),
  pageId: text(64, 8),
  url: text(4096),
  observedAt: ObservedAtSchema,
  scan: ScanSchema,
});

export const CouponControlSchema = tabRequest('coupons/control');

/** "Is it my account?": check a finding's page anonymously and record its scope (utils/background/scope.ts). */
export const ScopeCheckSchema = v.object({
  type: v.literal('scope/check'),
  findingId: text(200, 1),
});

/** The watch script asks for the built-in detectors' data, which its bundle does not carry (utils/detect/shipped-builtin.ts). */
export const BuiltinRequestSchema = v.object({ type: v.literal('rules/builtin') });

export const MessageSchema = v.variant('type', [PageReportSchema, PageHtmlSchema, TabStatusRequestSchema, CaptureRequestSchema, CouponVisitSchema, CouponControlSchema, ScopeCheckSchema, BuiltinRequestSchema]);

export type PageReport = v.InferOutput<typeof PageReportSchema>;
export type PageHtml = v.InferOutput<typeof PageHtmlSchema>;
/** A finding as a page reports it: a tap's finding names the answer it came from. */
export type ReportedDetection = v.InferOutput<typeof DetectionSchema>;
export type TabStatusRequest = v.InferOutput<typeof TabStatusRequestSchema>;
export type CaptureRequest = v.InferOutput<typeof CaptureRequestSchema>;
export type CouponVisitMessage = v.InferOutput<typeof CouponVisitSchema>;
export type CouponControlRequest = v.InferOutput<typeof CouponControlSchema>;
export type ScopeCheckRequest = v.InferOutput<typeof ScopeCheckSchema>;
export type BuiltinRequest = v.InferOutput<typeof BuiltinRequestSchema>;
export type Message = v.InferOutput<typeof MessageSchema>;

export interface TabStatus {
  tabId: number;
  pageId: string;
  url: string;
  platform: string | null;
  checkedAt: string;
  detections: Array<v.InferOutput<typeof DetectionSchema>>;
}

/**
 * `retry: false`: the message itself is invalid and will never be accepted, so the sender drops it
 * (utils/content/outbox.ts) instead of retrying it, and holding the reports behind it, for ever.
 */
export type Refusal = { ok: false; error: string; retry?: false };

/** `limited`: beyond the tab's budget of page loads (utils/background/budgets.ts): shown, not recorded. */
export type PageReportResponse = { ok: true; stored: number; limited?: true } | Refusal;
export type TabStatusResponse = { ok: true; status: TabStatus | null } | { ok: false; error: string };

export type CaptureResponse =
  | { ok: true; captures: Array<{ id: string; type: 'screenshot' | 'mhtml'; sha256: string; size: number }>; findingId: string | null; warnings?: string[] }
  | { ok: false; error: string };

export type CouponVisitResponse = { ok: true; missing: number } | { ok: false; error: string };
export type CouponControlResponse =
  | { ok: true; state: 'present' | 'empty' | 'not-loaded'; offers: number; missing: number }
  | { ok: false; error: string };

/** `checked`: how many findings of that page load got the scope (one view for all of them). */
export type ScopeCheckResponse = { ok: true; scope: Scope; check: ScopeCheck; checked: number } | { ok: false; error: string };

/** `data`: the JSON text of utils/detect/shipped-builtin.ts's BuiltinData. */
export type BuiltinResponse = { ok: true; data: string } | { ok: false; error: string };

export interface ResponseFor {
  'rules/builtin': BuiltinResponse;
  'scope/check': ScopeCheckResponse;
  'coupons/visit': CouponVisitResponse;
  'coupons/control': CouponControlResponse;
  'page/report': PageReportResponse;
  'page/html': PageReportResponse;
  'tab/status': TabStatusResponse;
  'capture/page': CaptureResponse;
}
