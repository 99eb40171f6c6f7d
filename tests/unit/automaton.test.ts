import { describe, expect, it } from 'vitest';
import { automatonFromData, buildAutomaton, joinAutomata } from '../../utils/detect/automaton';

const enc = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

function matches(patterns: string[], text: string): string[] {
  const a = buildAutomaton(patterns.map(enc));
  const codes = enc(text);
  const out: string[] = [];
  a.scan(codes, codes.length, (p, end) => out.push(`${patterns[p]}@${end}`));
  return out.sort();
}

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${p}@${i + p.length}`);
  });
  return out.sort();
}

/** A seeded source of random numbers below n and of random words over `alphabet` (the same every run). */
function randomWords(seed: number, alphabet: string) {
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const word = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');
  return { rnd, word };
}

describe('Aho–Corasick automaton', () => {
  it('finds overlapping and nested phrases', () => {
    expect(matches(['访问被拒绝', '亲访问被拒绝', '被拒'], '亲访问被拒绝')).toEqual(['亲访问被拒绝@6', '被拒@5', '访问被拒绝@6']);
    expect(matches(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['he@4', 'hers@6', 'she@4']);
  });

  it('agrees with a naive search on random text', () => {
    const { rnd, word } = randomWords(7, 'abc访问拒');
    for (let round = 0; round < 50; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + rnd(12) }, () => word(1 + rnd(5))))];
      const text = word(200);
      expect(matches(patterns, text)).toEqual(naive(patterns, text));
    }
  });

  it('agrees with a naive search where states have many children (the halving lookup)', () => {
    const { rnd, word } = randomWords(11, 'abcdefghijklmnopqrstuvwxyz访问拒绝频繁异常冻结限制');
    for (let round = 0; round < 20; round++) {
      // Every pattern shares one first letter, so that its state has up to 34 children.
      const patterns = [...new Set(Array.from({ length: 60 }, () => `a${word(1 + rnd(3))}`))];
      const text = Array.from({ length: 300 }, () => `a${word(1)}`).join('');
      const a = buildAutomaton(patterns.map(enc));
      // State 1 is "a": more children than are searched one by one.
      const { first } = a.data();
      expect(first[2]! - first[1]!).toBeGreaterThan(8);
      expect(matches(patterns, text)).toEqual(naive(patterns, text));
    }
  });

  it('refuses flat data whose arrays do not describe one automaton (a truncated or foreign file)', () => {
    const d = buildAutomaton(['ab', 'cd'].map(enc)).data();
    expect(() => automatonFromData(d)).not.toThrow();
    const refused = /do not describe one automaton/;
    expect(() => automatonFromData({ ...d, first: d.first.subarray(1) })).toThrow(refused);
    expect(() => automatonFromData({ ...d, first: Uint16Array.from(d.first, (v, i) => (i === 0 ? 2 : v)) })).toThrow(refused);
    expect(() => automatonFromData({ ...d, first: Uint16Array.from(d.first, (v, i) => (i === d.first.length - 1 ? v - 1 : v)) })).toThrow(refused);
    expect(() => automatonFromData({ ...d, fail: d.fail.subarray(1) })).toThrow(refused);
    expect(() => automatonFromData({ ...d, outLink: d.outLink.subarray(1) })).toThrow(refused);
    expect(() => automatonFromData({ ...d, ends: d.ends.subarray(1) })).toThrow(refused);
    // States 3 ("ab") and 4 ("cd") end patterns 0 and 1: ranks 1 and 2.
    expect([...d.outLink]).toEqual([0, 0, 0, 1, 2]);
    expect(() => automatonFromData({ ...d, outLink: Uint16Array.from([0, 0, 0, 2, 1]) })).toThrow(/output links/);
  });

  it('keeps the ranks of output states and their fail chains in the flat data (nothing left to make per tab)', () => {
    // "she" ends at its state and, through its fail link, "he": two outputs on one chain.
    const patterns = ['he', 'she', 'his', 'hers'];
    const d = buildAutomaton(patterns.map(enc)).data();
    const again = automatonFromData({ ...d });
    const codes = enc('ushers');
    const out: string[] = [];
    again.scan(codes, codes.length, (p, end) => out.push(`${patterns[p]}@${end}`));
    expect(out.sort()).toEqual(['he@4', 'hers@6', 'she@4']);
    // Every state's outLink is its own rank when a pattern ends there, else its fail state's.
    const ends = new Set<number>();
    for (let i = 0; i < d.ends.length; i += 2) ends.add(d.ends[i]!);
    for (let s = 1; s < d.outLink.length; s++) expect(d.outLink[s]).toBe(ends.has(s) ? [...ends].indexOf(s) + 1 : d.outLink[d.fail[s - 1]!]);
  });

  it('numbers the symbols densely, one per code unit that occurs in a phrase (the root row is that long)', () => {
    const d = buildAutomaton(['abc', 'bcd', 'cab', 'xa'].map(enc)).data();
    const pairs: Array<[string, number]> = [];
    for (let i = 0; i < d.symbols.length; i += 2) pairs.push([String.fromCharCode(d.symbols[i]!), d.symbols[i + 1]!]);
    expect(pairs.map(([c]) => c).sort()).toEqual(['a', 'b', 'c', 'd', 'x']);
    expect(pairs.map(([, y]) => y).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('never reports an empty phrase, and still finds the others', () => {
    expect(matches(['', 'ab', ''], 'xabx')).toEqual(['ab@3']);
  });

  it('refuses more states than the flat arrays can number (0xffff), and takes exactly that many', () => {
    // A phrase of n code units makes n + 1 states with the root.
    expect(() => buildAutomaton([new Uint16Array(0xffff).fill(97)])).toThrow(/automaton too large: 65536 states, 1 symbols/);
    const most = buildAutomaton([new Uint16Array(0xfffe).fill(97)]);
    const text = new Uint16Array(0xffff).fill(97);
    const ends: number[] = [];
    most.scan(text, text.length, (_, end) => ends.push(end));
    expect(ends).toEqual([0xfffe, 0xffff]);
  });

  it('reports every pattern that ends at one state, a repeated phrase as often as it was given', () => {
    // Two patterns end at the state of "ab": one output rank for the state, two patterns in its run.
    expect(matches(['ab', 'ab', 'b'], 'xab')).toEqual(['ab@3', 'ab@3', 'b@3']);
    const d = buildAutomaton(['ab', 'ab', 'b'].map(enc)).data();
    expect(() => automatonFromData({ ...d })).not.toThrow();
  });

  it('has no flat form once joined (a user\'s rules beside the shipped ones are not shipped)', () => {
    const joined = joinAutomata(buildAutomaton([enc('ab')]), buildAutomaton([enc('b')]));
    expect(() => joined.data()).toThrow('a joined automaton has no flat form');
  });

  it('handles no patterns and empty text', () => {
    expect(matches([], 'abc')).toEqual([]);
    expect(matches(['a'], '')).toEqual([]);
  });
});
