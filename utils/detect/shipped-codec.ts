import { bytesFromBase64, bytesOfView, bytesToBase64 } from './base64';
import { automatonFromData, type AutomatonData } from './automaton';
import type { PhraseTable } from './engine';
import type { LooseTable } from './loose';

/**
 * Phrase tables and their automata as plain data (base64 typed arrays, JSON), so that the
 * extension's build can ship the built-in rules' automaton made once instead of every tab making
 * it (scripts/lib/shipped.ts writes it; builtin.ts in the extension reads it).
 */

const b16 = (a: Uint16Array) => bytesToBase64(bytesOfView(a));
const b32 = (a: Int32Array) => bytesToBase64(bytesOfView(a));
const u16 = (s: string) => new Uint16Array(bytesFromBase64(s).buffer);
const i32 = (s: string) => new Int32Array(bytesFromBase64(s).buffer);
const u8 = (s: string) => bytesFromBase64(s);

export interface ShippedAutomaton {
  symbols: string;
  first: string;
  edge: string;
  fail: string;
  ends: string;
  outLink: string;
  patternLengths: string;
}

export function shipAutomaton(d: AutomatonData): ShippedAutomaton {
  return { symbols: b16(d.symbols), first: b16(d.first), edge: b16(d.edge), fail: b16(d.fail), ends: b32(d.ends), outLink: b16(d.outLink), patternLengths: b32(d.patternLengths) };
}

export function automatonData(s: ShippedAutomaton): AutomatonData {
  return { symbols: u16(s.symbols), first: u16(s.first), edge: u16(s.edge), fail: u16(s.fail), ends: i32(s.ends), outLink: u16(s.outLink), patternLengths: i32(s.patternLengths) };
}

export interface ShippedTable {
  automaton: ShippedAutomaton;
  wordStart: string;
  wordEnd: string;
  /** Per rule: [phrases, all, unless] ids. */
  ids: Array<[number[], number[], number[]]>;
  cueIds: number[];
  /** Folded phrases, newline-separated. */
  folded: string;
}

export function shipTable(t: PhraseTable): ShippedTable {
  return {
    automaton: shipAutomaton(t.automaton.data()),
    wordStart: bytesToBase64(t.phraseIsWordStart),
    wordEnd: bytesToBase64(t.phraseIsWordEnd),
    ids: t.ids.map((i) => [[...i.phrases], [...i.all], [...i.unless]]),
    cueIds: [...t.cueIds],
    folded: t.folded.join('\n'),
  };
}

export function tableFromShipped(s: ShippedTable): PhraseTable {
  return {
    automaton: automatonFromData(automatonData(s.automaton)),
    phraseIsWordStart: u8(s.wordStart),
    phraseIsWordEnd: u8(s.wordEnd),
    ids: s.ids.map(([phrases, all, unless]) => ({ phrases, all, unless })),
    cueIds: s.cueIds,
    folded: s.folded ? s.folded.split('\n') : [],
  };
}

export interface ShippedLoose {
  automaton: ShippedAutomaton;
  from: string;
  ids: string;
}

export function shipLoose(t: LooseTable): ShippedLoose {
  return { automaton: shipAutomaton(t.automaton.data()), from: b32(t.from), ids: b32(t.ids) };
}

export function looseFromShipped(s: ShippedLoose): LooseTable {
  return { automaton: automatonFromData(automatonData(s.automaton)), from: i32(s.from), ids: i32(s.ids) };
}
