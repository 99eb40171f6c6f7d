/**
 * "Who is blocked: my account, my network, or everyone?" (issue 10). The words a scope check
 * records, in records, chain amendments and exports alike (docs/evidence-format.md, "Scope").
 */
import type { Kind } from '../detect/kinds';

/**
 * `account`: the anonymous view is not blocked, so the block follows the signed-in account;
 * `network`: the anonymous view is blocked too, so the address, network or device is refused;
 * `inconclusive`: the anonymous view cannot tell (its `reason` says why).
 */
export const SCOPES = ['account', 'network', 'inconclusive'] as const;
export type Scope = (typeof SCOPES)[number];

/** Why a check is inconclusive. */
export const SCOPE_REASONS = [
  /** The anonymous visitor is sent to a login page, or told to sign in. */
  'login-required',
  /** The anonymous view is itself a generic challenge (a slider, a captcha): anonymous fetches meet those anyway. */
  'challenge',
  /** An error status no rule reads as a block (404, 500…). */
  'http-error',
  /** Coupons: the anonymous view is not blocked but does not show the missing offer either. */
  'offer-not-shown',
  /** The anonymous view failed: see anonymous-view.ts. */
  'timeout',
  'network-error',
  'off-platform',
  'too-many-redirects',
  'hidden-redirect',
] as const;
export type ScopeReason = (typeof SCOPE_REASONS)[number];

/** What the anonymous view showed, in one word. */
export const VIEW_VERDICTS = ['clear', 'blocked', 'challenge', 'login', 'error', 'failed'] as const;
export type ViewVerdict = (typeof VIEW_VERDICTS)[number];

/** The kinds a scope check can be run for: every block (a coupon-missing finding needs its offer). */
export const AUTO_SCOPE_KINDS: readonly Kind[] = ['account-restricted', 'access-denied', 'risk-challenge'];

/** One check, as recorded in the amendment beside `scope` (no URL, no text: nothing to redact). */
export interface ScopeCheck {
  /** When the anonymous view was fetched (UTC ISO). */
  at: string;
  /** The anonymous view's final HTTP status; null when there was no answer. */
  status: number | null;
  verdict: ViewVerdict;
  /** The kinds the detection found in the anonymous view (each hop and the final answer). */
  kinds: Kind[];
  /** The rules that fired on it, at most a few. */
  ruleIds: string[];
  /** How many redirects the view followed. */
  redirects: number;
  /** Why the check is inconclusive (only then). */
  reason?: ScopeReason;
  /** Coupons: whether the anonymous view shows the missing offer. */
  offerShown?: boolean;
}

export interface ScopeResult {
  scope: Scope;
  check: ScopeCheck;
}

const isStr = (v: unknown): v is string => typeof v === 'string';

export function isScope(v: unknown): v is Scope {
  return isStr(v) && (SCOPES as readonly string[]).includes(v);
}

/** The check of a recorded `scopeCheck` (chain replay and import trust nothing else). */
export function isScopeCheck(v: unknown): v is ScopeCheck {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const c = v as Record<string, unknown>;
  const known = new Set(['at', 'status', 'verdict', 'kinds', 'ruleIds', 'redirects', 'reason', 'offerShown']);
  if (Object.keys(c).some((k) => !known.has(k))) return false;
  if (!isStr(c.at) || c.at.length > 40 || Number.isNaN(Date.parse(c.at))) return false;
  if (!(c.status === null || (Number.isInteger(c.status) && (c.status as number) >= 0 && (c.status as number) <= 999))) return false;
  if (!isStr(c.verdict) || !(VIEW_VERDICTS as readonly string[]).includes(c.verdict)) return false;
  if (!Array.isArray(c.kinds) || c.kinds.length > 10 || !c.kinds.every((k) => isStr(k) && k.length <= 40)) return false;
  if (!Array.isArray(c.ruleIds) || c.ruleIds.length > 10 || !c.ruleIds.every((k) => isStr(k) && k.length <= 200)) return false;
  if (!Number.isInteger(c.redirects) || (c.redirects as number) < 0 || (c.redirects as number) > 20) return false;
  if (c.reason !== undefined && !(isStr(c.reason) && (SCOPE_REASONS as readonly string[]).includes(c.reason))) return false;
  if (c.offerShown !== undefined && typeof c.offerShown !== 'boolean') return false;
  return true;
}
