/**
 * The built-in rules that judge an answer by its address, status and headers, by family: all the
 * service worker runs on what webRequest shows it, which has no body (utils/background/network.ts).
 * URL rules, and network rules that need no body (no phrases, no patterns): a rule that reads the
 * body cannot fire on an answer without one. Node computes them from the sources; the extension's build
 * replaces this module with the same exports over data (scripts/lib/shipped.ts), so that the
 * worker carries neither the rules' sources nor the phrase automaton.
 */
import { RULE_FAMILIES } from './rules';
import { readsHeadOnly } from './answer-rules';
import type { Rule } from './types';

let families: Record<string, readonly Rule[]> | undefined;

export function builtinNetworkFamilies(): Readonly<Record<string, readonly Rule[]>> {
  return (families ??= Object.fromEntries(Object.entries(RULE_FAMILIES).map(([f, rules]) => [f, rules.filter(readsHeadOnly)])));
}
