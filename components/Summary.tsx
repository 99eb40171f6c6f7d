import { KINDS } from '../utils/detect/kinds';
import { kindLabel, platformName, t, tn } from '../utils/ui/i18n';
import type { Summary } from '../utils/ui/counts';
import { formatDay, formatNumber } from '../utils/ui/format';
import { timelineModel } from '../utils/ui/timeline';
import { useEffect, useState } from 'preact/hooks';
import { SCOPES } from '../utils/scope/types';
import { db } from '../utils/storage/db';
import { scopeFigures, type ScopeFigures } from '../utils/ui/scope-figures';
import { scopeShort } from '../utils/ui/scope';

/** Account-level, network-level and inconclusive blocks, per platform (the scope checks made so far). */
export function ScopeTable(props: { figures: ScopeFigures | null }) {
  const f = props.figures;
  if (!f) return null;
  const platforms = Object.entries(f.byPlatform).sort((a, b) => platformName(a[0] || null).localeCompare(platformName(b[0] || null)));
  if (platforms.length === 0) return <p class="muted small" data-testid="scope-figures-none">{t('scopeSummaryNone')}</p>;
  return (
    <table class="scope-figures" data-testid="scope-figures">
      <thead>
        <tr>
          <th scope="col">{t('filterPlatform')}</th>
          {SCOPES.map((s) => (
            <th key={s} scope="col">
              {scopeShort(s)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {platforms.map(([p, c]) => (
          <tr key={p} data-platform={p}>
            <th scope="row">{platformName(p || null)}</th>
            {SCOPES.map((s) => (
              <td key={s} data-scope={s} data-count={c[s]}>
                {formatNumber(c[s])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const WIDTH = 348;
const HEIGHT = 132;

/** Findings per day over the last 30 days, as bars; the numbers are in the accessible description. */
export function Timeline(props: { byDay: Record<string, number>; now: Date }) {
  const m = timelineModel(props.byDay, props.now, { width: WIDTH, height: HEIGHT });
  const { plot } = m;
  const desc = m.busiest
    ? t('timelineDesc', [formatNumber(m.total), formatDay(m.busiest.day), formatNumber(m.busiest.count)])
    : t('timelineDescEmpty');
  const baseline = plot.top + plot.height;
  return (
    <figure class="timeline">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby="timeline-title timeline-desc"
        data-testid="timeline"
        data-total={m.total}
      >
        <title id="timeline-title">{t('timelineTitle')}</title>
        <desc id="timeline-desc">{desc}</desc>
        {/* y axis: 0, half and top, with light grid lines */}
        {[0, m.top / 2, m.top].map((v) => {
          const y = baseline - (v / m.top) * plot.height;
          return (
            <g key={v} class="grid">
              <line x1={plot.left} x2={plot.left + plot.width} y1={y} y2={y} />
              <text x={plot.left - 5} y={y + 3.5} text-anchor="end" class="axis-label">
                {Number.isInteger(v) ? formatNumber(v) : ''}
              </text>
            </g>
          );
        })}
        {m.bars.map((b, i) => (
          <rect key={b.day} x={b.x} y={b.y} width={b.width} height={b.height} rx={1.5} class={i === m.bars.length - 1 ? 'tl-bar today' : 'tl-bar'} data-day={b.day} data-count={b.count}>
            <title>{`${formatDay(b.day)}: ${formatNumber(b.count)}`}</title>
          </rect>
        ))}
        <line class="axis" x1={plot.left} x2={plot.left + plot.width} y1={baseline} y2={baseline} />
        {m.labelled.map((i) => {
          const b = m.bars[i]!;
          const anchor = i === 0 ? 'start' : i === m.bars.length - 1 ? 'end' : 'middle';
          const x = i === 0 ? b.x : i === m.bars.length - 1 ? b.x + b.width : b.x + b.width / 2;
          return (
            <text key={i} x={x} y={baseline + 14} text-anchor={anchor} class="axis-label">
              {i === m.bars.length - 1 ? t('today') : formatDay(b.day)}
            </text>
          );
        })}
      </svg>
      <figcaption class="muted small">{desc}</figcaption>
    </figure>
  );
}

function Bars(props: { items: Array<{ key: string; label: string; n: number }>; onPick(key: string): void; testid: string; label: string }) {
  const max = Math.max(1, ...props.items.map((i) => i.n));
  if (props.items.length === 0) return <p class="muted small">{t('summaryNothing')}</p>;
  return (
    <ul class="bars" data-testid={props.testid} aria-label={props.label}>
      {props.items.map((i) => (
        <li key={i.key} data-key={i.key} data-count={i.n}>
          <button type="button" class="bar-row" onClick={() => props.onPick(i.key)} title={t('showThese')} disabled={!i.key}>
            <span class="bar-label">{i.label}</span>
            <span class="bar-track" aria-hidden="true">
              <span class="bar-fill" style={{ width: `${Math.max(2, (i.n / max) * 100)}%` }} />
            </span>
            <span class="bar-n">{formatNumber(i.n)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function SummaryPanel(props: { summary: Summary | null; now: Date; onPick(filter: { platform?: string; kind?: string }): void }) {
  const s = props.summary;
  const [figures, setFigures] = useState<ScopeFigures | null>(null);
  useEffect(() => {
    void scopeFigures(db())
      .then(setFigures)
      .catch(() => setFigures(null));
  }, [s]);
  if (!s) return <p class="muted" role="status">{t('counting')}</p>;
  const platforms = Object.entries(s.byPlatform)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => ({ key, label: platformName(key || null), n }))
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
  const kinds = KINDS.filter((k) => (s.byKind[k] ?? 0) > 0)
    .map((k) => ({ key: k, label: kindLabel(k), n: s.byKind[k]! }))
    .sort((a, b) => b.n - a.n);
  return (
    <div class="summary" data-testid="summary">
      <section aria-labelledby="sum-timeline">
        <h3 id="sum-timeline">{t('timelineTitle')}</h3>
        <Timeline byDay={s.byDay} now={props.now} />
      </section>
      <section aria-labelledby="sum-platform">
        <h3 id="sum-platform">{t('byPlatform')}</h3>
        <Bars items={platforms} onPick={(platform) => props.onPick({ platform })} testid="by-platform" label={t('byPlatform')} />
      </section>
      <section aria-labelledby="sum-kind">
        <h3 id="sum-kind">{t('byKind')}</h3>
        <Bars items={kinds} onPick={(kind) => props.onPick({ kind })} testid="by-kind" label={t('byKind')} />
      </section>
      <section aria-labelledby="sum-scope">
        <h3 id="sum-scope">{t('scopeByPlatform')}</h3>
        <ScopeTable figures={figures} />
      </section>
      {s.falsePositives > 0 && <p class="muted small">{tn('fpExcluded', s.falsePositives, formatNumber(s.falsePositives))}</p>}
    </div>
  );
}
