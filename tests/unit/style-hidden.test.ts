/**
 * A static reading applies the page's own style sheets where they certainly hide
 * (utils/dom/style-hidden.ts): a notice's hidden copy in a saved page must not fire in
 * `shutout scan` when the browser never shows it, and text that a rule may show again stays.
 */
import { describe, expect, it } from 'vitest';
import { parseWithLinkedom } from '../../cli/html';
import { readHtml } from '../../utils/dom/load-html';
import { STYLE_BOUNDS, topLevelRules } from '../../utils/dom/style-hidden';

const URL_ = 'https://item.taobao.com/item.htm?id=1';
const NOTICE = '亲，访问被拒绝';

function page(style: string, body: string, styleAttrs = ''): string {
  return `<!doctype html><html><head><title>保温杯</title><style${styleAttrs}>${style}</style></head><body><h1>保温杯</h1>${body}<p>儿童保温杯 316不锈钢</p></body></html>`;
}

/** The text segments of a static reading. */
function text(html: string): string {
  return readHtml(html, parseWithLinkedom, URL_).segments.map((s) => s.text).join('\n');
}

describe('a static reading applies the page’s own style sheets', () => {
  it('leaves out what a class, id, tag or attribute rule hides, with display:none or visibility:hidden, !important or not', () => {
    const cases: Array<[string, string]> = [
      ['.gone{display:none}', '<div class="gone">'],
      ['#err { display : none !important }', '<div id="err">'],
      ['aside{visibility:hidden}', '<aside>'],
      ['[data-state="off"]{color:red;display:none;}', '<div data-state="off">'],
      ['.a .b{display:none}', '<div class="a"><div class="b">'],
      ['.x, .gone {display:none}', '<div class="gone">'],
    ];
    for (const [style, open] of cases) {
      const close = '</div>'.repeat((open.match(/<div/g) ?? []).length) + (open.startsWith('<aside') ? '</aside>' : '');
      expect(text(page(style, `${open}${NOTICE}${close}`)), style).not.toContain(NOTICE);
    }
  });

  it('keeps what a rule or the element’s own style may show again, and rules it cannot be sure of', () => {
    const kept: Array<[string, string]> = [
      ['.dlg{display:none} .dlg.open{display:block}', '<div class="dlg open">'],
      ['.dlg{display:none}', '<div class="dlg" style="display:block">'],
      ['@media (max-width:600px){.dlg{display:none}}', '<div class="dlg">'],
      ['.dlg:not(.open){display:none}', '<div class="dlg">'],
      ['.dlg:hover{display:none}', '<div class="dlg">'],
      ['/* .dlg{display:none} */', '<div class="dlg">'],
      ['.dlg{display:flex}', '<div class="dlg">'],
    ];
    for (const [style, open] of kept) expect(text(page(style, `${open}${NOTICE}</div>`)), style).toContain(NOTICE);
    // A sheet for print only, or one inside <noscript>.
    expect(text(page('.dlg{display:none}', `<div class="dlg">${NOTICE}</div>`, ' media="print"'))).toContain(NOTICE);
    const noscript = `<!doctype html><html><head><title>t</title></head><body><noscript><style>.dlg{display:none}</style></noscript><div class="dlg">${NOTICE}</div></body></html>`;
    expect(text(noscript)).toContain(NOTICE);
  });

  it('gives no finding for a hidden copy and one for the shown notice', () => {
    const read = (html: string) => readHtml(html, parseWithLinkedom, URL_);
    expect(read(page('.gone{display:none}', `<div class="gone">${NOTICE}</div>`)).segments.some((s) => s.text.includes(NOTICE))).toBe(false);
    expect(read(page('.gone{display:none}', `<div class="shown">${NOTICE}</div>`)).segments.some((s) => s.text.includes(NOTICE))).toBe(true);
  });

  it('reads a sheet’s top-level rules only, past at-rules, comments and an unclosed end', () => {
    expect(topLevelRules('@charset "utf-8"; @import url(x.css); .a{display:none} @media print{.b{display:none}} /* .c{} */ .d , .e {color:red} .f{')).toEqual([
      ['.a', 'display:none'],
      ['.d , .e', 'color:red'],
    ]);
  });

  it('stays bounded on a huge sheet and many selectors', () => {
    const rules = Array.from({ length: 5000 }, (_, i) => `.c${i}{display:none}`).join('');
    const html = page(rules + '.gone{display:none}', `<div class="c1">${NOTICE}</div><div class="gone">活动太火爆</div>`);
    const t0 = performance.now();
    const t = text(html);
    expect(performance.now() - t0).toBeLessThan(5000);
    // The first selectors are applied; those past the bound are not.
    expect(t).not.toContain(NOTICE);
    expect(t).toContain('活动太火爆');
    expect(STYLE_BOUNDS.selectors).toBeLessThan(5000);
  });
});
