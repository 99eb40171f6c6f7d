import { automatonFromData, type AutomatonData } from './automaton';
import type { PhraseTable } from './engine';
import type { LooseTable } from './loose';

/**
 * Phrase tables and their automata as plain data (base64 typed arrays, JSON), so that the
 * extension's build can ship the built-in rules' automaton made once instead of every tab making
 * it (scripts/lib/shipped.ts writes it; builtin.ts in the extension reads it).
 */

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function bytesOf(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const b16 = (a: Uint16Array) => toBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
const b32 = (a: Int32Array) => toBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
const u16 = (s: string) => new Uint16Array(bytesOf(s).buffer);
const i32 = (s: string) => new Int32Array(bytesOf(s).buffer);
const u8 = (s: string) => bytesOf(s);

export interface ShippedAutomaton {
  symbols: string;
  parent: string;
  edge: string;
  fail: string;
  ends: string;
  patternLengths: string;
}

export function shipAutomaton(d: AutomatonData): ShippedAutomaton {
  return { symbols: b16(d.symbols), parent: b16(d.parent), edge: b16(d.edge), fail: b16(d.fail), ends: b32(d.ends), patternLengths: b32(d.patternLengths) };
}

export function automatonData(s: ShippedAutomaton): AutomatonData {
  return { symbols: u16(s.symbols), parent: u16(s.parent), edge: u16(s.edge), fail: u16(s.fail), ends: i32(s.ends), patternLengths: i32(s.patternLengths) };
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
    wordStart: toBase64(t.phraseIsWordStart),
    wordEnd: toBase64(t.phraseIsWordEnd),
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
