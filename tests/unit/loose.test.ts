/**
 * The separator-free phrase table (utils/detect/loose.ts): which phrases share a loose pattern,
 * and how a user's table joins the built-in one (its phrase ids shifted after the built-in ones).
 */
import { describe, expect, it } from 'vitest';
import type { PhraseTable } from '../../utils/detect/engine';
import { joinLooseTables, looseTable, type LooseTable } from '../../utils/detect/loose';

const table = (folded: string[]) => ({ folded }) as unknown as PhraseTable;
const codes = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

/** The phrase ids each loose pattern found in `text` stands for, as "pattern:ids@end". */
function finds(t: LooseTable, text: string): string[] {
  const out: string[] = [];
  const c = codes(text);
  t.automaton.scan(c, c.length, (p, end) => out.push(`${p}:${[...t.ids.subarray(t.from[p]!, t.from[p + 1]!)].join(',')}@${end}`));
  return out;
}

describe('loose phrase tables', () => {
  it('fold phrases that differ only in their spaces into one pattern, and leave out a phrase of spaces alone', () => {
    const t = looseTable(table(['access denied', 'accessdenied', ' ', 'blocked']));
    expect([...t.from]).toEqual([0, 2, 3]);
    expect([...t.ids]).toEqual([0, 1, 3]);
    expect([...t.automaton.patternLengths]).toEqual(['accessdenied'.length, 'blocked'.length]);
    // Two blocks' words that touch in a page's raw text are found too.
    expect(finds(t, 'Accessxaccessdeniedyblocked')).toEqual(['0:0,1@19', '1:3@27']);
  });

  it("join a user's table after the built-in one: its patterns and phrase ids numbered after them", () => {
    const builtin = looseTable(table(['ab', 'c']));
    const mine = looseTable(table(['d e', 'de', 'f']));
    const joined = joinLooseTables(builtin, mine, 10);
    expect([...joined.from]).toEqual([0, 1, 2, 4, 5]);
    expect([...joined.ids]).toEqual([0, 1, 10, 11, 12]);
    expect(finds(joined, 'abdef')).toEqual(['0:0@2', '2:10,11@4', '3:12@5']);
    // The built-in table is not changed by the join.
    expect([...builtin.from]).toEqual([0, 1, 2]);
    expect([...builtin.ids]).toEqual([0, 1]);
  });
});
