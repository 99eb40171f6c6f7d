/**
 * The service worker's rules: the built-in answer rules (builtin-network.ts) less what the user
 * turned off, plus the user's own answer rules. They judge what webRequest shows — an address, a
 * status, headers, never a body — so the general layer comes without frames or model: only its
 * structural reading of headers (general/answer-head.ts) can fire. Pages and bodies are read
 * elsewhere with the whole rule set (rule-sets.ts): by the content script and the page reader.
 */
import { isAnswerRule } from './answer-rules';
import { builtinNetworkFamilies } from './builtin-network';
import { assembleRuleSet, compilePhrases, type RuleSet } from './engine';
import type { GeneralLayer } from './general/index';
import { scanAnswerMarkers, scanAnswerStatus } from './general/answer-head';
import type { RuleChoices } from './rule-sets';
import type { Rule } from './types';
import { RULESET_VERSION } from './version';

/** The version a rule set records: the built-in rules' version, tagged with what the user changed. */
export function ruleSetVersion(userRules: number, off: number, withGeneral: boolean): string {
  const tag = [userRules ? `user.${userRules}` : '', off ? `off.${off}` : '', withGeneral ? '' : 'nogeneral'].filter(Boolean).join('.');
  return tag ? `${RULESET_VERSION}+${tag}` : RULESET_VERSION;
}

/**
 * The general layer for answers without a body: its structural reading of headers, cookies and
 * statuses (general/answer-head.ts), which is all scanGeneralNetwork reads of such an answer.
 */
const headersOnly: GeneralLayer = {
  frames: [],
  model: undefined,
  concepts: [],
  // No model: no probability to compare.
  threshold: 1,
  cues: [],
  cueTest: () => false,
  readPage: () => [],
  readAnswer: (input, platform, version) => [...scanAnswerMarkers(input, platform, version), ...scanAnswerStatus(input, platform, version)],
  // Nothing to compile: it reads no text.
  *warm() {},
};

export function networkRuleSetWith(userRules: readonly Rule[], choices: RuleChoices = {}): RuleSet {
  const offFamilies = new Set(choices.disabledFamilies ?? []);
  const offPlatforms = new Set(choices.disabledPlatforms ?? []);
  const withGeneral = choices.general !== false;
  const rules: Rule[] = [];
  for (const [family, list] of Object.entries(builtinNetworkFamilies())) {
    if (offFamilies.has(family)) continue;
    for (const r of list) if (!offPlatforms.has(r.platform)) rules.push(r);
  }
  rules.push(...userRules.filter((r) => isAnswerRule(r) && !offPlatforms.has(r.platform)));
  return assembleRuleSet(rules, compilePhrases(rules), ruleSetVersion(userRules.length, offFamilies.size + offPlatforms.size, withGeneral), withGeneral ? headersOnly : undefined);
}
