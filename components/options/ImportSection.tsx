import { useState } from 'preact/hooks';
import { db } from '../../utils/storage/db';
import { applyImport, ImportError, planImport, type ImportPlan } from '../../utils/evidence/import';
import { t, tn } from '../../utils/ui/i18n';
import { formatDateTime, formatNumber } from '../../utils/ui/format';
import { previewImport, type ImportPreview } from '../../utils/ui/import-preview';
import { Icon } from '../Icon';

type State =
  | { step: 'idle' }
  | { step: 'reading'; name: string }
  | { step: 'ready'; name: string; plan: ImportPlan; preview: ImportPreview }
  | { step: 'importing'; name: string }
  | { step: 'done'; name: string; added: number; skipped: number }
  | { step: 'error'; name: string; message: string };

/** Import a JSON export or a ZIP bundle: check it, show what it adds, then add it (or nothing, on error). */
export function ImportSection() {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [inputKey, setInputKey] = useState(0);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setState({ step: 'reading', name: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const plan = planImport(bytes, file.name);
      const preview = await previewImport(db(), plan);
      setState({ step: 'ready', name: file.name, plan, preview });
    } catch (e) {
      setState({ step: 'error', name: file.name, message: e instanceof ImportError ? e.message : String((e as Error).message ?? e) });
    }
  };

  const apply = async () => {
    if (state.step !== 'ready') return;
    const { name, plan } = state;
    setState({ step: 'importing', name });
    try {
      const r = await applyImport(db(), plan);
      setState({ step: 'done', name, added: r.added, skipped: r.skipped });
    } catch (e) {
      setState({ step: 'error', name, message: e instanceof ImportError ? e.message : String((e as Error).message ?? e) });
    }
    setInputKey((n) => n + 1);
  };

  const reset = () => {
    setState({ step: 'idle' });
    setInputKey((n) => n + 1);
  };

  return (
    <section id="import" class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('optImport')}</h2>
      <p class="hint">{t('importIntro')}</p>
      <div class="file-row">
        {/* The browser's own file button speaks the browser's language; this one speaks the UI's. */}
        <input
          key={inputKey}
          id="import-file"
          class="file-input"
          type="file"
          accept=".json,.zip,application/json,application/zip"
          data-testid="import-file"
          aria-describedby="import-file-name"
          onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />
        <label for="import-file" class="btn file-label">
          <Icon name="upload" />
          {t('importChoose')}
        </label>
        <span id="import-file-name" class="hint">
          {state.step === 'idle' ? t('importNoFile') : state.name}
        </span>
      </div>
      <div role="status" aria-live="polite" data-testid="import-status" data-step={state.step}>
        {state.step === 'reading' && <p class="hint">{t('importReading', state.name)}</p>}
        {state.step === 'importing' && <p class="hint">{t('importImporting', state.name)}</p>}
        {state.step === 'ready' && (
          <div class="import-plan" data-testid="import-plan" data-fresh={state.preview.fresh}>
            <p>
              <strong>{state.name}</strong>
            </p>
            <ul>
              <li>{tn('importInFile', state.preview.inFile, formatNumber(state.preview.inFile))}</li>
              <li>{t('importFresh', formatNumber(state.preview.fresh))}</li>
              <li>{t('importAlready', formatNumber(state.preview.already))}</li>
              {state.preview.from && state.preview.to && <li>{t('importSpan', [formatDateTime(state.preview.from), formatDateTime(state.preview.to)])}</li>}
            </ul>
            <div class="form-actions">
              <button type="button" class="btn primary" data-testid="import-apply" disabled={state.preview.fresh === 0} onClick={() => void apply()}>
                {tn('importApply', state.preview.fresh, formatNumber(state.preview.fresh))}
              </button>
              <button type="button" class="btn" data-testid="import-cancel" onClick={reset}>
                {t('cancel')}
              </button>
            </div>
            {state.preview.fresh === 0 && <p class="hint">{t('importNothingNew')}</p>}
          </div>
        )}
        {state.step === 'done' && (
          <p class="msg ok" data-testid="import-done" data-added={state.added} data-skipped={state.skipped}>
            {t('importDone', [formatNumber(state.added), formatNumber(state.skipped)])}
          </p>
        )}
      </div>
      {state.step === 'error' && (
        <div class="banner error" role="alert" data-testid="import-error">
          <Icon name="warning" />
          <span>
            <strong>{t('importFailed')}</strong> {t('importNothingChanged')}
            <span class="block mono small">{state.message}</span>
          </span>
        </div>
      )}
    </section>
  );
}
