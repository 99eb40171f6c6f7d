/** The detection core: pure TypeScript, no browser API; shared by the content script, the CLI and the tests. */
import { compileRules, type RuleSet } from './engine';
import { BUILTIN_RULES, RULESET_VERSION } from './rules/index';
import type { Rule } from './types';

export * from './engine';
export * from './kinds';
export * from './platforms';
export * from './types';
export { BUILTIN_RULES, RULESET_VERSION } from './rules/index';

let builtin: RuleSet | undefined;

/** The built-in rules compiled once per process (or content script). User rules make a new set. */
export function builtinRuleSet(): RuleSet {
  return (builtin ??= compileRules(BUILTIN_RULES, RULESET_VERSION));
}

export function ruleSetWith(userRules: readonly Rule[]): RuleSet {
  if (userRules.length === 0) return builtinRuleSet();
  return compileRules([...BUILTIN_RULES, ...userRules], `${RULESET_VERSION}+user.${userRules.length}`);
}
