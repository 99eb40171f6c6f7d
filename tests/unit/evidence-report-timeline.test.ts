import { describe, expect, it } from 'vitest';
import { timelineSvg, type Dated } from '../../utils/evidence/report/timeline';

/**
 * The report's timeline (and the dataset report's): findings per day, per week (Monday to Sunday)
 * for spans over two months, per month for spans over 500 days; bars stacked by kind, a title on
 * each bar saying its bucket, kind and count, a label under every bucket or every few.
 */

const KINDS = ['access-denied', 'risk-challenge'] as const;
const at = (...days: string[]): Dated[] => days.map((localDay) => ({ localDay, kind: 'access-denied' }));

interface Bar {
  x: number;
  width: number;
  y: number;
  height: number;
  fill: string;
  title: string;
}
function bars(svg: string): Bar[] {
  return [...svg.matchAll(/<rect x="([^"]*)" y="([^"]*)" width="([^"]*)" height="([^"]*)" fill="([^"]*)"><title>([^<]*)<\/title><\/rect>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
    fill: m[5]!,
    title: m[6]!,
  }));
}
const titles = (svg: string): string[] => bars(svg).map((b) => b.title);
/** The bucket labels under the bars. */
const labels = (svg: string): string[] => [...svg.matchAll(/text-anchor="middle"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
/** The bucket labels with their position. */
const labelsAt = (svg: string) => [...svg.matchAll(/<text x="([^"]*)" y="([^"]*)"[^>]*text-anchor="middle"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }));
/** The count axis: each tick's line and label, bottom to top. */
const tickLines = (svg: string) =>
  [...svg.matchAll(/<line x1="([^"]*)" x2="([^"]*)" y1="([^"]*)" y2="([^"]*)"[^>]*\/><text x="([^"]*)" y="([^"]*)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x1: Number(m[1]),
    x2: Number(m[2]),
    y: Number(m[3]),
    y2: Number(m[4]),
    textX: Number(m[5]),
    textY: Number(m[6]),
    value: Number(m[7]),
  }));
/** The chart's frame (viewBox 0 0 900 220): the plot runs from x 40 to 890 and from y 10 (top) to 192 (zero). */
const PLOT = { left: 40, right: 890, top: 10, bottom: 192 };
/** The count axis, bottom to top. */
const ticks = (svg: string): number[] => [...svg.matchAll(/text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((m) => Number(m[1]));

describe('timelineSvg', () => {
  it('draws nothing when there is nothing to date', () => {
    expect(timelineSvg([], KINDS, 'Timeline')).toBe('');
  });

  it('counts findings per day over a short span, whatever order they come in', () => {
    const svg = timelineSvg(at('2026-03-10', '2026-03-01', '2026-03-05', '2026-03-01'), KINDS, 'Timeline');
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Timeline"/);
    expect(titles(svg)).toEqual(['2026-03-01 access-denied: 2', '2026-03-05 access-denied: 1', '2026-03-10 access-denied: 1']);
    // Ten days, one bucket each; a label on every second one.
    expect(labels(svg)).toEqual(['2026-03-01', '2026-03-03', '2026-03-05', '2026-03-07', '2026-03-09']);
  });

  it('keeps days up to 62 days, then counts per week, Monday to Sunday', () => {
    const days = timelineSvg(at('2026-01-01', '2026-03-04'), KINDS, 'Timeline');
    expect(labels(days)[0]).toBe('2026-01-01');
    expect(titles(days)).toEqual(['2026-01-01 access-denied: 1', '2026-03-04 access-denied: 1']);

    // 2026-01-05 is a Monday: Wednesday the 7th and Sunday the 11th are in its week.
    const weeks = timelineSvg(at('2026-01-07', '2026-01-11', '2026-01-12', '2026-04-15'), KINDS, 'Timeline');
    expect(titles(weeks)).toEqual(['2026-01-05 access-denied: 2', '2026-01-12 access-denied: 1', '2026-04-13 access-denied: 1']);
    // Fifteen weeks, labelled every second one.
    expect(labels(weeks)).toEqual(['2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16', '2026-03-02', '2026-03-16', '2026-03-30', '2026-04-13']);
  });

  it('keeps weeks up to 500 days, then counts per month, across the turn of the year', () => {
    const weeks = timelineSvg(at('2026-01-01', '2027-05-16'), KINDS, 'Timeline');
    expect(titles(weeks)).toEqual(['2025-12-29 access-denied: 1', '2027-05-10 access-denied: 1']);

    const months = timelineSvg(at('2025-06-15', '2026-12-31', '2027-01-01', '2025-12-02', '2026-01-30'), KINDS, 'Timeline');
    expect(titles(months)).toEqual([
      '2025-06 access-denied: 1',
      '2025-12 access-denied: 1',
      '2026-01 access-denied: 1',
      '2026-12 access-denied: 1',
      '2027-01 access-denied: 1',
    ]);
    // June 2025 to January 2027: twenty months, labelled every third one.
    expect(labels(months)).toEqual(['2025-06', '2025-09', '2025-12', '2026-03', '2026-06', '2026-09', '2026-12']);
  });

  it('draws at most 400 bars, counting later findings in the last one', () => {
    const svg = timelineSvg(at('1990-01-15', '2030-06-15', '2030-07-01'), KINDS, 'Timeline');
    expect(titles(svg)).toEqual(['1990-01 access-denied: 1', '2023-04 access-denied: 2']);
    expect(labels(svg)).toHaveLength(8);
    expect(labels(svg).at(-1)).toBe('2019-03');
  });

  it('stacks the kinds of a bucket in the order given, with counts passed per item', () => {
    const svg = timelineSvg(
      [
        { localDay: '2026-03-01', kind: 'risk-challenge', n: 2 },
        { localDay: '2026-03-01', kind: 'access-denied', n: 3 },
        { localDay: '2026-03-02', kind: 'access-denied' },
        { localDay: '2026-03-02', kind: 'access-denied', n: 1 },
      ],
      KINDS,
      'Timeline',
    );
    const b = bars(svg);
    expect(b.map((x) => x.title)).toEqual(['2026-03-01 access-denied: 3', '2026-03-01 risk-challenge: 2', '2026-03-02 access-denied: 2']);
    // Heights are proportional to counts; the second kind sits on the first.
    expect(b[0]!.height / b[2]!.height).toBeCloseTo(3 / 2, 1);
    expect(b[1]!.y + b[1]!.height).toBeCloseTo(b[0]!.y, 0);
    // A kind missing from `kinds` is not drawn.
    expect(titles(timelineSvg([{ localDay: '2026-03-01', kind: 'coupon-missing' }], KINDS, 'Timeline'))).toEqual([]);
  });

  it('gives every kind a colour, a kind without its own one too', () => {
    const svg = timelineSvg([{ localDay: '2026-03-01', kind: 'access-denied' }, { localDay: '2026-03-01', kind: 'new-kind' }], ['access-denied', 'new-kind'], 'Timeline');
    const fills = bars(svg).map((b) => b.fill);
    expect(fills).toHaveLength(2);
    for (const f of fills) expect(f).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('labels the count axis with at most five whole numbers, the top one at or above the highest bar', () => {
    const per = (n: number) => timelineSvg([{ localDay: '2026-03-01', kind: 'access-denied', n }], KINDS, 'Timeline');
    expect(ticks(per(1))).toEqual([0, 1]);
    expect(ticks(per(4))).toEqual([0, 1, 2, 3, 4]);
    expect(ticks(per(7))).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(per(1000))).toEqual([0, 250, 500, 750, 1000]);
    // The highest bar reaches the top tick when the count is on it.
    const top = bars(per(4))[0]!;
    expect(top.height).toBeCloseTo(220 - 10 - 28, 0);
  });

  it('escapes the title and labels it carries', () => {
    const svg = timelineSvg([{ localDay: '2026-03-01', kind: '<b>"x"</b>' }], ['<b>"x"</b>'], 'A "timeline" <of> findings');
    expect(svg).toContain('aria-label="A &#34;timeline&#34; &#60;of&#62; findings"');
    expect(svg).toContain('<title>2026-03-01 &#60;b&#62;&#34;x&#34;&#60;/b&#62;: 1</title>');
    expect(svg).not.toContain('<b>');
  });

  it('is one SVG of grid lines, bars and labels, nothing else', () => {
    const svg = timelineSvg(at('2026-03-01', '2026-03-03'), KINDS, 'Timeline');
    const line = '<line [^>]*/><text [^>]*>\\d+</text>';
    const bar = '<rect [^>]*><title>[^<]*</title></rect>';
    const label = '<text [^>]*text-anchor="middle"[^>]*>[^<]*</text>';
    expect(svg).toMatch(new RegExp(`^<svg [^>]*>(${line})+(${bar})+(${label})+</svg>$`));
  });

  it('draws the grid lines across the plot at evenly spaced counts, each labelled left of the axis', () => {
    const t = tickLines(timelineSvg([{ localDay: '2026-03-01', kind: 'access-denied', n: 7 }], KINDS, 'Timeline'));
    expect(t.map((l) => l.value)).toEqual([0, 2, 4, 6, 8]);
    expect(t[0]!.y).toBeCloseTo(PLOT.bottom, 1);
    expect(t.at(-1)!.y).toBeCloseTo(PLOT.top, 1);
    t.forEach((l, i) => {
      expect([l.x1, l.x2]).toEqual([PLOT.left, PLOT.right]);
      expect(l.y2).toBe(l.y);
      if (i > 0) expect(t[i - 1]!.y - l.y).toBeCloseTo((PLOT.bottom - PLOT.top) / 4, 1);
      expect(l.textX).toBeLessThan(PLOT.left);
      // The digits sit on their line: the baseline a little below it.
      expect(l.textY - l.y).toBeGreaterThan(0);
      expect(l.textY - l.y).toBeLessThanOrEqual(5);
    });
  });

  it.each([
    ['a few buckets', at('2026-03-01', '2026-03-03')],
    ['two months of days', at('2026-01-01', '2026-03-04')],
    ['400 months', at('1990-01-15', '2030-06-15')],
  ])('keeps each bar of %s inside its slot of the plot, standing on zero, under its label', (_what, items) => {
    const svg = timelineSvg(items, KINDS, 'Timeline');
    const b = bars(svg);
    const first = b[0]!;
    const last = b.at(-1)!;
    for (const x of b) {
      expect(x.x).toBeGreaterThanOrEqual(PLOT.left);
      expect(x.x + x.width).toBeLessThanOrEqual(PLOT.right + 0.05);
      expect(x.y).toBeGreaterThanOrEqual(PLOT.top - 0.05);
      expect(x.y + x.height).toBeCloseTo(PLOT.bottom, 1);
    }
    const labelled = labelsAt(svg);
    for (const l of labelled) {
      expect(l.y).toBeGreaterThan(PLOT.bottom);
      expect(l.y).toBeLessThanOrEqual(220);
    }
    // A label is centred on the bar of its bucket.
    for (const l of labelled) {
      const under = b.find((x) => x.title.startsWith(`${l.text} `));
      if (under) expect(l.x).toBeCloseTo(under.x + under.width / 2, 0);
    }
    expect(labelled[0]!.text).toBe(first.title.split(' ')[0]);
    expect(last.x).toBeGreaterThan(first.x);
  });

  it('centres a few narrow bars, and spreads many over the whole plot, each filling most of its slot', () => {
    // Three days: three slots of at most 56, centred on the plot.
    const few = bars(timelineSvg(at('2026-03-01', '2026-03-02', '2026-03-03'), KINDS, 'Timeline'));
    expect(few).toHaveLength(3);
    const slot = few[1]!.x - few[0]!.x;
    expect(slot).toBeCloseTo(56, 1);
    expect(few[2]!.x - few[1]!.x).toBeCloseTo(slot, 1);
    expect((few[0]!.x + few[2]!.x + few[2]!.width) / 2).toBeCloseTo((PLOT.left + PLOT.right) / 2, 0);
    for (const b of few) expect(b.width / slot).toBeGreaterThan(0.9);

    // 63 days: the slots fill the plot from edge to edge.
    const days = bars(timelineSvg(at('2026-01-01', '2026-03-04'), KINDS, 'Timeline'));
    const daySlot = (PLOT.right - PLOT.left) / 63;
    expect(days[0]!.x).toBeGreaterThanOrEqual(PLOT.left);
    expect(days[0]!.x).toBeLessThan(PLOT.left + 2);
    expect(days[1]!.x + days[1]!.width).toBeGreaterThan(PLOT.right - 2);
    expect(days[0]!.width / daySlot).toBeGreaterThan(0.75);

    // 400 months: thin bars, still most of their slot.
    const months = bars(timelineSvg(at('1990-01-15', '2030-06-15'), KINDS, 'Timeline'));
    expect(months[0]!.width / ((PLOT.right - PLOT.left) / 400)).toBeGreaterThan(0.75);
  });
});
