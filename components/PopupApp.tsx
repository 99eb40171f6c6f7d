import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db, type FindingRecord } from '../utils/db';
import { exportDatabase, type ExportFormat } from '../utils/evidence/export-browser';
import { getSettings } from '../utils/settings';
import { t } from '../utils/i18n';
import type { CaptureRequest, CaptureResponse, TabStatus, TabStatusRequest, TabStatusResponse } from '../utils/messages';
import { isMarketplaceUrl } from '../utils/hosts';
import { RecordList } from './RecordList';
import { StatusCard } from './StatusCard';

const LATEST = 8;

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PopupApp(props: { loadTab: () => Promise<{ id: number; url: string } | null> }) {
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [watched, setWatched] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const [latest, setLatest] = useState<FindingRecord[]>([]);
  const [message, setMessage] = useState('');
  const [tabId, setTabId] = useState<number | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const tab = await props.loadTab();
      const stored = await browser.storage.local.get('storageError');
      const err = stored.storageError as { message?: string } | null | undefined;
      setStorageError(err?.message ?? null);
      if (tab) {
        setTabId(tab.id);
        setWatched(isMarketplaceUrl(tab.url));
        const req: TabStatusRequest = { type: 'tab/status', tabId: tab.id };
        const res = (await browser.runtime.sendMessage(req)) as TabStatusResponse;
        if (res.ok) setStatus(res.status);
      }
      setCount(await db().findings.count());
      setLatest(await db().findings.orderBy('observedAt').reverse().limit(LATEST).toArray());
    })();
  }, []);

  async function exportAs(format: ExportFormat) {
    const settings = await getSettings(db());
    const result = await exportDatabase(
      db(),
      format,
      { generator: { name: 'Shutout', version: browser.runtime.getManifest().version }, profileLabel: settings.profileLabel, exportedAt: new Date().toISOString() },
      { redact: settings.redactExports },
    );
    download(result.name, result.blob);
    setMessage(t('exported', String(result.count)));
  }

  async function capture() {
    if (tabId === null) return;
    const req: CaptureRequest = { type: 'capture/page', tabId };
    const res = (await browser.runtime.sendMessage(req)) as CaptureResponse;
    setMessage(res.ok ? res.captures.map((c) => `${c.type} sha256:${c.sha256.slice(0, 16)}…`).join(' · ') : res.error);
  }

  return (
    <main>
      <header>
        <h1>{t('popupTitle')}</h1>
        <button type="button" onClick={() => void exportAs('json')} data-testid="export-json">
          {t('exportJson')}
        </button>
      </header>
      {storageError && (
        <p class="status blocked" role="alert" data-testid="storage-error">
          {storageError}
        </p>
      )}
      <p>
        <button type="button" onClick={() => void exportAs('csv')} data-testid="export-csv">CSV</button>{' '}
        <button type="button" onClick={() => void exportAs('ndjson')} data-testid="export-ndjson">NDJSON</button>{' '}
        <button type="button" onClick={() => void exportAs('zip')} data-testid="export-zip">ZIP</button>{' '}
        <button type="button" onClick={() => void capture()} data-testid="capture" disabled={tabId === null}>
          📷
        </button>
      </p>
      <StatusCard status={status} watched={watched} />
      {count !== null && (
        <p class="count" data-testid="count" data-count={count}>
          {t('recordsCount', String(count))}
        </p>
      )}
      {message && (
        <p class="note" role="status">
          {message}
        </p>
      )}
      <h2>{t('latestRecords')}</h2>
      <RecordList records={latest} />
    </main>
  );
}
