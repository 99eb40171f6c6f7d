import { describe, expect, it } from 'vitest';
import { compileFrames, conceptsOf, escape, matchFrames, type Frame } from '../../utils/detect/general/compose';
import { foldToString } from '../../utils/detect/normalize';

/** A frame with only what a test needs. */
const frame = (p: Partial<Frame>): Frame => ({
  id: 'general.en.test',
  kind: 'access-denied',
  lang: 'en',
  subjects: [],
  predicates: [],
  confidence: 0.8,
  source: 'test',
  ...p,
});

/** The hits of one frame on some text, folded as the layer folds a candidate. */
const hits = (f: Partial<Frame>, text: string) => matchFrames(compileFrames([frame(f)]), foldToString(text));

describe('escape', () => {
  it('makes every regular-expression metacharacter literal', () => {
    const special = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    const re = new RegExp(`^${escape(special)}$`);
    expect(re.test(special)).toBe(true);
    expect(new RegExp(escape('a.b')).test('axb')).toBe(false);
    expect(escape('a.b')).toBe('a\\.b');
  });
});

describe('alternation of folded words', () => {
  it('a word that folds to nothing is left out rather than matching everywhere', () => {
    // '*' is a stem of nothing; '!!' folds to nothing.
    expect(hits({ predicates: ['blocked', '*', '!!'] }, 'welcome to our shop')).toEqual([]);
    expect(hits({ predicates: ['blocked', '*', '!!'] }, 'you are blocked').map((h) => h.words)).toEqual(['blocked']);
  });

  it('a word given both as a stem and as a whole word is a stem, whichever comes last', () => {
    expect(hits({ predicates: ['lock*', 'lock'] }, 'account locked').map((h) => h.words)).toEqual(['lock']);
    expect(hits({ predicates: ['lock', 'lock*'] }, 'account locked').map((h) => h.words)).toEqual(['lock']);
    expect(hits({ predicates: ['lock'] }, 'account locked')).toEqual([]);
  });

  it('a word that only starts with a non-Latin letter may follow a Latin letter', () => {
    // '账号a' has a Latin letter, but not at its start: it needs no word boundary before it.
    expect(hits({ predicates: ['账号a'] }, 'b账号a').map((h) => h.words)).toEqual(['账号a']);
    // One that starts with a Latin letter must not start inside a word.
    expect(hits({ predicates: ['a账号'] }, 'ba账号')).toEqual([]);
  });

  it('a whole word that only ends in a non-Latin letter may be followed by a Latin letter', () => {
    expect(hits({ predicates: ['id账号'] }, 'id账号x').map((h) => h.words)).toEqual(['id账号']);
    // One that ends in a Latin letter must not end inside a word.
    expect(hits({ predicates: ['账号id'] }, '账号idx')).toEqual([]);
  });

  it('unless-words may end inside a longer word (they are not whole words)', () => {
    expect(hits({ predicates: ['blocked'] }, 'blocked')).toHaveLength(1);
    expect(hits({ predicates: ['blocked'], unless: ['help'] }, 'was this helpful? blocked')).toEqual([]);
  });

  it('subjects are whole words in a frame', () => {
    expect(hits({ subjects: ['ip'], predicates: ['blocked'] }, 'your ip blocked')).toHaveLength(1);
    expect(hits({ subjects: ['ip'], predicates: ['blocked'] }, 'your ipad blocked')).toEqual([]);
  });
});

describe('compileFrames', () => {
  it('a frame without learnt phrases matches only its predicates', () => {
    expect(hits({ predicates: ['blocked'] }, 'Stryker was here')).toEqual([]);
    expect(hits({ predicates: ['blocked'], learnt: ['denied'] }, 'access denied').map((h) => h.words)).toEqual(['denied']);
  });

  it('a frame without subjects matches the predicate alone, from where it starts', () => {
    const [h] = hits({ predicates: ['blocked'] }, 'xxxxx blocked');
    expect(h).toMatchObject({ words: 'blocked', start: 6, end: 13 });
  });
});

describe('matchFrames order', () => {
  it('subject first where both orders start at the same place', () => {
    const f: Partial<Frame> = { subjects: ['account', 'locked account'], predicates: ['locked'], either: true };
    const [h] = hits(f, 'locked account locked');
    expect(h).toMatchObject({ words: 'locked account locked', start: 0, end: 21 });
  });

  it('the predicate first where it starts earlier', () => {
    const f: Partial<Frame> = { subjects: ['account'], predicates: ['locked'], either: true };
    expect(hits(f, 'locked: your account')[0]).toMatchObject({ words: 'locked your account', start: 0 });
  });
});

describe('conceptsOf', () => {
  it('keeps the dots of a slug past the language', () => {
    const cs = conceptsOf([frame({ id: 'general.en.rate.limit', subjects: ['requests'], predicates: ['too many'], remedies: ['try again'] })]);
    expect(cs.map((c) => c.key)).toEqual(['k:rate.limit:s', 'k:rate.limit:r']);
  });

  it('a subject concept may end inside a longer word, a remedy may not', () => {
    const [s, r] = conceptsOf([frame({ subjects: ['account'], predicates: ['locked'], remedies: ['retry'] })]);
    expect(s!.re.test('accounts')).toBe(true);
    expect(r!.re.test('retrying')).toBe(false);
    expect(r!.re.test('retry')).toBe(true);
  });
});
