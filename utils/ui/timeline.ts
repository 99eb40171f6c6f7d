/** Geometry of the popup's 30-day timeline (an inline SVG bar chart), kept apart from rendering so that it can be tested. */
import { lastDays } from './format';

export interface TimelineBar {
  day: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineModel {
  bars: TimelineBar[];
  /** Top of the y axis: a round number at or above the busiest day. */
  top: number;
  total: number;
  busiest: { day: string; count: number } | null;
  /** Indexes of bars that get a date label under the x axis. */
  labelled: number[];
  plot: { left: number; top: number; width: number; height: number };
}

/** 1, 2, 5, 10, 20, 50 … : the smallest at or above n (at least 1). */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

export function timelineModel(
  byDay: Readonly<Record<string, number>>,
  now: Date,
  size: { width: number; height: number },
  days = 30,
): TimelineModel {
  const keys = lastDays(days, now);
  const counts = keys.map((k) => Math.max(0, byDay[k] ?? 0));
  const max = Math.max(0, ...counts);
  const top = niceCeiling(max);
  const plot = { left: 30, top: 8, width: size.width - 30 - 4, height: size.height - 8 - 22 };
  const slot = plot.width / days;
  const gap = Math.min(2, slot * 0.25);
  const bars = keys.map((day, i) => {
    const count = counts[i]!;
    const h = count === 0 ? 0 : Math.max(2, (count / top) * plot.height);
    return { day, count, x: plot.left + i * slot + gap / 2, y: plot.top + plot.height - h, width: slot - gap, height: h };
  });
  const busiestIndex = max > 0 ? counts.indexOf(max) : -1;
  return {
    bars,
    top,
    total: counts.reduce((a, b) => a + b, 0),
    busiest: busiestIndex >= 0 ? { day: keys[busiestIndex]!, count: max } : null,
    labelled: [0, Math.round((days - 1) / 3), Math.round((2 * (days - 1)) / 3), days - 1],
    plot,
  };
}
