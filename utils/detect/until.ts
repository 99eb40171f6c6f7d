/**
 * "Until when" a notice says a block lasts: "until March 28", "10min后恢复访问",
 * "2026年3月28日解除", "请30分钟后再试". Returns ISO 8601: a date (YYYY-MM-DD) when the
 * notice names a day, a UTC time when it names a duration from now.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const EN_MONTH_DAY =
  /\buntil\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?/i;
const EN_DAY_MONTH = /\buntil\s+(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+(\d{4}))?/i;
const ISO_DATE = /(?:until|至|到|解封时间|解除时间|恢复时间)[^\d]{0,6}(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/i;
const ZH_DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]\s*(?:\d{1,2}[:：]\d{2}\s*)?(?:前|之前|以前|后|之后|解除|解封|恢复|为止|止)/;
const DURATION =
  /(\d{1,4})\s*(min|mins|minutes?|分钟|分|小时|個小時|个小时|hours?|hrs?|h|天|days?)\s*(?:后|後|later)?\s*(?:再|重新)?(?:恢复|恢復|解除|解封|再试|再試|重试|重試|访问|訪問|try|retry)/i;
const RETRY_IN = /(?:try again|retry)\s+in\s+(\d{1,4})\s*(minutes?|mins?|hours?|days?)/i;

function isoDate(y: number, m: number, d: number): string | undefined {
  // A day the calendar has: "2月31日" names none.
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Without a year, the next such day on or after `now` (a notice names a future day). */
function inferYear(m: number, d: number, now: Date): number {
  const y = now.getUTCFullYear();
  const candidate = Date.UTC(y, m - 1, d);
  const today = Date.UTC(y, now.getUTCMonth(), now.getUTCDate());
  return candidate >= today ? y : y + 1;
}

function unitMs(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('m') || u.startsWith('分')) return 60_000;
  if (u.startsWith('h') || u.includes('时') || u.includes('時')) return 3_600_000;
  return 86_400_000;
}

export function extractUntil(text: string, now: Date): string | undefined {
  let m = EN_MONTH_DAY.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    const day = Number(m[2]);
    return isoDate(m[3] ? Number(m[3]) : inferYear(month, day, now), month, day);
  }
  m = EN_DAY_MONTH.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    const day = Number(m[1]);
    return isoDate(m[3] ? Number(m[3]) : inferYear(month, day, now), month, day);
  }
  m = ISO_DATE.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ZH_DATE.exec(text);
  if (m) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    return isoDate(m[1] ? Number(m[1]) : inferYear(month, day, now), month, day);
  }
  m = DURATION.exec(text) ?? RETRY_IN.exec(text);
  if (m) {
    const amount = Number(m[1]);
    if (amount > 0) return new Date(now.getTime() + amount * unitMs(m[2]!)).toISOString();
  }
  return undefined;
}
