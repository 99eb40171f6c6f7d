/**
 * The coupon readers' small DOM helpers (utils/coupons/dom.ts) on parsed markup: what counts as
 * hidden, and queries that survive a selector the engine does not know.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { firstVisible, hidden, hiddenSelf, isLoading, matchedSelector, outermost, queryAll } from '../../utils/coupons/dom';

function doc(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}
const byId = (d: Document, id: string) => d.getElementById(id)!;

describe('hiddenSelf and hidden', () => {
  it('knows the tags, attribute, styles and classes that hide an element', () => {
    const d = doc(
      '<div id="shown" class="coupon" style="color: red">a</div><div id="attr" hidden>b</div>' +
        '<div id="display" style="color: red; display : none">c</div><div id="visibility" style="visibility:hidden">d</div>' +
        '<div id="jd" class="item hide">e</div><div id="tb" class="tb-hidden">f</div><div id="word" class="hidden-xs">g</div>' +
        '<template id="tpl"><p>h</p></template><noscript id="ns">i</noscript>',
    );
    expect(hiddenSelf(byId(d, 'shown'))).toBe(false);
    expect(hiddenSelf(byId(d, 'attr'))).toBe(true);
    expect(hiddenSelf(byId(d, 'display'))).toBe(true);
    expect(hiddenSelf(byId(d, 'visibility'))).toBe(true);
    expect(hiddenSelf(byId(d, 'jd'))).toBe(true);
    expect(hiddenSelf(byId(d, 'tb'))).toBe(true);
    // A class that only starts like a hiding one does not hide.
    expect(hiddenSelf(byId(d, 'word'))).toBe(false);
    expect(hiddenSelf(byId(d, 'tpl'))).toBe(true);
    expect(hiddenSelf(byId(d, 'ns'))).toBe(true);
  });

  it('is hidden by an ancestor, up to the element it stops at, and looks at most 64 levels up', () => {
    const d = doc('<div id="outer" hidden><div id="area"><span id="in">x</span></div></div>');
    expect(hidden(byId(d, 'in'))).toBe(true);
    expect(hidden(byId(d, 'in'), byId(d, 'area'))).toBe(false);
    expect(hidden(byId(d, 'in'), byId(d, 'outer'))).toBe(false);
    const deep = doc(`<div hidden>${'<div>'.repeat(70)}<span id="deep">x</span>${'</div>'.repeat(70)}</div>`);
    expect(hidden(byId(deep, 'deep'))).toBe(false);
    const near = doc(`<div hidden>${'<div>'.repeat(60)}<span id="near">x</span>${'</div>'.repeat(60)}</div>`);
    expect(hidden(byId(near, 'near'))).toBe(true);
  });
});

describe('queryAll and matchedSelector', () => {
  it('returns matches in document order, at most the limit, and none without selectors', () => {
    const d = doc('<i class="a" id="1"></i><b class="b" id="2"></b><i class="a" id="3"></i>');
    expect(queryAll(d, ['.b', '.a']).map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(queryAll(d, ['.a', '.b'], 2).map((e) => e.id)).toEqual(['1', '2']);
    expect(queryAll(d, [])).toEqual([]);
  });

  it('queries the selectors one by one, once each element, when one of them is unknown to the engine', () => {
    const d = doc('<i class="a" id="1"></i><b class="b a" id="2"></b><i class="a" id="3"></i>');
    const found = queryAll(d, ['.b', ':unknown-pseudo(x)', '.a'], 64).map((e) => e.id);
    expect(found).toEqual(['2', '1', '3']);
    expect(queryAll(d, ['.b', ':unknown-pseudo(x)', '.a'], 2).map((e) => e.id)).toEqual(['2', '1']);
  });

  it('names the first selector an element matches, skipping unknown ones', () => {
    const d = doc('<div id="x" class="coupon area"></div>');
    expect(matchedSelector(byId(d, 'x'), [':unknown-pseudo(x)', '.area', '.coupon'])).toBe('.area');
    expect(matchedSelector(byId(d, 'x'), ['.other'])).toBeNull();
  });

  it('keeps only the outermost of nested elements', () => {
    const d = doc('<div id="a"><div id="b"></div></div><div id="c"></div>');
    expect(outermost([byId(d, 'b'), byId(d, 'a'), byId(d, 'c')]).map((e) => e.id)).toEqual(['a', 'c']);
  });
});

describe('hidden: the 64-level bound', () => {
  it('sees a hiding ancestor 63 levels up and not one 64 levels up', () => {
    const nest = (levels: number) => '<div hidden>' + '<div>'.repeat(levels - 1) + '<span id="in">x</span>' + '</div>'.repeat(levels);
    expect(hidden(byId(doc(nest(63)), 'in'))).toBe(true);
    expect(hidden(byId(doc(nest(64)), 'in'))).toBe(false);
  });
});

describe('firstVisible', () => {
  it('prefers the first selector over document order, skips hidden elements and unknown selectors', () => {
    const d = doc('<p class="x" id="x1">1</p><p class="y" id="y1" hidden>2</p><p class="y" id="y2">3</p>');
    expect(firstVisible(d, ['.y', '.x'])?.id).toBe('y2');
    expect(firstVisible(d, [':unknown-pseudo', '.x', '.y'])?.id).toBe('x1');
    expect(firstVisible(d, ['.x'])?.id).toBe('x1');
    expect(firstVisible(d, ['.none'])).toBeNull();
  });
});

describe('isLoading', () => {
  it('reads loading words with nothing else as loading, and not once a number is there', () => {
    const area = byId(doc('<div id="area">x</div>'), 'area');
    expect(isLoading(area, '加载中...')).toBe(true);
    expect(isLoading(area, 'Loading')).toBe(true);
    expect(isLoading(area, '加载中 满199减20')).toBe(false);
    expect(isLoading(area, '满199减20')).toBe(false);
  });
});
