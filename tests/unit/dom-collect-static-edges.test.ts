/**
 * Edges of the saved-page reader (utils/dom/collect-static.ts) on linkedom, the parser the
 * command line uses: which elements a `type="hidden"` hides, how white space is tidied, regions
 * under a hidden ancestor, what the phrase finder is asked about, and where a block around a
 * phrase stops.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectStaticSegments, textLengthUpTo, tidyText, visibleStatic, visibleText } from '../../utils/dom/collect-static';

const parse = (body: string, head = '') => parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
const el = (d: Document, id: string) => d.getElementById(id) as never;
const where = (segs: Array<{ where: string; text: string }>, w: string) => segs.filter((s) => s.where === w).map((s) => s.text);

describe('what type="hidden" hides', () => {
  it('hides an input only: a button or list that says type="hidden" is still shown', () => {
    const d = parse('<input id="i" type="hidden"><button id="b" type="hidden">go</button><ol id="o" type="hidden"><li>one</li></ol>');
    expect(['i', 'b', 'o'].map((id) => visibleStatic(el(d, id)))).toEqual([false, true, true]);
    expect(visibleText(d.body as never)).toBe('go\none');
  });
});

describe('tidyText', () => {
  it('makes one space of a run of spaces, tabs, form feeds, vertical tabs and no-break spaces', () => {
    expect(tidyText('a  b\t\t c\u000b\u000bd\u00a0\u00a0e\f f')).toBe('a b c d e f');
    expect(tidyText('a \u000b b')).toBe('a b');
  });

  it('leaves letters alone, the capital V among them', () => {
    expect(tidyText('VISA  Vv')).toBe('VISA Vv');
  });

  it('reads a page’s runs of white space as one space', () => {
    const d = parse('<p>活动  太火爆,\t\t请稍后再试</p>');
    expect(visibleText(d.body as never)).toBe('活动 太火爆, 请稍后再试');
  });
});

describe('regions of a saved page under a hidden ancestor', () => {
  it('does not read a dialog or heading inside a hidden container', () => {
    const segs = collectStaticSegments(
      parse('<div hidden><h1>隐藏的标题</h1><div role="dialog">隐藏的对话框</div></div><div style="display:none"><div role="dialog">也隐藏</div></div><div role="dialog">显示的对话框</div>') as never,
    );
    expect(where(segs, 'dialog')).toEqual(['显示的对话框']);
    expect(where(segs, 'title')).toEqual([]);
  });

  it('gives no title and no text for a document with neither', () => {
    const bare = { body: null, querySelectorAll: () => [] };
    expect(collectStaticSegments(bare)).toEqual([]);
  });
});

describe('textLengthUpTo', () => {
  it('counts no comment, and the text on both sides of one', () => {
    const d = parse('<div id="d">ab<!-- a long comment that is not shown -->cd<span>ef</span></div>');
    expect(textLengthUpTo(el(d, 'd'), 100)).toBe(6);
  });
});

describe('blocks around a phrase', () => {
  const PHRASE = 'access denied';
  const offsets = (text: string) => {
    const out: number[] = [];
    for (let i = text.indexOf(PHRASE); i >= 0; i = text.indexOf(PHRASE, i + 1)) out.push(i);
    return out;
  };
  const blocks = (body: string) => where(collectStaticSegments(parse(body) as never, { hitOffsets: offsets }), 'block');

  it('asks for phrases in the visible text nodes as they are, each followed by one space, without the white space between elements', () => {
    const asked: string[] = [];
    collectStaticSegments(parse('<div>\n  <p>first</p>\n  <p> second</p>\n  <p hidden>hidden</p>\n</div>') as never, { hitOffsets: (t) => (asked.push(t), []) });
    expect(asked).toEqual(['first  second ']);
  });

  it('finds a phrase whose words sit in elements with white space between them', () => {
    const long = 'w'.repeat(500);
    expect(blocks(`<div><b>access</b> \t  <i>denied</i></div><p>${long}</p>`)).toEqual(['access denied']);
  });

  it('stops below the body, even when the whole body is short', () => {
    expect(blocks(`<div>note</div><div>${PHRASE}</div>`)).toEqual([PHRASE]);
  });

  it('gives no block for a phrase in running prose (three paragraphs or more)', () => {
    expect(blocks(`<p>one</p><p>the words ${PHRASE} in a paragraph</p><p>three</p>`)).toEqual([]);
    expect(blocks(`<div>one</div><div>the words ${PHRASE} in a box</div><div>three</div>`)).toEqual([`the words ${PHRASE} in a box`]);
  });
});
