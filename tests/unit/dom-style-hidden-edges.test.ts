/**
 * The finer rules of reading a page's own style sheets without layout (utils/dom/style-hidden.ts):
 * how a sheet is cut into rules, how a selector list is split at its commas, which selectors are
 * applied, the bounds on sheets, characters, selectors and elements, and what happens when the
 * engine refuses a selector.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isStyleHidden, markStyleHidden, STYLE_BOUNDS, topLevelRules } from '../../utils/dom/style-hidden';

/** Marks a page built of `sheets` and `body`, and returns the ids of the elements found hidden. */
function hiddenIds(sheets: string | string[], body: string): string[] {
  const styles = (Array.isArray(sheets) ? sheets : [sheets]).map((s) => `<style>${s}</style>`).join('');
  const { document } = parseHTML(`<html><head>${styles}</head><body>${body}</body></html>`);
  markStyleHidden(document as never);
  return [...document.querySelectorAll('[id]')].filter((e) => isStyleHidden(e)).map((e) => e.id);
}

describe('a sheet cut into its top-level rules', () => {
  it('reads a comment between two selectors as white space, not as nothing', () => {
    expect(topLevelRules('.a/* between */.b{display:none}')).toEqual([['.a .b', 'display:none']]);
    expect(hiddenIds('.a/**/.b{display:none}', '<div class="a"><p id="in" class="b">x</p></div><p id="both" class="a b">y</p>')).toEqual(['in']);
  });

  it('makes no rule of what follows a comment left open at the end', () => {
    expect(topLevelRules('.a{display:none} /* .b{display:none}')).toEqual([['.a', 'display:none']]);
  });

  it('reads past a stray block at the start of a sheet', () => {
    expect(topLevelRules('{color:red} .a{display:none}')).toEqual([['.a', 'display:none']]);
    expect(hiddenIds('{color:red} .a{display:none}', '<p id="a" class="a">x</p>')).toEqual(['a']);
  });

  it('makes no rule of text after the last block, even with a stray closing brace', () => {
    expect(topLevelRules('.a{display:none} .b}')).toEqual([['.a', 'display:none']]);
    expect(topLevelRules('.a{display:none} .b')).toEqual([['.a', 'display:none']]);
  });
});

describe('a selector list split at its top-level commas', () => {
  it('applies the plain selectors of a list and sets aside those with a pseudo-class, in either order', () => {
    const body = '<p id="g" class="gone">x</p><p id="a" class="a">y</p>';
    expect(hiddenIds('.a:hover, .gone{display:none}', body)).toEqual(['g']);
    expect(hiddenIds('.gone, .a:hover{display:none}', body)).toEqual(['g']);
    expect(hiddenIds('.gone,.a:first-child{display:none}', body)).toEqual(['g']);
  });

  it('does not split at a comma inside parentheses', () => {
    const body = '<p id="g" class="gone">x</p><p id="x" class="x">y</p>';
    expect(hiddenIds('.x:not(.a, .b), .gone{display:none}', body)).toEqual(['g']);
    expect(hiddenIds('.x:not(.a), .gone{display:none}', body)).toEqual(['g']);
  });

  it('does not split at a comma inside an attribute selector, whose value keeps its spaces', () => {
    expect(hiddenIds('[data-pos="1, 2"]{display:none}', '<p id="spaced" data-pos="1, 2">x</p><p id="tight" data-pos="1,2">y</p>')).toEqual(['spaced']);
    // A link selector has a colon in its URL and is set aside; the plain selector after it applies.
    const body = '<a id="l" href="https://x">x</a><p id="g" class="gone">y</p>';
    expect(hiddenIds('a[href="https://x,y"], .gone{display:none}', body)).toEqual(['g']);
    expect(hiddenIds('a[href="https://x"], .gone{display:none}', body)).toEqual(['g']);
  });

  it('starts each selector after its comma', () => {
    expect(hiddenIds('[data-ad], .gone{display:none}', '<p id="ad" data-ad>x</p><p id="g" class="gone">y</p>')).toEqual(['ad', 'g']);
  });

  it('applies a selector of 256 characters, first or last in its list, and not a longer one', () => {
    const at = `.${'c'.repeat(255)}`;
    const over = `.${'d'.repeat(256)}`;
    const body = `<p id="at" class="${at.slice(1)}">x</p><p id="over" class="${over.slice(1)}">y</p>`;
    expect(hiddenIds(`${at} , .x{display:none}`, body)).toEqual(['at']);
    expect(hiddenIds(`.x ,  ${at}{display:none}`, body)).toEqual(['at']);
    expect(hiddenIds(`${over} , .x{display:none}`, body)).toEqual([]);
    expect(hiddenIds(`.x ,  ${over}{display:none}`, body)).toEqual([]);
  });

  it('does not let stray commas use up the selector bound', () => {
    expect(hiddenIds(`${','.repeat(STYLE_BOUNDS.selectors + 10)}.gone{display:none}`, '<p id="g" class="gone">x</p>')).toEqual(['g']);
  });
});

describe('rules that show an element again', () => {
  it('keeps an element that any one of several show rules matches', () => {
    const sheet = '.dlg{display:none} .x{display:block} .dlg.open{display:block}';
    expect(hiddenIds(sheet, '<div id="open" class="dlg open">x</div><div id="closed" class="dlg">y</div>')).toEqual(['closed']);
  });

  it('applies the show rules the engine knows when it refuses one of them', () => {
    const sheet = '.dlg{display:none} [bad{display:block} .dlg.open{display:block}';
    expect(hiddenIds(sheet, '<div id="open" class="dlg open">x</div><div id="closed" class="dlg">y</div>')).toEqual(['closed']);
  });
});

describe('a hiding selector the engine refuses', () => {
  it('does not stop the others from applying', () => {
    expect(hiddenIds('[bad{display:none} .gone{display:none}', '<p id="g" class="gone">x</p><p id="s">y</p>')).toEqual(['g']);
  });

  it('still hides at most STYLE_BOUNDS.elements elements', () => {
    const n = STYLE_BOUNDS.elements;
    const body = `${'<i class="gone"></i>'.repeat(n - 1)}<p id="last" class="gone">x</p><p id="past" class="gone">y</p>`;
    expect(hiddenIds('[bad{display:none} .gone{display:none}', body)).toEqual(['last']);
  });
});

describe('the bounds of a static reading of styles', () => {
  it('hides at most STYLE_BOUNDS.elements elements', () => {
    const n = STYLE_BOUNDS.elements;
    const body = `${'<i class="gone"></i>'.repeat(n - 1)}<p id="last" class="gone">x</p><p id="past" class="gone">y</p>`;
    expect(hiddenIds('.gone{display:none}', body)).toEqual(['last']);
  });

  it('applies exactly STYLE_BOUNDS.selectors hiding selectors, one rule each', () => {
    const n = STYLE_BOUNDS.selectors;
    const rules = Array.from({ length: n + 1 }, (_, i) => `.c${i}{display:none}`).join('\n');
    expect(hiddenIds(rules, `<p id="first" class="c0">x</p><p id="last" class="c${n - 1}">y</p><p id="past" class="c${n}">z</p>`)).toEqual(['first', 'last']);
  });

  it('applies exactly STYLE_BOUNDS.selectors showing selectors, one rule each', () => {
    const n = STYLE_BOUNDS.selectors;
    const rules = Array.from({ length: n + 1 }, (_, i) => `.s${i}{display:block}`).join('\n');
    const body = `<p id="last" class="gone s${n - 1}">x</p><p id="past" class="gone s${n}">y</p>`;
    expect(hiddenIds([`.gone{display:none}`, rules], body)).toEqual(['past']);
  });

  it('reads at most STYLE_BOUNDS.sheets sheets', () => {
    const sheets = Array.from({ length: STYLE_BOUNDS.sheets }, (_, i) => `.s${i}{display:none}`);
    const body = `<p id="last" class="s${STYLE_BOUNDS.sheets - 1}">x</p><p id="past" class="gone">y</p>`;
    expect(hiddenIds([...sheets, '.gone{display:none}'], body)).toEqual(['last']);
  });

  it('reads every sheet while under the character bound', () => {
    expect(hiddenIds(['.a{display:none}', '.b{display:none}', '.c{visibility:hidden}'], '<p id="a" class="a">x</p><p id="b" class="b">y</p><p id="c" class="c">z</p>')).toEqual(['a', 'b', 'c']);
  });

  it('reads at most STYLE_BOUNDS.chars characters of one sheet', () => {
    const pad = `/*${'x'.repeat(STYLE_BOUNDS.chars)}*/`;
    expect(hiddenIds(`.early{display:none}${pad}.late{display:none}`, '<p id="early" class="early">x</p><p id="late" class="late">y</p>')).toEqual(['early']);
  });

  it('counts the characters of all sheets together', () => {
    const half = `/*${'x'.repeat(STYLE_BOUNDS.chars / 2)}*/`;
    const sheets = [`.a{display:none}${half}`, `.b{display:none}${half}.late{display:none}`, '.after{display:none}'];
    expect(hiddenIds(sheets, '<p id="a" class="a">x</p><p id="b" class="b">y</p><p id="late" class="late">z</p><p id="after" class="after">w</p>')).toEqual(['a', 'b']);
  });
});
