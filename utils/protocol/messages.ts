/**
 * The one message protocol between content scripts, the background and the popup.
 * Every message is validated by the background with these schemas (the content script only
 * imports the types, so zod stays out of its bundle).
 */
import { z } from 'zod';
import { KINDS } from '../detect/kinds';
import { VisitSchema } from '../coupons/ledger-file';
import { ObservedAtSchema, UntilSchema } from './time';
import type { Scope, ScopeCheck } from '../scope/types';

export const DetectionSchema = z.object({
  kind: z.enum(KINDS),
  platform: z.string().max(64).nullable(),
  ruleId: z.string().min(1).max(200),
  rulesetVersion: z.string().max(100),
  snippet: z.string().max(400),
  where: z.enum(['url', 'title', 'text', 'dialog', 'network']),
  confidence: z.number().min(0).max(1),
  until: UntilSchema.optional(),
  subject: z.string().max(300).optional(),
  why: z.string().max(200).optional(),
  /** For a finding of the page-world tap: the API answer it names (the background checks it was seen). */
  answer: z.object({ url: z.string().max(4096), status: z.number().int().min(0).max(999).optional() }).optional(),
});

export const PageReportSchema = z.object({
  type: z.literal('page/report'),
  /** One id per page load (and per in-app navigation): findings with the same id and rule are one record. */
  pageId: z.string().min(8).max(64),
  url: z.string().max(4096),
  title: z.string().max(1000),
  observedAt: ObservedAtSchema,
  detections: z.array(DetectionSchema).max(200),
  /** document.referrer as the content script reads it: who sent the browser here, if the sender told. */
  referrer: z.string().max(4096).optional(),
});

export const TabStatusRequestSchema = z.object({
  type: z.literal('tab/status'),
  tabId: z.number().int().nonnegative(),
});

export const CaptureRequestSchema = z.object({
  type: z.literal('capture/page'),
  tabId: z.number().int().nonnegative(),
});

/** The coupon area of an item page, as the content script read it (utils/coupons). */
export const CouponVisitSchema = z.object({
  type: z.literal('coupons/visit'),
  pageId: z.string().min(8).max(64),
  url: z.string().max(4096),
  observedAt: ObservedAtSchema,
  scan: VisitSchema.shape.scan,
});

export const CouponControlSchema = z.object({
  type: z.literal('coupons/control'),
  tabId: z.number().int().nonnegative(),
});

/** "Is it my account?": check a finding's page anonymously and record its scope (utils/background/scope.ts). */
export const ScopeCheckSchema = z.object({
  type: z.literal('scope/check'),
  findingId: z.string().min(1).max(200),
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
