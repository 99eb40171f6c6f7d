/**
 * The saved-page reader's finer rules (utils/dom/collect-static.ts) on linkedom, the parser the
 * command line uses: what counts as hidden, where a line break goes, how many regions and blocks
 * are read and how long they may be, the blocks around a phrase, and the challenge widgets.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectStaticSegments, staticWidgets, textLengthUpTo, tidyText, visibleStatic, visibleText } from '../../utils/dom/collect-static';
import { BLOCK_MAX_CHARS, DIALOG_MAX_CHARS, MAX_REGIONS } from '../../utils/dom/regions';
import { WALL_TEXT_MAX } from '../../utils/detect/general/structure';

const parse = (body: string, head = '') => parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
const el = (d: Document, id: string) => d.getElementById(id) as never;
const where = (segs: Array<{ where: string; text: string }>, w: string) => segs.filter((s) => s.where === w).map((s) => s.text);

describe('visibleStatic', () => {
  it('reads hidden inputs (in any case), closed dialogs and hidden ancestors as hidden', () => {
    const d = parse('<input id="h" type="HIDDEN"><input id="t" type="text"><input id="n"><dialog id="c">x</dialog><dialog id="o" open>x</dialog><div hidden><p id="in">x</p></div><div><p id="out">x</p></div>');
    expect(['h', 't', 'n', 'c', 'o', 'in', 'out'].map((id) => visibleStatic(el(d, id)))).toEqual([false, true, true, false, true, false, true]);
  });

  it('reads hiding styles anywhere in the style attribute, and no other style', () => {
    const d = parse('<p id="a" style="color:red; display : none">x</p><p id="b" style="content-visibility:hidden">x</p><p id="c" style="color:red">x</p><p id="d" style="">x</p>');
    expect(['a', 'b', 'c', 'd'].map((id) => visibleStatic(el(d, id)))).toEqual([false, false, true, true]);
  });
});

describe('visibleText', () => {
  it('breaks lines around blocks only, and leaves out comments and closed dialogs', () => {
    const d = parse('<span>a</span><span>b</span><div>c</div>d<p>e<!-- not shown -->f</p><dialog>closed</dialog><dialog open>open</dialog>');
    expect(visibleText(d.body as never)).toBe('ab\nc\nd\nef\nopen');
  });

  it('reads a document fragment and a whole document', () => {
    const d = parse('<p>in the page</p>');
    const frag = d.createDocumentFragment();
    const p = d.createElement('p');
    p.textContent = 'in a fragment';
    frag.append(p, d.createTextNode(' and after'));
    expect(visibleText(frag as never)).toBe('in a fragment\nand after');
    expect(visibleText(d as never)).toContain('in the page');
  });
});

describe('textLengthUpTo', () => {
  it('counts trimmed visible text and stops soon after the limit', () => {
    const d = parse('<div id="d">  ab  <span hidden>hidden</span><b> cd </b><i>efgh</i></div>');
    expect(textLengthUpTo(el(d, 'd'), 100)).toBe('abcdefgh'.length);
    expect(textLengthUpTo(el(d, 'd'), 2)).toBe('abcd'.length);
    expect(textLengthUpTo(el(d, 'd'), 4)).toBe('abcdefgh'.length);
  });
});

describe('regions of a saved page', () => {
  it('reads at most MAX_REGIONS dialogs, in document order, skipping hidden and empty ones', () => {
    const dialogs = Array.from({ length: MAX_REGIONS + 5 }, (_, i) => `<div role="dialog">d${i}</div>`).join('');
    const segs = collectStaticSegments(parse(`<div role="dialog" hidden>h</div><div role="dialog"> </div>${dialogs}`) as never);
    expect(where(segs, 'dialog')).toEqual(Array.from({ length: MAX_REGIONS - 2 }, (_, i) => `d${i}`));
  });

  it('keeps a dialog of DIALOG_MAX_CHARS characters and drops a longer one', () => {
    const at = 'x'.repeat(DIALOG_MAX_CHARS);
    const segs = collectStaticSegments(parse(`<div role="dialog">${at}</div><div role="dialog">${at}y</div>`) as never);
    expect(where(segs, 'dialog')).toEqual([at]);
  });

  it('trims the title and leaves out an empty one', () => {
    expect(where(collectStaticSegments(parse('<p>x</p>', '<title>  访问被拒绝 \n</title>') as never), 'title')).toEqual(['访问被拒绝']);
    expect(where(collectStaticSegments(parse('<p>x</p>', '<title>   </title>') as never), 'title')).toEqual([]);
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

  it('climbs from the phrase while the enclosing text stays short, and never to the body', () => {
    const long = 'w'.repeat(BLOCK_MAX_CHARS);
    expect(blocks(`<main><div><p>note</p><p><b>${PHRASE}</b> here</p></div><p>${long}</p></main>`)).toEqual([`note\n${PHRASE} here`]);
    expect(blocks(`<p>${PHRASE}</p>`)).toEqual([PHRASE]);
    // The enclosing block at exactly BLOCK_MAX_CHARS is still short.
    const fill = 'f'.repeat(BLOCK_MAX_CHARS - PHRASE.length);
    expect(blocks(`<main><section><b>${PHRASE}</b>${fill}</section><p>${long}</p></main>`)).toEqual([`${PHRASE}${fill}`]);
  });

  it('maps each phrase to its own text node, skipping white space and hidden text', () => {
    const out = blocks(`<div><p>first</p>   <p hidden>${PHRASE}</p></div><div>${'x'.repeat(BLOCK_MAX_CHARS)}</div><div><p>second ${PHRASE}</p></div><div>${'y'.repeat(BLOCK_MAX_CHARS)}</div><div><p>third</p><p>${PHRASE} again</p></div>`);
    expect(out).toEqual([`second ${PHRASE}`, `third\n${PHRASE} again`]);
  });

  it('reads each block once, leaves out one that repeats a heading, and a block longer than BLOCK_MAX_CHARS', () => {
    const long = `${PHRASE} ${'z'.repeat(BLOCK_MAX_CHARS)}`;
    expect(blocks(`<h1>${PHRASE}</h1><div><p>${PHRASE}</p><p>${PHRASE}</p></div><div>${'x'.repeat(BLOCK_MAX_CHARS)}</div><p>${long}</p>`)).toEqual([`${PHRASE}\n${PHRASE}`]);
  });

  it('stops at 2 × MAX_REGIONS segments', () => {
    const many = Array.from({ length: MAX_REGIONS * 3 }, (_, i) => `<div><p>${i} ${PHRASE}</p></div><div>${'x'.repeat(BLOCK_MAX_CHARS)}</div>`).join('');
    const segs = collectStaticSegments(parse(many) as never, { hitOffsets: offsets });
    expect(segs.filter((s) => s.where !== 'text')).toHaveLength(MAX_REGIONS * 2);
    expect(where(segs, 'block')[0]).toBe(`0 ${PHRASE}`);
  });

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

describe('staticWidgets', () => {
  const widgets = (body: string, chars = 10, cue = '') => staticWidgets(parse(body) as never, chars, cue);

  it('finds each visible widget once, saying whether it sits in a form with inputs', () => {
    expect(
      widgets('<div class="geetest_panel"></div><div class="geetest_box"></div><form><input type="password"><div class="g-recaptcha"></div></form><form><button>go</button><div class="h-captcha"></div></form><div class="cf-turnstile" hidden></div>'),
    ).toEqual([
      { id: 'widget.geetest', inForm: false },
      { id: 'widget.recaptcha', inForm: true },
      { id: 'widget.hcaptcha', inForm: false },
    ]);
  });

  it('on a long page looks only when the words mention verification', () => {
    const body = '<div class="geetest_panel"></div>';
    expect(widgets(body, WALL_TEXT_MAX)).toHaveLength(1);
    expect(widgets(body, WALL_TEXT_MAX + 1)).toEqual([]);
    expect(widgets(body, WALL_TEXT_MAX + 1, '请完成安全验证')).toHaveLength(1);
  });

  it('looks at no more than MAX_REGIONS widget elements', () => {
    const hidden = '<div class="geetest_panel" hidden></div>'.repeat(MAX_REGIONS);
    expect(widgets(`${hidden}<div class="g-recaptcha"></div>`)).toEqual([]);
    expect(widgets(`${hidden.slice(0, -'<div class="geetest_panel" hidden></div>'.length)}<div class="g-recaptcha"></div>`)).toEqual([{ id: 'widget.recaptcha', inForm: false }]);
  });
});

// Edges found by mutation testing (docs/mutation.md).
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
