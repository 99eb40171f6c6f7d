/**
 * The scope decision: the signed-in finding beside what the anonymous view showed (docs in
 * utils/scope/types.ts). Pure: the tests run its table without a browser.
 */
import type { Kind } from '../detect/kinds';
import type { Detection } from '../detect/types';
import type { AnonymousView } from '../background/anonymous-view';
import type { ScopeReason, ScopeResult, ViewVerdict } from './types';

/**
 * A login page: a host whose first label says so (login.taobao.com, passport.jd.com,
 * plogin.m.jd.com) or a path that does (/member/login.jhtml, /login.html, /ap/signin).
 */
export function isLoginUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const first = u.hostname.split('.')[0] ?? '';
  if (/^(?:p?login|passport|signin|sso)$/i.test(first)) return true;
  return /\/(?:[a-z]*login|signin|sign-in|sign_in|passport)(?:[./?#_-]|$)/i.test(u.pathname);
}

/** The offer a coupon-missing finding names (`baseline|name|offerKey`). */
export function offerKeyOf(subject: string | undefined): string | null {
  if (!subject) return null;
  const i = subject.lastIndexOf('|');
  return i >= 0 ? subject.slice(i + 1) || null : null;
}

export interface SignedIn {
  kind: Kind;
  subject?: string;
}

/** Anonymous-view kinds that are blocks in their own right (not a login prompt nor a challenge). */
const BLOCKS: ReadonlySet<Kind> = new Set(['access-denied', 'promotion-denied', 'link-blocked', 'service-suspended']);

/**
 * Decide. An account notice shown to a visitor without an account asks for one (login); a
 * challenge to an anonymous fetch says nothing about this account (anonymous fetches meet those
 * anyway); a block that the anonymous view meets too is the network's.
 */
export function decideScope(
  signedIn: SignedIn,
  view: AnonymousView,
  reading: { detections: Detection[]; offerKeys: string[] | null } | null,
  at: string,
): ScopeResult {
  if (!view.ok) {
    const reason: ScopeReason = view.reason === 'not-covered' ? 'off-platform' : view.reason;
    return { scope: 'inconclusive', check: { at, status: null, verdict: 'failed', kinds: [], ruleIds: [], redirects: view.redirects.length, reason } };
  }
  const detections = reading?.detections ?? [];
  const kinds = [...new Set(detections.map((d) => d.kind))];
  const base = { at, status: view.status, kinds, ruleIds: detections.map((d) => d.ruleId).slice(0, 10), redirects: view.redirects.length };
  const inconclusive = (verdict: ViewVerdict, reason: ScopeReason): ScopeResult => ({ scope: 'inconclusive', check: { ...base, verdict, reason } });
  if (kinds.some((k) => BLOCKS.has(k))) return { scope: 'network', check: { ...base, verdict: 'blocked' } };
  if (kinds.includes('account-restricted') || isLoginUrl(view.finalUrl) || view.redirects.some((h) => isLoginUrl(h.location))) return inconclusive('login', 'login-required');
  if (kinds.includes('risk-challenge')) return inconclusive('challenge', 'challenge');
  if (view.status >= 400) return inconclusive('error', 'http-error');
  if (signedIn.kind === 'coupon-missing') {
    const key = offerKeyOf(signedIn.subject);
    const shown = !!key && !!reading?.offerKeys?.includes(key);
    return shown ? { scope: 'account', check: { ...base, verdict: 'clear', offerShown: true } } : { scope: 'inconclusive', check: { ...base, verdict: 'clear', offerShown: false, reason: 'offer-not-shown' } };
  }
  return { scope: 'account', check: { ...base, verdict: 'clear' } };
}
