import { describe, expect, it } from 'vitest';
import { extractUntil } from '../../utils/detect/until';

const now = new Date('2026-03-20T08:00:00Z');

describe('extractUntil', () => {
  it.each([
    ['the app you are using is not accessible until March 28', '2026-03-28'],
    ['Your account is restricted until 28 March 2027', '2027-03-28'],
    ['blocked until Jan 5', '2027-01-05'],
    ['账号将于2026年3月28日解除限制', '2026-03-28'],
    ['3月28日前暂时无法使用', '2026-03-28'],
    ['解封时间：2026-04-01 10:00', '2026-04-01'],
  ])('%s → %s', (text, iso) => {
    expect(extractUntil(text, now)).toBe(iso);
  });

  it('turns durations into a time from now', () => {
    expect(extractUntil('访问过于频繁，10min后恢复访问', now)).toBe('2026-03-20T08:10:00.000Z');
    expect(extractUntil('请30分钟后再试', now)).toBe('2026-03-20T08:30:00.000Z');
    expect(extractUntil('Please try again in 2 hours', now)).toBe('2026-03-20T10:00:00.000Z');
  });

  it('names no day the calendar does not have', () => {
    expect(extractUntil('账号将于2026年2月31日解除限制', now)).toBeUndefined();
    expect(extractUntil('解封时间：2026-04-31', now)).toBeUndefined();
    expect(extractUntil('账号将于2028年2月29日解除限制', now)).toBe('2028-02-29');
  });

  it('finds nothing in ordinary text', () => {
    expect(extractUntil('满199减20，每人限领1张', now)).toBeUndefined();
    expect(extractUntil('Save 10% until supplies last', now)).toBeUndefined();
  });

  it('reads every month name, abbreviated or not, with or without a dot, ordinal or comma', () => {
    const names = ['January', 'Feb', 'mar.', 'April', 'MAY', 'June', 'Jul', 'August', 'Sept.', 'October', 'nov', 'December'];
    names.forEach((name, i) => {
      const mm = String(i + 1).padStart(2, '0');
      expect(extractUntil(`locked until ${name} 21st, 2030`, now), name).toBe(`2030-${mm}-21`);
      expect(extractUntil(`locked until 3rd ${name} 2030`, now), name).toBe(`2030-${mm}-03`);
    });
    expect(extractUntil('until March 2nd', now)).toBe('2027-03-02');
    expect(extractUntil('until 22nd Mar', now)).toBe('2026-03-22');
    expect(extractUntil('until 1 mar., 2031', now)).toBe('2031-03-01');
    expect(extractUntil('UNTIL MARCH 28', now)).toBe('2026-03-28');
    // "until" must be a word of its own, and the day must follow the month closely.
    expect(extractUntil('xuntil March 28', now)).toBeUndefined();
    expect(extractUntil('until March, 28', now)).toBeUndefined();
  });

  it('without a year, takes the next such day on or after today (UTC)', () => {
    expect(extractUntil('until March 20', now)).toBe('2026-03-20');
    expect(extractUntil('until March 19', now)).toBe('2027-03-19');
    expect(extractUntil('until 21 March', now)).toBe('2026-03-21');
    expect(extractUntil('3月20日前暂时无法使用', now)).toBe('2026-03-20');
    expect(extractUntil('3月19日前暂时无法使用', now)).toBe('2027-03-19');
    // Late on the 20th in UTC is still the 20th: the time of day does not move the year.
    expect(extractUntil('until March 20', new Date('2026-03-20T23:59:59Z'))).toBe('2026-03-20');
  });

  it('reads dates after each lead-in word, with any separator, the day mark optional', () => {
    for (const lead of ['until ', '至', '到', '解封时间', '解除时间：', '恢复时间: ']) {
      expect(extractUntil(`${lead}2026/5/6`, now), lead).toBe('2026-05-06');
    }
    expect(extractUntil('至2026.05.06', now)).toBe('2026-05-06');
    expect(extractUntil('到2026年5月6日', now)).toBe('2026-05-06');
    expect(extractUntil('至2026-5-6日', now)).toBe('2026-05-06');
    expect(extractUntil('至——2026-05-06', now)).toBe('2026-05-06');
    // More than six characters between the lead-in and the year: not this date.
    expect(extractUntil('至abcdefg2026-05-06', now)).toBeUndefined();
    expect(extractUntil('解封时间：0999-01-02', now)).toBe('0999-01-02');
  });

  it('reads Chinese days with each ending word, a time of day between, and 号 for 日', () => {
    for (const end of ['前', '之前', '以前', '后', '之后', '解除', '解封', '恢复', '为止', '止']) {
      expect(extractUntil(`4月5日${end}`, now), end).toBe('2026-04-05');
    }
    expect(extractUntil('4月5号 10:00前', now)).toBe('2026-04-05');
    expect(extractUntil('4月5日 10：00 解封', now)).toBe('2026-04-05');
    expect(extractUntil('2027年4月5日止', now)).toBe('2027-04-05');
    expect(extractUntil('4月5日发货', now)).toBeUndefined();
  });

  it('names no month outside 1 to 12 and no day 0', () => {
    expect(extractUntil('解封时间：2026-13-01', now)).toBeUndefined();
    expect(extractUntil('解封时间：2026-00-10', now)).toBeUndefined();
    expect(extractUntil('解封时间：2026-12-00', now)).toBeUndefined();
    expect(extractUntil('解封时间：2026-12-31', now)).toBe('2026-12-31');
    expect(extractUntil('解封时间：2026-01-01', now)).toBe('2026-01-01');
    expect(extractUntil('解封时间：2026-01-32', now)).toBeUndefined();
  });

  it('reads each unit of a duration, in Chinese and English', () => {
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const cases: Array<[string, number]> = [
      ['5 min later retry', 5 * 60_000],
      ['5 mins later try', 5 * 60_000],
      ['5 minutes retry', 5 * 60_000],
      ['5分后再试', 5 * 60_000],
      ['2小时后恢复', 2 * 3_600_000],
      ['2個小時後恢復', 2 * 3_600_000],
      ['2个小时后重试', 2 * 3_600_000],
      ['2 hours later retry', 2 * 3_600_000],
      ['2hrs 后解封', 2 * 3_600_000],
      ['2h后访问', 2 * 3_600_000],
      ['3天后解除', 3 * 86_400_000],
      ['3 days later try', 3 * 86_400_000],
      ['请10分钟后重新访问', 10 * 60_000],
      ['10分钟後再試', 10 * 60_000],
      ['10分钟后重試', 10 * 60_000],
      ['10分钟后訪問', 10 * 60_000],
      ['retry in 3 days', 3 * 86_400_000],
      ['try again in 1 minute', 60_000],
      ['Try again in 4 mins', 4 * 60_000],
    ];
    for (const [text, ms] of cases) expect(extractUntil(text, now), text).toBe(at(ms));
  });

  it('ignores a zero duration and a duration without a retry word', () => {
    expect(extractUntil('0分钟后再试', now)).toBeUndefined();
    expect(extractUntil('try again in 0 minutes', now)).toBeUndefined();
    expect(extractUntil('30分钟送达', now)).toBeUndefined();
  });

  it('prefers a named day over a duration in the same notice', () => {
    expect(extractUntil('请30分钟后再试，或等到 until March 28', now)).toBe('2026-03-28');
    expect(extractUntil('until 28 March; retry in 2 hours', now)).toBe('2026-03-28');
    expect(extractUntil('解封时间：2026-04-01，3月28日前', now)).toBe('2026-04-01');
    expect(extractUntil('3月28日前，请30分钟后再试', now)).toBe('2026-03-28');
  });
});
