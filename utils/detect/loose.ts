import { buildAutomaton, joinAutomata, type Automaton } from './automaton';
import type { PhraseTable } from './engine';

/**
 * Phrases folded without any separator ("access denied" → "accessdenied"), for a first pass over
 * text whose element boundaries are unknown (a long page's raw text, where two blocks' words
 * touch). Every place a phrase occurs in a page's visible text is found here too; what is found
 * is then read again exactly (utils/dom/collect-long.ts).
 */
export interface LooseTable {
  automaton: Automaton;
  /** For each loose pattern, the phrase ids (of the PhraseTable) that fold to it: `ids[from[p]…from[p+1])`. */
  from: Int32Array;
  ids: Int32Array;
}

export function looseTable(table: PhraseTable): LooseTable {
  const index = new Map<string, number[]>();
  table.folded.forEach((f, id) => {
    const key = f.replace(/ /g, '');
    if (!key) return;
    const list = index.get(key);
    if (list) list.push(id);
    else index.set(key, [id]);
  });
  const keys = [...index.keys()];
  const from = new Int32Array(keys.length + 1);
  const ids: number[] = [];
  keys.forEach((k, p) => {
    ids.push(...index.get(k)!);
    from[p + 1] = ids.length;
  });
  return { automaton: buildAutomaton(keys.map((k) => Uint16Array.from(k, (c) => c.charCodeAt(0)))), from, ids: Int32Array.from(ids) };
}

/** Two loose tables as one, the second's phrase ids shifted by `offset` (a user's rules after the built-in ones). */
export function joinLooseTables(a: LooseTable, b: LooseTable, offset: number): LooseTable {
  const n = a.automaton.patternLengths.length;
  const from = new Int32Array(n + b.automaton.patternLengths.length + 1);
  from.set(a.from);
  for (let p = 1; p < b.from.length; p++) from[n + p] = a.ids.length + b.from[p]!;
  const ids = new Int32Array(a.ids.length + b.ids.length);
  ids.set(a.ids);
  for (let i = 0; i < b.ids.length; i++) ids[a.ids.length + i] = b.ids[i]! + offset;
  return {
    automaton: joinAutomata(a.automaton, b.automaton),
    from,
    ids,
  };
}
