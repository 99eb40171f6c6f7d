import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ScopeCheckRequest, ScopeCheckResponse } from '../utils/protocol/messages';
import { OTHERS_WINDOW_HOURS, othersAround, type OtherSighting } from '../utils/scope/others';
import { db, type FindingRecord } from '../utils/storage/db';
import { formatDateTime, formatNumber } from '../utils/ui/format';
import { kindLabel, t } from '../utils/ui/i18n';
import { scopeText, scopeViewText } from '../utils/ui/scope';
import { Icon } from './Icon';

/** Sends the scope check of a finding; the answer, or the reason it could not be made. */
export async function requestScopeCheck(findingId: string): Promise<ScopeCheckResponse> {
  const req: ScopeCheckRequest = { type: 'scope/check', findingId };
  try {
    return ((await browser.runtime.sendMessage(req)) as ScopeCheckResponse | undefined) ?? { ok: false, error: t('noAnswer') };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** The record detail's "Whom it follows": the latest scope, the check button, and others' sightings. */
export function ScopeSection(props: { record: FindingRecord; onChanged(record: FindingRecord): void }) {
  const r = props.record;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [others, setOthers] = useState<OtherSighting[] | null>(null);

  useEffect(() => {
    setMessage('');
    void othersAround(db(), r)
      .then(setOthers)
      .catch(() => setOthers([]));
  }, [r.id]);

  const check = async () => {
    setBusy(true);
    setMessage('');
    const res = await requestScopeCheck(r.id);
    if (res.ok) {
      const fresh = await db().findings.get(r.id);
      if (fresh) props.onChanged(fresh);
      setMessage(t('scopeRecorded'));
    } else setMessage(t('scopeFailed', res.error));
    setBusy(false);
  };

  return (
    <section class="scope" aria-labelledby="scope-title" data-testid="scope-section">
      <h3 id="scope-title">{t('scopeTitle')}</h3>
      {r.scope && r.scopeCheck ? (
        <p class={`scope-result scope-${r.scope}`} data-testid="scope-result" data-scope={r.scope} data-reason={r.scopeCheck.reason ?? ''}>
          <strong>{scopeText(r.scope, r.scopeCheck)}</strong>
          <span class="muted small block" data-testid="scope-view">
            {scopeViewText(r.scopeCheck)}
          </span>
        </p>
      ) : (
        <p class="muted small" data-testid="scope-result" data-scope="">
          {t('scopeNotChecked')}
        </p>
      )}
      <div class="review-actions">
        <button type="button" class="btn small" disabled={busy} data-testid="scope-check" onClick={() => void check()}>
          <Icon name="info" />
          {busy ? t('scopeChecking') : t('scopeCheckButton')}
        </button>
        <span class="muted small" role="status" aria-live="polite" data-testid="scope-message">
          {message}
        </span>
      </div>
      <p class="muted tiny">{t('scopeHelp')}</p>
      <h4>{t('othersTitle', formatNumber(OTHERS_WINDOW_HOURS))}</h4>
      {others === null ? null : others.length === 0 ? (
        <p class="muted small" data-testid="others-none">
          {t('othersNone')}
        </p>
      ) : (
        <ul class="others" data-testid="others">
          {others.map((o) => (
            <li key={`${o.label}|${o.state}`} data-state={o.state}>
              <strong>{o.label || t('othersUnlabelled')}</strong>: {o.state === 'blocked' ? t('othersBlocked', kindLabel(o.kind ?? '')) : t('othersUnblocked')}
              {' · '}
              <time dateTime={o.at}>{formatDateTime(o.at)}</time>
            </li>
          ))}
        </ul>
      )}
      {others && others.length > 0 && <p class="muted tiny">{t('othersHelp')}</p>}
    </section>
  );
}
