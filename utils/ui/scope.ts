/** The popup's words for a scope check (utils/scope): one sentence per scope, one per view. */
import type { ScopeCheck, Scope } from '../scope/types';
import { t, type MessageKey } from './i18n';
import { formatDateTime } from './format';

const under = (s: string) => s.replace(/-/g, '_');

export function scopeReasonText(reason: string | undefined): string {
  if (!reason) return '';
  const key = `scopeReason_${under(reason)}` as MessageKey;
  const s = t(key);
  return s === key ? reason : s;
}

/** "My account: …", "My network: …", "Inconclusive: login required". */
export function scopeText(scope: Scope, check?: ScopeCheck): string {
  if (scope === 'inconclusive') return t('scope_inconclusive', scopeReasonText(check?.reason));
  return t(scope === 'account' ? 'scope_account' : 'scope_network');
}

export function scopeShort(scope: Scope): string {
  return t(`scopeShort_${scope}` as MessageKey);
}

/** "Anonymous view 2026-03-20 16:00: status 403, blocked". */
export function scopeViewText(check: ScopeCheck): string {
  const verdict = t(`scopeVerdict_${check.verdict}` as MessageKey);
  const parts = [check.status !== null ? t('scopeStatus', String(check.status)) : '', verdict].filter(Boolean);
  return t('scopeView', [formatDateTime(check.at), parts.join(', ')]);
}
