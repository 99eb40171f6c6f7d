import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '../../utils/storage/db';
import { ensureSigningKey } from '../../utils/evidence/keystore';
import { formatFingerprint } from '../../utils/evidence/signing';
import { t } from '../../utils/ui/i18n';
import { getSettings, setSetting } from '../../utils/storage/settings';
import { formatDateTime } from '../../utils/ui/format';

/** The installation's signing key (its fingerprint, to hand over in advance) and the opt-in timestamp service. */
export function SigningSection() {
  const [key, setKey] = useState<{ fingerprint: string; createdAt: string } | null>(null);
  const [keyError, setKeyError] = useState('');
  const [copied, setCopied] = useState(false);
  const [tsa, setTsa] = useState('');
  const [tsaMsg, setTsaMsg] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void ensureSigningKey(db())
      .then((k) => setKey({ fingerprint: k.fingerprint, createdAt: k.createdAt }))
      .catch((e) => setKeyError(t('optSigningNone', (e as Error).message)));
    void getSettings(db()).then((s) => setTsa(s.tsaUrl));
  }, []);

  const copy = async () => {
    if (!key) return;
    await navigator.clipboard.writeText(key.fingerprint).catch(() => {});
    setCopied(true);
  };

  const saveTsa = async () => {
    const url = tsa.trim();
    if (url && !/^https?:\/\/[^\s/]+/i.test(url)) {
      setTsaMsg({ text: t('optTsaInvalid'), error: true });
      return;
    }
    let granted = true;
    if (url) {
      // Without access to the service's site, the request depends on the service allowing cross-origin requests.
      try {
        granted = await browser.permissions.request({ origins: [`${new URL(url).origin}/*`] });
      } catch {
        granted = false;
      }
    }
    await setSetting(db(), 'tsaUrl', url);
    setTsaMsg({ text: !url ? t('optTsaOff') : granted ? t('optTsaSaved', url) : t('optTsaNoPermission'), error: false });
  };

  return (
    <section id="signing" class="card" aria-labelledby="signing-title">
      <h2 id="signing-title">{t('optSigningTitle')}</h2>
      <p class="hint">{t('optSigningIntro')}</p>
      {key && (
        <div class="field">
          <strong class="small">{t('optSigningFingerprint')}</strong>
          <p class="mono fingerprint" data-testid="key-fingerprint" data-fingerprint={key.fingerprint}>
            {formatFingerprint(key.fingerprint)}
          </p>
          <p class="hint">{t('optSigningCreated', formatDateTime(key.createdAt))}</p>
          <div class="form-actions">
            <button type="button" class="btn" data-testid="key-copy" onClick={() => void copy()}>
              {t('optSigningCopy')}
            </button>
            <span role="status" aria-live="polite" class="msg ok">
              {copied ? t('optSigningCopied') : ''}
            </span>
          </div>
        </div>
      )}
      {keyError && (
        <p class="msg error" role="alert">
          {keyError}
        </p>
      )}
      <div class="field">
        <label for="tsa-url">{t('optTsa')}</label>
        <span class="inline">
          <input id="tsa-url" type="url" data-testid="opt-tsa" placeholder="https://" value={tsa} aria-describedby="tsa-hint" onInput={(e) => setTsa((e.currentTarget as HTMLInputElement).value)} />
          <button type="button" class="btn" data-testid="opt-tsa-save" onClick={() => void saveTsa()}>
            {t('optTsaSave')}
          </button>
        </span>
        <p class="hint" id="tsa-hint">
          {t('optTsaHint')}
        </p>
        <p class={tsaMsg?.error ? 'field-error' : 'msg ok'} role="status" aria-live="polite" data-testid="tsa-message">
          {tsaMsg?.text ?? ''}
        </p>
      </div>
    </section>
  );
}
