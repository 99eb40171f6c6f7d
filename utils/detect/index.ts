/** The detection core: pure TypeScript, no browser API; shared by the content script, the CLI and the tests. */
export * from './engine';
export * from './kinds';
export * from './platforms';
export * from './types';
export { BUILTIN_RULES, RULE_FAMILIES, RULESET_VERSION } from './rules';
export { builtinGeneralLayer, builtinRuleSet, ruleSetWith, looseTableOf, type RuleChoices } from './rule-sets';
