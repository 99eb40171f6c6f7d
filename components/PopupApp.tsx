import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db, type FindingRecord } from '../utils/storage/db';
import type { Rule } from '../utils/detect/types';
import type { ExportFormat } from '../utils/evidence/export-browser';
import { isMarketplaceUrl } from '../utils/detect/hosts';
import { t, tn, uiLanguage } from '../utils/ui/i18n';
import type { CaptureRequest, CaptureResponse, TabStatus, TabStatusRequest, TabStatusResponse } from '../utils/protocol/messages';
import { ruleChoicesFrom } from '../utils/storage/rule-choices';
import { getSettings } from '../utils/storage/settings';
import { loadSummary, refreshSummary, type Summary, type SummaryLoad } from '../utils/ui/counts';
import { downloadBlob } from '../utils/ui/download';
import { formatNumber } from '../utils/ui/format';
import { NO_FILTER, type RecordFilter } from '../utils/ui/records-query';
import { CouponsPanel } from './CouponsPanel';
import { EmptyState } from './EmptyState';
import { Icon, Logo } from './Icon';
import { RecordDetail } from './RecordDetail';
import { requestScopeCheck } from './ScopeSection';
import type { StatusCardProps } from './StatusCard';
import { RecordsPanel } from './RecordsPanel';
import { StatusCard } from './StatusCard';
import { SummaryPanel } from './Summary';

export interface PopupTab {
  id: number;
  url: string;
}

type View = 'records' | 'summary' | 'coupons';
const VIEWS: View[] = ['records', 'summary', 'coupons'];

interface Notice {
  text: string;
  error?: boolean;
  hashes?: Array<{ type: string; sha256: string }>;
  /** Parts of a capture that failed (the background's words). */
  warnings?: string[];
}

/** Marks for the popup-paint benchmark (bench/popup-paint.ts). */
export const PAINT_MARK = 'shutout:paint';
export const COUNTS_MEASURE = 'shutout:counts';

export interface PopupLoads {
  tabP: Promise<PopupTab | null>;
  statusP: Promise<TabStatus | null>;
  sumP: Promise<SummaryLoad>;
}

/** Start what the first frame needs (tab, its status, the counts) at once, before the UI language is even known. */
export function startPopupLoads(loadTab: () => Promise<PopupTab | null>): PopupLoads {
  performance.mark('shutout:start');
  const tabP = loadTab()
    .then((tb) => {
      performance.mark('shutout:tab');
      return tb;
    })
    .catch(() => null);
  const statusP = tabP
    .then(async (tb) => {
      if (!tb) return null;
      const req: TabStatusRequest = { type: 'tab/status', tabId: tb.id };
      const res = (await browser.runtime.sendMessage(req)) as TabStatusResponse | undefined;
      performance.mark('shutout:status');
      return res?.ok ? res.status : null;
    })
    .catch(() => null);
  performance.mark('shutout:counts-start');
  const measure = () => performance.measure(COUNTS_MEASURE, 'shutout:counts-start');
  const sumP = loadSummary(db())
    .then((l) => {
      if (l.summary) measure();
      else void l.pending?.then(measure, () => {});
      return l;
    })
    .catch((): SummaryLoad => ({ summary: null, pending: null }));
  return { tabP, statusP, sumP };
}

export function PopupApp(props: { loadTab: () => Promise<PopupTab | null>; preload?: PopupLoads }) {
  const [tab, setTab] = useState<PopupTab | null>(null);
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [statusReady, setStatusReady] = useState(false);
  const [since, setSince] = useState<Record<string, string>>({});
  const [pageScope, setPageScope] = useState<StatusCardProps['scope']>(undefined);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [countsFailed, setCountsFailed] = useState(false);
  const [storageError, setStorageError] = useState<{ message: string; at?: string } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [view, setView] = useState<View>('records');
  const [filter, setFilter] = useState<RecordFilter>(NO_FILTER);
  const [detail, setDetail] = useState<{ record: FindingRecord; index: number } | null>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [userRules, setUserRules] = useState<Rule[]>([]);
  const [redact, setRedact] = useState(true);
  const [now, setNow] = useState(() => new Date());
  const body = useRef<HTMLDivElement>(null);
  const painted = useRef(false);

  useEffect(() => {
    const { tabP, statusP, sumP } = props.preload ?? startPopupLoads(props.loadTab);
    void Promise.all([tabP, statusP, sumP]).then(([tb, st, sum]) => {
      setTab(tb);
      setStatus(st);
      setStatusReady(true);
      if (sum.summary) setSummary(sum.summary);
      else if (sum.pending) void sum.pending.then(setSummary, () => setCountsFailed(true));
      else setCountsFailed(true);
      if (st && st.detections.length > 0) {
        void db()
          .findings.where('key')
          .anyOf(st.detections.map((d) => [st.pageId, d.kind, (d as { subject?: string }).subject].filter(Boolean).join('|')))
          .toArray()
          .then((rows) => {
            const first: Record<string, string> = {};
            for (const r of rows) if (!first[r.kind] || r.observedAt < first[r.kind]!) first[r.kind] = r.observedAt;
            setSince(first);
            // The page's first block: its scope check covers every finding of the page load.
            const block = rows.filter((r) => r.kind !== 'coupon-missing').sort((a, b) => a.seq - b.seq)[0] ?? rows[0];
            if (block) setPageScope({ findingId: block.id, scope: block.scope, check: block.scopeCheck, busy: false });
          })
          .catch(() => {});
      }
    });
    void browser.storage.local.get(['storageError', 'userRules']).then((stored) => {
      const err = stored.storageError as { message?: string; at?: string } | null | undefined;
      setStorageError(err?.message ? { message: err.message, at: err.at } : null);
      setUserRules(ruleChoicesFrom(stored).userRules);
    });
    void getSettings(db())
      .then((s) => setRedact(s.redactExports))
      .catch(() => {});
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (changes.storageError) {
        const err = changes.storageError.newValue as { message?: string; at?: string } | null | undefined;
        setStorageError(err?.message ? { message: err.message, at: err.at } : null);
      }
      if (changes.userRules) setUserRules(ruleChoicesFrom({ userRules: changes.userRules.newValue }).userRules);
    };
    browser.storage.onChanged.addListener(onChanged);
    const clock = setInterval(() => setNow(new Date()), 30_000);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(clock);
    };
  }, []);

  // The benchmark's mark: the first frame that shows both the tab's status and the counts.
  useEffect(() => {
    if (painted.current || !statusReady || !summary) return;
    painted.current = true;
    requestAnimationFrame(() => performance.mark(PAINT_MARK));
  }, [statusReady, summary]);

  // The list and the summary behind the detail view are out of reach while it is open.
  useEffect(() => {
    if (body.current) body.current.inert = !!detail;
  }, [detail]);

  useEffect(() => {
    if (!detail) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeDetail();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [detail]);

  const closeDetail = () => {
    if (!detail) return;
    setFocusIndex(detail.index);
    setDetail(null);
  };

  const openDetail = (record: FindingRecord, index: number) => {
    setFocusIndex(null);
    setDetail({ record, index });
  };

  const onRecordChanged = (record: FindingRecord) => {
    setDetail((d) => (d ? { ...d, record } : d));
    setPageScope((s) => (s && s.findingId === record.id ? { ...s, scope: record.scope, check: record.scopeCheck } : s));
    setRefreshKey((n) => n + 1);
    void refreshSummary(db())
      .then(setSummary)
      .catch(() => {});
  };

  async function exportAs(format: ExportFormat) {
    setBusy(format);
    setNotice(null);
    try {
      const [settings, { exportDatabase }, { installationSigner }] = await Promise.all([getSettings(db()), import('../utils/evidence/export-browser'), import('../utils/evidence/keystore')]);
      const signer = await installationSigner(db());
      const tsa = settings.tsaUrl;
      const timestamper = tsa ? async (imprint: Uint8Array) => (await import('../utils/evidence/timestamp')).requestTimestamp(tsa, imprint) : undefined;
      const result = await exportDatabase(
        db(),
        format,
        {
          generator: { name: 'Shutout', version: browser.runtime.getManifest().version },
          profileLabel: settings.profileLabel,
          exportedAt: new Date().toISOString(),
          language: uiLanguage().startsWith('zh') ? 'zh' : 'en',
        },
        { redact: settings.redactExports, signer, timestamper },
      );
      downloadBlob(result.name, result.blob);
      const parts = [tn('exported', result.count, [formatNumber(result.count), result.name])];
      if (result.fingerprint) parts.push(t('exportSigned', result.fingerprint.slice(0, 16)));
      if (result.timestamp === 'stamped') parts.push(t('exportTimestamped'));
      else if (result.timestamp && result.timestamp !== 'off') parts.push(t('exportTimestampFailed', result.timestamp.error));
      setNotice({ text: parts.join(' '), ...(result.timestamp && typeof result.timestamp === 'object' ? { error: true } : {}) });
    } catch (e) {
      setNotice({ text: t('exportFailed', (e as Error).message), error: true });
    } finally {
      setBusy(null);
    }
  }

  async function capture() {
    if (!tab) return;
    setBusy('capture');
    setNotice(null);
    try {
      const req: CaptureRequest = { type: 'capture/page', tabId: tab.id };
      const res = (await browser.runtime.sendMessage(req)) as CaptureResponse | undefined;
      if (res?.ok) {
        const warnings = (res as { warnings?: string[] }).warnings ?? [];
        setNotice({
          text: res.findingId ? t('capturedLinked') : t('captured'),
          hashes: res.captures.map((c) => ({ type: c.type, sha256: c.sha256 })),
          ...(warnings.length ? { warnings } : {}),
        });
        setRefreshKey((n) => n + 1);
      } else setNotice({ text: t('captureFailed', res?.error ?? t('noAnswer')), error: true });
    } catch (e) {
      setNotice({ text: t('captureFailed', (e as Error).message), error: true });
    } finally {
      setBusy(null);
    }
  }

  async function checkPageScope(findingId: string) {
    setPageScope((s) => (s ? { ...s, busy: true, error: undefined } : s));
    const res = await requestScopeCheck(findingId);
    setPageScope((s) => (s ? { ...s, busy: false, ...(res.ok ? { scope: res.scope, check: res.check } : { error: res.error }) } : s));
    if (res.ok) setRefreshKey((n) => n + 1);
  }

  const pickFromSummary = (f: { platform?: string; kind?: string }) => {
    setFilter({ ...NO_FILTER, platform: f.platform ?? '', kind: f.kind ?? '' });
    setView('records');
    requestAnimationFrame(() => document.getElementById('tab-records')?.focus());
  };

  const onTabKey = (e: KeyboardEvent) => {
    const i = VIEWS.indexOf(view);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % VIEWS.length;
    else if (e.key === 'ArrowLeft') next = (i + VIEWS.length - 1) % VIEWS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = VIEWS.length - 1;
    if (next === null) return;
    e.preventDefault();
    setView(VIEWS[next]!);
    document.getElementById(`tab-${VIEWS[next]}`)?.focus();
  };

  const tabLabel: Record<View, string> = { records: t('tabRecords'), summary: t('tabSummary'), coupons: t('tabCoupons') };
  const watched = !!tab && isMarketplaceUrl(tab.url);

  return (
    <div class="popup">
      <div class="popup-body" ref={body}>
        <header class="topbar">
          <h1>
            <Logo size={18} />
            {t('popupTitle')}
          </h1>
          <button type="button" class="btn icon-only" data-testid="open-options" aria-label={t('openOptions')} title={t('openOptions')} onClick={() => void browser.runtime.openOptionsPage()}>
            <Icon name="gear" size={18} />
          </button>
        </header>
        {storageError && (
          <p class="banner error" role="alert" data-testid="storage-error">
            <Icon name="warning" />
            <span>
              <strong>{t('storageErrorTitle')}</strong> {storageError.message}
            </span>
          </p>
        )}
        {statusReady ? (
          <StatusCard status={status} watched={watched} since={since} hasTab={!!tab} capturing={busy === 'capture'} onCapture={() => void capture()} now={now} scope={pageScope} onCheckScope={(id) => void checkPageScope(id)} />
        ) : (
          <section class="status loading" aria-busy="true">
            <p class="muted">{t('loading')}</p>
          </section>
        )}
        <div class="notice-area" role="status" aria-live="polite" data-testid="notice">
          {notice && (
            <div class={notice.error ? 'notice error' : 'notice'}>
              <button type="button" class="btn icon-only dismiss" aria-label={t('dismiss')} title={t('dismiss')} data-testid="notice-dismiss" onClick={() => setNotice(null)}>
                <Icon name="close" size={14} />
              </button>
              <span>{notice.text}</span>
              {notice.hashes?.map((h) => (
                <span key={h.sha256} class="mono hash block" data-testid="capture-hash" data-sha256={h.sha256}>
                  {h.type === 'screenshot' ? t('captureScreenshot') : t('captureSnapshot')} SHA-256 {h.sha256}
                </span>
              ))}
              {notice.warnings && (
                <span class="block tiny" data-testid="capture-warnings">
                  {t('capturePartial')} <span class="mono">{notice.warnings.join('; ')}</span>
                </span>
              )}
            </div>
          )}
        </div>
        {summary ? (
          <p class="count" data-testid="count" data-count={summary.total}>
            {tn('countLine', summary.total, formatNumber(summary.total))}
            {summary.falsePositives > 0 && <span class="muted"> · {tn('countFalsePositives', summary.falsePositives, formatNumber(summary.falsePositives))}</span>}
          </p>
        ) : (
          <p class="count muted" aria-busy="true">
            {t('counting')}
          </p>
        )}
        <div class="tabs" role="tablist" aria-label={t('viewsLabel')} onKeyDown={onTabKey}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              id={`tab-${v}`}
              data-testid={`tab-${v}`}
              aria-selected={view === v}
              aria-controls={`panel-${v}`}
              tabIndex={view === v ? 0 : -1}
              onClick={() => setView(v)}
            >
              {tabLabel[v]}
            </button>
          ))}
        </div>
        <div class="panel" role="tabpanel" id="panel-records" aria-labelledby="tab-records" hidden={view !== 'records'}>
          <RecordsPanel
            filter={filter}
            setFilter={setFilter}
            summary={summary}
            countsFailed={countsFailed}
            refreshKey={refreshKey}
            onOpen={openDetail}
            focusIndex={focusIndex}
            now={now}
            empty={<EmptyState />}
          />
        </div>
        {view === 'summary' && (
          <div class="panel scroll" role="tabpanel" id="panel-summary" aria-labelledby="tab-summary" tabIndex={0}>
            <SummaryPanel summary={summary} now={now} onPick={pickFromSummary} />
          </div>
        )}
        {view === 'coupons' && (
          <div class="panel scroll" role="tabpanel" id="panel-coupons" aria-labelledby="tab-coupons" tabIndex={0}>
            <CouponsPanel tabId={tab?.id ?? null} url={tab?.url ?? null} now={now} />
          </div>
        )}
        <footer class="exports">
          <span class="exports-label" id="export-label">
            <Icon name="download" />
            {t('exportLabel')}
          </span>
          <span class="export-buttons" role="group" aria-labelledby="export-label">
            {(['json', 'csv', 'ndjson', 'zip'] as const).map((f) => (
              <button key={f} type="button" class="btn small" data-testid={`export-${f}`} disabled={busy !== null} onClick={() => void exportAs(f)} title={t(`exportHelp_${f}`)}>
                {f.toUpperCase()}
              </button>
            ))}
          </span>
          <span class="muted tiny">{redact ? t('exportRedacted') : t('exportNotRedacted')}</span>
        </footer>
      </div>
      {detail && <RecordDetail record={detail.record} userRules={userRules} onClose={closeDetail} onChanged={onRecordChanged} />}
    </div>
  );
}
