import type { RuleChoices } from '../detect/rule-sets';
import type { Rule } from '../detect/types';

/** storage.local keys written by the options page (validated there) and read by every context. */
export const RULE_STORAGE_KEYS = ['userRules', 'disabledFamilies', 'disabledPlatforms', 'generalLayer'] as const;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A cheap shape check (the content script does not carry the schema library): malformed rules are dropped. */
function looksLikeRule(r: unknown): r is Rule {
  const x = r as Partial<Rule> | null;
  return (
    !!x &&
    typeof x.id === 'string' &&
    typeof x.kind === 'string' &&
    typeof x.platform === 'string' &&
    Array.isArray(x.hosts) &&
    typeof x.signal === 'string' &&
    typeof x.confidence === 'number' &&
    (x.phrases === undefined || Array.isArray(x.phrases)) &&
    (x.patterns === undefined || Array.isArray(x.patterns)) &&
    (x.all === undefined || Array.isArray(x.all)) &&
    (x.unless === undefined || Array.isArray(x.unless))
  );
}

export function ruleChoicesFrom(stored: Record<string, unknown>): { userRules: Rule[]; choices: RuleChoices } {
  const userRules = Array.isArray(stored.userRules) ? stored.userRules.filter(looksLikeRule) : [];
  return {
    userRules,
    // The general layer is on unless the user switched it off.
    choices: { disabledFamilies: strings(stored.disabledFamilies), disabledPlatforms: strings(stored.disabledPlatforms), general: stored.generalLayer !== false },
  };
}
