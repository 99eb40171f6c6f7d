/**
 * The built-in detectors, made when first asked for: the rules by family, their phrases folded
 * into one automaton (with the general layer's cues), the general layer (frames and model).
 *
 * Node (the CLI, the tests) computes them here from the sources. The extension does not: its
 * build replaces this module with the same exports over data made at build time
 * (`builtinModule` in scripts/lib/shipped.ts, wxt.config.ts), so that no tab builds the automaton
 * or parses the rules as code. The watch script's build carries no data at all: it reads what the
 * background handed it (shipped-builtin.ts).
 */
import { compilePhrases, type PhraseTable } from './engine';
import { FRAMES } from './general/frames';
import { cuesOf, lazyGeneralLayer, type GeneralLayer } from './general/index';
import { unpack } from './general/model';
import { MODEL } from './general/model-data';
import { RULE_FAMILIES, RULESET_VERSION } from './rules';
import type { Rule } from './types';
import { looseTable, type LooseTable } from './loose';

export const BUILTIN_VERSION = RULESET_VERSION;

let table: PhraseTable | undefined;
let general: GeneralLayer | undefined;
let loose: LooseTable | undefined;

/** The built-in rules by family (the options page turns families on and off). */
export function builtinFamilies(): Readonly<Record<string, readonly Rule[]>> {
  return RULE_FAMILIES;
}

/** The phrases of every built-in rule, in family order, and the general layer's cues. */
export function builtinTable(): PhraseTable {
  return (table ??= compilePhrases(Object.values(RULE_FAMILIES).flat(), cuesOf(FRAMES)));
}

/** The general layer with the shipped model. */
export function builtinGeneral(): GeneralLayer {
  return (general ??= lazyGeneralLayer({ frames: () => FRAMES, cues: cuesOf(FRAMES), model: () => unpack(MODEL) }));
}

/** The built-in phrases without separators (the content script's first pass over a long page). */
export function builtinLoose(): LooseTable {
  return (loose ??= looseTable(builtinTable()));
}
