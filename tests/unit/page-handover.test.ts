/**
 * A tab closed before the watch script (document_idle) brought the engine: the document_start
 * bootstrap hands the page's HTML and the tap's first answers to the background at pagehide
 * (utils/content/boot.ts), the page reader judges them as `shutout scan` judges a saved page
 * (utils/reader/read.ts), and the background stores the findings as the page's report
 * (handlers.ts, `page/html`), under the same sender checks.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseWithLinkedom } from '../../cli/html';
import { BatchWriter } from '../../utils/background/batch-writer';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { bootState, ENGINE_GRACE_MS, installBoot } from '../../utils/content/boot';
import { shownHtml, type Shown } from '../../utils/content/shown-html';
import { TAP_MAX_BODY, TAP_SHADOW_EVENT, TAP_SOURCE } from '../../utils/content/tap-constants';
import { PAGE_HTML_LIMIT, type PageHtml } from '../../utils/protocol/messages';
import { isReaderRequest, READER_TARGET } from '../../utils/reader/protocol';
import { directReader, scanSavedPage } from '../../utils/reader/read';
import { builtinRuleSet } from '../../utils/detect/index';
import { ShutoutDB } from '../../utils/storage/db';
import { CTX } from './evidence-helpers';

const ITEM = 'https://item.taobao.com/item.htm?id=800000000004';
const WALL_HTML = '<!doctype html><html><head><title>淘宝网</title></head><body><div id="baxia-punish"><div class="warn">亲，访问被拒绝</div></div></body></html>';
const KEY = Symbol.for('shutout.boot');

/** A window and document with the listeners installBoot adds; `location.href` is the item page. */
function fakePage(html = WALL_HTML) {
  const { document } = parseHTML(html);
  const listeners = new Map<string, Set<(e: unknown) => void>>();
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const win = {
    location: { href: ITEM },
    setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
    addEventListener: (type: string, fn: (e: unknown) => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn),
    removeEventListener: (type: string, fn: (e: unknown) => void) => void listeners.get(type)?.delete(fn),
  };
  const fire = (type: string, e: unknown = {}) => [...(listeners.get(type) ?? [])].forEach((fn) => fn(e));
  // The document's own readystatechange listeners (linkedom's document is an event target).
  let state = 'loading';
  Object.defineProperty(document, 'readyState', { get: () => state });
  const setState = (s: string) => {
    state = s;
    document.dispatchEvent(new (document.defaultView as unknown as { Event: typeof Event }).Event('readystatechange'));
  };
  return { win: win as unknown as Window, doc: document as unknown as Document, fire, listeners, timers, setState };
}

afterEach(() => delete (globalThis as Record<symbol, unknown>)[KEY]);

describe('the bootstrap’s hand-over at pagehide', () => {
  it('sends the page’s HTML, title, id and the tap’s first answers when the engine never came', () => {
    const sent: unknown[] = [];
    const page = fakePage();
    installBoot(page.win, page.doc, (m) => sent.push(m));
    const tap = { source: TAP_SOURCE, url: 'https://h5api.m.taobao.com/h5/x/1.0/', status: 200, body: '{"ret":["FAIL_SYS_USER_VALIDATE::哎哟喂,被挤爆啦,请稍后重试"]}' };
    page.fire('message', { source: page.win, data: tap });
    page.fire('pagehide');
    expect(sent).toEqual([
      expect.objectContaining({ type: 'page/html', pageId: bootState().pageId, url: ITEM, title: '淘宝网', taps: [{ data: tap, url: ITEM }] }),
    ]);
    const msg = sent[0] as PageHtml;
    expect(msg.html).toContain('亲，访问被拒绝');
    expect(Number.isNaN(Date.parse(msg.observedAt))).toBe(false);
    expect(msg).not.toHaveProperty('referrer');
  });

  it('sends nothing once the watch script is there: its own pagehide scan speaks for the page', () => {
    const sent: unknown[] = [];
    const page = fakePage();
    const boot = installBoot(page.win, page.doc, (m) => sent.push(m));
    boot.engine = true;
    page.fire('pagehide');
    expect(sent).toEqual([]);
  });

  it('hands the page over once complete when the engine has not come by then (a parse that ended without DOMContentLoaded)', () => {
    const sent: PageHtml[] = [];
    const page = fakePage();
    installBoot(page.win, page.doc, (m) => void sent.push(m as PageHtml));
    page.setState('interactive');
    expect(page.timers).toEqual([]);
    page.setState('complete');
    page.setState('complete');
    expect(page.timers.map((t) => t.ms)).toEqual([ENGINE_GRACE_MS]);
    expect(sent).toEqual([]);
    page.timers[0]!.fn();
    expect(sent.map((m) => m.type)).toEqual(['page/html']);
    // A later pagehide hands over again, with what the page shows then, under the same page id.
    page.fire('pagehide');
    expect(sent.map((m) => m.pageId)).toEqual([bootState().pageId, bootState().pageId]);
  });

  it('does not hand over when the engine came within the grace time', () => {
    const sent: unknown[] = [];
    const page = fakePage();
    const boot = installBoot(page.win, page.doc, (m) => sent.push(m));
    page.setState('complete');
    boot.engine = true;
    page.timers[0]!.fn();
    expect(sent).toEqual([]);
  });

  it('keeps a no-op beforeunload listener, so that a closing tab runs pagehide, until the first report releases it', () => {
    const page = fakePage();
    const boot = installBoot(page.win, page.doc, () => {});
    const [keep] = [...page.listeners.get('beforeunload')!];
    const event = { preventDefault: () => expect.unreachable('the listener must not ask the user anything'), returnValue: undefined };
    keep!(event);
    expect(event.returnValue).toBeUndefined();
    boot.release!();
    expect(page.listeners.get('beforeunload')!.size).toBe(0);
  });

  it('cuts a huge page to what the reader reads, and survives a context that is gone', () => {
    const sent: PageHtml[] = [];
    const page = fakePage(`<html><head><title>${'t'.repeat(2000)}</title></head><body><p>${'x'.repeat(PAGE_HTML_LIMIT + 10)}</p></body></html>`);
    installBoot(page.win, page.doc, (m) => void sent.push(m as PageHtml));
    page.fire('pagehide');
    expect(sent[0]!.html).toHaveLength(PAGE_HTML_LIMIT);
    expect(sent[0]!.title).toHaveLength(1000);

    const gone = fakePage();
    delete (globalThis as Record<symbol, unknown>)[KEY];
    installBoot(gone.win, gone.doc, () => {
      throw new Error('Extension context invalidated.');
    });
    expect(() => gone.fire('pagehide')).not.toThrow();
  });
});

describe('the bootstrap’s listeners before the engine', () => {
  const tapMessage = (over: Record<string, unknown> = {}) => ({ source: TAP_SOURCE, url: 'https://h5api.m.taobao.com/x', status: 200, body: '{}', ...over });

  it('keeps the tap’s messages of this window only, at most 50, each body cut to what is scanned, with the URL of its time', () => {
    const page = fakePage();
    const boot = installBoot(page.win, page.doc, () => {});
    page.fire('message', { source: {}, data: tapMessage() });
    for (const data of [null, 'shutout-tap', { ...tapMessage(), source: 'other' }]) page.fire('message', { source: page.win, data });
    expect(boot.early).toEqual([]);
    page.fire('message', { source: page.win, data: tapMessage({ body: 'x'.repeat(TAP_MAX_BODY + 1) }) });
    page.fire('message', { source: page.win, data: tapMessage({ body: 'y'.repeat(TAP_MAX_BODY) }) });
    page.fire('message', { source: page.win, data: tapMessage({ body: 7 }) });
    expect(boot.early.map((e) => (e.data as { body: unknown }).body)).toEqual(['x'.repeat(TAP_MAX_BODY), 'y'.repeat(TAP_MAX_BODY), null]);
    // Only the tap's own fields are kept, bounded: a page can post these messages too.
    boot.early.length = 0;
    page.fire('message', { source: page.win, data: tapMessage({ url: 'https://h5api.m.taobao.com/' + 'u'.repeat(9000), status: '200', extra: 'e'.repeat(1 << 20) }) });
    expect(boot.early[0]!.data).toEqual({ source: TAP_SOURCE, url: 'https://h5api.m.taobao.com/' + 'u'.repeat(4097 - 27), status: null, body: '{}' });
    page.fire('message', { source: page.win, data: { source: TAP_SOURCE } });
    expect(boot.early[1]!.data).toEqual({ source: TAP_SOURCE, url: null, status: null, body: null });
    expect(boot.early.every((e) => e.url === ITEM)).toBe(true);
    for (let i = 0; i < 60; i++) page.fire('message', { source: page.win, data: tapMessage() });
    expect(boot.early).toHaveLength(50);
  });

  it('hands later messages to the watch script as they come, and notes the first open shadow root', () => {
    const page = fakePage();
    const boot = installBoot(page.win, page.doc, () => {});
    const got: Array<[unknown, string]> = [];
    boot.onTap = (data, url) => got.push([data, url]);
    const m = tapMessage({ body: 'z'.repeat(TAP_MAX_BODY + 1) });
    page.fire('message', { source: page.win, data: m });
    expect(got).toEqual([[m, ITEM]]);
    expect(boot.early).toEqual([]);
    expect(boot.shadowRoots).toBe(false);
    page.doc.dispatchEvent(new (page.doc.defaultView as unknown as { Event: typeof Event }).Event(TAP_SHADOW_EVENT));
    expect(boot.shadowRoots).toBe(true);
  });

  it('sends with the extension’s runtime (browser first, then chrome), and hands over the referrer it was given', () => {
    const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
    const saved = { browser: g.browser, chrome: g.chrome };
    const seen: string[] = [];
    try {
      g.browser = { runtime: { sendMessage: (m: { referrer?: string }) => seen.push(`browser ${m.referrer ?? ''}`) } };
      g.chrome = { runtime: { sendMessage: () => seen.push('chrome') } };
      const a = fakePage();
      Object.defineProperty(a.doc, 'referrer', { value: 'https://www.taobao.com/' + 'r'.repeat(5000) });
      installBoot(a.win, a.doc);
      a.fire('pagehide');
      delete (globalThis as Record<symbol, unknown>)[KEY];
      g.browser = undefined;
      const b = fakePage();
      installBoot(b.win, b.doc);
      b.fire('pagehide');
      delete (globalThis as Record<symbol, unknown>)[KEY];
      g.chrome = { runtime: {} };
      const c = fakePage();
      installBoot(c.win, c.doc);
      expect(() => c.fire('pagehide')).not.toThrow();
    } finally {
      g.browser = saved.browser;
      g.chrome = saved.chrome;
    }
    expect(seen).toEqual([`browser https://www.taobao.com/${'r'.repeat(4096 - 23)}`, 'chrome']);
  });
});

describe('the page reader’s reading of a handed-over page', () => {
  const rules = builtinRuleSet();

  it('finds the notice in the HTML as a saved page, and checks each tap answer as the watch script does', () => {
    const ok = { data: { source: TAP_SOURCE, url: 'https://h5api.m.taobao.com/h5/mtop.x/1.0/', status: 200, body: '{"ret":["FAIL_SYS_USER_VALIDATE::哎哟喂,被挤爆啦,请稍后重试"]}' }, url: ITEM };
    const foreign = { data: { ...ok.data, url: 'https://evil.example/api' }, url: ITEM };
    const forged = { data: { ...ok.data, source: 'someone-else' }, url: ITEM };
    const found = scanSavedPage({ url: ITEM, html: WALL_HTML, taps: [ok, foreign, forged] }, rules, parseWithLinkedom);
    expect(found.filter((d) => d.where !== 'network').map((d) => d.kind)).toContain('access-denied');
    const network = found.filter((d) => d.where === 'network');
    expect(network.length).toBeGreaterThan(0);
    expect(network.every((d) => d.answer?.url === ok.data.url && d.answer.status === 200)).toBe(true);
  });

  it('still reads the tap answers when the markup is beyond the reader’s bounds', () => {
    const deep = '<div>'.repeat(200_000);
    const tap = { data: { source: TAP_SOURCE, url: 'https://h5api.m.taobao.com/h5/mtop.x/1.0/', status: 200, body: '{"ret":["FAIL_SYS_USER_VALIDATE::哎哟喂,被挤爆啦,请稍后重试"]}' }, url: ITEM };
    const found = scanSavedPage({ url: ITEM, html: deep, taps: [tap] }, rules, parseWithLinkedom);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.where === 'network')).toBe(true);
  });

  it('is a reader request only with a whole page and the rules', async () => {
    const page = { url: ITEM, html: WALL_HTML, taps: [] };
    expect(isReaderRequest({ target: READER_TARGET, op: 'scan-page', page, rules: {} })).toBe(true);
    expect(isReaderRequest({ target: READER_TARGET, op: 'scan-page', page: { ...page, taps: 'x' }, rules: {} })).toBe(false);
    expect(isReaderRequest({ target: READER_TARGET, op: 'scan-page', page: { url: ITEM, taps: [] }, rules: {} })).toBe(false);
    expect(isReaderRequest({ target: READER_TARGET, op: 'scan-page', page, rules: null })).toBe(false);
    expect(isReaderRequest({ target: READER_TARGET, op: 'scan-page', rules: {} })).toBe(false);
    // The user's choices hold here too: with the general layer off, no general finding.
    const off = await directReader(parseWithLinkedom).scanPage(page, { generalLayer: false });
    expect(off.filter((d) => d.ruleId.startsWith('general.'))).toEqual([]);
  });
});

describe('the background’s handling of a handed-over page', () => {
  let deps: BackgroundDeps;
  let n = 0;
  const reads: PageHtml[] = [];
  beforeEach(() => {
    const db = new ShutoutDB(`handover-${++n}`);
    let ids = 0;
    const newId = () => `id-${++ids}`;
    const reader = directReader(parseWithLinkedom);
    reads.length = 0;
    deps = {
      db,
      runtimeId: 'ext',
      extensionOrigin: 'chrome-extension://ext/',
      tabs: memoryTabStatusStore(),
      setBadge: async () => {},
      newId,
      writer: new BatchWriter(db, async () => CTX, newId),
      readPage: (page) => (reads.push(page), reader.scanPage(page, {})),
    };
  });
  afterEach(() => deps.db.delete());

  const message = (over: Partial<PageHtml> = {}): PageHtml => ({ type: 'page/html', pageId: 'page-0000-0001', url: ITEM, title: '淘宝网', observedAt: new Date().toISOString(), html: WALL_HTML, taps: [], ...over });
  const fromTab = (url = ITEM) => ({ id: 'ext', url, tab: { id: 3, url } });

  it('stores what the reader found under the page’s id and shows it on the tab', async () => {
    expect(await handleMessage(message({ referrer: 'https://www.taobao.com/' }), fromTab(), deps)).toEqual({ ok: true, stored: 1 });
    expect(await deps.db.findings.toArray()).toEqual([expect.objectContaining({ pageId: 'page-0000-0001', kind: 'access-denied', pageUrl: ITEM, pageTitle: '淘宝网' })]);
    expect((await deps.tabs.get(3))?.detections.map((d) => d.kind)).toEqual(['access-denied']);
  });

  it('is one record with the watch script’s report of the same page load', async () => {
    await handleMessage(message(), fromTab(), deps);
    const detections = (await deps.tabs.get(3))!.detections;
    expect(await handleMessage({ type: 'page/report', pageId: 'page-0000-0001', url: ITEM, title: '淘宝网', observedAt: new Date().toISOString(), detections }, fromTab(), deps)).toMatchObject({ ok: true });
    expect(await deps.db.findings.count()).toBe(1);
  });

  it('refuses a page of another origin than the sender, a page off the marketplaces, and an oversized page, without reading them', async () => {
    expect(await handleMessage(message(), fromTab('https://evil.example/'), deps)).toEqual({ ok: false, error: 'page URL does not match the sender' });
    expect(await handleMessage(message({ url: 'https://evil.example/' }), fromTab('https://evil.example/'), deps)).toEqual({ ok: false, error: 'page URL does not match the sender' });
    expect(await handleMessage(message(), { id: 'ext', url: ITEM }, deps)).toEqual({ ok: false, error: 'page reports come from a tab' });
    const big = await handleMessage(message({ html: 'x'.repeat(PAGE_HTML_LIMIT + 1) }), fromTab(), deps);
    expect(big).toMatchObject({ ok: false, retry: false, error: expect.stringMatching(/^invalid message: html: /) });
    const manyTaps = await handleMessage(message({ taps: Array.from({ length: 51 }, () => ({ data: null, url: ITEM })) }), fromTab(), deps);
    expect(manyTaps).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message: taps: /) });
    expect(reads).toEqual([]);
    expect(await deps.db.findings.count()).toBe(0);
  });

  it('says so in one line when the reader fails or is missing, and stores nothing', async () => {
    deps.readPage = async () => {
      throw new Error('the page reader did not load');
    };
    expect(await handleMessage(message(), fromTab(), deps)).toEqual({ ok: false, error: 'could not read the page: the page reader did not load' });
    delete deps.readPage;
    expect(await handleMessage(message(), fromTab(), deps)).toEqual({ ok: false, error: 'the page reader is not available' });
    expect(await deps.db.findings.count()).toBe(0);
  });
});

describe('the handed-over HTML is the page as it is shown (shown-html.ts)', () => {
  const PAGE =
    '<html><head><title>保温杯</title><style>.gone{display:none}</style><script src="https://g.alicdn.com/x.js"></script></head>' +
    '<body><h1>保温杯</h1><div class="gone">亲，访问被拒绝<p>inside</p></div><section class="ghost">活动太火爆<b>shown child</b></section>' +
    '<div class="contents"><p>in contents</p></div><script>var x = 1;</script><p>after</p></body></html>';
  const judge = (el: Element): Shown => (el.classList.contains('gone') ? 'none' : el.classList.contains('ghost') ? 'textless' : 'shown');

  it('leaves out what the page does not render, and the own text of what is invisible, keeping the head and scripts', () => {
    const { document } = parseHTML(PAGE);
    const html = shownHtml(document.documentElement, judge);
    expect(html).not.toContain('访问被拒绝');
    expect(html).not.toContain('inside');
    expect(html).not.toContain('活动太火爆');
    expect(html).toContain('<b>shown child</b>');
    expect(html).toContain('<style>.gone{display:none}</style>');
    expect(html).toContain('https://g.alicdn.com/x.js');
    expect(html).toContain('var x = 1;');
    expect(html).toContain('<p>after</p>');
    // The live page is not touched.
    expect(document.documentElement.outerHTML).toContain('亲，访问被拒绝');
  });

  it('never asks about the head, scripts or styles, and stops asking after its budget', () => {
    const { document } = parseHTML(PAGE);
    const asked: string[] = [];
    shownHtml(document.documentElement, (el) => (asked.push(el.tagName.toLowerCase()), 'shown'));
    expect(asked).toEqual(['body', 'h1', 'div', 'p', 'section', 'b', 'div', 'p', 'p']);
    const html = shownHtml(document.documentElement, judge, 2);
    // Two elements looked at (the head, the body); the hidden div comes after them and is kept.
    expect(html).toContain('访问被拒绝');
  });

  it('keeps everything where there is no layout to ask (a document no browser lays out)', () => {
    const { document } = parseHTML(PAGE);
    expect(shownHtml(document.documentElement)).toBe(document.documentElement.outerHTML);
  });

  it('is what the bootstrap hands over', () => {
    const sent: PageHtml[] = [];
    const { document } = parseHTML(PAGE);
    const page = fakePage(PAGE);
    for (const el of page.doc.querySelectorAll('.gone')) (el as unknown as { checkVisibility: () => boolean }).checkVisibility = () => false;
    installBoot(page.win, page.doc, (m) => void sent.push(m as PageHtml));
    page.fire('pagehide');
    expect(sent[0]!.html).not.toContain('访问被拒绝');
    expect(sent[0]!.html).toContain('活动太火爆');
    expect(document.title).toBe('保温杯');
  });
});

describe('a watch script that has started is still coming', () => {
  it('keeps the grace timer from handing the page over, leaves pagehide to do it, and may hand over itself', () => {
    const sent: unknown[] = [];
    const page = fakePage();
    const boot = installBoot(page.win, page.doc, (m) => sent.push(m));
    boot.watching = true;
    page.setState('complete');
    page.timers[0]!.fn();
    expect(sent).toEqual([]);
    boot.handOver!();
    expect(sent).toHaveLength(1);
    page.fire('pagehide');
    expect(sent).toHaveLength(2);
  });
});

// Edges of the bootstrap found by mutation testing (docs/mutation.md): messages a page posts without
// data, and the hand-over message as a record of its moment.
const tapAnswer = (body: string) => ({ source: TAP_SOURCE, url: 'https://h5api.m.taobao.com/h5/x/1.0/', status: 200, body });
describe('the bootstrap’s message listener', () => {
  it('passes over a message the page posts without data, and keeps the tap’s messages after it', () => {
    const page = fakePage();
    const boot = installBoot(page.win, page.doc, () => {});
    for (const data of [undefined, 0, '', 'shutout-tap', true]) expect(() => page.fire('message', { source: page.win, data })).not.toThrow();
    expect(boot.early).toEqual([]);
    page.fire('message', { source: page.win, data: tapAnswer('{}') });
    expect(boot.early).toEqual([{ data: tapAnswer('{}'), url: ITEM }]);
  });
});

describe('the hand-over message', () => {
  it('holds the tap answers of its moment: answers that come after it do not change what was sent', () => {
    const sent: PageHtml[] = [];
    const page = fakePage();
    installBoot(page.win, page.doc, (m) => void sent.push(m as PageHtml));
    page.fire('message', { source: page.win, data: tapAnswer('first') });
    page.setState('complete');
    expect(page.timers.map((t) => t.ms)).toEqual([ENGINE_GRACE_MS]);
    page.timers[0]!.fn();
    page.fire('message', { source: page.win, data: tapAnswer('second') });
    page.fire('pagehide');
    expect(sent.map((m) => m.taps.map((t) => (t.data as { body: string }).body))).toEqual([['first'], ['first', 'second']]);
  });
});
