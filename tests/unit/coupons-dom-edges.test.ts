/**
 * The edges of the coupons' DOM reading (utils/coupons/dom.ts) that the adapters' own fixtures
 * do not reach: how the PageIndex splits and plans an unusual selector (a plan that walks when it
 * should query loses an element beyond the walk; one that queries when it should walk costs a
 * 100k-element page a traversal), which subtrees its walk skips, and the bounds and white space of
 * the subtree reader that every coupon's text goes through.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isLoading, lineText, PageIndex, readText } from '../../utils/coupons/dom';

function doc(body: string): Document {
  return parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`).document as unknown as Document;
}

const FILLER = '<p>filler</p>'.repeat(20);

/** What an index built with `selector` finds, walking at most `limit` elements. */
function plan(body: string, selector: string, limit = 5): { texts: string[]; walked: number } {
  const index = new PageIndex(doc(body) as unknown as ParentNode, [selector], limit);
  return { texts: index.find([selector]).map((e) => e.textContent ?? ''), walked: index.walked };
}

describe('PageIndex: how a selector is split at its first combinator', () => {
  it('does not split inside a quoted attribute value, even where it holds a bracket and a space', () => {
    const body = '<div class="p] q"><span>in</span></div>';
    // html, head, body, div, span: the walk went through the page, so the head was walked for.
    expect(plan(body, '[class*="p] q"] span', 100)).toEqual({ texts: ['in'], walked: 5 });
  });

  it('walks for the first compound and queries the rest inside it, whatever combinator the rest holds', () => {
    const body = '<div class="a"><i class="b"><em class="c">deep</em></i></div>';
    expect(plan(body, '.a .b>.c', 100)).toEqual({ texts: ['deep'], walked: 6 });
    expect(plan(body, '.a .b', 100)).toEqual({ texts: ['deep'], walked: 6 });
    // A combinator right after the first compound: the whole selector is one query.
    expect(plan(body, '.a > .b', 100)).toEqual({ texts: ['deep'], walked: 0 });
  });
});

describe('PageIndex: which heads are looked up, walked for or queried', () => {
  const late = (attrs: string, text = 'late') => `${FILLER}<div ${attrs}><span>${text}</span></div>`;

  it('queries an #id with more after it (an id and a class, a tag and an id), finding it beyond the walk', () => {
    expect(plan(late('id="late" class="a"'), '#late.a')).toEqual({ texts: ['late'], walked: 0 });
    expect(plan(late('id="late"'), 'div#late')).toEqual({ texts: ['late'], walked: 0 });
    expect(plan(late('class="a"'), 'div.a:not(.zz)')).toEqual({ texts: ['late'], walked: 0 });
  });

  it('walks for a class of several letters, a class or id attribute with a match operator and an i flag: nothing beyond the walk', () => {
    for (const sel of ['.bc', '[class*="bc"]', '[class^="bc"]', '[class$="bc"]', '[id*="bc"]', '[class*="bc" i]', '[class*="bc"  i]']) {
      expect(plan(late('class="bc" id="xbc"'), sel), sel).toEqual({ texts: [], walked: 5 });
      expect(plan(`<div class="bc" id="xbc">early</div>`, sel, 100).texts, sel).toEqual(['early']);
    }
  });

  it('walks for a whole class attribute too, and queries a test of any other attribute', () => {
    expect(plan(late('class="bc"'), '[class="bc"]')).toEqual({ texts: [], walked: 5 });
    expect(plan(late('title="bc"'), '[title*="bc"]')).toEqual({ texts: ['late'], walked: 0 });
  });

  it('finds a tag-only selector among the walked elements', () => {
    expect(plan('<h3>head</h3>', 'h3', 100)).toEqual({ texts: ['head'], walked: 4 });
    expect(plan(`${FILLER}<h3>late</h3>`, 'h3')).toEqual({ texts: [], walked: 5 });
  });
});

describe('PageIndex: the walk skips what holds no coupon', () => {
  it('does not spend its bound inside an svg or a noscript', () => {
    const many = '<g></g>'.repeat(40);
    for (const wrap of [`<svg>${many}</svg>`, `<noscript>${'<p>n</p>'.repeat(40)}</noscript>`]) {
      const r = plan(`${wrap}<div class="a">after</div>`, '.a', 10);
      expect(r.texts, wrap.slice(0, 10)).toEqual(['after']);
    }
  });

  it('climbs back out of nested elements and goes on with the next sibling of an ancestor', () => {
    const body = '<div><div><div><span>x</span></div></div></div><div class="a">next</div>';
    expect(plan(body, '.a', 100)).toEqual({ texts: ['next'], walked: 8 });
  });
});

describe('readText', () => {
  const el = (html: string) => doc(`<div id="r">${html}</div>`).getElementById('r')!;

  it('puts each block on its own line, joins inline text, and reads past comments', () => {
    expect(readText(el('<p>a</p>b<!-- note --><span>c</span><div>d</div>'))).toBe('a\nbc\nd');
  });

  it('reads the subtree it is given even when that element itself is hidden', () => {
    expect(readText(el('<div id="h" hidden>shown <b hidden>not</b> here</div>').querySelector('#h')!)).toBe('shown here');
  });

  it('collapses every kind of space within a line, and runs of line breaks to one', () => {
    expect(readText(el('<p>满\u3000199\u00a0 减\t20 </p><p></p><p> </p><p>领取</p>'))).toBe('满 199 减 20\n领取');
  });

  it('visits at most maxNodes nodes and keeps at most maxChars characters', () => {
    const root = el('<span>one</span><span>two</span><span>three</span>');
    expect(readText(root, 2000, 3)).toBe('one');
    expect(readText(root, 4)).toBe('onet');
  });

  it('gives one line for lineText: line breaks become single spaces', () => {
    expect(lineText(el('<p>a</p><p>b</p>\n\n<p>c</p>'))).toBe('a b c');
  });
});

describe('isLoading: the area or something shown in it says it is not there yet', () => {
  const area = (html: string) => doc(html).getElementById('area')!;

  it('reads a loading class or id, and aria-busy', () => {
    expect(isLoading(area('<div id="area" class="coupon-skeleton">满199减20</div>'), '满199减20')).toBe(true);
    expect(isLoading(area('<div id="area" class="coupon-list">满199减20</div>'), '满199减20')).toBe(false);
    expect(isLoading(area('<div id="area">满199减20</div>'), '满199减20')).toBe(false);
    expect(isLoading(area('<div id="area" aria-busy="true">满199减20</div>'), '满199减20')).toBe(true);
    expect(isLoading(area('<div id="area" aria-busy="false">满199减20</div>'), '满199减20')).toBe(false);
  });

  it('reads a loading id', () => {
    const d = doc('<div id="area-spinner">满199减20</div>');
    expect(isLoading(d.getElementById('area-spinner')!, '满199减20')).toBe(true);
  });

  it('counts a spinner inside only while it is shown', () => {
    expect(isLoading(area('<div id="area"><i class="spinner"></i>满199减20</div>'), '满199减20')).toBe(true);
    expect(isLoading(area('<div id="area"><i class="spinner" style="display:none"></i>满199减20</div>'), '满199减20')).toBe(false);
    expect(isLoading(area('<div id="area"><div hidden><i class="spinner"></i></div>满199减20</div>'), '满199减20')).toBe(false);
  });
});
