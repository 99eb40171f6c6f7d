// @vitest-environment happy-dom
/**
 * The long page's first pass and its checks (utils/dom/collect-long.ts), piece by piece on a fake
 * DOM: where a separator-free find lies in its piece's own text, how many finds are kept, where
 * the work gives the page its turn, and which finds survive the exact reading around them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Work } from '../../utils/content/slices';
import { compileRules, type RuleSet } from '../../utils/detect/engine';
import { looseTableOf } from '../../utils/detect/rule-sets';
import type { Rule } from '../../utils/detect/types';
import { EXCERPT_CHARS, scanPieces, textLengthUpTo, verify, type Find } from '../../utils/dom/collect-long';
import type { Partition } from '../../utils/dom/partition';

const rule = (id: string, phrases: string[], all?: string[]): Rule => ({
  id,
  kind: 'access-denied',
  platform: 'taobao',
  hosts: ['taobao.com'],
  signal: 'text',
  confidence: 0.9,
  fixtures: [],
  phrases,
  ...(all ? { all } : {}),
});

// "support code" is only ever an `all` word: found by the first pass, never a trigger.
const SET = compileRules([rule('t.deny', ['access denied']), rule('t.zh', ['账号已被限制']), rule('t.ref', ['blocked'], ['support code'])], 'collect-long-test');
const LOOSE = looseTableOf(SET);

/** Runs the work to its end, counting the turns it gave back. */
function drive<T>(work: Work<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = work.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

const text = (data: string) => document.createTextNode(data);
const pieces = (...chunks: Array<Element | Text>): Partition => ({ chunks, order: [] });
const scan = (part: Partition, set: RuleSet = SET) => drive(scanPieces(part, set, looseTableOf(set)));
/** The loose pattern of a phrase as the first pass reports it. */
const patternOf = (finds: Find[], chunkText: string, f: Find) => chunkText.slice(Math.max(0, f.start), f.end);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('scanPieces', () => {
  it("gives each find's offsets in its piece's own text, whatever separators and case the page wrote", () => {
    const t1 = 'please note: ACCESS—Denied here';
    const t2 = '您的 账号 已被限制，另有 Support-Code 42';
    const { value } = scan(pieces(text(t1), text(t2)));
    expect(value.finds.map((f) => [f.chunk, patternOf(value.finds, f.chunk === 0 ? t1 : t2, f), f.trigger])).toEqual([
      [0, 'ACCESS—Denied', true],
      [1, '账号 已被限制', true],
      [1, 'Support-Code', false],
    ]);
    expect(value.finds[0]).toMatchObject({ start: t1.indexOf('ACCESS'), end: t1.indexOf(' here') });
    expect(value.chars).toBe(t1.length + t2.length);
    expect(value.overflow).toBe(false);
  });

  it('finds a phrase that runs from one piece into the next, with no start in the piece where it ends', () => {
    const { value } = scan(pieces(text('xx access'), text('denied yy')));
    expect(value.finds).toEqual([{ pattern: value.finds[0]!.pattern, chunk: 1, start: -1, end: 6, trigger: true }]);
  });

  it('counts an element piece by its text content, and finds phrases across its elements', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>aa access</p><p>denied</p>';
    const { value } = scan(pieces(div));
    expect(value.chars).toBe('aa accessdenied'.length);
    expect(value.finds.map((f) => [f.start, f.end])).toEqual([[3, 15]]);
  });

  it('carries the automaton across the steps of one long piece', () => {
    const before = 'x'.repeat(32_768 - 4);
    const { value } = scan(pieces(text(`${before}access denied ${'y'.repeat(100)}`)));
    expect(value.finds.map((f) => [f.start, f.end])).toEqual([[before.length, before.length + 'access denied'.length]]);
  });

  it('gives the page its turn after every 32,768 characters, counted over pieces', () => {
    const big = () => text('x'.repeat(32_768));
    expect(scan(pieces(big(), big(), big())).yields).toBe(3);
    const small = () => text('x'.repeat(10_000));
    expect(scan(pieces(...Array.from({ length: 10 }, small))).yields).toBe(2);
    expect(scan(pieces(text('x'.repeat(1000)))).yields).toBe(0);
  });

  it('keeps 16 finds of one phrase and says so only when that phrase can fire', () => {
    const trigger = scan(pieces(text('access denied. '.repeat(20))));
    expect(trigger.value.finds).toHaveLength(16);
    expect(trigger.value.overflow).toBe(true);
    expect(new Set(trigger.value.finds.map((f) => f.end)).size).toBe(16);
    const context = scan(pieces(text('support code. '.repeat(20))));
    expect(context.value.finds).toHaveLength(16);
    expect(context.value.overflow).toBe(false);
    const exactly = scan(pieces(text('access denied. '.repeat(16))));
    expect(exactly.value.finds).toHaveLength(16);
    expect(exactly.value.overflow).toBe(false);
  });

  it('keeps 1,024 finds in all', () => {
    const words = Array.from({ length: 70 }, (_, i) => `kw${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}z`);
    const set = compileRules([rule('t.many', words)], 'collect-long-many');
    const { value } = scan(pieces(text(words.map((w) => `${w} `.repeat(16)).join(''))), set);
    expect(value.finds).toHaveLength(1024);
    expect(value.overflow).toBe(true);
  });
});

describe('verify', () => {
  const hiddenIsHidden = (el: Element) => !el.closest('[hidden]');
  const run = (part: Partition, finds: Find[], accept: (id: number) => boolean = () => true) =>
    drive(verify(part, document.body, SET, LOOSE, finds, hiddenIsHidden, accept));
  const firstPass = (part: Partition) => scan(part).value.finds;

  it('keeps the visible finds, read in the block around them, in the order given', () => {
    document.body.innerHTML =
      '<section id="s"><div id="card"><p>note: access denied</p><span>call us</span></div><p hidden>access denied</p><div><p id="zh">您的账号已被限制</p></div></section>';
    const part = pieces(document.getElementById('s')!);
    const { value } = run(part, firstPass(part));
    expect(value.map((v) => [v.excerpt.localName === 'section' ? 'section' : v.excerpt.id || v.excerpt.localName, v.startNode.data])).toEqual([
      ['section', 'note: access denied'],
      ['section', '您的账号已被限制'],
    ]);
    expect(value[0]!.text).toContain('call us');
  });

  it('climbs from the phrase while the block stays short, and never to the body', () => {
    const long = 'w'.repeat(EXCERPT_CHARS);
    document.body.innerHTML = `<main id="m"><div id="card"><p>access denied</p><p>try later</p></div><p>${long}</p></main>`;
    const part = pieces(document.getElementById('m')!);
    const { value } = run(part, firstPass(part));
    expect(value.map((v) => v.excerpt.id)).toEqual(['card']);
    expect(value[0]!.text.replace(/\s+/g, ' ')).toBe('access denied try later');
    document.body.innerHTML = '<p id="p">access denied</p>';
    const top = pieces(document.getElementById('p')!);
    expect(run(top, firstPass(top)).value.map((v) => v.excerpt.id)).toEqual(['p']);
  });

  it('in a very long run of text reads only the words around the find', () => {
    const head = 'h'.repeat(1500);
    const tail = 't'.repeat(5000);
    document.body.innerHTML = `<div id="d"><p>${'p'.repeat(1000)}</p><p id="long">${head} access denied ${tail}</p></div>`;
    const part = pieces(document.getElementById('d')!);
    const { value } = run(part, firstPass(part));
    expect(value).toHaveLength(1);
    expect(value[0]!.excerpt.id).toBe('long');
    expect(value[0]!.text).toContain('access denied');
    expect(value[0]!.text.length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(value[0]!.text.startsWith('h')).toBe(true);
  });

  it('drops a find the exact reading does not hold (two words that only touch), one not accepted, and one no longer in the page', () => {
    document.body.innerHTML = '<div id="a"><p>access<b>denied</b></p></div><div id="b"><p>您的账号已被限制</p></div><div id="c"><p>access denied</p></div>';
    const part = pieces(...(['a', 'b', 'c'].map((id) => document.getElementById(id)!) as Element[]));
    const finds = firstPass(part);
    expect(finds.map((f) => f.chunk)).toEqual([0, 1, 2]);
    const zh = SET.table.folded.indexOf('账号已被限制');
    expect(zh).toBeGreaterThanOrEqual(0);
    document.getElementById('c')!.firstElementChild!.remove();
    expect(run(part, finds).value.map((v) => v.startNode.data)).toEqual(['您的账号已被限制']);
    expect(run(part, finds, (id) => id !== zh).value).toEqual([]);
  });

  it('finds each phrase in the right text node of a piece, and gives the page a turn every 16 finds', () => {
    document.body.innerHTML = '<div id="d"><p>one access denied</p><p>two</p><p>three 您的账号已被限制</p></div>';
    const part = pieces(document.getElementById('d')!);
    expect(run(part, firstPass(part)).value.map((v) => v.startNode.data)).toEqual(['one access denied', 'three 您的账号已被限制']);
    const many = Array.from({ length: 40 }, (_, i) => text(i % 2 ? `${i} access denied` : `${i} 您的账号已被限制`));
    for (const t of many) document.body.append(document.createElement('p'), t);
    const texts = pieces(...many);
    const { value, yields } = run(texts, firstPass(texts));
    expect(value).toHaveLength(32);
    expect(yields).toBe(2);
  });
});

describe('textLengthUpTo', () => {
  it('counts the text without its leading white space, and stops once past the limit', () => {
    document.body.innerHTML = '<div id="d">  \n <b>ab</b> cd<i>ef</i></div>';
    const d = document.getElementById('d')!;
    expect(textLengthUpTo(d, 100)).toBe('ab cdef'.length);
    expect(textLengthUpTo(d, 2)).toBe('ab cd'.length);
    expect(textLengthUpTo(d, 0)).toBe(2);
  });
});
