import { useState } from 'preact/hooks';
import { exportLedger, importLedger, LedgerImportError, parseLedger } from '../../utils/coupons/ledger-file';
import { db } from '../../utils/storage/db';
import { fileStamp } from '../../utils/evidence/export';
import { t } from '../../utils/ui/i18n';
import { getSettings } from '../../utils/storage/settings';
import { downloadBlob } from '../../utils/ui/download';
import { Icon } from '../Icon';

/** Coupon ledger out (for others to compare with) and in (a baseline to compare with). */
export function CouponLedgerSection() {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const doExport = async () => {
    const { profileLabel, redactExports } = await getSettings(db());
    const file = await exportLedger(db(), profileLabel, new Date(), redactExports);
    downloadBlob(`shutout-coupons-${fileStamp(new Date(file.exportedAt))}.json`, new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    setMessage({ text: t('ledgerExported', String(file.visits.length)), error: false });
  };

  const doImport = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = parseLedger(await file.text(), file.name);
      const r = await importLedger(db(), parsed, file.name);
      setMessage({ text: t('ledgerImported', [r.baselineName, String(r.added), String(r.skipped)]), error: false });
    } catch (e) {
      setMessage({ text: e instanceof LedgerImportError ? e.message : String((e as Error).message ?? e), error: true });
    }
    setInputKey((n) => n + 1);
  };

  return (
    <section id="coupon-ledger" class="card" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('ledgerTitle')}</h2>
      <p class="hint">{t('ledgerIntro')}</p>
      <div class="file-row">
        <button type="button" class="btn" data-testid="ledger-export" onClick={() => void doExport()}>
          <Icon name="download" />
          {t('ledgerExport')}
        </button>
        <input
          key={inputKey}
          id="ledger-file"
          class="file-input"
          type="file"
          accept=".json,application/json"
          data-testid="ledger-file"
          onChange={(e) => void doImport((e.currentTarget as HTMLInputElement).files?.[0])}
        />
        <label for="ledger-file" class="btn file-label">
          <Icon name="upload" />
          {t('ledgerImportChoose')}
        </label>
      </div>
      {message && (
        <p class={message.error ? 'banner error' : 'msg ok'} role="status" aria-live="polite" data-testid="ledger-message" data-error={message.error}>
          {message.text}
        </p>
      )}
    </section>
  );
}
