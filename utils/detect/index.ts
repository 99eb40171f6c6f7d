/** The detection core: pure TypeScript, no browser API; shared by the content script, the CLI and the tests. */
import { compileRules, type RuleSet } from './engine';
import { BUILTIN_RULES, RULE_FAMILIES, RULESET_VERSION } from './rules';
import type { Rule } from './types';
import { FRAMES } from './general/frames';
import { generalLayer, type GeneralLayer } from './general/index';
import { unpack } from './general/model';
import { MODEL } from './general/model-data';

export * from './engine';
export * from './kinds';
export * from './platforms';
export * from './types';
export { BUILTIN_RULES, RULE_FAMILIES, RULESET_VERSION } from './rules';

let builtin: RuleSet | undefined;
let general: GeneralLayer | undefined;

/** The general layer with the shipped model, built once. */
export function builtinGeneralLayer(): GeneralLayer {
  return (general ??= generalLayer(FRAMES, unpack(MODEL)));
}

/** The built-in rules compiled once per process (or content script). User rules make a new set. */
export function builtinRuleSet(): RuleSet {
  return (builtin ??= compileRules(BUILTIN_RULES, RULESET_VERSION, builtinGeneralLayer()));
}

/** What the user turned off in the options page (storage.local, read by the content script and the background). */
export interface RuleChoices {
  disabledFamilies?: readonly string[];
  disabledPlatforms?: readonly string[];
  /** The general layer (utils/detect/general) is on unless this is false. */
  general?: boolean;
}

export function ruleSetWith(userRules: readonly Rule[], choices: RuleChoices = {}): RuleSet {
  const offFamilies = new Set(choices.disabledFamilies ?? []);
  const offPlatforms = new Set(choices.disabledPlatforms ?? []);
  const withGeneral = choices.general !== false;
  if (userRules.length === 0 && offFamilies.size === 0 && offPlatforms.size === 0 && withGeneral) return builtinRuleSet();
  const builtin = Object.entries(RULE_FAMILIES)
    .filter(([family]) => !offFamilies.has(family))
    .flatMap(([, rules]) => rules)
    .filter((r) => !offPlatforms.has(r.platform));
  const rules = [...builtin, ...userRules.filter((r) => !offPlatforms.has(r.platform))];
  const tag = [userRules.length ? `user.${userRules.length}` : '', offFamilies.size || offPlatforms.size ? `off.${offFamilies.size + offPlatforms.size}` : '', withGeneral ? '' : 'nogeneral'].filter(Boolean).join('.');
  return compileRules(rules, `${RULESET_VERSION}+${tag}`, withGeneral ? builtinGeneralLayer() : undefined);
}
