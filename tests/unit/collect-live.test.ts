// @vitest-environment happy-dom
/**
 * The live page reader (utils/dom/collect-live.ts) on a fake DOM (happy-dom), which computes
 * styles, innerText and checkVisibility: which regions it reads, which it leaves out, its bounds,
 * shadow roots, same-origin frames, and the structure handed to the general layer.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectLiveSegments, collectLiveStructure, visible } from '../../utils/dom/collect-live';
import { BLOCK_MAX_CHARS, DIALOG_MAX_CHARS, MAX_REGIONS } from '../../utils/dom/regions';
import { WALL_TEXT_MAX } from '../../utils/detect/general/structure';

const page = (title: string, body: string) => {
  document.title = title;
  document.body.innerHTML = body;
};
const where = (segs: Array<{ where: string; text: string }>, w: string) => segs.filter((s) => s.where === w).map((s) => s.text);

afterEach(() => {
  document.title = '';
  document.body.innerHTML = '';
  for (const el of Array.from(document.documentElement.querySelectorAll(':scope > section'))) el.remove();
});

/**
 * happy-dom loads no frame pages: a frame's document is a stand-in whose body is a container
 * outside the page's body (connected, so styles and visibility are computed), and whose frames
 * are the elements given.
 */
const frameDoc = (html: string, frames: Element[] = []): Document => {
  const body = document.createElement('section');
  body.innerHTML = html;
  document.documentElement.append(body);
  return { title: '', body, querySelectorAll: (s: string) => body.querySelectorAll(s), getElementsByTagName: (t: string) => (t === 'iframe' ? frames : body.getElementsByTagName(t)) } as unknown as Document;
};
const frame = (inner: Document | null, style = '') => {
  const el = document.createElement('div');
  el.setAttribute('style', style);
  document.body.append(el);
  return Object.assign(el, { contentDocument: inner });
};
const top = (frames: Element[]) => {
  const body = document.body;
  return { title: '', body, querySelectorAll: (s: string) => body.querySelectorAll(s), getElementsByTagName: (t: string) => (t === 'iframe' ? frames : document.getElementsByTagName(t)) } as unknown as Document;
};

describe('visible', () => {
  it('asks checkVisibility with the visibility and opacity properties', () => {
    page('', '<p id="a">shown</p><p id="b" style="visibility:hidden">v</p><p id="c" style="opacity:0">o</p><div style="display:none"><p id="d">d</p></div>');
    const v = (id: string) => visible(document.getElementById(id)!);
    expect([v('a'), v('b'), v('c'), v('d')]).toEqual([true, false, false, false]);
  });

  it('falls back on client rects where checkVisibility is missing', () => {
    const el = (rects: number) => ({ getClientRects: () => ({ length: rects }) }) as unknown as Element;
    expect(visible(el(1))).toBe(true);
    expect(visible(el(0))).toBe(false);
  });
});

describe('collectLiveSegments', () => {
  it('reads the title, headings, dialogs and the body text, in that order', () => {
    page('访问被拒绝', '<h1>页面标题</h1><div class="jd-toast">活动太火爆，请稍后再试</div><div role="dialog" style="display:none">隐藏的对话框</div><p>正文</p>');
    expect(collectLiveSegments(document)).toEqual([
      { where: 'title', text: '访问被拒绝' },
      { where: 'title', text: '页面标题' },
      { where: 'dialog', text: '活动太火爆，请稍后再试' },
      { where: 'text', text: '页面标题\n活动太火爆，请稍后再试\n正文' },
    ]);
  });

  it('leaves headings and dialogs unread when the page text has no hit, and asks about the body text', () => {
    page('T', '<h1>Heading</h1><div role="alert">Alert</div><p>body</p>');
    const asked: string[] = [];
    const segs = collectLiveSegments(document, { hasHits: (t) => (asked.push(t), false) });
    expect(asked).toEqual(['Heading\nAlert\nbody']);
    expect(segs).toEqual([
      { where: 'title', text: 'T' },
      { where: 'text', text: 'Heading\nAlert\nbody' },
    ]);
    expect(where(collectLiveSegments(document, { hasHits: () => true }), 'dialog')).toEqual(['Alert']);
  });

  it('skips empty, hidden and long regions (at most 4 × DIALOG_MAX_CHARS of text content, at most DIALOG_MAX_CHARS shown)', () => {
    const long = 'x'.repeat(DIALOG_MAX_CHARS + 1);
    const huge = 'y'.repeat(DIALOG_MAX_CHARS * 4 + 1);
    const atMost = 'z'.repeat(DIALOG_MAX_CHARS);
    page(
      '',
      `<div role="alert">   </div><div role="alert" style="opacity:0">faded</div><div role="alert">${long}</div>` +
        `<div role="alert"><span style="display:none">${huge}</span>short</div><div role="alert"><span style="display:none">${'w'.repeat(DIALOG_MAX_CHARS * 4 - 'kept'.length)}</span>kept</div>` +
        `<div role="alert">${atMost}</div>`,
    );
    expect(where(collectLiveSegments(document), 'dialog')).toEqual(['kept', atMost]);
  });

  it('reads at most MAX_REGIONS regions of each kind', () => {
    page('', Array.from({ length: MAX_REGIONS + 5 }, (_, i) => `<h2>h${i}</h2>`).join(''));
    const titles = where(collectLiveSegments(document), 'title');
    expect(titles).toHaveLength(MAX_REGIONS);
    expect(titles.at(-1)).toBe(`h${MAX_REGIONS - 1}`);
  });

  it('has no title segment for an untitled page and no text segment without a body', () => {
    page('', '<p>x</p>');
    expect(collectLiveSegments(document)).toEqual([{ where: 'text', text: 'x' }]);
    const bodiless = { title: 'only a title', body: null, querySelectorAll: () => [], getElementsByTagName: () => [] } as unknown as Document;
    expect(collectLiveSegments(bodiless)).toEqual([{ where: 'title', text: 'only a title' }]);
  });

  describe('the short blocks around hits', () => {
    const BLOCKS = '<div id="wrap"><section><div class="x"><span>请先</span><b>登录</b>后查看</div></section><p>other words</p></div>';

    it('climbs from the hit while the enclosing text stays short, and reads each block once', () => {
      page('', BLOCKS);
      const offsets: string[] = [];
      const segs = collectLiveSegments(document, {
        hitOffsets: (t) => {
          offsets.push(t);
          return [t.indexOf('登录'), t.indexOf('登录') + 1, t.indexOf('后查看')];
        },
      });
      expect(offsets).toEqual(['请先 登录 后查看 other words']);
      expect(where(segs, 'block')).toEqual(['请先登录后查看\nother words']);
    });

    it('stops climbing below the body and under a parent whose text is long', () => {
      page('', `<div><span>请先登录</span></div><p>${'长'.repeat(BLOCK_MAX_CHARS)}</p>`);
      const segs = collectLiveSegments(document, { hitOffsets: (t) => [t.indexOf('登录')] });
      expect(where(segs, 'block')).toEqual(['请先登录']);
      page('', `<div><div><span>请先登录</span></div><p>${'长'.repeat(BLOCK_MAX_CHARS)}</p></div>`);
      expect(where(collectLiveSegments(document, { hitOffsets: (t) => [t.indexOf('登录')] }), 'block')).toEqual(['请先登录']);
    });

    it('maps each offset to the text node it falls in', () => {
      page('', '<div><i>aaa</i></div><div><i>bbb</i></div><div><i>ccc</i></div><p>' + 'z'.repeat(BLOCK_MAX_CHARS) + '</p>');
      const at = (s: string) => where(collectLiveSegments(document, { hitOffsets: (t) => [t.indexOf(s)] }), 'block');
      expect(at('aaa')).toEqual(['aaa']);
      expect(at('bbb')).toEqual(['bbb']);
      expect(at('ccc')).toEqual(['ccc']);
      expect(where(collectLiveSegments(document, { hitOffsets: (t) => [t.indexOf('ccc') + 3] }), 'block')).toEqual(['ccc']);
    });

    it('leaves out scripts, styles, prose, hidden blocks, text already read, and long blocks', () => {
      page('', '<script>var a = "登录";</script><style>.登录{}</style><div><span>请先登录</span></div><p>z</p>');
      expect(where(collectLiveSegments(document, { hitOffsets: (t) => [t.indexOf('登录')] }), 'block')).toEqual(['请先登录']);
      page('', '<article><span>请先登录</span></article>');
      expect(where(collectLiveSegments(document, { hitOffsets: (t) => [t.indexOf('登录')] }), 'block')).toEqual([]);
      page('', '<div style="visibility:hidden"><span>请先登录</span></div><p>z</p>');
      expect(where(collectLiveSegments(document, { hitOffsets: (t) => [t.indexOf('登录')] }), 'block')).toEqual([]);
      page('', '<h1>请先登录</h1><p>z</p>');
      expect(where(collectLiveSegments(document, { hitOffsets: (t) => [t.indexOf('登录')] }), 'block')).toEqual([]);
      page('', `<div><span>请先登录${'长'.repeat(BLOCK_MAX_CHARS)}</span></div>`);
      expect(where(collectLiveSegments(document, { hitOffsets: (t) => [t.indexOf('登录')] }), 'block')).toEqual([]);
    });

    it('reads no blocks when there is no hit in the page text', () => {
      page('', BLOCKS);
      let asked = false;
      collectLiveSegments(document, { hasHits: () => false, hitOffsets: () => ((asked = true), [0]) });
      expect(asked).toBe(false);
    });

    it('stops at 2 × MAX_REGIONS segments', () => {
      const n = MAX_REGIONS * 3;
      page('', Array.from({ length: n }, (_, i) => `<div><span>登录${i}</span></div>`).join('') + '<p>' + 'z'.repeat(BLOCK_MAX_CHARS) + '</p>');
      const segs = collectLiveSegments(document, {
        hitOffsets: (t) => Array.from(t.matchAll(/登录/g), (m) => m.index!),
      });
      expect(where(segs, 'block')).toHaveLength(MAX_REGIONS * 2);
    });
  });

  describe('shadow roots', () => {
    const withShadow = () => {
      page('', '<p>light</p><div id="host"></div>');
      const sr = document.getElementById('host')!.attachShadow({ mode: 'open' });
      sr.innerHTML = '<div role="alert">影子里的提示</div><p>second</p>';
      const inner = sr.querySelector('p')!.appendChild(document.createElement('span'));
      inner.attachShadow({ mode: 'open' }).innerHTML = '<p>nested</p>';
    };

    it('reads open shadow roots, nested ones too, with their regions', () => {
      withShadow();
      const segs = collectLiveSegments(document);
      expect(where(segs, 'dialog')).toEqual(['影子里的提示']);
      expect(where(segs, 'text')).toEqual(['light', '影子里的提示\nsecond', 'nested']);
    });

    it('skips the sweep when told the page has none', () => {
      withShadow();
      expect(collectLiveSegments(document, { shadowRoots: false })).toEqual([{ where: 'text', text: 'light' }]);
    });
  });

  describe('same-origin frames', () => {

    it('reads a visible frame with a body, and no frame that throws, is hidden or has no body', () => {
      page('', '<p>top</p>');
      const shown = frame(frameDoc('<div role="alert">框架里的提示</div>'));
      const hidden = frame(frameDoc('<p>hidden frame</p>'), 'display:none');
      const bodiless = frame({ body: null } as unknown as Document);
      const none = frame(null);
      const thrower = Object.defineProperty(document.createElement('div'), 'contentDocument', {
        get() {
          throw new Error('cross-origin');
        },
      });
      const segs = collectLiveSegments(top([thrower, hidden, bodiless, none, shown]));
      expect(segs).toEqual([
        { where: 'text', text: 'top' },
        { where: 'dialog', text: '框架里的提示' },
        { where: 'text', text: '框架里的提示' },
      ]);
    });

    it('goes two frames deep and no deeper, sweeps shadow roots in frames, and drops their empty segments', () => {
      page('', '<p>top</p>');
      const three = frameDoc('<p>three</p>');
      const two = frameDoc('<p>two</p>', [frame(three)]);
      const empty = frameDoc('');
      const one = frameDoc('<p>one</p><div id="host"></div>', [frame(two), frame(empty)]);
      one.body!.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>shadow in a frame</p>';
      const segs = collectLiveSegments(top([frame(one)]), { shadowRoots: false });
      expect(segs).toEqual([
        { where: 'text', text: 'top' },
        { where: 'text', text: 'one' },
        { where: 'text', text: 'shadow in a frame' },
        { where: 'text', text: 'two' },
      ]);
    });
  });
});

describe('collectLiveStructure', () => {
  it('serialises the markup of a short page and finds its visible widgets once each, with their forms', () => {
    page('', '<form><input type="text"><div id="nc_1_wrapper">slide</div></form><div class="nc-container"></div><div class="geetest_panel" style="display:none"></div><form><div class="h-captcha"></div></form>');
    const segs = collectLiveSegments(document);
    const s = collectLiveStructure(document, segs);
    expect(s.markup).toContain('nc_1_wrapper');
    expect(s.widgets).toEqual([
      { id: 'widget.alibaba.slider', inForm: true },
      { id: 'widget.hcaptcha', inForm: false },
    ]);
  });

  it('on a long page, keeps no markup and looks for widgets only where the words mention verification', () => {
    const long = 'w'.repeat(WALL_TEXT_MAX + 1);
    page('', `<p>${long}</p><div class="geetest_panel">x</div>`);
    const quiet = collectLiveStructure(document, [{ where: 'text', text: long }]);
    expect(quiet).toEqual({ markup: undefined, widgets: [] });
    const cued = collectLiveStructure(document, [{ where: 'text', text: long }, { where: 'dialog', text: '请完成安全验证' }]);
    expect(cued.markup).toBeUndefined();
    expect(cued.widgets).toEqual([{ id: 'widget.geetest', inForm: false }]);
  });

  it("serialises a long page when its title names a security check, and not when it only says robot", () => {
    const long = 'w'.repeat(WALL_TEXT_MAX + 1);
    page('Sicherheitsprüfung', `<p>${long}</p><script>a.src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"</script>`);
    expect(collectLiveStructure(document, [{ where: 'text', text: long }]).markup).toContain('orchestrate/chl_page');
    page('Robot vacuum cleaner X1', `<p>${long}</p>`);
    expect(collectLiveStructure(document, [{ where: 'text', text: long }]).markup).toBeUndefined();
  });

  it('counts only text segments towards the page length, and looks for the cue in the first 4000 characters of a long text', () => {
    page('', '<div class="geetest_panel">x</div>');
    const title = { where: 'title' as const, text: 't'.repeat(WALL_TEXT_MAX + 1) };
    expect(collectLiveStructure(document, [title]).markup).toBeDefined();
    const late = { where: 'text' as const, text: 'w'.repeat(4000) + '请完成安全验证' };
    expect(collectLiveStructure(document, [late]).widgets).toEqual([]);
    const early = { where: 'text' as const, text: '请完成安全验证' + 'w'.repeat(4000) };
    expect(collectLiveStructure(document, [early]).widgets).toEqual([{ id: 'widget.geetest', inForm: false }]);
    const shortDialog = { where: 'dialog' as const, text: 'w'.repeat(4000) + '请完成安全验证' };
    expect(collectLiveStructure(document, [{ where: 'text', text: 'w'.repeat(WALL_TEXT_MAX + 1) }, shortDialog]).widgets).toEqual([{ id: 'widget.geetest', inForm: false }]);
  });
});

/**
 * The watcher's reader (collectLive) with the built-in rules, run to its end. Imported when first
 * asked for, so that the tests of the other readers keep their light setup.
 */
/** The watcher's reader with the built-in rules, as a generator of steps not yet run. */
async function liveWork() {
  const { builtinRuleSet, looseTableOf } = await import('../../utils/detect/rule-sets');
  const { collectLive } = await import('../../utils/dom/collect-live');
  const rules = builtinRuleSet();
  const loose = looseTableOf(rules);
  return (doc: Document, opts: { shadowRoots?: boolean; longPageChars?: number; noLoose?: boolean } = {}) =>
    collectLive(doc, { rules, ...(opts.noLoose ? {} : { loose }), shadowRoots: opts.shadowRoots ?? false, ...(opts.longPageChars ? { longPageChars: opts.longPageChars } : {}) });
}

async function liveReader() {
  const { runNow } = await import('../../utils/content/slices');
  const work = await liveWork();
  return (doc: Document, opts: { shadowRoots?: boolean; longPageChars?: number } = {}) => runNow(work(doc, opts));
}

describe('collectLive on a page of many elements (read piece by piece, as the watcher reads it)', () => {
  const setup = async () => {
    const read = await liveReader();
    return (opts: { longPageChars?: number } = {}) => read(document, opts);
  };
  const body = (items: number, item = '<li><span>商品</span></li>') =>
    `<h2>账号异常</h2><div role="dialog">您的账号已被限制登录，请联系客服</div><ul>${item.repeat(items)}</ul><p>亲，访问被拒绝</p>`;

  it('reads the same headings, dialogs and notice as on a small page, over 3,000 elements', async () => {
    const read = await setup();
    page('淘宝网', body(100));
    const small = read();
    page('淘宝网', body(1600));
    const many = read();
    for (const w of ['title', 'dialog']) expect(where(many.segments, w), w).toEqual(where(small.segments, w));
    expect(where(many.segments, 'dialog')).toEqual(['您的账号已被限制登录，请联系客服']);
    expect(where(many.segments, 'text').join('\n')).toContain('亲，访问被拒绝');
  });

  it('reads at most MAX_REGIONS dialogs, the first in document order, between the pieces and inside them', async () => {
    const read = await setup();
    const items = Array.from({ length: 1600 }, (_, i) =>
      i % 20 === 0 && i / 20 < MAX_REGIONS + 6 ? `<li><span>商品</span><div role="dialog">您的账号已被限制登录 ${i / 20}</div></li>` : '<li><span>商品</span></li>',
    ).join('');
    page('淘宝网', `<div role="dialog">您的账号已被限制登录 top</div><ul>${items}</ul><p>亲，访问被拒绝</p>`);
    expect(document.body.getElementsByTagName('*').length).toBeGreaterThan(3000);
    const dialogs = where(read().segments, 'dialog');
    expect(dialogs).toEqual(['您的账号已被限制登录 top', ...Array.from({ length: MAX_REGIONS - 1 }, (_, i) => `您的账号已被限制登录 ${i}`)]);
  });

  it('on a long page, reads the blocks around a hit instead of the whole text, and counts the page’s characters', async () => {
    const read = await setup();
    page('淘宝网', body(1600, '<li><span>商品详情说明文字</span></li>'));
    const long = read({ longPageChars: 5000 });
    expect(long.textChars).toBeGreaterThanOrEqual(5000);
    const texts = where(long.segments, 'text');
    expect(texts.some((t) => t.includes('亲，访问被拒绝'))).toBe(true);
    expect(texts.every((t) => t.length < 5000)).toBe(true);
    expect(where(long.segments, 'dialog')).toEqual(['您的账号已被限制登录，请联系客服']);
    // No hit in the page: no region is read at all.
    page('淘宝网', `<ul>${'<li><span>商品详情说明文字</span></li>'.repeat(1600)}</ul>`);
    const quiet = read({ longPageChars: 5000 });
    expect(quiet.segments.filter((s) => s.where !== 'title')).toEqual([]);
  });

  it('on a long page, reads the headings and dialogs that hold a phrase, however many plain ones come first', async () => {
    const read = await setup();
    // Product cards whose classes say "tips" and "mask" match the dialogs' selector; none holds a phrase.
    const card = '<li><span class="price-tips">商品详情说明文字</span><div class="img-mask">图</div></li>';
    page('淘宝网', `<h2>猜你喜欢</h2><ul>${card.repeat(1600)}</ul><h3>账号异常</h3><div class="sn-toast">您的账号已被限制登录，请联系客服</div>`);
    const long = read({ longPageChars: 5000 });
    expect(long.textChars).toBeGreaterThanOrEqual(5000);
    expect(where(long.segments, 'dialog')).toEqual(['您的账号已被限制登录，请联系客服']);
    expect(where(long.segments, 'title')).toEqual(['淘宝网', '账号异常']);
  });

  it('on a long page, gives nested dialogs around a phrase in document order, the outer first', async () => {
    const read = await setup();
    const card = '<li><span class="price-tips">商品详情说明文字</span></li>';
    page('淘宝网', `<ul>${card.repeat(1600)}</ul><div role="dialog"><p>提示</p><div class="sn-toast">您的账号已被限制登录</div></div>`);
    const long = read({ longPageChars: 5000 });
    expect(where(long.segments, 'dialog')).toEqual(['提示\n您的账号已被限制登录', '您的账号已被限制登录']);
  });
});

describe('collectLive (the watcher\'s reader): frames, shadow roots and regions', () => {
  const setup = liveReader;

  it('reads visible same-origin frames two deep, with their shadow roots, and none that throws, is hidden or has no body', async () => {
    const read = await setup();
    page('', '<p>top</p>');
    const three = frameDoc('<p>three</p>');
    const two = frameDoc('<p>two</p>', [frame(three)]);
    const one = frameDoc('<div role="alert">您的账号已被限制登录</div><div id="host"></div>', [frame(two), frame(frameDoc('<p>hidden frame</p>'), 'display:none'), frame({ body: null } as unknown as Document), frame(null)]);
    one.body!.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>shadow in a frame</p>';
    const thrower = Object.defineProperty(document.createElement('div'), 'contentDocument', {
      get() {
        throw new Error('cross-origin');
      },
    });
    const got = read(top([thrower, frame(one)]));
    expect(got.segments).toEqual([
      { where: 'text', text: 'top' },
      { where: 'dialog', text: '您的账号已被限制登录' },
      { where: 'text', text: '您的账号已被限制登录' },
      { where: 'text', text: 'shadow in a frame' },
      { where: 'text', text: 'two' },
    ]);
    expect(got.textChars).toBeUndefined();
  });

  it('counts a long frame\'s characters into the page\'s, and says the page was read as a long one', async () => {
    const read = await setup();
    page('', '<p>top</p>');
    const items = '<li><span>商品详情说明文字</span></li>'.repeat(1600);
    const long = frameDoc(`<ul>${items}</ul><p>亲，访问被拒绝</p>`);
    // The frame stand-in counts its own elements: over QUERY_WHOLE_MAX, it is read piece by piece.
    const got = read(top([frame(long)]), { longPageChars: 5000 });
    expect(got.textChars).toBeGreaterThanOrEqual(5000 + 'top'.length);
    expect(got.segments.some((s) => s.where === 'text' && s.text.includes('亲，访问被拒绝'))).toBe(true);
  });

  it('reads a shadow root\'s text without its empty children, and its regions only when the text has a phrase', async () => {
    const read = await setup();
    page('', '<p>light</p><div id="host"></div><div id="quiet"></div>');
    const sr = document.getElementById('host')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<span></span><div role="alert">您的账号已被限制登录</div><p>second</p>';
    document.getElementById('quiet')!.attachShadow({ mode: 'open' }).innerHTML = '<div role="alert">普通的提示</div>';
    const got = read(document, { shadowRoots: true });
    expect(where(got.segments, 'dialog')).toEqual(['您的账号已被限制登录']);
    expect(where(got.segments, 'text')).toEqual(['light', '您的账号已被限制登录\nsecond', '普通的提示']);
  });

  it('on a long page, reads the shown words that only qualify a rule (unless, all) beside the phrases, in document order', async () => {
    const read = await setup();
    const items = '<li><span>商品详情说明文字</span></li>'.repeat(1600);
    page('淘宝网', `<div><a>帮助中心</a></div><ul>${items}</ul><p>亲，访问被拒绝</p>`);
    const shown = read(document, { longPageChars: 5000 });
    expect(shown.textChars).toBeGreaterThanOrEqual(5000);
    expect(where(shown.segments, 'text')).toEqual(['帮助中心', '亲，访问被拒绝']);
    page('淘宝网', `<div style="display:none"><a>帮助中心</a></div><ul>${items}</ul><p>亲，访问被拒绝</p>`);
    expect(where(read(document, { longPageChars: 5000 }).segments, 'text')).toEqual(['亲，访问被拒绝']);
    // Without a phrase that can fire, the qualifying words are not read.
    page('淘宝网', `<div><a>帮助中心</a></div><ul>${items}</ul>`);
    expect(where(read(document, { longPageChars: 5000 }).segments, 'text')).toEqual([]);
  });

  it('reads a page as long from exactly longPageChars characters, and never when a phrase occurs more often than kept', async () => {
    const read = await setup();
    const items = '<li><span>商品详情说明文字</span></li>'.repeat(1600);
    page('淘宝网', `<ul>${items}</ul><p>亲，访问被拒绝</p>`);
    const chars = document.body.textContent!.length;
    expect(read(document, { longPageChars: chars }).textChars).toBe(chars);
    expect(read(document, { longPageChars: chars + 1 }).textChars).toBeUndefined();
    // A phrase shown 20 times (more than the 16 kept): read whole, with innerText.
    page('淘宝网', `<ul>${items}</ul>${'<p>亲，访问被拒绝</p>'.repeat(20)}`);
    const flooded = read(document, { longPageChars: 5000 });
    expect(flooded.textChars).toBeUndefined();
    expect(where(flooded.segments, 'text').at(-1)!.length).toBeGreaterThan(5000);
  });

  it('on a short page, climbs from a phrase to an enclosing block of exactly BLOCK_MAX_CHARS characters, and no further', async () => {
    const read = await setup();
    const fill = 'f'.repeat(BLOCK_MAX_CHARS - '访问被拒绝'.length);
    page('', `<main><section><b>访问被拒绝</b>${fill}</section><p>${'w'.repeat(BLOCK_MAX_CHARS)}</p></main>`);
    expect(where(read(document).segments, 'block')).toEqual([`访问被拒绝${fill}`]);
    page('', `<main><section><b>访问被拒绝</b>${fill}x</section><p>${'w'.repeat(BLOCK_MAX_CHARS)}</p></main>`);
    expect(where(read(document).segments, 'block')).toEqual(['访问被拒绝']);
  });

  it('leaves out a region whose shown text is empty though its markup holds text', async () => {
    const read = await setup();
    page('', '<div role="alert"><span style="display:none">您的账号已被限制登录</span></div><p>访问被拒绝</p>');
    expect(where(read(document).segments, 'dialog')).toEqual([]);
  });
});

/** The watcher's reader with the built-in rules, stepped by hand: its result and how many steps (yields) it took. */
async function steppedReader() {
  const work = await liveWork();
  return (doc: Document, opts: { shadowRoots?: boolean; longPageChars?: number; noLoose?: boolean } = {}) => {
    const steps = work(doc, opts);
    let count = 0;
    for (let s = steps.next(); ; s = steps.next(), count++) if (s.done) return { read: s.value, steps: count };
  };
}

describe('collect-live: edges the mutation run found', () => {
  // The rule sets load once, outside the tests' time.
  beforeAll(async () => {
    await liveReader();
    await steppedReader();
  });
  const items = (n: number) => '<li><span>商品详情说明文字</span></li>'.repeat(n);

  describe('collectLiveSegments', () => {
    it('asks about an empty text on a page without a body', () => {
      const asked: string[] = [];
      const bodiless = { title: '', body: null, querySelectorAll: () => [], getElementsByTagName: () => [] } as unknown as Document;
      expect(collectLiveSegments(bodiless, { hasHits: (t) => (asked.push(t), false) })).toEqual([]);
      expect(asked).toEqual(['']);
    });

    it('skips a region whose textContent is null (a node without text of its own)', () => {
      const node = { textContent: null, innerText: undefined, getClientRects: () => ({ length: 1 }) };
      const doc = { title: '', body: null, querySelectorAll: (s: string) => (s === '*' ? [] : [node]), getElementsByTagName: () => [] } as unknown as Document;
      expect(collectLiveSegments(doc)).toEqual([]);
    });

    it('gives no text segment for a shadow root with no text', () => {
      page('', '<p>light</p><div id="host"></div>');
      document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<span></span>';
      expect(collectLiveSegments(document)).toEqual([{ where: 'text', text: 'light' }]);
    });

    it("reads a frame with the caller's options (no regions where the caller's hasHits says no hit)", () => {
      page('', '<p>top</p>');
      const shown = frame(frameDoc('<div role="alert">框架里的提示</div>'));
      expect(collectLiveSegments(top([shown]), { hasHits: () => false })).toEqual([
        { where: 'text', text: 'top' },
        { where: 'text', text: '框架里的提示' },
      ]);
    });

    it('leaves whitespace-only text nodes and the text of noscript and template elements out of the text the phrases are looked for in', () => {
      page('', '<noscript>登录 noscript</noscript><div><span>请先登录</span></div>\n<p>z</p>');
      // A template's own child nodes (DOM-made; happy-dom moves them into content, so a foreign element named TEMPLATE stands in).
      const tpl = document.createElementNS('urn:x-test', 'TEMPLATE');
      tpl.appendChild(document.createTextNode('登录 template'));
      document.body.prepend(tpl);
      expect(tpl.tagName).toBe('TEMPLATE');
      const asked: string[] = [];
      const segs = collectLiveSegments(document, { hitOffsets: (t) => (asked.push(t), [t.indexOf('登录')]) });
      expect(asked).toEqual(['请先登录 z']);
      expect(where(segs, 'block')).toEqual(['请先登录']);
    });
  });

  describe('collectLiveStructure: the document markup', () => {
    afterEach(() => {
      for (const n of Array.from(document.childNodes)) if (n !== document.documentElement) document.removeChild(n);
    });

    it('is the comments around the document element, its doctype left out, one node a line', () => {
      page('', '<p>x</p>');
      document.insertBefore(document.implementation.createDocumentType('html', '', ''), document.documentElement);
      document.insertBefore(document.createComment(' wall marker '), document.documentElement);
      document.appendChild(document.createComment('after'));
      const s = collectLiveStructure(document, [{ where: 'text', text: 'x' }]);
      expect(s.markup).toBe(`<!-- wall marker -->\n${document.documentElement.outerHTML}\n<!--after-->\n`);
    });
  });

  it('keeps the markup and looks for widgets on a page of exactly WALL_TEXT_MAX characters', () => {
    page('', '<div class="geetest_panel">x</div>');
    const s = collectLiveStructure(document, [{ where: 'text', text: 'w'.repeat(WALL_TEXT_MAX) }]);
    expect(s.markup).toContain('geetest_panel');
    expect(s.widgets).toEqual([{ id: 'widget.geetest', inForm: false }]);
  });

  describe('collectLive', () => {
    it('reads no heading of a short page whose text has no phrase', async () => {
      const read = await liveReader();
      page('', '<h1>Heading</h1><div role="alert">Alert</div><p>plain words</p>');
      expect(read(document).segments).toEqual([{ where: 'text', text: 'Heading\nAlert\nplain words' }]);
    });

    it('gives no empty text segment for an empty shadow root or an empty frame', async () => {
      const read = await liveReader();
      page('', '<p>light</p><div id="host"></div>');
      document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<span></span>';
      expect(read(top([frame(frameDoc(''))]), { shadowRoots: true }).segments).toEqual([{ where: 'text', text: 'light' }]);
    });

    it("counts a long frame's characters exactly: the top body, its shadow roots, and a short frame's text segments only", async () => {
      const read = await liveReader();
      page('', '<p>top</p><div id="host"></div>');
      document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>影子</p>';
      const long = frameDoc(`<ul>${items(1600)}</ul><p>亲，访问被拒绝</p>`);
      const short = frameDoc('<div role="alert">您的账号已被限制登录</div><p>更多</p>');
      const got = read(top([frame(long), frame(short)]), { shadowRoots: true, longPageChars: 5000 });
      expect(where(got.segments, 'dialog')).toEqual(['您的账号已被限制登录']);
      expect(where(got.segments, 'text')).toContain('您的账号已被限制登录\n更多');
      expect(got.textChars).toBe('top'.length + '影子'.length + long.body!.textContent!.length + '您的账号已被限制登录\n更多'.length);
    });

    it('sweeps the shadow roots of a page without a body and of many elements without partitioning it', async () => {
      const read = await liveReader();
      const bodiless = { title: '', body: null, querySelectorAll: () => [], getElementsByTagName: (t: string) => (t === '*' ? { length: 5000 } : []) } as unknown as Document;
      expect(read(bodiless, { shadowRoots: true })).toEqual({ segments: [] });
    });

    it('reads a page of many elements whose document has no document element and no head', async () => {
      const read = await liveReader();
      const doc = frameDoc(`<div role="alert">您的账号已被限制登录</div><ul>${'<li><span>商品</span></li>'.repeat(1600)}</ul>`);
      expect(doc.body!.getElementsByTagName('*').length).toBeGreaterThan(3000);
      expect(where(read(doc).segments, 'dialog')).toEqual(['您的账号已被限制登录']);
    });

    describe('the head of a page of many elements', () => {
      afterEach(() => {
        document.head.removeAttribute('style');
        document.head.removeAttribute('role');
        for (const el of Array.from(document.head.querySelectorAll('h2'))) el.remove();
      });

      it('reads headings in the head, and the head itself when it is a region, as on a small page', async () => {
        const read = await liveReader();
        document.head.setAttribute('style', 'display:block');
        const h = document.createElement('h2');
        h.textContent = '头部标题';
        document.head.append(h);
        page('', `<ul>${'<li><span>商品</span></li>'.repeat(1600)}</ul><p>亲，访问被拒绝</p>`);
        expect(where(read(document).segments, 'title')).toEqual(['头部标题']);
        document.head.setAttribute('role', 'alert');
        expect(where(read(document).segments, 'dialog')).toEqual(['头部标题']);
      });
    });

    it('takes at most MAX_REGIONS headings from inside one piece', async () => {
      const read = await liveReader();
      const hs = Array.from({ length: MAX_REGIONS + 6 }, (_, i) => `<h2>h${i}</h2>`).join('');
      page('', `<ul>${'<li><span>商品</span></li>'.repeat(1600)}</ul><section><div>${hs}</div></section><p>亲，访问被拒绝</p>`);
      const titles = where(read(document).segments, 'title');
      expect(titles).toHaveLength(MAX_REGIONS);
      expect(titles.at(-1)).toBe(`h${MAX_REGIONS - 1}`);
    });

    it('finds each shadow root of a page of many elements once: on a piece taken apart, on a leaf, and inside a leaf', async () => {
      const read = await liveReader();
      page('', `<ul>${'<li><span>商品</span></li>'.repeat(1600)}</ul><section><div><span id="inner"></span></div></section><p>end</p>`);
      document.querySelector('ul')!.attachShadow({ mode: 'open' }).innerHTML = '<p>甲影</p>';
      document.querySelector('li')!.attachShadow({ mode: 'open' }).innerHTML = '<p>乙影</p>';
      document.getElementById('inner')!.attachShadow({ mode: 'open' }).innerHTML = '<p>丙影</p>';
      const texts = where(read(document, { shadowRoots: true }).segments, 'text');
      expect(texts.filter((t) => t.endsWith('影'))).toEqual(['甲影', '乙影', '丙影']);
    });

    it('on a long page, reads at most MAX_REGIONS dialogs around a phrase', async () => {
      const read = await liveReader();
      const n = MAX_REGIONS + 2;
      page('淘宝网', `<ul>${items(1600)}</ul>${'<div role="dialog">'.repeat(n)}您的账号已被限制登录${'</div>'.repeat(n)}`);
      const long = read(document, { longPageChars: 5000 });
      expect(long.textChars).toBeGreaterThanOrEqual(5000);
      expect(where(long.segments, 'dialog')).toEqual(Array(MAX_REGIONS).fill('您的账号已被限制登录'));
    });

    it('on a long page, reads the short block around a phrase', async () => {
      const read = await liveReader();
      page('淘宝网', `<ul>${items(1600)}</ul><div><span>亲，访问被拒绝</span></div>`);
      const long = read(document, { longPageChars: 5000 });
      expect(long.textChars).toBeGreaterThanOrEqual(5000);
      expect(where(long.segments, 'block')).toEqual(['亲，访问被拒绝']);
    });

    it('on a long page, gives the qualifying words and the phrases in document order, within one piece and across pieces', async () => {
      const read = await liveReader();
      page('淘宝网', `<ul>${items(1600)}</ul><div><section><p>帮助中心</p><p>${'商品详情说明文字'.repeat(90)}</p><p>亲，访问被拒绝</p></section></div>`);
      expect(where(read(document, { longPageChars: 5000 }).segments, 'text')).toEqual(['帮助中心', '亲，访问被拒绝']);
      const lead = '导航'.repeat(10) + '帮助中心';
      page('淘宝网', `<div><a>${lead}</a></div><ul>${items(1600)}</ul><p>亲，访问被拒绝</p>`);
      expect(where(read(document, { longPageChars: 5000 }).segments, 'text')).toEqual([lead, '亲，访问被拒绝']);
    });

    it('reads the document element itself when it is a region, on a page of many elements as on a small one', async () => {
      const read = await liveReader();
      page('', `<ul>${'<li><span></span></li>'.repeat(1600)}</ul><p>亲，访问被拒绝</p>`);
      document.documentElement.setAttribute('role', 'alert');
      try {
        expect(where(read(document).segments, 'dialog')).toEqual(['亲，访问被拒绝']);
      } finally {
        document.documentElement.removeAttribute('role');
      }
    });

    it('on a long page, reads the blocks around the first MAX_REGIONS phrases found only', async () => {
      const read = await liveReader();
      const phrases = ['休息会呗，坐下来喝口水', '为保证您的正常访问请进行验证', '请先完成验证后再进行操作', '检测到您正使用爬虫/插件', '亲，小二正忙，滑动一下马上回来'];
      const notices = phrases.flatMap((p) => Array.from({ length: 14 }, (_, i) => `<div><span>${p} ${i}</span></div>`)).join('');
      page('淘宝网', `<ul>${items(1600)}</ul>${notices}`);
      const long = read(document, { longPageChars: 5000 });
      expect(long.textChars).toBeGreaterThanOrEqual(5000);
      const texts = where(long.segments, 'text');
      expect(texts).toHaveLength(70);
      // A notice may hold more than one rule's phrase: its block is read once, and counts each.
      const blocks = where(long.segments, 'block');
      expect(blocks.length).toBeGreaterThan(0);
      expect(blocks.length).toBeLessThanOrEqual(MAX_REGIONS);
      expect(blocks).toEqual(texts.slice(0, blocks.length));
    });

    it('reads an empty text for a body without innerText (a DOM that lays nothing out)', async () => {
      const read = await liveReader();
      const doc = { title: '', body: {}, querySelectorAll: () => [], getElementsByTagName: () => [] } as unknown as Document;
      expect(read(doc)).toEqual({ segments: [{ where: 'text', text: '' }] });
      expect(collectLiveSegments(doc, { shadowRoots: false })).toEqual([{ where: 'text', text: '' }]);
    });

    it('reads a page piece by piece (and so, perhaps, as long) only above QUERY_WHOLE_MAX (3,000) elements', async () => {
      const read = await liveReader();
      const sized = (elements: number) => {
        page('淘宝网', `<ul>${'<li>商品详情说明文字</li>'.repeat(10)}</ul><p>亲，访问被拒绝</p>`);
        const ul = document.querySelector('ul')!;
        const more = elements - document.getElementsByTagName('*').length;
        ul.insertAdjacentHTML('beforeend', '<li>商品详情说明文字</li>'.repeat(more));
        expect(document.getElementsByTagName('*').length).toBe(elements);
        return read(document, { longPageChars: 5000 });
      };
      expect(sized(3000).textChars).toBeUndefined();
      expect(sized(3001).textChars).toBeGreaterThanOrEqual(5000);
    });
  });

  describe('collectLive in steps', () => {
    it('yields once per 4,096 text nodes walked for the blocks around phrases', async () => {
      const read = await steppedReader();
      const withNodes = (n: number) => {
        page('', '<p>亲，访问被拒绝</p>');
        for (let i = 0; i < n; i++) document.body.append(document.createTextNode('x'));
        return read(document).steps;
      };
      // 4,095 text nodes in all (the paragraph's and 4,094): no step; 8,192: two.
      expect(withNodes(4094)).toBe(withNodes(0));
      expect(withNodes(8191)).toBe(withNodes(0) + 2);
    });

    it('reads a short page in a fixed few steps, and a page of many elements piece by piece, in many', async () => {
      const read = await steppedReader();
      page('', '<h2>账号异常</h2><p>亲，访问被拒绝</p>');
      expect(read(document, { noLoose: true }).steps).toBe(2);
      page('', `<h2>账号异常</h2><ul>${'<li><span>商品</span></li>'.repeat(1600)}</ul><p>亲，访问被拒绝</p>`);
      const many = read(document, { noLoose: true });
      expect(where(many.read.segments, 'title')).toEqual(['账号异常']);
      expect(many.steps).toBeGreaterThan(1600);
    });

    it('sweeps the shadow roots of a page of many elements piece by piece', async () => {
      const read = await steppedReader();
      page('', `<ul>${'<li><span>商品</span></li>'.repeat(1600)}</ul><div id="host"></div>`);
      document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>影子</p>';
      const got = read(document, { noLoose: true, shadowRoots: true });
      expect(where(got.read.segments, 'text').at(-1)).toBe('影子');
      expect(got.steps).toBeGreaterThan(1600);
    });

    it('stops querying the pieces once MAX_REGIONS headings are found', async () => {
      const read = await steppedReader();
      // 1,600 pieces with elements inside: a step each for the dialogs, none for the headings, all found before them.
      page('', `${'<h2>账号异常</h2>'.repeat(MAX_REGIONS)}<ul>${'<li><span>商品</span></li>'.repeat(1600)}</ul><p>亲，访问被拒绝</p>`);
      const got = read(document, { noLoose: true });
      expect(where(got.read.segments, 'title')).toHaveLength(MAX_REGIONS);
      expect(got.steps).toBeGreaterThan(1600);
      expect(got.steps).toBeLessThan(2400);
    });
  });
});
