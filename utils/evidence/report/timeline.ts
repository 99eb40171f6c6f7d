import { esc } from './escape';
import { KIND_COLORS } from './style';

/** Findings per local day (or week, or month, for long spans), stacked by kind, as inline SVG. */
export interface Dated {
  localDay: string; // YYYY-MM-DD in the observer's offset
  kind: string;
  /** How many findings this item stands for (1 when absent): the dataset report passes counts per day. */
  n?: number;
}

const DAY = 86_400_000;

function bucketOf(day: string, unit: 'day' | 'week' | 'month'): string {
  if (unit === 'day') return day;
  if (unit === 'month') return day.slice(0, 7);
  const t = Date.parse(`${day}T00:00:00Z`);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

function next(b: string, unit: 'day' | 'week' | 'month'): string {
  if (unit === 'month') {
    const [y, m] = b.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return new Date(Date.parse(`${b}T00:00:00Z`) + (unit === 'day' ? DAY : 7 * DAY)).toISOString().slice(0, 10);
}

export function timelineSvg(items: Dated[], kinds: readonly string[], title: string): string {
  if (items.length === 0) return '';
  const days = items.map((i) => i.localDay).sort();
  const spanDays = (Date.parse(days[days.length - 1]!) - Date.parse(days[0]!)) / DAY;
  const unit = spanDays <= 62 ? 'day' : spanDays <= 500 ? 'week' : 'month';
  const buckets: string[] = [];
  const last = bucketOf(days[days.length - 1]!, unit);
  for (let b = bucketOf(days[0]!, unit); buckets.length < 400; b = next(b, unit)) {
    buckets.push(b);
    if (b >= last) break;
  }
  const index = new Map(buckets.map((b, i) => [b, i]));
  const counts = buckets.map(() => new Map<string, number>());
  for (const it of items) {
    const m = counts[index.get(bucketOf(it.localDay, unit)) ?? buckets.length - 1]!;
    m.set(it.kind, (m.get(it.kind) ?? 0) + (it.n ?? 1));
  }
  const most = Math.max(...counts.map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  // Whole-number ticks, at most five, the top one at or above the highest bar.
  const step = Math.max(1, Math.ceil(most / 4));
  const ticks = Math.ceil(most / step);
  const max = step * ticks;
  const W = 900;
  const H = 220;
  const left = 40;
  const bottom = 28;
  const top = 10;
  const plotW = W - left - 10;
  const plotH = H - top - bottom;
  const slot = plotW / buckets.length;
  // Few buckets: narrow bars, centred, rather than one bar the width of the chart.
  const bw = Math.min(slot, 56);
  const x0 = left + (plotW - bw * buckets.length) / 2;
  const parts: string[] = [`<svg class="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">`];
  for (let t = 0; t <= ticks; t++) {
    const v = t * step;
    const y = top + plotH - (plotH * v) / max;
    parts.push(`<line x1="${left}" x2="${W - 10}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e3e5ea"/><text x="${left - 6}" y="${(y + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#565b63">${v}</text>`);
  }
  buckets.forEach((b, i) => {
    let y = top + plotH;
    const x = x0 + i * bw + Math.min(1, bw * 0.1);
    const w = Math.max(bw - Math.min(2, bw * 0.2), 0.5);
    for (const k of kinds) {
      const n = counts[i]!.get(k) ?? 0;
      if (!n) continue;
      const h = (plotH * n) / max;
      y -= h;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${KIND_COLORS[k] ?? '#3f6fd1'}"><title>${esc(b)} ${esc(k)}: ${n}</title></rect>`);
    }
  });
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 8));
  buckets.forEach((b, i) => {
    if (i % labelEvery === 0) parts.push(`<text x="${(x0 + i * bw + bw / 2).toFixed(1)}" y="${H - 8}" font-size="11" text-anchor="middle" fill="#565b63">${esc(b)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
