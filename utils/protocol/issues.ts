/** Valibot's issues as Shutout's one-line errors: "field.path: what is wrong". */
import * as v from 'valibot';

type Issues = readonly v.BaseIssue<unknown>[] | undefined;

/** One issue; `whole` names the value itself when the issue has no path. */
export function describeIssue(i: v.BaseIssue<unknown>, whole: string): string {
  return `${v.getDotPath(i) ?? whole}: ${i.message}`;
}

/** The first problem of a failed parse. */
export function firstIssue(issues: Issues, whole: string): string {
  const i = issues?.[0];
  return i ? describeIssue(i, whole) : 'unknown';
}
