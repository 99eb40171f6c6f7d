/**
 * Dates that cross a boundary (a message from a page's content script, an imported ledger): checked
 * as times, not taken as text. Retention compares stored times as text, so "zzzzzzzz" or a year
 * 9999 would outlive every retention setting, and "2026" would sort before every real time.
 * zod's functional build (`zod/mini`): the background validates every message with it, and a
 * fraction of the full library keeps the service worker small (issue 13).
 */
import * as z from 'zod/mini';

/** No Shutout observation is older than this; a date before it is a wrong clock or a forgery. */
export const EARLIEST_OBSERVATION = Date.UTC(2020, 0, 1);
/** Slack for a clock set back since the time was taken, or another machine's clock (imported ledgers). */
export const MAX_AHEAD_MS = 86_400_000;

/**
 * A time of observation: ISO 8601 in UTC as `toISOString` writes it (a real calendar time), from
 * 2020 to a day ahead of the background's clock. Retention compares these times as text, so a
 * value like "zzzzzzzz" would outlive every retention setting.
 */
export const ObservedAtSchema = z.iso.datetime({ error: 'not a date and time (ISO 8601 UTC)' }).check(
  z.refine(
    (s) => {
      const t = Date.parse(s);
      return t >= EARLIEST_OBSERVATION && t <= Date.now() + MAX_AHEAD_MS;
    },
    { message: 'not a time of observation (ISO 8601 UTC, from 2020 to now)' },
  ),
);

/** "Until when" a notice says a block lasts (utils/detect/until.ts): a calendar day or a UTC time, in a sane range. */
export const UntilSchema = z.union([z.iso.date(), z.iso.datetime()], { error: 'not a date (ISO 8601)' }).check(
  z.refine(
    (s) => {
      const year = Number(s.slice(0, 4));
      return year >= 2000 && year <= 2200;
    },
    { message: 'not a date between 2000 and 2200' },
  ),
);
