// @vitest-environment happy-dom
/**
 * PageWatcher (utils/content/watcher.ts) on a fake DOM (happy-dom) with a manual clock: the
 * first scan, text that appears later, in-app navigation, page-world answers, and stopping.
 * The window handed to the watcher is the page's, except its timers, which the test runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileRules } from '../../utils/detect/engine';
import { builtinGeneralLayer } from '../../utils/detect/index';
import type { Rule } from '../../utils/detect/types';
import { SLICE_MS, type SliceClock } from '../../utils/content/slices';
import { PageWatcher, type WatcherDeps } from '../../utils/content/watcher';
import type { PageReport } from '../../utils/protocol/messages';

const rule = (r: Partial<Rule> & Pick<Rule, 'id'>): Rule => ({ kind: 'access-denied', platform: 'taobao', hosts: ['taobao.com'], signal: 'text', confidence: 0.9, fixtures: [], ...r });
const RULES = [
  rule({ id: 't.deny', phrases: ['访问被拒绝'] }),
  rule({ id: 't.busy', kind: 'risk-challenge', phrases: ['操作太频繁'], confidence: 0.8 }),
  rule({ id: 't.mtop', kind: 'risk-challenge', signal: 'network', phrases: ['RGV587_ERROR'], confidence: 0.6 }),
];
const rules = compileRules(RULES, 'test-1');

const T0 = Date.parse('2026-03-02T12:00:00.000Z');
const ITEM = 'https://item.taobao.com/item.htm?id=1';

/** setTimeout and requestIdleCallback of the fake window; Date.now follows it. */
class ManualClock {
  now = T0;
  private timers: Array<{ at: number; fn: () => void; kind: string }> = [];
  schedule(fn: () => void, ms: number, kind = 'timeout'): number {
    this.timers.push({ at: this.now + ms, fn, kind });
    return this.timers.length;
  }
  pending(kind?: string): number[] {
    return this.timers.filter((t) => !kind || t.kind === kind).map((t) => t.at - this.now);
  }
  /** Runs every timer due within `ms`, in time order, moving the clock to each. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.set(due.at);
      due.fn();
    }
    this.set(end);
  }
  private set(ms: number): void {
    this.now = ms;
    vi.setSystemTime(ms);
  }
}

interface Harness {
  watcher: PageWatcher;
  clock: ManualClock;
  reports: PageReport[];
  pages: Array<{ pageId: string; url: string; isStale(): boolean }>;
  /** Resolves once the DOM changes made so far have been delivered to mutation observers. */
  delivered(): Promise<void>;
  /** Runs the timers due within `ms`, then waits for the scans and reads they started to finish. */
  advance(ms: number): Promise<void>;
  /** How often a sliced scan or read gave the page its turn. */
  pauses(): number;
  /** Starts the watcher and lets `ms` pass after its first scan. */
  started(ms: number): Promise<void>;
  /** Adds a late element, lets the watcher hear of it and runs the 50 ms batch that reads it. */
  later(html: string, parent?: Element): Promise<Element>;
}

function page(html: string, url = ITEM, title = '商品详情'): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.title = title;
  document.body.innerHTML = html;
}

function watch(opts: { idle?: boolean; status?: number; deps?: Partial<WatcherDeps> } = {}): Harness {
  const clock = new ManualClock();
  const reports: PageReport[] = [];
  const pages: Harness['pages'] = [];
  let ids = 0;
  const performance = {
    getEntriesByType: (type: string) => (type === 'navigation' && opts.status !== undefined ? [{ entryType: 'navigation', responseStatus: opts.status }] : []),
  };
  const win = {
    location: window.location,
    performance,
    setTimeout: (fn: () => void, ms: number) => clock.schedule(fn, ms),
    ...(opts.idle ? { requestIdleCallback: (fn: () => void, o: { timeout: number }) => clock.schedule(fn, o.timeout, 'idle') } : {}),
  } as unknown as Window;
  // Every step of a scan uses up a slice, so the work pauses (a microtask) between any two steps.
  let ticks = 0;
  let pauses = 0;
  const slices: SliceClock = {
    now: () => (ticks += SLICE_MS),
    pause: () => (pauses++, Promise.resolve()),
  };
  const watcher = new PageWatcher({
    doc: document,
    win,
    rules,
    clock: slices,
    report: (r) => reports.push(r),
    newId: () => `page-${++ids}`,
    onPage: (p) => pages.push(p),
    ...opts.deps,
  });
  const delivered = () =>
    new Promise<void>((resolve) => {
      // Observers are told in the order they were made: when this one hears, the watcher has.
      const probe = new MutationObserver(() => (probe.disconnect(), resolve()));
      probe.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
      document.documentElement.setAttribute('data-probe', String(Math.random()));
    });
  const advance = async (ms: number) => {
    clock.advance(ms);
    await watcher.settled();
  };
  const started = async (ms: number) => {
    await watcher.start();
    await advance(ms);
  };
  const later = async (html: string, parent?: Element) => {
    const el = add(html, parent);
    await delivered();
    await advance(50);
    return el;
  };
  return { watcher, clock, reports, pages, delivered, advance, pauses: () => pauses, started, later };
}

const kinds = (r: PageReport | undefined) => (r?.detections ?? []).map((d) => `${d.kind}:${d.ruleId}:${d.where}`).sort();

function add(html: string, parent: Element = document.body): Element {
  const box = document.createElement('div');
  box.innerHTML = html;
  const el = box.firstElementChild!;
  parent.append(el);
  return el;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  document.documentElement.removeAttribute('data-probe');
});

describe('the first scan', () => {
  it('scans the page once at start and reports it under a fresh page id', async () => {
    page('<h1>亲，访问被拒绝</h1><p>请稍后再试</p>');
    const h = watch();
    expect(h.reports).toEqual([]);
    await h.watcher.start();
    expect(h.reports).toEqual([
      { type: 'page/report', pageId: 'page-1', url: ITEM, title: '商品详情', observedAt: new Date(T0).toISOString(), detections: [expect.objectContaining({ kind: 'access-denied', ruleId: 't.deny', platform: 'taobao' })] },
    ]);
    expect(h.pages.map((p) => [p.pageId, p.url, p.isStale()])).toEqual([['page-1', ITEM, false]]);
    expect(h.watcher.stats.fullScans).toBe(1);
    h.watcher.stop();
  });

  it('reports a clean page too, with no detection', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.watcher.start();
    expect(h.reports).toHaveLength(1);
    expect(h.reports[0]).toMatchObject({ pageId: 'page-1', detections: [] });
    h.watcher.stop();
  });

  it('keeps the title to 1000 characters', async () => {
    page('<p>x</p>', ITEM, '标'.repeat(1500));
    const h = watch();
    await h.watcher.start();
    expect(h.reports[0]!.title).toBe('标'.repeat(1000));
    h.watcher.stop();
  });
});

describe('slices', () => {
  it('reads the page in slices: nothing is reported before the scan ends, and start() resolves once it has', async () => {
    page('<h1>亲，访问被拒绝</h1><p>请稍后再试</p>');
    const h = watch();
    const started = h.watcher.start();
    expect(h.reports).toEqual([]);
    expect(h.pages).toEqual([]);
    await started;
    expect(h.pauses()).toBeGreaterThan(1);
    expect(h.reports).toHaveLength(1);
    expect(kinds(h.reports[0])).toEqual(['access-denied:t.deny:title']);
    expect(h.pages.map((p) => p.pageId)).toEqual(['page-1']);
    h.watcher.stop();
  });

  it('scans at once when the page goes away before its first scan has ended, and announces the page once', async () => {
    page('<h1>亲，访问被拒绝</h1>');
    const h = watch();
    const started = h.watcher.start();
    h.watcher.flush();
    expect(h.reports).toHaveLength(1);
    expect(kinds(h.reports[0])).toEqual(['access-denied:t.deny:title']);
    expect(h.pages.map((p) => p.pageId)).toEqual(['page-1']);
    await started;
    expect(h.pages.map((p) => p.pageId)).toEqual(['page-1']);
    const reported = h.reports.length;
    h.watcher.flush();
    expect(h.reports).toHaveLength(reported);
    h.watcher.stop();
  });

  it('drops a scan overtaken by an in-app navigation and scans the new page', async () => {
    page('<h1>访问被拒绝</h1>');
    const h = watch();
    const started = h.watcher.start();
    history.pushState({}, '', 'https://item.taobao.com/item.htm?id=6');
    document.body.innerHTML = '<p>正品保障</p>';
    h.watcher.checkLocation();
    await started;
    await h.watcher.settled();
    expect(h.reports.map((r) => [r.pageId, r.url, kinds(r)])).toEqual([['page-2', 'https://item.taobao.com/item.htm?id=6', []]]);
    expect(h.pages.map((p) => p.pageId)).toEqual(['page-2']);
    expect(h.watcher.stats.fullScans).toBe(1);
    h.watcher.stop();
  });
});

describe('text that appears later', () => {
  it('is only noted in the observer callback, and read once the page is idle', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.watcher.start();
    add('<div class="toast">操作太频繁，请稍后再试</div>');
    await h.delivered();
    expect(h.clock.pending()).toEqual([50]);
    expect(h.watcher.stats.batches).toBe(0);
    expect(h.reports).toHaveLength(1);
    await h.advance(49);
    expect(h.watcher.stats.batches).toBe(0);
    await h.advance(1);
    expect(h.watcher.stats).toMatchObject({ batches: 1, lateHits: 1 });
    h.watcher.stop();
  });

  it('asks for an idle callback with a 300 ms deadline where the browser has one', async () => {
    page('<p>正品保障</p>');
    const h = watch({ idle: true });
    await h.watcher.start();
    add('<div class="toast">操作太频繁</div>');
    await h.delivered();
    expect(h.clock.pending('idle')).toEqual([300]);
    expect(h.clock.pending('timeout')).toEqual([]);
    h.watcher.stop();
  });

  it('reads many changes before the idle period in one batch', async () => {
    page('<p>正品保障</p><span id="n">1</span>');
    const h = watch();
    await h.watcher.start();
    add('<div>甲</div>');
    await h.delivered();
    add('<div>乙</div>');
    document.getElementById('n')!.textContent = '2';
    await h.delivered();
    expect(h.clock.pending()).toHaveLength(1);
    await h.advance(50);
    expect(h.watcher.stats.batches).toBe(1);
    expect(h.watcher.stats.nodesRead).toBeGreaterThanOrEqual(3);
    h.watcher.stop();
  });

  it('reports a toast that appears long after the first scan at once, placed as a dialog', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.started(10_000);
    await h.later('<div class="tip">操作太频繁，请稍后再试</div>');
    expect(h.reports).toHaveLength(2);
    expect(h.reports[1]).toMatchObject({ pageId: 'page-1', url: ITEM, observedAt: new Date(T0 + 10_050).toISOString() });
    expect(kinds(h.reports[1])).toEqual(['risk-challenge:t.busy:dialog']);
    expect(h.watcher.stats.fullScans).toBe(2);
    h.watcher.stop();
  });

  it('spaces full rescans at least 500 ms apart', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.started(100);
    await h.later('<div class="tip">操作太频繁</div>');
    expect(h.watcher.stats).toMatchObject({ lateHits: 1, fullScans: 1 });
    expect(h.reports).toHaveLength(1);
    // The first scan began at T0, the toast was read at T0 + 150: the rescan waits until T0 + 500.
    expect(h.clock.pending()).toEqual([350]);
    await h.advance(349);
    expect(h.reports).toHaveLength(1);
    expect(h.watcher.stats.fullScans).toBe(1);
    await h.advance(1);
    expect(h.watcher.stats.fullScans).toBe(2);
    expect(h.reports[1]!.observedAt).toBe(new Date(T0 + 500).toISOString());
    expect(kinds(h.reports[1])).toEqual(['risk-challenge:t.busy:dialog']);
    h.watcher.stop();
  });

  it('keeps a toast that was read and then removed in the page’s later scans', async () => {
    page('<p>正品保障</p>');
    const h = watch({ deps: { rules: compileRules(RULES, 'test-1', builtinGeneralLayer()) } });
    await h.started(1000);
    const toast = await h.later('<div class="toast">操作太频繁</div>');
    toast.remove();
    await h.advance(1000);
    await h.later('<div class="toast">访问被拒绝</div>');
    expect(h.reports).toHaveLength(3);
    expect(kinds(h.reports[2])).toEqual(['access-denied:t.deny:dialog', 'risk-challenge:t.busy:dialog']);
    h.watcher.stop();
  });

  it('does not read late text in a script, style, template or noscript, nor text that is empty, gone or too long', async () => {
    const cases: Array<[string, () => void]> = [
      ['script', () => add('<script>var s = "操作太频繁";</script>')],
      ['style', () => add('<style>/* 操作太频繁 */</style>')],
      ['template', () => add('<template>操作太频繁</template>')],
      ['noscript', () => add('<noscript>操作太频繁</noscript>')],
      ['empty', () => add('<div></div>')],
      ['removed', () => add('<div class="toast">操作太频繁</div>').remove()],
      ['too long', () => add(`<div>${'商品'.repeat(10_000)}操作太频繁</div>`)],
    ];
    for (const [what, change] of cases) {
      page('<p>正品保障</p>');
      const h = watch();
      await h.started(1000);
      change();
      await h.delivered();
      await h.advance(50);
      expect(h.watcher.stats.batches, what).toBe(1);
      expect(h.watcher.stats, what).toMatchObject({ lateHits: 0, fullScans: 1 });
      expect(h.reports, what).toHaveLength(1);
      h.watcher.stop();
    }
  });

  it('reads text of 20,000 characters, and not of more', async () => {
    for (const [size, hits] of [[20_000, 1], [20_001, 0]] as const) {
      page('<p>正品保障</p>');
      const h = watch();
      await h.started(1000);
      await h.later(`<div class="toast">操作太频繁${'x'.repeat(size - 5)}</div>`);
      expect(h.watcher.stats.lateHits, String(size)).toBe(hits);
      h.watcher.stop();
    }
  });

  it('reads no hidden toast', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.started(1000);
    await h.later('<div class="toast" style="display:none">操作太频繁</div>');
    expect(h.watcher.stats.lateHits).toBe(0);
    expect(h.reports.map(kinds)).toEqual(h.reports.map(() => []));
    h.watcher.stop();
  });

  it('reads the element whose text changed', async () => {
    page('<p>正品保障</p><div class="status">加载中</div>');
    const h = watch();
    await h.started(1000);
    document.querySelector('.status')!.firstChild!.textContent = '操作太频繁';
    await h.delivered();
    await h.advance(50);
    expect(h.watcher.stats.lateHits).toBe(1);
    expect(kinds(h.reports.at(-1))).toEqual(['risk-challenge:t.busy:dialog']);
    h.watcher.stop();
  });

  it('reads an element that is shown by a change of its style', async () => {
    page('<p>正品保障</p><div id="m" class="toast" style="display:none">操作太频繁</div>');
    const h = watch();
    await h.watcher.start();
    expect(kinds(h.reports[0])).toEqual([]);
    await h.advance(1000);
    document.getElementById('m')!.setAttribute('style', 'display:block');
    await h.delivered();
    await h.advance(50);
    expect(h.watcher.stats.lateHits).toBe(1);
    expect(kinds(h.reports.at(-1))).toEqual(['risk-challenge:t.busy:dialog']);
    h.watcher.stop();
  });
  it('reads an element shown by a change of its class, hidden, open or aria-hidden attribute', async () => {
    const SHEET = '<style>.gone { display: none } [hidden] { display: none } [aria-hidden="true"] { display: none } dialog:not([open]) { display: none }</style>';
    const cases: Array<[string, string, (el: Element) => void]> = [
      ['class', '<div id="m" class="toast gone">操作太频繁</div>', (el) => el.setAttribute('class', 'toast')],
      ['hidden', '<div id="m" class="toast" hidden>操作太频繁</div>', (el) => el.removeAttribute('hidden')],
      ['open', '<dialog id="m">操作太频繁</dialog>', (el) => el.setAttribute('open', '')],
      ['aria-hidden', '<div id="m" class="toast" aria-hidden="true">操作太频繁</div>', (el) => el.setAttribute('aria-hidden', 'false')],
    ];
    for (const [what, html, change] of cases) {
      vi.setSystemTime(T0);
      page(`${SHEET}<p>正品保障</p>${html}`);
      const h = watch();
      await h.watcher.start();
      expect(kinds(h.reports[0]), what).toEqual([]);
      await h.advance(1000);
      change(document.getElementById('m')!);
      await h.delivered();
      await h.advance(50);
      expect(h.watcher.stats.lateHits, what).toBe(1);
      expect(kinds(h.reports.at(-1)), what).toEqual(['risk-challenge:t.busy:dialog']);
      h.watcher.stop();
    }
  });

  it('does not wake for a change of any other attribute', async () => {
    page('<p>正品保障</p><div id="m" class="toast" data-x="1">加载中</div>');
    const h = watch();
    await h.started(1000);
    document.getElementById('m')!.setAttribute('data-x', '2');
    document.getElementById('m')!.setAttribute('title', '操作太频繁');
    await h.delivered();
    expect(h.clock.pending()).toEqual([]);
    h.watcher.stop();
  });
});

describe('in-app navigation', () => {
  const NEXT = 'https://item.taobao.com/item.htm?id=2';

  it('starts a new page with a fresh id and a full scan when told the location changed', async () => {
    page('<h1>访问被拒绝</h1>');
    const h = watch();
    await h.watcher.start();
    history.pushState({}, '', NEXT);
    document.body.innerHTML = '<h1>新商品</h1><p>正品保障</p>';
    h.watcher.checkLocation();
    await h.watcher.settled();
    expect(h.watcher.stats.fullScans).toBe(2);
    expect(h.reports.map((r) => [r.pageId, r.url, kinds(r).length])).toEqual([
      ['page-1', ITEM, 1],
      ['page-2', NEXT, 0],
    ]);
    expect(h.pages.map((p) => [p.pageId, p.url])).toEqual([
      ['page-1', ITEM],
      ['page-2', NEXT],
    ]);
    expect(h.pages[0]!.isStale()).toBe(true);
    expect(h.pages[1]!.isStale()).toBe(false);
    h.watcher.stop();
  });

  it('does nothing when the location did not change', async () => {
    page('<h1>访问被拒绝</h1>');
    const h = watch();
    await h.watcher.start();
    h.watcher.checkLocation();
    await h.watcher.settled();
    expect(h.reports).toHaveLength(1);
    expect(h.pages).toHaveLength(1);
    expect(h.watcher.stats.fullScans).toBe(1);
    h.watcher.stop();
  });

  it('notices a new location at the next batch of changes, without being told', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.started(1000);
    history.pushState({}, '', NEXT);
    await h.later('<h1>访问被拒绝</h1>');
    expect(h.reports.map((r) => [r.pageId, r.url])).toEqual([
      ['page-1', ITEM],
      ['page-2', NEXT],
    ]);
    expect(kinds(h.reports[1])).toEqual(['access-denied:t.deny:title']);
    h.watcher.stop();
  });

  it('forgets the previous page’s findings and late toasts', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.started(1000);
    const toast = await h.later('<div class="toast">操作太频繁</div>');
    expect(kinds(h.reports.at(-1))).toEqual(['risk-challenge:t.busy:dialog']);
    toast.remove();
    history.pushState({}, '', NEXT);
    h.watcher.checkLocation();
    await h.watcher.settled();
    expect(h.reports.at(-1)).toMatchObject({ pageId: 'page-2', detections: [] });
    h.watcher.stop();
  });

  // A vendor's wall markup that counts only with a refusing status (AWS WAF, from is-antibot's list).
  const wafPage = '<p>请稍候</p><div data-src="https://a.token.awswaf.com/challenge.js"></div>';

  it('sends the document’s HTTP status with the first page only', async () => {
    const general = compileRules(RULES, 'test-1', builtinGeneralLayer());
    page(wafPage);
    const h = watch({ status: 403, deps: { rules: general } });
    await h.watcher.start();
    expect(h.reports[0]!.detections).toEqual([expect.objectContaining({ kind: 'risk-challenge', platform: 'taobao', ruleId: 'antibot.aws-waf.html.2.0' })]);
    history.pushState({}, '', NEXT);
    h.watcher.checkLocation();
    await h.watcher.settled();
    expect(h.reports[1]).toMatchObject({ pageId: 'page-2', detections: [] });
    h.watcher.stop();
  });

  it('sends no status when the browser gives none', async () => {
    const general = compileRules(RULES, 'test-1', builtinGeneralLayer());
    for (const status of [undefined, 0]) {
      page(wafPage);
      const h = watch({ status, deps: { rules: general } });
      await h.watcher.start();
      expect(h.reports[0]!.detections, String(status)).toEqual([]);
      h.watcher.stop();
    }
  });
});

describe('answers the page received (the page-world tap)', () => {
  const answer = { url: 'https://h5api.m.taobao.com/h5/mtop.taobao.detail/1.0/', status: 200, resource: 'api' as const, body: '{"ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦"]}' };

  it('are scanned against the current page and reported when they add a finding', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.watcher.start();
    h.watcher.addNetwork(answer);
    expect(h.reports).toHaveLength(2);
    expect(h.reports[1]).toMatchObject({ pageId: 'page-1', url: ITEM });
    expect(kinds(h.reports[1])).toEqual(['risk-challenge:t.mtop:network']);
    h.watcher.addNetwork(answer);
    expect(h.reports).toHaveLength(2);
    h.watcher.addNetwork({ ...answer, body: '{"ret":["SUCCESS::调用成功"]}' });
    expect(h.reports).toHaveLength(2);
    h.watcher.stop();
  });

  it('name the answer each finding came from, with its status when the tap knew it', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.watcher.start();
    h.watcher.addNetwork(answer);
    expect(h.reports[1]!.detections[0]!.answer).toEqual({ url: answer.url, status: 200 });
    history.pushState({}, '', 'https://item.taobao.com/item.htm?id=5');
    const { status: _status, ...withoutStatus } = answer;
    h.watcher.addNetwork(withoutStatus);
    const found = h.reports.at(-1)!.detections[0]!;
    expect(found.answer).toEqual({ url: answer.url });
    expect('status' in found.answer!).toBe(false);
    h.watcher.stop();
  });

  it('replace a finding of the same kind only with a more certain one', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.watcher.start();
    h.watcher.addNetwork(answer);
    const network = h.reports[1]!.detections[0]!;
    await h.advance(1000);
    await h.later('<div class="toast">操作太频繁</div>');
    const dialog = h.reports.at(-1)!.detections[0]!;
    expect(dialog).toMatchObject({ ruleId: 't.busy', where: 'dialog' });
    expect(dialog.confidence).toBeGreaterThan(network.confidence);
    const reportsBefore = h.reports.length;
    h.watcher.addNetwork(answer);
    expect(h.reports).toHaveLength(reportsBefore);
    h.watcher.stop();
  });

  it('after an in-app navigation, belong to the new page', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.watcher.start();
    history.pushState({}, '', 'https://item.taobao.com/item.htm?id=3');
    h.watcher.addNetwork(answer);
    await h.watcher.settled();
    // The answer is reported at once; the new page's sliced scan ends later and keeps it.
    expect(h.reports.map((r) => [r.pageId, kinds(r)])).toEqual([
      ['page-1', []],
      ['page-2', ['risk-challenge:t.mtop:network']],
      ['page-2', ['risk-challenge:t.mtop:network']],
    ]);
    expect(h.pages.map((p) => p.pageId)).toEqual(['page-1', 'page-2']);
    expect(h.watcher.stats.fullScans).toBe(2);
    h.watcher.stop();
  });
});

describe('stop', () => {
  it('ends all work: no more reads, scans or reports, and every page is stale', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.started(1000);
    add('<div class="toast">操作太频繁</div>');
    await h.delivered();
    h.watcher.stop();
    await h.advance(50);
    add('<div class="toast">访问被拒绝</div>');
    await h.delivered();
    expect(h.clock.pending()).toEqual([]);
    h.watcher.addNetwork({ url: 'https://h5api.m.taobao.com/x', body: 'RGV587_ERROR' });
    history.pushState({}, '', 'https://item.taobao.com/item.htm?id=4');
    h.watcher.checkLocation();
    await h.watcher.settled();
    expect(h.reports).toHaveLength(1);
    expect(h.watcher.stats).toMatchObject({ batches: 0, fullScans: 1 });
    expect(h.pages.every((p) => p.isStale())).toBe(true);
  });

  it('cancels a rescan that was waiting for its turn', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.watcher.start();
    await h.later('<div class="toast">操作太频繁</div>');
    expect(h.clock.pending()).toEqual([450]);
    h.watcher.stop();
    await h.advance(450);
    expect(h.watcher.stats.fullScans).toBe(1);
    expect(h.reports).toHaveLength(1);
  });
});

describe('shadow roots', () => {
  function withShadowNotice(): void {
    page('<p>正品保障</p><div id="host"></div>');
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<div>访问被拒绝</div>';
  }

  it('are read unless the page is known to have made none', async () => {
    withShadowNotice();
    const unknown = watch();
    await unknown.watcher.start();
    expect(kinds(unknown.reports[0])).toEqual(['access-denied:t.deny:text']);
    unknown.watcher.stop();
    const made = watch({ deps: { pageHasShadowRoots: () => true } });
    await made.watcher.start();
    expect(kinds(made.reports[0])).toEqual(['access-denied:t.deny:text']);
    made.watcher.stop();
    const none = watch({ deps: { pageHasShadowRoots: () => false } });
    await none.watcher.start();
    expect(kinds(none.reports[0])).toEqual([]);
    none.watcher.stop();
  });
});

describe('late text, in detail', () => {
  it('places a late text of up to 500 characters as a dialog and a longer one as text', async () => {
    for (const [size, where] of [[500, 'dialog'], [501, 'text']] as const) {
      vi.setSystemTime(T0); // each watcher's clock starts at T0
      page('<p>正品保障</p>');
      const h = watch();
      await h.started(1000);
      await h.later(`<div class="tip">操作太频繁${'。'.repeat(size - 5)}</div>`);
      expect(h.watcher.stats.lateHits, String(size)).toBe(1);
      expect(h.reports.at(-1)!.detections.map((d) => d.where), String(size)).toEqual([where]);
      h.watcher.stop();
    }
  });

  it('reads no node of a script, style, template or noscript at all', async () => {
    for (const html of ['<script>var s = "操作太频繁";</script>', '<style>/* 操作太频繁 */</style>', '<template>操作太频繁</template>', '<noscript>操作太频繁</noscript>']) {
      vi.setSystemTime(T0);
      page('<p>正品保障</p>');
      const h = watch();
      await h.started(1000);
      await h.later(html);
      expect(h.watcher.stats, html).toMatchObject({ batches: 1, nodesRead: 0 });
      h.watcher.stop();
    }
  });

  it('keeps the 32 newest late texts', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.started(1000);
    for (let i = 0; i < 34; i++) add(`<div class="tip">第${i}次：操作太频繁</div>`);
    await h.delivered();
    await h.advance(50);
    expect(h.watcher.stats.lateHits).toBe(34);
    const late = (h.watcher as unknown as { lateSegments: Array<{ text: string }> }).lateSegments;
    expect(late).toHaveLength(32);
    expect(late[0]!.text).toContain('第2次');
    expect(late.at(-1)!.text).toContain('第33次');
    h.watcher.stop();
  });

  it('reads a batch in steps of 64 nodes, pausing between them', async () => {
    const pausesFor = async (n: number) => {
      vi.setSystemTime(T0);
      page('<p>正品保障</p>');
      const h = watch();
      await h.started(1000);
      for (let i = 0; i < n; i++) add(`<span>普通文字${i}</span>`);
      await h.delivered();
      const before = h.pauses();
      await h.advance(50);
      h.watcher.stop();
      expect(h.watcher.stats.nodesRead).toBe(n);
      return h.pauses() - before;
    };
    const [a, b, c] = [await pausesFor(63), await pausesFor(64), await pausesFor(128)];
    expect(b - a).toBe(1);
    expect(c - b).toBe(1);
  });

  it('asks for a rescan at once when the last one is 500 ms old or more, and keeps one waiting timer', async () => {
    page('<p>正品保障</p>');
    const h = watch();
    await h.started(500);
    await h.later('<div class="tip">操作太频繁</div>');
    expect(h.watcher.stats.fullScans).toBe(2);
    expect(h.clock.pending()).toEqual([]);
    // Two late hits within the gap share one waiting rescan.
    await h.later('<div class="tip">访问被拒绝</div>');
    await h.later('<div class="tip">访问被拒绝了</div>');
    expect(h.clock.pending()).toHaveLength(1);
    await h.advance(1000);
    expect(h.watcher.stats.fullScans).toBe(3);
    expect(kinds(h.reports.at(-1))).toEqual(['access-denied:t.deny:dialog', 'risk-challenge:t.busy:dialog']);
    h.watcher.stop();
  });
});

describe('scans asked for while one runs', () => {
  it('runs one more scan after the running one, however often it was asked for', async () => {
    page('<p>访问被拒绝</p>');
    const h = watch();
    const first = h.watcher.start();
    const ask = () => (h.watcher as unknown as { requestFullScan(): Promise<void> }).requestFullScan();
    const second = ask();
    void ask();
    expect(second).toBe(first);
    await h.watcher.settled();
    expect(h.watcher.stats.fullScans).toBe(2);
    expect(h.reports).toHaveLength(2);
    h.watcher.stop();
  });

  it('reports nothing from a scan that was running when the watcher stopped, and starts none after', async () => {
    page('<p>访问被拒绝</p>');
    const h = watch();
    const first = h.watcher.start();
    h.watcher.stop();
    await first;
    await (h.watcher as unknown as { requestFullScan(): Promise<void> }).requestFullScan();
    expect(h.reports).toEqual([]);
    expect(h.watcher.stats.fullScans).toBe(0);
  });

  it('does not scan again at pagehide a page whose first scan is done, nor after stopping', async () => {
    page('<p>访问被拒绝</p>');
    const h = watch();
    await h.watcher.start();
    h.watcher.flush();
    expect(h.watcher.stats.fullScans).toBe(1);
    const other = watch();
    other.watcher.stop();
    other.watcher.flush();
    expect(other.watcher.stats.fullScans).toBe(0);
    h.watcher.stop();
  });
});

describe('the general layer’s first use in a tab', () => {
  /** The built-in layer, counting how often its frames and model are asked for and which texts it was asked to cue. */
  function countingLayer() {
    const layer = builtinGeneralLayer();
    const counts = { frames: 0, warm: 0, model: 0, cued: [] as string[] };
    const counting = Object.create(layer, {
      frames: { get: () => (counts.frames++, layer.frames) },
      warm: {
        value: function* () {
          counts.warm++;
          yield* layer.warm();
        },
      },
      model: { get: () => (counts.model++, layer.model) },
      cueTest: { value: (folded: string) => (counts.cued.push(folded), layer.cueTest(folded)) },
    }) as typeof layer;
    return { counting, counts };
  }

  it('makes the frames and the model only when a prominent text holds a cue, in steps of their own', async () => {
    const quiet = countingLayer();
    page('<p>正品保障</p>');
    let h = watch({ deps: { rules: compileRules(RULES, 'test-1', quiet.counting) } });
    await h.watcher.start();
    expect(quiet.counts.cued.length).toBeGreaterThan(0);
    expect(quiet.counts.warm).toBe(0);
    expect(quiet.counts.model).toBe(0);
    h.watcher.stop();

    const cued = countingLayer();
    page('<div role="dialog">您的账号存在异常，已被限制登录</div>');
    h = watch({ deps: { rules: compileRules(RULES, 'test-1', cued.counting) } });
    const before = h.pauses();
    await h.watcher.start();
    // The frames are made and compiled in the warming steps, the model in a step of its own.
    expect(cued.counts.warm).toBe(1);
    expect(cued.counts.model).toBeGreaterThan(0);
    expect(h.pauses() - before).toBeGreaterThan(0);
    h.watcher.stop();
  });

  it('does not cue on the body text of a long page, only on its headings, dialogs and late text', async () => {
    const layer = countingLayer();
    page(`<p>${'商品详情说明文字'.repeat(500)}账号已被限制登录</p>`);
    const h = watch({ deps: { rules: compileRules(RULES, 'test-1', layer.counting), longPageChars: 1000 } });
    await h.watcher.start();
    expect(layer.counts.cued.some((t) => t.length > 1200)).toBe(false);
    h.watcher.stop();
  });
});
