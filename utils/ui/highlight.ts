/**
 * The words of a snippet that made a rule fire, for the record detail. The rule's phrases are
 * found the way the engine finds them (case, width, Traditional/Simplified and spacing folded),
 * then mapped back to the snippet's own characters. The result is plain text pieces: the caller
 * renders them as text nodes and <mark>, never as HTML.
 */
import { fold, foldToString } from '../detect/normalize';
import { BUILTIN_RULES } from '../detect/rules';
import type { Rule } from '../detect/types';

export interface Piece {
  text: string;
  mark: boolean;
}

const MAX_MARKS = 200;

function foldedString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 4096) out += String.fromCharCode(...codes.subarray(i, Math.min(length, i + 4096)));
  return out;
}

/** Character ranges [start, end) of `text` where a phrase (folded) or a pattern (case-insensitive) occurs. */
export function matchRanges(text: string, phrases: readonly string[], patterns: readonly string[] = []): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!text) return ranges;
  const f = fold(text);
  const hay = foldedString(f.codes, f.length);
  for (const phrase of phrases) {
    const needle = foldToString(phrase);
    if (!needle) continue;
    for (let i = hay.indexOf(needle); i >= 0 && ranges.length < MAX_MARKS; i = hay.indexOf(needle, i + needle.length)) {
      const start = f.origin[i]!;
      const end = f.origin[i + needle.length - 1]! + 1;
      ranges.push([start, end]);
    }
  }
  for (const source of patterns) {
    let re: RegExp;
    try {
      re = new RegExp(source, 'gi');
    } catch {
      continue;
    }
    for (let m = re.exec(text); m && ranges.length < MAX_MARKS; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return mergeRanges(ranges);
}

export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The text cut into plain and marked pieces. */
export function highlightPieces(text: string, phrases: readonly string[], patterns: readonly string[] = []): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const [s, e] of matchRanges(text, phrases, patterns)) {
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

const builtinById = new Map(BUILTIN_RULES.map((r) => [r.id, r]));

/** The rule that made a finding: built-in, or one of the user's own. */
export function ruleById(id: string, userRules: readonly Rule[] = []): Rule | undefined {
  return builtinById.get(id) ?? userRules.find((r) => r.id === id);
}

/** What to highlight for a rule: its phrases (and the phrases it requires), or its patterns. */
export function ruleNeedles(rule: Rule | undefined): { phrases: string[]; patterns: string[] } {
  if (!rule) return { phrases: [], patterns: [] };
  return { phrases: [...(rule.phrases ?? []), ...(rule.all ?? [])], patterns: [...(rule.patterns ?? [])] };
}
