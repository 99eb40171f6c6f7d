/**
 * The one message protocol between content scripts, the background and the popup.
 * Every message is validated by the background with these schemas (the content script only
 * imports the types, so zod stays out of its bundle), written with zod's functional build
 * (`zod/mini`), a fraction of the full library's size in the service worker.
 */
import * as z from 'zod/mini';
import { KINDS } from '../detect/kinds';
import { VisitSchema } from '../coupons/schema';
import { ObservedAtSchema, UntilSchema } from './time';
import type { Scope, ScopeCheck } from '../scope/types';

/** Text of at most `max` characters (and at least `min`). */
const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
const tabId = () => z.int().check(z.gte(0));

export const DetectionSchema = z.object({
  kind: z.enum(KINDS),
  platform: z.nullable(text(64)),
  ruleId: text(200, 1),
  rulesetVersion: text(100),
  snippet: text(400),
  where: z.enum(['url', 'title', 'text', 'dialog', 'network']),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  until: z.optional(UntilSchema),
  subject: z.optional(text(300)),
  why: z.optional(text(200)),
  /** For a finding of the page-world tap: the API answer it names (the background checks it was seen). */
  answer: z.optional(z.object({ url: text(4096), status: z.optional(z.int().check(z.gte(0), z.lte(999))) })),
});

export const PageReportSchema = z.object({
  type: z.literal('page/report'),
  /** One id per page load (and per in-app navigation): findings with the same id and rule are one record. */
  pageId: text(64, 8),
  url: text(4096),
  title: text(1000),
  observedAt: ObservedAtSchema,
  detections: z.array(DetectionSchema).check(z.maxLength(200)),
  /** document.referrer as the content script reads it: who sent the browser here, if the sender told. */
  referrer: z.optional(text(4096)),
});

export const TabStatusRequestSchema = z.object({
  type: z.literal('tab/status'),
  tabId: tabId(),
});

export const CaptureRequestSchema = z.object({
  type: z.literal('capture/page'),
  tabId: tabId(),
});

/** The coupon area of an item page, as the content script read it (utils/coupons). */
export const CouponVisitSchema = z.object({
  type: z.literal('coupons/visit'),
  pageId: text(64, 8),
  url: text(4096),
  observedAt: ObservedAtSchema,
  scan: VisitSchema.shape.scan,
});

export const CouponControlSchema = z.object({
  type: z.literal('coupons/control'),
  tabId: tabId(),
});

/** "Is it my account?": check a finding's page anonymously and record its scope (utils/background/scope.ts). */
export const ScopeCheckSchema = z.object({
  type: z.literal('scope/check'),
  findingId: text(200, 1),
});

export const MessageSchema = z.discriminatedUnion('type', [PageReportSchema, TabStatusRequestSchema, CaptureRequestSchema, CouponVisitSchema, CouponControlSchema, ScopeCheckSchema]);

export type PageReport = z.infer<typeof PageReportSchema>;
export type TabStatusRequest = z.infer<typeof TabStatusRequestSchema>;
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;
export type CouponVisitMessage = z.infer<typeof CouponVisitSchema>;
export type CouponControlRequest = z.infer<typeof CouponControlSchema>;
export type ScopeCheckRequest = z.infer<typeof ScopeCheckSchema>;
export type Message = z.infer<typeof MessageSchema>;

export interface TabStatus {
  tabId: number;
  pageId: string;
  url: string;
  platform: string | null;
  checkedAt: string;
  detections: Array<z.infer<typeof DetectionSchema>>;
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

export interface ResponseFor {
  'scope/check': ScopeCheckResponse;
  'coupons/visit': CouponVisitResponse;
  'coupons/control': CouponControlResponse;
  'page/report': PageReportResponse;
  'tab/status': TabStatusResponse;
  'capture/page': CaptureResponse;
}
