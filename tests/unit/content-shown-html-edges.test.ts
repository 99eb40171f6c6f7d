/**
 * Edges of the handed-over HTML (utils/content/shown-html.ts): how the live page's own judgement
 * of an element is read (checkVisibility, or boxes where there is no checkVisibility, and
 * display:contents either way), and how the walk spends its budget: the head is one element, and
 * nothing inside an element left out is asked about.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { liveShown, shownHtml, type Shown } from '../../utils/content/shown-html';

/** A linkedom page whose window computes `display` from each element's data-display attribute. */
function page(body: string, head = '') {
  const { document } = parseHTML(`<html><head>${head}</head><body>${body}</body></html>`);
  const view = { getComputedStyle: (e: Element) => ({ display: e.getAttribute('data-display') ?? 'block' }) };
  Object.defineProperty(document, 'defaultView', { value: view });
  return document as unknown as Document;
}

type Layout = { checkVisibility?: (o?: { visibilityProperty?: boolean }) => boolean; getClientRects?: () => unknown[] };
const withLayout = (el: Element | null, layout: Layout) => Object.assign(el as Element, layout);

describe('liveShown where the browser has checkVisibility', () => {
  const d = page('<p id="shown">a</p><p id="none">b</p><p id="ghost">c</p><div id="contents" data-display="contents"><p>d</p></div>');
  const rendered = (o?: { visibilityProperty?: boolean }) => !o?.visibilityProperty;
  withLayout(d.getElementById('shown'), { checkVisibility: () => true });
  withLayout(d.getElementById('none'), { checkVisibility: () => false });
  withLayout(d.getElementById('ghost'), { checkVisibility: rendered });
  withLayout(d.getElementById('contents'), { checkVisibility: () => false });

  it('reads an element the page renders and shows as shown', () => {
    expect(liveShown(d.getElementById('shown')!)).toBe('shown');
  });

  it('reads an element the page does not render as left out', () => {
    expect(liveShown(d.getElementById('none')!)).toBe('none');
  });

  it('reads a rendered element that is invisible (visibility:hidden) as without its own text', () => {
    expect(liveShown(d.getElementById('ghost')!)).toBe('textless');
  });

  it('reads a display:contents element, which has no box of its own, as shown', () => {
    expect(liveShown(d.getElementById('contents')!)).toBe('shown');
  });

  it('reads an element without a box as left out when its display is anything but contents', () => {
    const p = page('<p id="p" data-display="">x</p><p id="q" data-display="block">y</p>');
    withLayout(p.getElementById('p'), { checkVisibility: () => false });
    withLayout(p.getElementById('q'), { checkVisibility: () => false });
    expect(liveShown(p.getElementById('p')!)).toBe('none');
    expect(liveShown(p.getElementById('q')!)).toBe('none');
  });

  it('leaves out an element without a box where the window cannot compute styles', () => {
    const { document } = parseHTML('<html><body><p id="p">x</p></body></html>');
    const p = withLayout(document.getElementById('p'), { checkVisibility: () => false });
    expect(liveShown(p as unknown as Element)).toBe('none');
  });
});

describe('liveShown where the browser has boxes but no checkVisibility', () => {
  const d = page('<p id="boxed">a</p><p id="boxless">b</p><div id="contents" data-display="contents"><p>c</p></div>');
  withLayout(d.getElementById('boxed'), { getClientRects: () => [{}] });
  withLayout(d.getElementById('boxless'), { getClientRects: () => [] });
  withLayout(d.getElementById('contents'), { getClientRects: () => [] });

  it('reads an element with a box as shown and one without as left out', () => {
    expect(liveShown(d.getElementById('boxed')!)).toBe('shown');
    expect(liveShown(d.getElementById('boxless')!)).toBe('none');
  });

  it('reads a display:contents element without a box as shown', () => {
    expect(liveShown(d.getElementById('contents')!)).toBe('shown');
  });

  it('leaves out of the hand-over what has no box', () => {
    const p = page('<div id="gone">亲，访问被拒绝</div><p id="kept">after</p>');
    withLayout(p.getElementById('gone'), { getClientRects: () => [] });
    withLayout(p.getElementById('kept'), { getClientRects: () => [{}] });
    withLayout(p.body, { getClientRects: () => [{}] });
    const html = shownHtml(p.documentElement);
    expect(html).not.toContain('访问被拒绝');
    expect(html).toContain('<p id="kept">after</p>');
  });
});

describe('the walk’s budget', () => {
  it('looks at exactly `max` elements, the head counting as one', () => {
    const d = page('<p id="p1">one</p><p id="p2">two</p><p id="p3">three</p>', '<meta charset="utf-8"><title>t</title><style>p{}</style><meta name="a"><link rel="icon">');
    const judge = (el: Element): Shown => (el.tagName === 'P' ? 'none' : 'shown');
    // head, body, p1: the first paragraph is judged, the rest kept as they are.
    const html = shownHtml(d.documentElement, judge, 3);
    expect(html).not.toContain('one');
    expect(html).toContain('two');
    expect(html).toContain('three');
  });

  it('does not ask about what is inside an element it leaves out', () => {
    const d = page('<div class="gone"><p>inner</p><span>more</span></div><section><b>kept</b></section>');
    const asked: string[] = [];
    const html = shownHtml(d.documentElement, (el) => (asked.push(el.tagName.toLowerCase()), el.classList.contains('gone') ? 'none' : 'shown'));
    expect(asked).toEqual(['body', 'div', 'section', 'b']);
    expect(html).not.toContain('inner');
    expect(html).toContain('<b>kept</b>');
  });

  it('does not let a large head use up the budget', () => {
    const metas = '<meta name="m">'.repeat(20);
    const d = page('<p>first</p><p>second</p>', `<title>t</title>${metas}`);
    const asked: string[] = [];
    shownHtml(d.documentElement, (el) => (asked.push(el.tagName.toLowerCase()), 'shown'), 4);
    expect(asked).toEqual(['body', 'p', 'p']);
  });

  it('never asks about an element a script put in the head', () => {
    const d = page('<p>x</p>', '<title>t</title>');
    d.head.append(d.createElement('div'));
    const asked: string[] = [];
    shownHtml(d.documentElement, (el) => (asked.push(el.tagName.toLowerCase()), 'shown'));
    expect(asked).toEqual(['body', 'p']);
  });
});
