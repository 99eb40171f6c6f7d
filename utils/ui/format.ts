/** Numbers, times and dates for the popup and the options page, in the UI language. */
import { uiLanguage } from './i18n';

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

export function formatNumber(n: number, lang = uiLanguage()): string {
  return new Intl.NumberFormat(lang).format(n);
}

function valid(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `2026-03-20 08:00:05 UTC` */
export function formatUtc(iso: string): string {
  const d = valid(iso);
  if (!d) return iso;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** `+08:00` for 480 minutes east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The observer's wall-clock time when the finding was made: `2026-03-20 16:00:05 UTC+08:00`. */
export function formatAtOffset(iso: string, offsetMinutes: number): string {
  const d = valid(iso);
  if (!d) return iso;
  const local = new Date(d.getTime() + offsetMinutes * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} UTC${formatOffset(offsetMinutes)}`;
}

/** Date and time in the viewer's time zone, e.g. "Mar 20, 2026, 4:00 PM" / "2026年3月20日 16:00". */
export function formatDateTime(iso: string, lang = uiLanguage()): string {
  const d = valid(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Short: the time for today, month-day and time otherwise, the full date for other years. */
export function formatShort(iso: string, now = new Date(), lang = uiLanguage()): string {
  const d = valid(iso);
  if (!d) return iso;
  if (dayKey(d) === dayKey(now)) return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(d);
  if (d.getFullYear() === now.getFullYear()) return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(d);
}

/** "3 minutes ago", "in 2 hours", "yesterday". */
export function formatRelative(iso: string, now = new Date(), lang = uiLanguage()): string {
  const d = valid(iso);
  if (!d) return iso;
  const s = (d.getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(s);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(s / 3600), 'hour');
  if (abs < 26 * 86400) return rtf.format(Math.round(s / 86400), 'day');
  if (abs < 320 * 86400) return rtf.format(Math.round(s / (30 * 86400)), 'month');
  return rtf.format(Math.round(s / (365 * 86400)), 'year');
}

/** The local calendar day of a time, `YYYY-MM-DD` (the timeline's buckets). */
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight at the start of a `YYYY-MM-DD` day. */
export function dayStart(key: string): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The `count` days ending with the day of `now`, oldest first, as `YYYY-MM-DD`. */
export function lastDays(count: number, now = new Date()): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - i)));
  return out;
}

/** A day label for the timeline axis: "3/20" / "3月20日". */
export function formatDay(key: string, lang = uiLanguage()): string {
  return new Intl.DateTimeFormat(lang, { month: 'numeric', day: 'numeric' }).format(dayStart(key));
}

export function formatBytes(n: number, lang = uiLanguage()): string {
  if (n < 1024) return `${formatNumber(n, lang)} B`;
  if (n < 1024 * 1024) return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n / 1024)} KB`;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;
}
