/**
 * What every valibot schema of the project shares: bounded text and numbers, and issues as
 * Shutout's one-line errors ("field.path: what is wrong").
 */
import * as v from 'valibot';

/** Text of at most `max` characters (and at least `min`). */
export const text = (max: number, min = 0) => v.pipe(v.string(), v.minLength(min), v.maxLength(max));
/** A number in [min, max]: NaN and infinities fail. */
export const range = (min: number, max: number) => v.pipe(v.number(), v.minValue(min), v.maxValue(max));
/** A whole number in [min, max]. */
export const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

type Issues = readonly v.BaseIssue<unknown>[] | undefined;

/** One issue; without a path it is named `whole`, or told alone when `whole` is not given. */
export function describeIssue(i: v.BaseIssue<unknown>, whole?: string): string {
  const where = v.getDotPath(i) ?? whole;
  return where ? `${where}: ${i.message}` : i.message;
}

/** The first problem of a failed parse. */
export function firstIssue(issues: Issues, whole: string): string {
  const i = issues?.[0];
  return i ? describeIssue(i, whole) : 'unknown';
}
