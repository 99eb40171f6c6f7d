import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FindingRecord } from '../utils/storage/db';
import { kindLabel, platformName, t } from '../utils/ui/i18n';
import { scopeShort } from '../utils/ui/scope';
import { formatDateTime, formatShort } from '../utils/ui/format';
import type { RecordWindow } from '../utils/ui/records-query';

/** Fixed row height: the list positions rows by index, so it never measures them. */
export const ROW_HEIGHT = 62;
const PAGE = 50;
const OVERSCAN = 4;
const KEEP_PAGES = 24;

export interface RecordListProps {
  win: RecordWindow;
  /** Changes when the filter changes: the list scrolls back to the top. */
  filterKey: string;
  onOpen(record: FindingRecord, index: number): void;
  /** Focus this row after rendering (returning from the detail view). */
  focusIndex?: number | null;
  now: Date;
  empty: ComponentChildren;
}

type PageState = FindingRecord[] | 'loading';

/**
 * A virtualised list: only the rows in view (and a few around them) are in the DOM; rows are
 * loaded from Dexie a page at a time as they scroll into view and forgotten when far away.
 */
export function RecordList(props: RecordListProps) {
  const { win } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(360);
  const pages = useRef(new Map<number, PageState>());
  const current = useRef(win);
  const [, setTick] = useState(0);
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  /** The row that Tab reaches (one row is in the tab order; arrows move between rows). */
  const [active, setActive] = useState(0);

  if (current.current !== win) {
    current.current = win;
    pages.current = new Map();
  }

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [props.filterKey]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight || 360);
    const ro = new ResizeObserver(() => setViewport(el.clientHeight || 360));
    ro.observe(el);
    return () => ro.disconnect();
  }, [win.total > 0]);

  const total = win.total;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (total === 0) return;
    const map = pages.current;
    const lo = Math.floor(first / PAGE);
    const hi = Math.floor(last / PAGE);
    for (let p = lo; p <= hi; p++) {
      if (map.has(p)) continue;
      map.set(p, 'loading');
      void win.page(p * PAGE, PAGE).then(
        (rows) => {
          if (current.current !== win) return;
          map.set(p, rows);
          // Forget pages far from the view.
          if (map.size > KEEP_PAGES) for (const k of [...map.keys()]) if (Math.abs(k - p) > KEEP_PAGES / 2) map.delete(k);
          setTick((n) => n + 1);
        },
        () => map.delete(p),
      );
    }
  }, [first, last, win, total]);

  const rowAt = (i: number): FindingRecord | undefined => {
    const pg = pages.current.get(Math.floor(i / PAGE));
    return Array.isArray(pg) ? pg[i % PAGE] : undefined;
  };

  const reveal = (i: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = i * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    setScrollTop(el.scrollTop);
  };

  useEffect(() => {
    if (props.focusIndex === null || props.focusIndex === undefined) return;
    reveal(props.focusIndex);
    setPendingFocus(props.focusIndex);
  }, [props.focusIndex]);

  useEffect(() => {
    if (pendingFocus === null) return;
    const btn = scroller.current?.querySelector<HTMLButtonElement>(`button[data-index="${pendingFocus}"]`);
    if (btn) {
      btn.focus();
      setPendingFocus(null);
    }
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const index = Number(target.dataset.index);
    if (Number.isNaN(index)) return;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(total - 1, index + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = total - 1;
    else if (e.key === 'PageDown') next = Math.min(total - 1, index + Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1));
    else if (e.key === 'PageUp') next = Math.max(0, index - Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1));
    if (next === null) return;
    e.preventDefault();
    reveal(next);
    setPendingFocus(next);
  };

  if (total === 0)
    return (
      // Scrollable when the explanation is long: reachable by keyboard.
      <div class="list-empty" tabIndex={0} role="region" aria-label={t('recordsListLabel')}>
        {props.empty}
      </div>
    );

  const rows = [];
  let loading = false;
  let tabbable = active;
  if (!(active >= first && active <= last && rowAt(active))) {
    tabbable = -1;
    for (let i = Math.max(first, Math.floor(scrollTop / ROW_HEIGHT)); i <= last; i++) {
      if (rowAt(i)) {
        tabbable = i;
        break;
      }
    }
  }
  for (let i = first; i <= last; i++) {
    const r = rowAt(i);
    if (!r) {
      loading = true;
      continue;
    }
    rows.push(
      <li
        key={r.id}
        class={`rec review-${r.review}`}
        style={{ top: `${i * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
        aria-setsize={total}
        aria-posinset={i + 1}
        data-rule={r.ruleId}
        data-id={r.id}
      >
        <button type="button" class="row" data-index={i} tabIndex={i === tabbable ? 0 : -1} onFocus={() => setActive(i)} onClick={() => props.onOpen(r, i)}>
          <span class="row-top">
            <span class={`dot k-${r.kind}`} aria-hidden="true" />
            <span class="kind">{kindLabel(r.kind)}</span>
            <span class="plat">{platformName(r.platform)}</span>
            {r.scope && (
              <span class={`badge scope-${r.scope}`} data-scope={r.scope} title={t('scopeTitle')}>
                {scopeShort(r.scope)}
              </span>
            )}
            {r.review !== 'unreviewed' && <span class={`badge ${r.review}`}>{r.review === 'confirmed' ? t('reviewConfirmed') : t('reviewFalsePositive')}</span>}
            <time dateTime={r.observedAt} title={formatDateTime(r.observedAt)}>
              {formatShort(r.observedAt, props.now)}
            </time>
          </span>
          {/* Page text is rendered as text, never as HTML. */}
          <span class="snippet">{r.snippet}</span>
        </button>
      </li>,
    );
  }

  return (
    <div class="vlist" ref={scroller} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}>
      <ul class="records" data-testid="records" aria-label={t('recordsListLabel')} aria-busy={loading} style={{ height: `${total * ROW_HEIGHT}px` }} onKeyDown={onKeyDown}>
        {rows}
      </ul>
    </div>
  );
}
