/** The fields of a finding covered by its chain entry (the rest changes through amendments). */
export const FINDING_CONTENT_FIELDS = [
  'id', 'key', 'pageId', 'observedAt', 'tzOffsetMinutes', 'pageUrl', 'pageTitle', 'platform', 'kind', 'ruleId',
  'rulesetVersion', 'snippet', 'where', 'confidence', 'until', 'extensionVersion', 'browser', 'uiLanguage',
  'profileLabel', 'origin', 'importedFrom', 'subject', 'why', 'basis', 'initiator',
] as const;

/** The part of a finding that its chain entry covers. */
export function findingContentOf(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FINDING_CONTENT_FIELDS) if (r[f] !== undefined) out[f] = r[f];
  return out;
}
