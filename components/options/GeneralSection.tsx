import { useEffect, useRef, useState } from 'preact/hooks';
import { db } from '../../utils/storage/db';
import { t, type LanguageChoice } from '../../utils/ui/i18n';
import { DEFAULT_SETTINGS, getSettings, setSetting, type Settings } from '../../utils/storage/settings';

/** Language, profile label, redaction of exports, retention: Dexie settings (utils/storage/settings.ts). */
export function GeneralSection(props: { onLanguage(choice: LanguageChoice): Promise<void> }) {
  const [s, setS] = useState<Settings | null>(null);
  const [label, setLabel] = useState('');
  const [retention, setRetention] = useState('0');
  const [saved, setSaved] = useState('');
  const labelTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    void getSettings(db())
      .catch(() => DEFAULT_SETTINGS)
      .then((x) => {
        setS(x);
        setLabel(x.profileLabel);
        setRetention(String(x.retentionDays));
      });
  }, []);

  const save = async <K extends keyof Settings>(key: K, value: Settings[K]) => {
    await setSetting(db(), key, value);
    setS((prev) => (prev ? { ...prev, [key]: value } : prev));
    setSaved(t('saved'));
  };

  if (!s) return <section id="general" class="card" aria-busy="true" />;
  const retentionNumber = Number(retention);
  const retentionValid = retention.trim() !== '' && Number.isInteger(retentionNumber) && retentionNumber >= 0 && retentionNumber <= 36500;

  return (
    <section id="general" class="card" aria-labelledby="general-title">
      <h2 id="general-title">{t('optGeneral')}</h2>
      <div class="field">
        <label for="language">{t('optLanguage')}</label>
        <select
          id="language"
          data-testid="opt-language"
          value={s.language}
          onChange={async (e) => {
            const v = (e.currentTarget as HTMLSelectElement).value as LanguageChoice;
            await save('language', v);
            await props.onLanguage(v);
          }}
        >
          <option value="auto">{t('optLanguageAuto')}</option>
          <option value="en" lang="en">
            English
          </option>
          <option value="zh_CN" lang="zh-CN">
            简体中文
          </option>
        </select>
        <p class="hint">{t('optLanguageHint')}</p>
      </div>
      <div class="field">
        <label for="profile-label">{t('optProfileLabel')}</label>
        <input
          id="profile-label"
          type="text"
          data-testid="opt-profile-label"
          maxLength={100}
          value={label}
          aria-describedby="profile-label-hint"
          onInput={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value;
            setLabel(v);
            clearTimeout(labelTimer.current);
            labelTimer.current = setTimeout(() => void save('profileLabel', v.trim()), 400);
          }}
          onBlur={() => {
            clearTimeout(labelTimer.current);
            if (label.trim() !== s.profileLabel) void save('profileLabel', label.trim());
          }}
        />
        <p class="hint" id="profile-label-hint">
          {t('optProfileLabelHint')}
        </p>
      </div>
      <div class="field check">
        <input id="redact" type="checkbox" data-testid="opt-redact" checked={s.redactExports} aria-describedby="redact-hint" onChange={(e) => void save('redactExports', (e.currentTarget as HTMLInputElement).checked)} />
        <label for="redact">{t('optRedact')}</label>
        <p class="hint" id="redact-hint">
          {t('optRedactHint')} <strong>{t('optRedactCaveat')}</strong>
        </p>
      </div>
      <div class="field check">
        <input id="auto-scope" type="checkbox" data-testid="opt-auto-scope" checked={s.autoScopeCheck} aria-describedby="auto-scope-hint" onChange={(e) => void save('autoScopeCheck', (e.currentTarget as HTMLInputElement).checked)} />
        <label for="auto-scope">{t('optAutoScope')}</label>
        <p class="hint" id="auto-scope-hint">
          {t('optAutoScopeHint')}
        </p>
      </div>
      <div class="field">
        <label for="retention">{t('optRetention')}</label>
        <span class="inline">
          <input
            id="retention"
            type="number"
            min={0}
            max={36500}
            step={1}
            inputMode="numeric"
            data-testid="opt-retention"
            value={retention}
            aria-invalid={!retentionValid}
            aria-describedby="retention-hint retention-error"
            onInput={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              setRetention(v);
              const n = Number(v);
              if (v.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 36500) void save('retentionDays', n);
            }}
          />
          <span>{t('optDays')}</span>
        </span>
        <p class="hint" id="retention-hint">
          {t('optRetentionHint')}
        </p>
        <p class="field-error" id="retention-error">
          {retentionValid ? '' : t('optRetentionInvalid')}
        </p>
      </div>
      <p class="msg ok" role="status" aria-live="polite" data-testid="general-saved">
        {saved}
      </p>
    </section>
  );
}
