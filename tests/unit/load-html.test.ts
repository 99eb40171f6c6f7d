/**
 * A saved page as the detection reads it (utils/dom/load-html.ts): its own URL, its title, the
 * wall markup of a short page, and the widget check that a long page gets only when its words ask
 * the user to verify.
 */
import { describe, expect, it } from 'vitest';
import { parseWithLinkedom } from '../../cli/html';
import { pageUrlOf, readHtml } from '../../utils/dom/load-html';
import { WALL_TEXT_MAX } from '../../utils/detect/general/structure';

const docOf = (html: string) => parseWithLinkedom(html) as unknown as Parameters<typeof pageUrlOf>[1];

describe('pageUrlOf', () => {
  it('reads Chrome’s "saved from url" comment only near the top of the file', () => {
    const comment = '<!-- saved from url=(0045)https://item.taobao.com/item.htm?id=123456789 -->';
    expect(pageUrlOf(`<!DOCTYPE html>\n${comment}<html></html>`, docOf('<html></html>'))).toBe('https://item.taobao.com/item.htm?id=123456789');
    const late = `<html><body>${'x'.repeat(4096)}${comment}</body></html>`;
    expect(pageUrlOf(late, docOf(late))).toBeNull();
  });

  it('takes the next hint when one is not an http(s) URL or not a URL at all', () => {
    const html = '<html><head><link rel="canonical" href="ftp://files.example/x"><meta property="og:url" content="https://www.amazon.com/dp/B01"></head></html>';
    expect(pageUrlOf(html, docOf(html))).toBe('https://www.amazon.com/dp/B01');
    const bad = '<!-- saved from url=(0010)not-a-url --><html><head><link rel="canonical" href="http://item.jd.com/1.html"></head></html>';
    expect(pageUrlOf(bad, docOf(bad))).toBe('http://item.jd.com/1.html');
  });
});

describe('readHtml', () => {
  it('uses the URL it is given over the file’s own, and the file’s when given none', () => {
    const html = '<html><head><link rel="canonical" href="https://item.jd.com/1.html"><title>京东</title></head><body><p>商品</p></body></html>';
    expect(readHtml(html, parseWithLinkedom, 'https://item.jd.com/2.html').url).toBe('https://item.jd.com/2.html');
    expect(readHtml(html, parseWithLinkedom).url).toBe('https://item.jd.com/1.html');
    expect(readHtml(html, parseWithLinkedom, null).url).toBe('https://item.jd.com/1.html');
    expect(readHtml(html, parseWithLinkedom).title).toBe('京东');
    expect(readHtml('<html><body><p>x</p></body></html>', parseWithLinkedom).title).toBe('');
  });

  it('keeps the markup of a page of at most 1,500 visible characters, for vendor markers, and not of a longer one', () => {
    const page = (n: number) => `<html><body><div id="cf-wrapper"><p>${'a'.repeat(n)}</p></div></body></html>`;
    expect(WALL_TEXT_MAX).toBe(1500);
    expect(readHtml(page(1500), parseWithLinkedom).markup).toContain('cf-wrapper');
    expect(readHtml(page(1501), parseWithLinkedom).markup).toBeUndefined();
  });

  it("keeps a long page's markup when its title names a security check (a wall in the site's own skin), and not for a title that only says robot", () => {
    const long = (title: string) => `<html><head><title>${title}</title></head><body><header>Shop</header><p>${'a'.repeat(3000)}</p><script>a.src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=1"</script></body></html>`;
    expect(readHtml(long('Sicherheitsprüfung'), parseWithLinkedom).markup).toContain('orchestrate/chl_page');
    expect(readHtml(long('Just a moment...'), parseWithLinkedom).markup).toContain('orchestrate/chl_page');
    expect(readHtml(long('Robot vacuum cleaner X1'), parseWithLinkedom).markup).toBeUndefined();
  });

  it('looks for a challenge widget on a long page only when its first 4,000 characters of a text ask the user to verify', () => {
    const widget = '<div class="geetest_holder geetest_wind"></div>';
    const long = (before: number) => `<html><body><p>${'商'.repeat(before)}请完成安全验证${'品'.repeat(3000)}</p>${widget}</body></html>`;
    expect(readHtml(long(100), parseWithLinkedom).widgets.map((w) => w.id)).toEqual(['widget.geetest']);
    expect(readHtml(long(4000), parseWithLinkedom).widgets).toEqual([]);
    // A short page is looked at whatever it says.
    expect(readHtml(`<html><body><p>你好</p>${widget}</body></html>`, parseWithLinkedom).widgets.map((w) => w.id)).toEqual(['widget.geetest']);
  });

  it('reads the short block around a phrase of the rules in a long page', () => {
    const filler = `<p>${'商品详情介绍'.repeat(400)}</p>`;
    const html = `<html><body>${filler}<div class="note"><span>您的账号已被冻结，请联系客服</span></div>${filler}</body></html>`;
    expect(readHtml(html, parseWithLinkedom).segments.map((s) => [s.where, s.text.length])).toEqual([
      ['block', 14],
      ['text', 4816],
    ]);
  });

  it('counts only the page text, not its title, against the 1,500 characters of a wall-shaped page', () => {
    const html = `<html><head><title>${'t'.repeat(1400)}</title></head><body><div id="cf-wrapper"><p>${'b'.repeat(200)}</p></div></body></html>`;
    expect(readHtml(html, parseWithLinkedom).markup).toContain('cf-wrapper');
  });

  it('cuts only a page text to its first 4,000 characters when looking for words that ask the user to verify', () => {
    const widget = '<div class="geetest_holder geetest_wind"></div>';
    const html = `<html><head><title>${'标'.repeat(4100)}请完成安全验证</title></head><body><p>${'商'.repeat(2000)}</p>${widget}</body></html>`;
    expect(readHtml(html, parseWithLinkedom).widgets.map((w) => w.id)).toEqual(['widget.geetest']);
  });
});

describe('parseWithLinkedom: a document in the shape a browser gives it', () => {
  // Servers answer a bare "403 Forbidden", an S3 error in XML, a page without <html> or <body>:
  // 7,000 of 33,756 pages captured by a public recon crawl were such; a browser shows their text.
  const read = (html: string) => readHtml(html, parseWithLinkedom, 'https://a.example/');
  const text = (html: string) => read(html).segments.map((s) => s.text).join(' ');

  it('reads bare text, an empty file and a JSON body without throwing', () => {
    expect(text('403 Forbidden')).toContain('403 Forbidden');
    expect(read('').segments.every((s) => !s.text.trim())).toBe(true);
    expect(text('{"error":"rate limited"}')).toContain('rate limited');
  });

  it('finds the title and the text of a page without <html>, <head> or <body>', () => {
    const page = read('<title>Access Denied</title><h1>Access Denied</h1><p>You don’t have permission</p>');
    expect(page.title).toBe('Access Denied');
    expect(page.segments.map((s) => s.text).join(' ')).toContain('You don’t have permission');
  });

  it('keeps text that stands in <html> beside the head, as a browser puts it in the body', () => {
    const page = read('<html><head><title>T</title></head>Request blocked by the firewall</html>');
    expect(page.title).toBe('T');
    expect(page.segments.map((s) => s.text).join(' ')).toContain('Request blocked by the firewall');
  });

  it('leaves a well-formed page as parsed, and never reads head scripts as text', () => {
    const html = '<html><head><title>ok</title><script>var blocked = "Access Denied"</script></head><body><p>hello</p></body></html>';
    expect(parseWithLinkedom(html).title).toBe('ok');
    expect(text(html)).not.toContain('Access Denied');
    expect(text('<script>var x = "Access Denied"</script><p>hello</p>')).not.toContain('Access Denied');
  });
});

describe('load-html: edges the mutation run found', () => {
  it('looks for the words that ask the user to verify in each segment, never across two', () => {
    const widget = '<div class="geetest_holder geetest_wind"></div>';
    // The title ends with half a cue (验) and the text begins with the other half (证).
    const html = `<html><head><title>请完成安全验</title></head><body><p>证${'商'.repeat(2000)}</p>${widget}</body></html>`;
    const page = readHtml(html, parseWithLinkedom);
    expect(page.segments.map((s) => s.where)).toEqual(['title', 'text']);
    expect(page.widgets).toEqual([]);
    const joined = `<html><head><title>请完成安全验证</title></head><body><p>${'商'.repeat(2000)}</p>${widget}</body></html>`;
    expect(readHtml(joined, parseWithLinkedom).widgets.map((w) => w.id)).toEqual(['widget.geetest']);
  });

  it('reads as untitled a page whose parser gives no title at all', () => {
    const untitled = (html: string) => Object.defineProperty(parseWithLinkedom(html), 'title', { value: undefined });
    const page = readHtml('<html><body><p>商品</p></body></html>', untitled);
    expect(page.title).toBe('');
    expect(page.segments).toEqual([{ where: 'text', text: '商品' }]);
  });
});
