import { useEffect, useRef, useState } from 'preact/hooks';
import type { WorkerReply, WorkerRequest } from '../../utils/evidence/import-protocol';
import { t, tn } from '../../utils/ui/i18n';
import { formatDateTime, formatNumber } from '../../utils/ui/format';
import type { ImportPreview } from '../../utils/ui/import-preview';
import { formatFingerprint } from '../../utils/evidence/signing';
import { Icon } from '../Icon';
import ImportWorker from '../../utils/evidence/import.worker.ts?worker';

type State =
  | { step: 'idle' }
  | { step: 'reading'; name: string; done: number; total: number }
  | { step: 'ready'; name: string; preview: ImportPreview }
  | { step: 'importing'; name: string; done: number; total: number }
  | { step: 'done'; name: string; added: number; skipped: number }
  | { step: 'error'; name: string; message: string };

/**
 * Import a JSON export or a ZIP bundle: check it, show what it adds, then add it (or nothing, on
 * error). The work runs in a worker (utils/evidence/import.worker.ts), so that a file of a million
 * entries does not freeze this page; it reports progress as it goes.
 */
export function ImportSection() {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [inputKey, setInputKey] = useState(0);
  const worker = useRef<Worker | null>(null);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  const start = (name: string): Worker => {
    stop();
    const w = new ImportWorker();
    w.onmessage = (ev: MessageEvent<WorkerReply>) => {
      const m = ev.data;
      if (m.type === 'progress') setState((s) => (s.step === 'reading' || s.step === 'importing' ? { ...s, done: m.done, total: m.total } : s));
      else if (m.type === 'planned') setState({ step: 'ready', name, preview: m.preview });
      else if (m.type === 'done') {
        setState({ step: 'done', name, added: m.added, skipped: m.skipped });
        setInputKey((n) => n + 1);
        stop();
      } else {
        setState({ step: 'error', name, message: m.message });
        setInputKey((n) => n + 1);
        stop();
      }
    };
    w.onerror = (e) => {
      setState({ step: 'error', name, message: e.message || 'the import worker failed' });
      stop();
    };
    worker.current = w;
    return w;
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setState({ step: 'reading', name: file.name, done: 0, total: 0 });
    const bytes = await file.arrayBuffer();
    const req: WorkerRequest = { type: 'plan', bytes, name: file.name };
    start(file.name).postMessage(req, [bytes]);
  };

  const apply = () => {
    if (state.step !== 'ready' || !worker.current) return;
    setState({ step: 'importing', name: state.name, done: 0, total: state.preview.fresh });
    const req: WorkerRequest = { type: 'apply' };
    worker.current.postMessage(req);
  };

  const reset = () => {
    stop();
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
        {state.step === 'reading' && (
          <p class="hint" data-testid="import-progress" data-done={state.done} data-total={state.total}>
            {state.total ? t('importProgress', [state.name, formatNumber(state.done), formatNumber(state.total)]) : t('importReading', state.name)}
            {state.total > 0 && <progress max={state.total} value={state.done} />}
          </p>
        )}
        {state.step === 'importing' && (
          <p class="hint" data-testid="import-progress" data-done={state.done} data-total={state.total}>
            {state.done ? t('importStoring', [formatNumber(state.done), formatNumber(state.total)]) : t('importImporting', state.name)}
            {state.total > 0 && <progress max={state.total} value={state.done} />}
          </p>
        )}
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
              <li data-testid="import-key">{state.preview.fingerprint ? t('importSignedBy', formatFingerprint(state.preview.fingerprint)) : t('importUnsigned')}</li>
            </ul>
            <div class="form-actions">
              <button type="button" class="btn primary" data-testid="import-apply" disabled={state.preview.fresh === 0} onClick={apply}>
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
