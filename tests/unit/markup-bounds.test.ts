import { describe, expect, it } from 'vitest';
import { boundMarkup, MAX_DEPTH, MAX_ELEMENTS, UnreadableFile } from '../../utils/dom/markup-bounds';

// The bounds that make linkedom's parse linear, without wall-clock budgets (cli-inputs.test.ts
// times whole scans; these say exactly what is kept and what is cut, so the mutation suite runs them).
const open = (n: number, tag = 'div') => `<${tag}>`.repeat(n);
const close = (n: number, tag = 'div') => `</${tag}>`.repeat(n);
const atCap = open(MAX_DEPTH);

describe('boundMarkup: depth', () => {
  it('returns a page within the bounds unchanged, the same string', () => {
    const html = `<!DOCTYPE html><html><body>${open(MAX_DEPTH - 2)}x${close(MAX_DEPTH - 2)}</body></html>`;
    expect(boundMarkup(html)).toBe(html);
  });

  it('drops the start tags beyond the cap and their end tags, and keeps their text at the deepest level kept', () => {
    expect(boundMarkup(`${open(600)}x${close(600)}`)).toBe(`${atCap}x${close(MAX_DEPTH)}`);
    expect(boundMarkup(`${atCap}<p>hi</p>tail`)).toBe(`${atCap}hitail`);
    expect(boundMarkup(`${atCap}<P>hi</p>`)).toBe(`${atCap}hi`);
  });

  it('cuts only as many end tags as it dropped start tags of that name', () => {
    expect(boundMarkup(`${atCap}<b>1</b></b>2`)).toBe(`${atCap}1</b>2`);
    expect(boundMarkup(`${atCap}<b><b>1</b></b></b>`)).toBe(`${atCap}1</b>`);
  });

  it('lets an end tag close what was opened inside it, so the depth falls again', () => {
    // <i> lies beyond the cap; </div> pops the <b> left open inside the last div, and the div.
    expect(boundMarkup(`${open(MAX_DEPTH - 1)}<b><i></div><p>kept</p><s>`)).toBe(`${open(MAX_DEPTH - 1)}<b></div><p>kept</p><s>`);
    expect(boundMarkup(`${open(MAX_DEPTH - 1)}<b><i></b><p>kept</p>`)).toBe(`${open(MAX_DEPTH - 1)}<b></b><p>kept</p>`);
    expect(boundMarkup(`${open(MAX_DEPTH - 1)}<b><i><q>cut</q>`)).toBe(`${open(MAX_DEPTH - 1)}<b>cut`);
  });

  it('ignores an end tag with nothing open or dropped of its name', () => {
    const html = `</span>${atCap}</em>x`;
    expect(boundMarkup(html)).toBe(html);
  });

  it('counts neither void elements nor self-closing tags inside svg or math', () => {
    expect(boundMarkup(`${open(MAX_DEPTH - 1)}<br><img src=a><input><span>x`)).toBe(`${open(MAX_DEPTH - 1)}<br><img src=a><input><span>x`);
    expect(boundMarkup(`<svg>${open(MAX_DEPTH - 1, 'g')}<path/><circle />`)).toBe(`<svg>${open(MAX_DEPTH - 1, 'g')}<path/><circle />`);
    expect(boundMarkup(`<MATH>${open(MAX_DEPTH - 1, 'mrow')}<mi/>`)).toBe(`<MATH>${open(MAX_DEPTH - 1, 'mrow')}<mi/>`);
  });

  it('counts a self-closing tag outside svg and math as open, as HTML does, also after an svg closes', () => {
    expect(boundMarkup(`${atCap}<span/>x`)).toBe(`${atCap}x`);
    expect(boundMarkup(`<svg><path/></svg>${open(MAX_DEPTH - 1)}<x/><y/>z`)).toBe(`<svg><path/></svg>${open(MAX_DEPTH - 1)}<x/>z`);
    expect(boundMarkup(`<svg>${open(MAX_DEPTH - 2, 'g')}</svg>${open(MAX_DEPTH - 1)}<x/><y/>z`)).toBe(
      `<svg>${open(MAX_DEPTH - 2, 'g')}</svg>${open(MAX_DEPTH - 1)}<x/>z`,
    );
  });
});

describe('boundMarkup: what is not a tag', () => {
  it('reads script, style, title, textarea and xmp content as text up to their end tag', () => {
    for (const raw of ['script', 'style', 'title', 'textarea', 'xmp']) {
      const html = `${open(MAX_DEPTH - 1)}<${raw}>if (a<b) "<div><p>"</${raw}><i>x`;
      expect(boundMarkup(html), raw).toBe(html);
    }
    expect(boundMarkup(`${open(MAX_DEPTH - 1)}<SCRIPT><div></SCRIPT ><i><b>`)).toBe(`${open(MAX_DEPTH - 1)}<SCRIPT><div></SCRIPT ><i>`);
    expect(boundMarkup(`${open(MAX_DEPTH - 1)}<script><div></script/><i><b>`)).toBe(`${open(MAX_DEPTH - 1)}<script><div></script/><i>`);
    // `</scripts>` does not end a script.
    const unended = `${open(MAX_DEPTH - 1)}<script></scripts><div><i>`;
    expect(boundMarkup(unended)).toBe(unended);
  });

  it('keeps the rest of the page as text after a raw-text element that never ends', () => {
    const html = `<script>${open(600)}`;
    expect(boundMarkup(html)).toBe(html);
  });

  it('counts a self-closed script as an open element, as HTML does', () => {
    expect(boundMarkup(`<script/>${open(MAX_DEPTH)}x`)).toBe(`<script/>${open(MAX_DEPTH - 1)}x`);
  });

  it('skips comments, doctypes and processing instructions, also an unterminated comment', () => {
    const html = `${atCap}<!-- <p> --><!DOCTYPE html><?xml version="1.0"?><!--->x`;
    expect(boundMarkup(html)).toBe(html);
    expect(boundMarkup(`${atCap}<!-- a -- > <p> -->y<p>z`)).toBe(`${atCap}<!-- a -- > <p> -->yz`);
    const unterminated = `<!-- ${open(600)}`;
    expect(boundMarkup(unterminated)).toBe(unterminated);
    const bang = `<!${open(600)}`;
    // `<!` runs to the next `>`, which ends the first div's tag.
    expect(boundMarkup(bang)).toBe(`<!${open(MAX_DEPTH + 1)}`);
  });

  it('takes a `<` not followed by a letter as text', () => {
    const html = `${atCap}1 < 2 <3 </ 4 <_x </5 <`;
    expect(boundMarkup(html)).toBe(html);
  });

  it('finds the end of a tag past quoted attribute values that hold `>` and `<`', () => {
    expect(boundMarkup(`${open(MAX_DEPTH - 1)}<p title="a>b<i>" data-x='c>d<i>' lang = "x>y"><i>`)).toBe(
      `${open(MAX_DEPTH - 1)}<p title="a>b<i>" data-x='c>d<i>' lang = "x>y">`,
    );
    expect(boundMarkup(`${open(MAX_DEPTH - 1)}<p a=b><i>`)).toBe(`${open(MAX_DEPTH - 1)}<p a=b>`);
    expect(boundMarkup(`${open(MAX_DEPTH - 1)}<p a=><i>`)).toBe(`${open(MAX_DEPTH - 1)}<p a=>`);
  });

  it('reads a tag whose quote never closes as running to the end of the page', () => {
    const html = `<p title="abc${open(600)}`;
    expect(boundMarkup(html)).toBe(html);
    expect(boundMarkup(`${atCap}<p title="abc${open(20)}`)).toBe(atCap);
    expect(boundMarkup(`${atCap}<p title=abc`)).toBe(atCap);
  });
});

describe('boundMarkup: size', () => {
  it('reads exactly MAX_ELEMENTS elements and refuses one more with a one-line reason', () => {
    const full = '<br>'.repeat(MAX_ELEMENTS);
    expect(boundMarkup(full)).toBe(full);
    // End tags and comments are not elements.
    expect(boundMarkup(`${full}</br><!-- <br> --></p>`)).toBe(`${full}</br><!-- <br> --></p>`);
    let error: unknown;
    try {
      boundMarkup(`${full}<br>`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnreadableFile);
    expect((error as Error).message).toBe('more than 500,000 elements; not scanned');
  });

  it('counts a script as one element and its content as text, unless it is self-closed', () => {
    expect(() => boundMarkup(`${'<br>'.repeat(MAX_ELEMENTS - 1)}<script/><br>`)).toThrow(UnreadableFile);
    expect(() => boundMarkup(`${'<br>'.repeat(MAX_ELEMENTS - 1)}<script><br>`)).not.toThrow();
  });
});

describe('boundMarkup: how a tag is read', () => {
  it('takes A–Z and a–z as the letters that start a tag name, and nothing just outside them', () => {
    for (const name of ['A', 'Z', 'a', 'z']) expect(boundMarkup(`${atCap}<${name}>x</${name}>`), name).toBe(`${atCap}x`);
    for (const c of ['@', '[', '`', '{']) {
      const html = `${atCap}<${c}b>x`;
      expect(boundMarkup(html), c).toBe(html);
    }
  });

  it('ends a tag name at a space, tab, line feed, form feed, carriage return, slash or `>`', () => {
    for (const sep of [' ', '\t', '\n', '\f', '\r', '/']) {
      expect(boundMarkup(`${open(MAX_DEPTH + 1, `div${sep}`)}x${close(MAX_DEPTH + 1)}`), JSON.stringify(sep)).toBe(`${open(MAX_DEPTH, `div${sep}`)}x${close(MAX_DEPTH)}`);
    }
  });

  it('skips white space between `=` and a quoted value that holds `>`', () => {
    expect(boundMarkup(`${atCap}<p title= \t"a>b">x</p>`)).toBe(`${atCap}x`);
    expect(boundMarkup(`${atCap}<p title=\n'a>b'>x</p>`)).toBe(`${atCap}x`);
  });

  it('reads no tags inside a processing instruction, a declaration or a comment, however it ends', () => {
    for (const skipped of ['<?x <p> ?>', '<!x <p> >', '<!--<p>-->', '--><!-- <p> -->']) {
      const html = `${open(MAX_DEPTH - 1)}${skipped}<b>y`;
      expect(boundMarkup(html), skipped).toBe(html);
    }
  });

  it('counts svg and math as left only when they close, not when an element inside them closes', () => {
    // In the svg, <g> closes and <rect/> is still a self-closing foreign tag: <p> is within the cap.
    const html = `${open(MAX_DEPTH - 2)}<svg><g></g><rect/><p>y</p></svg>`;
    expect(boundMarkup(html)).toBe(html);
  });
});
