import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BUILTIN_RULES, KINDS, PLATFORMS, ruleSetWith, scanPageRules, type Detection, type Rule } from '../../utils/detect/index';
import { kindLabel, platformName, t } from '../../utils/ui/i18n';
import { ruleChoicesFrom } from '../../utils/storage/rule-choices';
import { checkDraft, EMPTY_DRAFT, ruleToDraft, type FieldError, type RuleDraft, type RuleField } from '../../utils/ui/rule-form';

const builtinIds = new Set(BUILTIN_RULES.map((r) => r.id));

function Errors(props: { id: string; errors?: FieldError[] }) {
  return (
    <p class="field-error" id={props.id} data-testid={props.id}>
      {(props.errors ?? []).map((e, i) => (
        <span key={i} class="block">
          {e.value !== undefined ? t('ruleErrValue', [e.value, t(e.key)]) : e.line !== undefined ? t('ruleErrLine', [String(e.line), t(e.key)]) : t(e.key)}
        </span>
      ))}
    </p>
  );
}

function defaultUrl(hosts: string): string {
  const first = hosts.split(/[\s,，、]+/).find((h) => h && h !== '*') ?? 'taobao.com';
  return `https://${first.replace(/\.\*$/, '.com')}/`;
}

/** Custom rules: a form with live validation (validateRule), a test box, the list of saved rules. */
export function RulesSection() {
  const [rules, setRules] = useState<Rule[]>([]);
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_DRAFT);
  const [editing, setEditing] = useState<string | null>(null);
  const [touched, setTouched] = useState<Set<RuleField>>(new Set());
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState('');
  const [testText, setTestText] = useState('');
  const [testUrl, setTestUrl] = useState('');
  const [testResult, setTestResult] = useState<{ fired: Detection | null; others: Detection[] } | 'invalid' | null>(null);

  useEffect(() => {
    void browser.storage.local.get('userRules').then((stored) => setRules(ruleChoicesFrom(stored).userRules));
  }, []);

  const taken = useMemo(() => new Set([...builtinIds, ...rules.map((r) => r.id).filter((id) => id !== editing)]), [rules, editing]);
  const check = useMemo(() => checkDraft(draft, taken), [draft, taken]);
  const errors = check.ok ? {} : check.errors;
  const shown = (f: RuleField) => (tried || touched.has(f) ? errors[f] : undefined);

  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((s) => new Set([...s, key as RuleField]));
    setSaved('');
    setTestResult(null);
  };

  const persist = async (next: Rule[]) => {
    await browser.storage.local.set({ userRules: next });
    setRules(next);
  };

  const onSave = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (!check.ok) {
      const firstBad = (['id', 'kind', 'platform', 'hosts', 'signal', 'phrases', 'patterns', 'confidence'] as const).find((f) => errors[f]);
      if (firstBad) document.getElementById(`rule-${firstBad}`)?.focus();
      return;
    }
    const next = [...rules.filter((r) => r.id !== check.rule.id && r.id !== editing), check.rule];
    await persist(next);
    setSaved(t('ruleSaved', check.rule.id));
    setEditing(null);
    setDraft(EMPTY_DRAFT);
    setTouched(new Set());
    setTried(false);
  };

  const runTest = () => {
    if (!check.ok) {
      setTestResult('invalid');
      return;
    }
    const url = testUrl.trim() || defaultUrl(draft.hosts);
    const found = scanPageRules(ruleSetWith([check.rule]), { url, title: '', segments: [{ where: 'dialog', text: testText }] });
    setTestResult({ fired: found.find((d) => d.ruleId === check.rule.id) ?? null, others: found.filter((d) => d.ruleId !== check.rule.id) });
  };

  const field = (f: RuleField) => ({
    id: `rule-${f}`,
    'aria-invalid': shown(f) ? true : undefined,
    'aria-describedby': `rule-${f}-error`,
    onBlur: () => setTouched((s) => new Set([...s, f])),
  });

  return (
    <section id="rules" class="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('optRules')}</h2>
      <p class="hint">{t('rulesIntro')}</p>
      <form class="rule-form" onSubmit={(e) => void onSave(e)} noValidate data-testid="rule-form">
        <div class="form-grid">
          <div class="field">
            <label for="rule-id">{t('ruleId')}</label>
            <input type="text" {...field('id')} value={draft.id} spellcheck={false} onInput={(e) => set('id', (e.currentTarget as HTMLInputElement).value)} />
            <Errors id="rule-id-error" errors={shown('id')} />
          </div>
          <div class="field">
            <label for="rule-kind">{t('ruleKind')}</label>
            <select {...field('kind')} value={draft.kind} onChange={(e) => set('kind', (e.currentTarget as HTMLSelectElement).value)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
            <Errors id="rule-kind-error" errors={shown('kind')} />
          </div>
          <div class="field">
            <label for="rule-platform">{t('rulePlatform')}</label>
            <select {...field('platform')} value={draft.platform} onChange={(e) => set('platform', (e.currentTarget as HTMLSelectElement).value)}>
              {PLATFORMS.map((p) => (
                <option key={p.id} value={p.id}>
                  {platformName(p.id)}
                </option>
              ))}
            </select>
            <Errors id="rule-platform-error" errors={shown('platform')} />
          </div>
          <div class="field">
            <label for="rule-hosts">{t('ruleHosts')}</label>
            <input type="text" {...field('hosts')} value={draft.hosts} spellcheck={false} onInput={(e) => set('hosts', (e.currentTarget as HTMLInputElement).value)} />
            <Errors id="rule-hosts-error" errors={shown('hosts')} />
          </div>
          <fieldset class="field span">
            <legend>{t('ruleSignal')}</legend>
            <label class="radio">
              <input type="radio" name="signal" value="text" data-testid="rule-signal-text" checked={draft.signal === 'text'} onChange={() => set('signal', 'text')} />
              {t('ruleSignalText')}
            </label>
            <label class="radio">
              <input type="radio" name="signal" value="url" data-testid="rule-signal-url" checked={draft.signal === 'url'} onChange={() => set('signal', 'url')} />
              {t('ruleSignalUrl')}
            </label>
          </fieldset>
          {draft.signal === 'text' ? (
            <div class="field span">
              <label for="rule-phrases">{t('rulePhrases')}</label>
              <textarea {...field('phrases')} rows={3} value={draft.phrases} onInput={(e) => set('phrases', (e.currentTarget as HTMLTextAreaElement).value)} />
              <Errors id="rule-phrases-error" errors={shown('phrases')} />
            </div>
          ) : (
            <div class="field span">
              <label for="rule-patterns">{t('rulePatterns')}</label>
              <textarea {...field('patterns')} rows={3} value={draft.patterns} spellcheck={false} onInput={(e) => set('patterns', (e.currentTarget as HTMLTextAreaElement).value)} />
              <Errors id="rule-patterns-error" errors={shown('patterns')} />
            </div>
          )}
          <div class="field">
            <label for="rule-confidence">{t('ruleConfidence')}</label>
            <input type="number" {...field('confidence')} min={0} max={1} step={0.05} value={draft.confidence} onInput={(e) => set('confidence', (e.currentTarget as HTMLInputElement).value)} />
            <Errors id="rule-confidence-error" errors={shown('confidence')} />
          </div>
          <div class="field check">
            <input type="checkbox" id="rule-prominent" checked={draft.prominent} aria-describedby="rule-prominent-hint" onChange={(e) => set('prominent', (e.currentTarget as HTMLInputElement).checked)} />
            <label for="rule-prominent">{t('ruleProminent')}</label>
            <p class="hint" id="rule-prominent-hint">
              {t('ruleProminentHint')}
            </p>
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="btn primary" data-testid="rule-save">
            {editing ? t('ruleUpdate') : t('ruleSave')}
          </button>
          {editing && (
            <button
              type="button"
              class="btn"
              onClick={() => {
                setEditing(null);
                setDraft(EMPTY_DRAFT);
                setTouched(new Set());
                setTried(false);
              }}
            >
              {t('cancel')}
            </button>
          )}
          <span class={check.ok ? 'msg ok' : 'msg'} role="status" aria-live="polite" data-testid="rule-status">
            {saved || (tried && !check.ok ? t('ruleFixErrors') : '')}
          </span>
        </div>
      </form>

      <div class="test-box" role="group" aria-labelledby="rule-test-title">
        <h3 id="rule-test-title">{t('ruleTestTitle')}</h3>
        <div class="field">
          <label for="rule-test-url">{t('ruleTestUrl')}</label>
          <input id="rule-test-url" type="text" data-testid="rule-test-url" placeholder={defaultUrl(draft.hosts)} value={testUrl} spellcheck={false} onInput={(e) => setTestUrl((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="rule-test-text">{t('ruleTestText')}</label>
          <textarea id="rule-test-text" rows={3} data-testid="rule-test-text" value={testText} onInput={(e) => setTestText((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <button type="button" class="btn" data-testid="rule-test" onClick={runTest}>
          {t('ruleTestRun')}
        </button>
        <div class="test-result" role="status" aria-live="polite" data-testid="rule-test-result" data-fired={testResult && testResult !== 'invalid' ? String(!!testResult.fired) : ''}>
          {testResult === 'invalid' && <p class="error-text">{t('ruleTestInvalid')}</p>}
          {testResult && testResult !== 'invalid' && (
            <>
              <p class={testResult.fired ? 'fired' : 'not-fired'}>
                <strong>{testResult.fired ? t('ruleTestFired') : t('ruleTestNotFired')}</strong>
              </p>
              {testResult.fired && (
                <blockquote class="snippet-full" data-testid="rule-test-snippet">
                  {testResult.fired.snippet}
                </blockquote>
              )}
              {testResult.others.length > 0 && <p class="hint">{t('ruleTestOthers', testResult.others.map((d) => d.ruleId).join(', '))}</p>}
            </>
          )}
        </div>
      </div>

      <h3>{t('rulesSaved')}</h3>
      {rules.length === 0 ? (
        <p class="hint" data-testid="rules-none">
          {t('rulesNone')}
        </p>
      ) : (
        <ul class="rule-list" data-testid="rule-list">
          {rules.map((r) => (
            <li key={r.id} data-rule={r.id}>
              <div>
                <code>{r.id}</code> · {kindLabel(r.kind)} · {platformName(r.platform)}
                <span class="hint block">{(r.phrases ?? r.patterns ?? []).join(' | ')}</span>
              </div>
              <span class="rule-actions">
                <button
                  type="button"
                  class="btn small"
                  aria-label={t('ruleEditNamed', r.id)}
                  onClick={() => {
                    setEditing(r.id);
                    setDraft(ruleToDraft(r));
                    setTouched(new Set());
                    document.getElementById('rule-id')?.focus();
                  }}
                >
                  {t('ruleEdit')}
                </button>
                <button
                  type="button"
                  class="btn small"
                  data-testid={`rule-delete-${r.id}`}
                  aria-label={t('ruleDeleteNamed', r.id)}
                  onClick={async () => {
                    await persist(rules.filter((x) => x.id !== r.id));
                    setSaved(t('ruleDeleted', r.id));
                  }}
                >
                  {t('ruleDelete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
