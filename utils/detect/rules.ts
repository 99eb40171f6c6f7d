/**
 * The built-in rules: each platform's `utils/platforms/<id>.rules.ts` (walls in walls/), grouped
 * by the descriptor's `family` for the options page. Importable without the coupon readers or
 * the schema library, so that a content script can carry the rules alone.
 */
import { RULES_BY_PLATFORM } from '../platforms/_generated/rules';
import { DESCRIPTORS } from './platforms';
import type { Rule } from './types';

export { RULESET_VERSION } from './version';

function byFamily(): Record<string, Rule[]> {
  const families: Record<string, Rule[]> = {};
  const seen = new Set<string>();
  for (const d of DESCRIPTORS) {
    const own = RULES_BY_PLATFORM[d.id];
    if (!own) continue;
    seen.add(d.id);
    (families[d.family] ??= []).push(...own);
  }
  const orphans = Object.keys(RULES_BY_PLATFORM).filter((id) => !seen.has(id));
  if (orphans.length) throw new Error(`utils/platforms: rule files without a descriptor: ${orphans.join(', ')}`);
  return families;
}

/** The built-in rules by family (the options page turns families on and off), best-known platforms first. */
export const RULE_FAMILIES: Readonly<Record<string, readonly Rule[]>> = byFamily();

/** Every built-in rule. */
export const BUILTIN_RULES: readonly Rule[] = Object.values(RULE_FAMILIES).flat();
