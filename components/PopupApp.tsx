import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db, type FindingRecord } from '../utils/db';
import { buildJsonExport, exportFileName } from '../utils/export-json';
import { t } from '../utils/i18n';
import type { TabStatus, TabStatusRequest, TabStatusResponse } from '../utils/messages';
import { isMarketplaceUrl } from '../utils/hosts';
import { RecordList } from './RecordList';
import { StatusCard } from './StatusCard';

const LATEST = 8;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
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

  useEffect(() => {
    void (async () => {
      const tab = await props.loadTab();
      if (tab) {
        setWatched(isMarketplaceUrl(tab.url));
        const req: TabStatusRequest = { type: 'tab/status', tabId: tab.id };
        const res = (await browser.runtime.sendMessage(req)) as TabStatusResponse;
        if (res.ok) setStatus(res.status);
      }
      setCount(await db().findings.count());
      setLatest(await db().findings.orderBy('observedAt').reverse().limit(LATEST).toArray());
    })();
  }, []);

  async function exportJson() {
    const records = await db().findings.orderBy('observedAt').toArray();
    const data = buildJsonExport(records, browser.runtime.getManifest().version);
    download(exportFileName(), JSON.stringify(data, null, 2));
    setMessage(t('exported', String(records.length)));
  }

  return (
    <main>
      <header>
        <h1>{t('popupTitle')}</h1>
        <button type="button" onClick={exportJson} data-testid="export-json">
          {t('exportJson')}
        </button>
      </header>
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
