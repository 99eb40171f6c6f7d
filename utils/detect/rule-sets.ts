/**
 * The rule sets the extension and the CLI run: the built-in one (made once), or the built-in
 * one with the user's choices and own rules. Importable without the rules' source files, so that
 * the content script carries only the data its build made (builtin.ts).
 */
import { assembleRuleSet, compilePhrases, joinPhraseTables, type RuleSet } from './engine';
import { builtinFamilies, builtinGeneral, builtinLoose, builtinTable, BUILTIN_VERSION } from './builtin';
import type { GeneralLayer } from './general/index';
import { joinLooseTables, looseTable, type LooseTable } from './loose';
import { ruleSetVersion } from './network-rule-set';
import type { Rule } from './types';

let builtin: RuleSet | undefined;
const looseOf = new WeakMap<RuleSet, LooseTable>();

/** The general layer with the shipped model, built once. */
export function builtinGeneralLayer(): GeneralLayer {
  return builtinGeneral();
}

function builtinRules(): readonly Rule[] {
  return Object.values(builtinFamilies()).flat();
}

/** Decoding the built-in rules' shipped data, in pieces a caller may run one at a time before builtinRuleSet (the content script's steps). */
export const BUILTIN_PARTS: ReadonlyArray<() => unknown> = [builtinFamilies, builtinTable, builtinLoose];

/** The built-in rules compiled once per process (or content script). User rules make a new set. */
export function builtinRuleSet(): RuleSet {
  if (!builtin) {
    builtin = assembleRuleSet(builtinRules(), builtinTable(), BUILTIN_VERSION, builtinGeneral());
    looseOf.set(builtin, builtinLoose());
  }
  return builtin;
}

/** What the user turned off in the options page (storage.local, read by the content script and the background). */
export interface RuleChoices {
  disabledFamilies?: readonly string[];
  disabledPlatforms?: readonly string[];
  /** The general layer (utils/detect/general) is on unless this is false. */
  general?: boolean;
}

/**
 * The built-in rules less what the user turned off, plus the user's own rules. The built-in
 * phrases keep their automaton (a disabled rule's phrases then fire nothing); the user's rules
 * get a small one of their own beside it.
 */
export function ruleSetWith(userRules: readonly Rule[], choices: RuleChoices = {}): RuleSet {
  const offFamilies = new Set(choices.disabledFamilies ?? []);
  const offPlatforms = new Set(choices.disabledPlatforms ?? []);
  const withGeneral = choices.general !== false;
  if (userRules.length === 0 && offFamilies.size === 0 && offPlatforms.size === 0 && withGeneral) return builtinRuleSet();
  const families = builtinFamilies();
  const off = new Set<Rule>();
  for (const [family, rules] of Object.entries(families)) for (const r of rules) if (offFamilies.has(family) || offPlatforms.has(r.platform)) off.add(r);
  const own = userRules.filter((r) => !offPlatforms.has(r.platform));
  const base = builtinTable();
  const mine = own.length ? compilePhrases(own) : undefined;
  const table = mine ? joinPhraseTables(base, mine) : base;
  const rules = [...builtinRules(), ...own];
  const set = assembleRuleSet(rules, table, ruleSetVersion(userRules.length, offFamilies.size + offPlatforms.size, withGeneral), withGeneral ? builtinGeneral() : undefined, (r) => !off.has(r));
  looseOf.set(set, mine ? joinLooseTables(builtinLoose(), looseTable(mine), base.automaton.patternLengths.length) : builtinLoose());
  return set;
}

/** The rule set's phrases without separators, for the content script's first pass over a long page. */
export function looseTableOf(set: RuleSet): LooseTable {
  let t = looseOf.get(set);
  if (!t) looseOf.set(set, (t = looseTable(set.table)));
  return t;
}
