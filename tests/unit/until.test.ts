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
});
