/**
 * The built-in rules that judge an answer by its address, status and headers (signal `url` and
 * `network`), by family: all the service worker runs on what webRequest shows it, which has no
 * body (utils/background/network.ts). Node computes them from the sources; the extension's build
 * replaces this module with the same exports over data (scripts/lib/shipped.ts), so that the
 * worker carries neither the rules' sources nor the phrase automaton.
 */
import { RULE_FAMILIES, RULESET_VERSION } from './rules';
import type { Rule } from './types';

export const BUILTIN_VERSION = RULESET_VERSION;

/** Does the rule judge answers (rather than a page's text)? */
export const isAnswerRule = (r: Rule): boolean => r.signal === 'url' || r.signal === 'network';

let families: Record<string, readonly Rule[]> | undefined;

export function builtinNetworkFamilies(): Readonly<Record<string, readonly Rule[]>> {
  return (families ??= Object.fromEntries(Object.entries(RULE_FAMILIES).map(([f, rules]) => [f, rules.filter(isAnswerRule)])));
}
