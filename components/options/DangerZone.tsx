import { useEffect, useState } from 'preact/hooks';
import { db } from '../../utils/storage/db';
import { makeReplacementKey } from '../../utils/evidence/keystore';
import { chainHead, wipeAll } from '../../utils/evidence/store';
import { t } from '../../utils/ui/i18n';
import { formatNumber } from '../../utils/ui/format';

/** Delete all data, after typing a confirmation word; the wipe itself stays on record in the new chain. */
export function DangerZone() {
  const [head, setHead] = useState<{ length: number; head: string | null } | null>(null);
  const [records, setRecords] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ seq: number; hash: string } | null>(null);
  const [error, setError] = useState('');
  const [newKey, setNewKey] = useState(false);

  const load = async () => {
    setHead(await chainHead(db()));
    setRecords(await db().findings.count());
  };
  useEffect(() => void load().catch(() => {}), []);

  const word = t('deleteWord');
  const confirmed = typed.trim().toLowerCase() === word.toLowerCase();

  const wipe = async () => {
    if (!confirmed) return;
    setBusy(true);
    setError('');
    try {
      // The new key is made before the deletion's transaction (WebCrypto is not an IndexedDB request).
      const entry = await wipeAll(db(), new Date(), newKey ? { newKey: await makeReplacementKey() } : {});
      setOpen(false);
      setTyped('');
      // The chain's new state first, then the result: shown together, they never disagree.
      await load();
      setResult({ seq: entry.seq, hash: entry.hash });
    } catch (e) {
      setError(t('deleteFailed', (e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="delete" class="card danger" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('optDelete')}</h2>
      <p class="hint">{t('deleteIntro')}</p>
      {head && (
        <p class="small" data-testid="chain-head" data-length={head.length} data-head={head.head ?? ''}>
          {t('chainState', [formatNumber(records ?? 0), formatNumber(head.length)])}
          <span class="mono block tiny">{head.head ?? '—'}</span>
        </p>
      )}
      {!open ? (
        <button type="button" class="btn" data-testid="delete-start" aria-expanded={false} aria-controls="delete-confirm" onClick={() => setOpen(true)}>
          {t('deleteStart')}
        </button>
      ) : (
        <div id="delete-confirm" class="confirm-box">
          <label for="delete-word">{t('deleteType', word)}</label>
          <input id="delete-word" type="text" data-testid="delete-word" value={typed} autoComplete="off" onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} />
          <label class="check-item">
            <input id="delete-new-key" type="checkbox" data-testid="delete-new-key" checked={newKey} onChange={(e) => setNewKey((e.currentTarget as HTMLInputElement).checked)} />
            <span>{t('deleteNewKey')}</span>
          </label>
          <div class="form-actions">
            <button type="button" class="btn danger" data-testid="delete-confirm" disabled={!confirmed || busy} onClick={() => void wipe()}>
              {t('deleteConfirm')}
            </button>
            <button
              type="button"
              class="btn"
              onClick={() => {
                setOpen(false);
                setTyped('');
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {result && (
          <p class="msg ok" data-testid="wipe-result" data-seq={result.seq} data-hash={result.hash}>
            {t('deleteDone', String(result.seq))}
            <span class="mono block tiny">{result.hash}</span>
          </p>
        )}
      </div>
      {error && (
        <p class="msg error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
