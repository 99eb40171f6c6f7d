import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectStaticSegments, visibleText } from '../../utils/dom/collect-static';
import { loadHtml, pageUrlOf } from '../../cli/html';
import { isProse } from '../../utils/dom/regions';

const doc = (html: string) => parseHTML(html).document as never;

describe('visible text of a parsed page', () => {
  it('leaves out scripts, styles, templates and hidden elements', () => {
    const html = `<html><head><title>T</title><style>.a{}</style></head><body>
      <p>shown</p>
      <script>var isBot = "verify robot";</script>
      <template><p>template text</p></template>
      <div hidden>hidden attr</div>
      <div style="display: none">display none</div>
      <div style="color:red;visibility:hidden">invisible</div>
      <input type="hidden" value="x">
      <noscript>enable js</noscript>
      <p>also shown</p></body></html>`;
    const text = visibleText((parseHTML(html).document as unknown as { body: never }).body);
    expect(text).toBe('shown\nalso shown');
  });

  it("leaves out an overlay that is hidden from assistive technology and by a utility class (a modal not opened)", () => {
    const segments = collectStaticSegments(
      doc(`<html><head><title>46 jobs in India</title></head><body><h1>Jobs</h1>
        <div aria-hidden="true" class="modal__overlay flex fixed opacity-0 invisible pointer-events-none">
          <section role="dialog" aria-modal="true"><h2>Security verification</h2></section></div>
        <div aria-hidden="true" class="spinner">Loading</div>
        <div class="invisible">no aria-hidden: kept, as before</div></body></html>`),
    );
    expect(segments.map((s) => s.text)).toEqual(['46 jobs in India', 'Jobs', 'Jobs\nLoading\nno aria-hidden: kept, as before']);
  });

  it('reads titles, headings and dialogs as prominent regions', () => {
    const segments = collectStaticSegments(
      doc(`<html><head><title>访问被拒绝</title></head><body>
        <h1>页面标题</h1>
        <div class="jd-toast">活动太火爆，请稍后再试</div>
        <div role="dialog" style="display:none">隐藏的对话框</div>
        <p>正文</p></body></html>`),
    );
    expect(segments).toEqual([
      { where: 'title', text: '访问被拒绝' },
      { where: 'title', text: '页面标题' },
      { where: 'dialog', text: '活动太火爆，请稍后再试' },
      { where: 'text', text: '页面标题\n活动太火爆，请稍后再试\n正文' },
    ]);
  });

  it('handles very deep pages without overflowing the stack', () => {
    const html = '<div>'.repeat(20000) + 'deep' + '</div>'.repeat(20000);
    expect(visibleText((parseHTML(`<html><body>${html}</body></html>`).document as unknown as { body: never }).body)).toBe('deep');
  });
});

describe('the URL of a saved page', () => {
  it('comes from Chrome\'s "saved from url" comment, then canonical, then og:url', () => {
    const saved = '<!DOCTYPE html>\n<!-- saved from url=(0045)https://item.taobao.com/item.htm?id=123456789 -->\n<html><head><link rel="canonical" href="https://other.example/"></head></html>';
    expect(loadHtml(saved).url).toBe('https://item.taobao.com/item.htm?id=123456789');
    expect(loadHtml('<html><head><link rel="canonical" href="https://item.jd.com/1.html"></head></html>').url).toBe('https://item.jd.com/1.html');
    expect(loadHtml('<html><head><meta property="og:url" content="https://www.amazon.com/dp/B01"></head></html>').url).toBe('https://www.amazon.com/dp/B01');
    expect(pageUrlOf('<html></html>', parseHTML('<html></html>').document as never)).toBeNull();
    expect(loadHtml('<html><head><link rel="canonical" href="javascript:alert(1)"></head></html>').url).toBeNull();
  });
});

describe('isProse', () => {
  // linkedom builds a new array on every read of `children`; reading it per sibling made a page
  // whose thousands of paragraphs share one parent take 15 s (an 836 KB API reference page).
  it('reads a parent’s children once, and stops counting at the third paragraph', () => {
    let reads = 0;
    const kids = Array.from({ length: 5000 }, () => ({ tagName: 'P' }));
    const parent = { tagName: 'DIV', parentElement: null, closest: () => null, get children() { reads++; return kids; } };
    const p = { tagName: 'P', parentElement: parent, children: [], closest: () => null };
    expect(isProse(p)).toBe(true);
    expect(reads).toBe(1);
    const lone = { tagName: 'DIV', parentElement: null, closest: () => null, children: [{ tagName: 'P' }, { tagName: 'DIV' }] };
    expect(isProse({ tagName: 'P', parentElement: lone, children: [], closest: () => null })).toBe(false);
    // Siblings that are not paragraphs do not count, and only a paragraph is prose by its siblings.
    const mixed = { tagName: 'DIV', parentElement: null, closest: () => null, children: [{ tagName: 'P' }, { tagName: 'DIV' }, { tagName: 'SPAN' }, { tagName: 'UL' }] };
    expect(isProse({ tagName: 'P', parentElement: mixed, children: [], closest: () => null })).toBe(false);
    expect(isProse({ tagName: 'DIV', parentElement: parent, children: [], closest: () => null })).toBe(false);
  });

  it('reads a page of 3,000 sibling paragraphs with a phrase in each in linear time', () => {
    const html = `<html><body><div>${'<p>Access denied for this region, try later.</p>'.repeat(3000)}</div></body></html>`;
    const t = performance.now();
    loadHtml(html, 'https://a.example/');
    // Quadratic, this took seconds; the bound is loose for a loaded machine.
    expect(performance.now() - t).toBeLessThan(4000);
  });
});
