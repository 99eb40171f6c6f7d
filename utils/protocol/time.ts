/**
 * Dates that cross a boundary (a message from a page's content script, an imported ledger): checked
 * as times, not taken as text. Retention compares stored times as text, so "zzzzzzzz" or a year
 * 9999 would outlive every retention setting, and "2026" would sort before every real time.
 */
import * as v from 'valibot';

/** No Shutout observation is older than this; a date before it is a wrong clock or a forgery. */
export const EARLIEST_OBSERVATION = Date.UTC(2020, 0, 1);
/** Slack for a clock set back since the time was taken, or another machine's clock (imported ledgers). */
export const MAX_AHEAD_MS = 86_400_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** As `toISOString` writes it: UTC ("Z"), seconds, any fraction. */
const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;

/** A day the calendar has, and a time of that day. */
function real(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

export function isCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  return !!m && real(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isUtcTime(s: string): boolean {
  const m = UTC_TIME.exec(s);
  return !!m && real(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/**
 * A time of observation: ISO 8601 in UTC as `toISOString` writes it (a real calendar time), from
 * 2020 to a day ahead of the background's clock. Retention compares these times as text, so a
 * value like "zzzzzzzz" would outlive every retention setting.
 */
export const ObservedAtSchema = v.pipe(
  v.string('not a date and time (ISO 8601 UTC)'),
  v.check(isUtcTime, 'not a date and time (ISO 8601 UTC)'),
  v.check((s) => {
    const t = Date.parse(s);
    return t >= EARLIEST_OBSERVATION && t <= Date.now() + MAX_AHEAD_MS;
  }, 'not a time of observation (ISO 8601 UTC, from 2020 to now)'),
);

/** "Until when" a notice says a block lasts (utils/detect/until.ts): a calendar day or a UTC time, in a sane range. */
export const UntilSchema = v.pipe(
  v.string('not a date (ISO 8601)'),
  v.check((s) => isCalendarDay(s) || isUtcTime(s), 'not a date (ISO 8601)'),
  v.check((s) => {
    const year = Number(s.slice(0, 4));
    return year >= 2000 && year <= 2200;
  }, 'not a date between 2000 and 2200'),
);
