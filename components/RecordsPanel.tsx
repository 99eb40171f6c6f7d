import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { db, type FindingRecord } from '../utils/storage/db';
import { KINDS } from '../utils/detect/kinds';
import { PLATFORMS } from '../utils/detect/platforms';
import { kindLabel, platformName, t, tn } from '../utils/ui/i18n';
import type { Summary } from '../utils/ui/counts';
import { formatNumber } from '../utils/ui/format';
import { activeFilters, MAX_MATCHES, NO_FILTER, openWindow, searchWindow, type RecordFilter, type RecordWindow, type SearchProgress } from '../utils/ui/records-query';
import { Icon } from './Icon';
import { RecordList } from './RecordList';

export interface RecordsPanelProps {
  filter: RecordFilter;
  setFilter(f: RecordFilter): void;
  summary: Summary | null;
  /** The counts could not be made: the list counts for itself. */
  countsFailed?: boolean;
  /** Bumped after a change to the records (a review): the list reloads in place. */
  refreshKey: number;
  onOpen(record: FindingRecord, index: number): void;
  focusIndex: number | null;
  now: Date;
  empty: ComponentChildren;
}

export function RecordsPanel(props: RecordsPanelProps) {
  const { filter, setFilter, summary } = props;
  const [win, setWin] = useState<RecordWindow | null>(null);
  const [progress, setProgress] = useState<SearchProgress | null>(null);
  const [capped, setCapped] = useState(false);
  const [open, setOpen] = useState(activeFilters(filter) > 0);
  const [text, setText] = useState(filter.text);
  const debounce = useRef<ReturnType<typeof setTimeout>>();
  const knownTotal = summary ? summary.total + summary.falsePositives : undefined;

  useEffect(() => setText(filter.text), [filter.text]);
  // A filter set from elsewhere (the summary) shows the filter box, so that it can be seen and cleared.
  const active = activeFilters(filter);
  useEffect(() => {
    if (active > 0) setOpen(true);
  }, [active > 0]);

  // Without filters the list's length is the number of findings, which the counts already have:
  // wait for them rather than count the observedAt index alongside (a while at 100,000 records).
  // (When counting takes long, after a large import, the list counts for itself after a moment.)
  const [impatient, setImpatient] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setImpatient(true), 600);
    return () => clearTimeout(timer);
  }, []);
  const waitForCounts = knownTotal === undefined && !impatient && !props.countsFailed && !filter.platform && !filter.kind && !filter.review && !filter.from && !filter.to;

  useEffect(() => {
    if (waitForCounts) return;
    const ac = new AbortController();
    void (async () => {
      let w: RecordWindow = await openWindow(db(), filter, knownTotal);
      if (filter.text.trim()) {
        setProgress({ scanned: 0, matches: 0, done: false, capped: false });
        const found = await searchWindow(w, filter.text, (p) => !ac.signal.aborted && setProgress(p), ac.signal);
        setCapped(found.capped);
        w = found;
      } else {
        setProgress(null);
        setCapped(false);
      }
      if (!ac.signal.aborted) setWin(w);
    })().catch(() => {});
    return () => ac.abort();
  }, [filter.platform, filter.kind, filter.review, filter.from, filter.to, filter.text, props.refreshKey, knownTotal, waitForCounts]);

  const onText = (value: string) => {
    setText(value);
    clearTimeout(debounce.current);
    debounce.current = setTimeout(() => setFilter({ ...filter, text: value }), 250);
  };

  const platformOptions = useMemo(() => {
    const present = summary ? PLATFORMS.filter((p) => (summary.byPlatform[p.id] ?? 0) > 0 || p.id === filter.platform) : PLATFORMS.filter((p) => !p.wall);
    return present.map((p) => ({ id: p.id, name: platformName(p.id), n: summary?.byPlatform[p.id] })).sort((a, b) => a.name.localeCompare(b.name));
  }, [summary, filter.platform]);

  const n = activeFilters(filter);
  const filterKey = JSON.stringify(filter);
  const searching = !!filter.text.trim();
  let line = '';
  if (searching && progress && !progress.done) line = t('searchProgress', [formatNumber(progress.scanned), formatNumber(progress.matches)]);
  else if (searching && win) line = capped ? t('searchCapped', [formatNumber(MAX_MATCHES)]) : tn('searchMatches', win.total, [formatNumber(win.total)]);
  else if (!win) line = t('loading');
  else if (win) line = n > 0 ? tn('recordsFiltered', win.total, [formatNumber(win.total)]) : tn('recordsAll', win.total, [formatNumber(win.total)]);

  return (
    <div class="records-panel">
      <div class="toolbar">
        <label class="sr-only" for="record-search">
          {t('searchLabel')}
        </label>
        <input
          id="record-search"
          type="search"
          class="search"
          data-testid="search"
          placeholder={t('searchPlaceholder')}
          value={text}
          onInput={(e) => onText((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              clearTimeout(debounce.current);
              setFilter({ ...filter, text });
            }
          }}
        />
        <button type="button" class={`btn small ${n ? 'active' : ''}`} aria-expanded={open} aria-controls="filter-box" data-testid="filters-toggle" onClick={() => setOpen(!open)}>
          <Icon name="filter" />
          {n ? t('filtersOn', String(n)) : t('filters')}
        </button>
      </div>
      {open && (
        <div id="filter-box" class="filter-box" role="group" aria-label={t('filters')}>
          <label>
            <span>{t('filterPlatform')}</span>
            <select data-testid="filter-platform" value={filter.platform} onChange={(e) => setFilter({ ...filter, platform: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">{t('filterAny')}</option>
              {platformOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.n !== undefined ? `${p.name} (${formatNumber(p.n)})` : p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('filterKind')}</span>
            <select data-testid="filter-kind" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">{t('filterAny')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('filterReview')}</span>
            <select data-testid="filter-review" value={filter.review} onChange={(e) => setFilter({ ...filter, review: (e.currentTarget as HTMLSelectElement).value as RecordFilter['review'] })}>
              <option value="">{t('filterAny')}</option>
              <option value="unreviewed">{t('reviewUnreviewed')}</option>
              <option value="confirmed">{t('reviewConfirmed')}</option>
              <option value="false-positive">{t('reviewFalsePositive')}</option>
            </select>
          </label>
          <span class="dates">
            <label>
              <span>{t('filterFrom')}</span>
              <input type="date" data-testid="filter-from" value={filter.from} max={filter.to || undefined} onChange={(e) => setFilter({ ...filter, from: (e.currentTarget as HTMLInputElement).value })} />
            </label>
            <label>
              <span>{t('filterTo')}</span>
              <input type="date" data-testid="filter-to" value={filter.to} min={filter.from || undefined} onChange={(e) => setFilter({ ...filter, to: (e.currentTarget as HTMLInputElement).value })} />
            </label>
          </span>
          <button type="button" class="btn small link" data-testid="filters-clear" disabled={n === 0 && !filter.text} onClick={() => {
              setFilter(NO_FILTER);
              setOpen(false);
              document.getElementById('record-search')?.focus();
            }}>
            {t('filtersClear')}
          </button>
        </div>
      )}
      <p class="result-line" role="status" aria-live="polite" data-testid="result-line" data-total={win?.total ?? ''}>
        {line}
      </p>
      {win && <RecordList win={win} filterKey={filterKey} onOpen={props.onOpen} focusIndex={props.focusIndex} now={props.now} empty={n || searching ? <p class="empty">{t('noMatches')}</p> : props.empty} />}
    </div>
  );
}
