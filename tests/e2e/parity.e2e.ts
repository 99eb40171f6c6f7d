/**
 * One verdict everywhere (issue 15, item 6; issue 14, item 15): every page of the fixture corpus
 * (tests/fixtures/corpus) and every page-like item of the notice corpus (tests/fixtures/notices,
 * rendered as tests/notices.ts renders it for the corpus and blind tests) goes through Chromium,
 * and what the browser finds is compared with what `shutout scan` finds in the same HTML at the
 * same URL and status (`--url`, `--status 200`). Any difference in verdict or kind fails the test,
 * and each is printed with the rules behind both sides.
 *
 * - Pages on the watched hosts are loaded with the built extension, each at its own URL (served by
 *   request interception), and its verdict is what the background stored for that page load (and
 *   what the popup shows for the tab). The fixture corpus's network answers go through the browser
 *   too: an API answer is fetched by a page (the page-world tap reads its body, webRequest its
 *   status and headers), a document answer is the page load itself, and a redirect comes from a
 *   local HTTPS server (interception does not see the request that follows a redirect) so that
 *   webRequest sees it. Their CLI verdict is `shutout scan answer.json` together with `shutout
 *   scan` of the page the browser showed.
 * - Pages outside the watched hosts, where the content script does not run by design, go through
 *   the content script's own scan (PageWatcher, the live reader, the engine), bundled into tabs.
 * - The notice corpus's API and header-only items are left to the tap's own tests; answers outside
 *   the watched hosts have no reader in the browser.
 *
 * Readiness is a condition, never a delay: the tab status the popup reads (`tab/status`), which the
 * background sets with every page load's first report, clear or not, under a fresh page id, after
 * every earlier event of the tab; for an API answer, the tap's message seen by the page, then an
 * in-app navigation whose report the content script's outbox sends only after every earlier
 * report was stored; for a written page, its `load` event. The background records at most
 * PAGE_LOADS_PER_MINUTE page loads per tab (budgets.ts): a tab is replaced before it reaches that.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { launch, sendFromExtension, storedRecords, type Session } from '../../scripts/lib/browser';
import { startHttps, type LocalHttps } from '../../scripts/lib/https-server';
import { scanFile, scanHtmlText } from '../../cli/scan';
import { builtinRuleSet } from '../../utils/detect/index';
import { isMarketplaceUrl } from '../../utils/detect/hosts';
import type { NetworkInput } from '../../utils/detect/types';
import type { TabStatus, TabStatusResponse } from '../../utils/protocol/messages';
import { TAP_SOURCE } from '../../utils/content/tap-protocol';
import { PAGE_LOADS_PER_MINUTE } from '../../utils/background/budgets';
import { CORPUS_DIR, loadCorpus } from '../corpus';
import type { ParityLiveApi } from './parity-live-entry';
import { isNetworkItem, itemPage, loadItems } from '../notices';

/** What a page shows around an API answer, and where a redirect lands: an empty page, clear on both sides. */
const EMPTY_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title></title></head><body></body></html>';

type Case =
  /** A page: its HTML at its URL. */
  | { type: 'page'; id: string; url: string; html: string }
  /** An API answer the page at `input.pageUrl` fetches. */
  | { type: 'answer'; id: string; file: string; input: NetworkInput }
  /** A page load answered with the fixture's status, headers and body. */
  | { type: 'document'; id: string; file: string; input: NetworkInput }
  /** A page load answered with a redirect (from the local server), landing on an empty page. */
  | { type: 'redirect'; id: string; file: string; input: NetworkInput & { redirectUrl: string } };

const href = (u: string) => new URL(u).href;
const withoutHash = (u: string) => href(u).split('#')[0]!;

/** The URL of the page whose record holds the case's findings. */
function pageUrlOf(c: Case): string {
  if (c.type === 'page') return c.url;
  if (c.type === 'answer') return c.input.pageUrl ?? c.input.url;
  if (c.type === 'redirect') return c.input.redirectUrl;
  return c.input.url;
}

const corpus = loadCorpus();
const allCases: Case[] = [];
for (const f of corpus) {
  const file = join(CORPUS_DIR, f.path);
  if (f.type === 'page') allCases.push({ type: 'page', id: f.path, url: f.url, html: f.html });
  else if (f.input.resource === 'api') allCases.push({ type: 'answer', id: f.path, file, input: f.input });
  else if (f.input.redirectUrl) allCases.push({ type: 'redirect', id: f.path, file, input: { ...f.input, redirectUrl: f.input.redirectUrl } });
  else allCases.push({ type: 'document', id: f.path, file, input: f.input });
}
for (const i of loadItems()) if (!isNetworkItem(i)) allCases.push({ type: 'page', id: `notices/${i.id}`, url: i.url, html: itemPage(i) });

// An answer counts as watched when the page that receives it is; a redirect when it starts there.
const selected = allCases.filter((c) => !process.env.PARITY_ONLY || c.id.includes(process.env.PARITY_ONLY));
const watched = selected.filter((c) => isMarketplaceUrl(c.type === 'answer' ? pageUrlOf(c) : c.type === 'page' ? c.url : c.input.url));
const outsideCases = selected.filter((c) => !watched.includes(c));
const outside = outsideCases.length;
/** Outside the watched hosts the live reader still reads every page (an answer there has no reader but the CLI's). */
const outsidePages = outsideCases.filter((c): c is Extract<Case, { type: 'page' }> => c.type === 'page');

/** Tabs that load pages at once; each takes the next case when it is done with one. */
const TABS = Number(process.env.PARITY_TABS ?? 4);
/** Tabs that read the pages outside the watched hosts at once. */
const LIVE_TABS = Number(process.env.PARITY_LIVE_TABS ?? 2);
/** A condition not met by then is a difference of its own ("no report"), not a hang. */
const WAIT_MS = 20_000;

interface Verdict {
  kinds: string[];
  rules: string[];
}

/**
 * A verdict: the kinds and the rules behind them. `coupon-missing` is left out: it compares an item
 * page with earlier visits of the same item (the coupon ledger, `shutout coupons diff`), and several
 * fixtures show the same item with different coupons, so it says nothing of one page.
 */
function verdictOf(ds: ReadonlyArray<{ kind: string; ruleId: string }>): Verdict {
  const page = ds.filter((d) => d.kind !== 'coupon-missing');
  return { kinds: [...new Set(page.map((d) => d.kind))].sort(), rules: [...new Set(page.map((d) => d.ruleId))].sort() };
}
const show = (v: Verdict | null | undefined) => (v ? (v.kinds.length ? `${v.kinds.join(', ')}  [${v.rules.join(', ')}]` : 'clear') : 'no report');

/**
 * What `shutout scan` says of the same inputs: the page at its URL with the status it was served
 * with (`--url`, `--status`); for a network case, the answer file and the page the browser showed.
 */
async function cliVerdict(c: Case): Promise<Verdict> {
  const rules = builtinRuleSet();
  if (c.type === 'page') return verdictOf(scanHtmlText(c.id, c.html, c.url, rules, 200).detections);
  const answer = (await scanFile(c.file, { rules })).flatMap((r) => r.detections);
  const shown = c.type === 'document' ? { html: c.input.body ?? '', status: c.input.status ?? 200 } : { html: EMPTY_PAGE, status: 200 };
  return verdictOf([...answer, ...scanHtmlText(c.id, shown.html, pageUrlOf(c), rules, shown.status).detections]);
}

let session: Session | undefined;
let server: LocalHttps | undefined;
afterAll(async () => {
  try {
    await session?.close();
  } finally {
    await server?.close();
    session = undefined;
    server = undefined;
  }
});

async function tabStatus(s: Session, tabId: number): Promise<TabStatus | null> {
  const r = await sendFromExtension<TabStatusResponse>(s, { type: 'tab/status', tabId });
  return r.ok ? r.status : null;
}

/** Wait for the tab's status to describe a page load other than `before`, at `url`. */
async function nextStatus(s: Session, tabId: number, before: string | undefined, url: string): Promise<TabStatus | null> {
  const deadline = Date.now() + WAIT_MS;
  const want = withoutHash(url);
  while (Date.now() < deadline) {
    const st = await tabStatus(s, tabId).catch(() => null);
    if (st && st.pageId !== before && withoutHash(st.url) === want) return st;
    await new Promise((r) => setTimeout(r, 40));
  }
  return null;
}

interface Outcome {
  /** What `shutout scan` says, worked out while the browser loads the page. */
  cli: Verdict;
  /**
   * For a page whose own navigation cleared the tab status: its findings are those stored for its
   * URL since it was loaded (a page that reported nothing stored nothing: clear).
   */
  byUrl?: { url: string; since: string };
  /** The page load whose stored findings are the extension's verdict. */
  pageId?: string;
  /** What the popup showed for it. */
  status?: Verdict;
  problem?: string;
}

/** Headers for route.fulfill: the fixture's, and CORS for an answer fetched by a page of another host. */
function answerHeaders(input: NetworkInput, pageUrl?: string): Record<string, string> {
  const headers: Record<string, string> = { ...(input.headers ?? {}) };
  if (pageUrl && !Object.keys(headers).some((h) => h.toLowerCase() === 'access-control-allow-origin')) {
    headers['access-control-allow-origin'] = new URL(pageUrl).origin;
  }
  return headers;
}

/**
 * Navigate until the new document is committed. A navigation the previous page started itself (a
 * form, a refresh) can still be under way and interrupt this one: then it is simply made again.
 */
async function goto(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'commit' });
      return;
    } catch (e) {
      if (attempt >= 3 || !/interrupted by another navigation/.test((e as Error).message)) throw e;
    }
  }
}

/** One tab of the run: it answers its own navigation and its page's API call; everything else is refused. */
class Tab {
  private current: Case | undefined;
  tabId = -1;
  private lastPageId: string | undefined;
  /** Page loads of this tab so far (in-app navigations included), for the background's budget. */
  loads = 0;
  /** A load failed: the tab may be left on an error page, whose reloads would disturb later loads. */
  spoiled = false;
  /** The current case's page started a navigation of its own (answered "no content"). */
  selfNavigated = false;
  constructor(
    readonly page: Page,
    readonly index: number,
  ) {}

  private answer(route: Route): Promise<void> {
    const req = route.request();
    if (process.env.PARITY_DEBUG) console.log(`tab ${this.index} request ${req.isNavigationRequest() ? 'NAV' : ''} ${req.url().slice(0, 120)} (case ${this.current?.id})`);
    const c = this.current;
    const url = withoutHash(req.url());
    const main = req.isNavigationRequest() && req.frame() === this.page.mainFrame();
    if (c && main && url === withoutHash(pageUrlOf(c))) {
      if (c.type === 'page') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: c.html });
      if (c.type === 'document') return route.fulfill({ status: c.input.status ?? 200, headers: answerHeaders(c.input), body: c.input.body ?? '' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: EMPTY_PAGE });
    }
    // The redirect and the page it lands on come from the local server (the launch lets its hosts
    // through): interception does not see the request that follows a redirect.
    if (c?.type === 'redirect' && main && url === withoutHash(c.input.url)) return route.fallback();
    if (c?.type === 'answer' && !main && url === withoutHash(c.input.url)) {
      return route.fulfill({ status: c.input.status ?? 200, headers: answerHeaders(c.input, pageUrlOf(c)), body: c.input.body ?? '' });
    }
    // A navigation the page starts itself (a script setting `location`) is answered "no content":
    // the document stays, as the case's page, instead of an error page taking its place.
    if (main) {
      this.selfNavigated = true;
      return route.fulfill({ status: 204 });
    }
    return route.abort('blockedbyclient');
  }

  async init(s: Session): Promise<void> {
    await this.page.route('**/*', (route) => this.answer(route));
    if (process.env.PARITY_DEBUG) this.page.on('framenavigated', (f) => f === this.page.mainFrame() && console.log(`tab ${this.index} navigated ${f.url()} (case ${this.current?.id})`));
    // The tab's id as the extension knows it: found by a watched URL unique to this tab.
    const home: Case = { type: 'page', id: `tab-${this.index}`, url: `https://www.taobao.com/?parity-tab=${this.index}`, html: EMPTY_PAGE };
    this.current = home;
    await goto(this.page, home.url);
    this.loads++;
    const inspector = s.context.pages().find((p) => p.url().startsWith(`chrome-extension://${s.extensionId}/`))!;
    // The tab's URL reaches the tabs API a moment after the navigation commits: wait for it.
    this.tabId = await inspector.evaluate(
      async ({ u, waitMs }) => {
        type Tabs = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
        const deadline = Date.now() + waitMs;
        for (;;) {
          const tabs = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({});
          const id = tabs.find((t) => t.url === u)?.id;
          if (id !== undefined || Date.now() > deadline) return id ?? -1;
          await new Promise((r) => setTimeout(r, 40));
        }
      },
      { u: home.url, waitMs: WAIT_MS },
    );
    if (this.tabId < 0) throw new Error(`no tab id for ${home.url}`);
    this.lastPageId = (await nextStatus(s, this.tabId, undefined, home.url))?.pageId;
  }

  /** Load one case and tell which page load holds its findings. */
  async run(s: Session, c: Case): Promise<Outcome> {
    const target = pageUrlOf(c);
    const start = c.type === 'redirect' ? c.input.url : target;
    // A URL that differs from the current one only by its fragment would not load a new document.
    const here = this.page.url();
    const sameDocument = (u: string) => withoutHash(here) === withoutHash(u) && (here.includes('#') || u.includes('#'));
    if (sameDocument(start) || sameDocument(target)) await goto(this.page, 'about:blank');
    this.current = c;
    this.selfNavigated = false;
    const since = new Date().toISOString();
    if (process.env.PARITY_DEBUG) console.log(`tab ${this.index} goto ${start.slice(0, 120)} (case ${c.id})`);
    try {
      await goto(this.page, start);
      this.loads++;
    } catch (e) {
      this.spoiled = true;
      return { cli: await cliVerdict(c), problem: `did not load: ${(e as Error).message.split('\n')[0]}` };
    }
    const cli = await cliVerdict(c);
    const status = await nextStatus(s, this.tabId, this.lastPageId, target);
    if (!status && this.selfNavigated && c.type !== 'answer') {
      // The start of a navigation the page made itself clears the tab's status (a new load begins,
      // handlers.ts onTabUpdated); when that event reaches the background after the page's report,
      // the status is gone although the document stays. The tab moves on to its home page: once
      // that page's report is handled, so is every earlier event of the tab, and what the page
      // stored is final.
      const home = `https://www.taobao.com/?parity-tab=${this.index}`;
      this.current = { type: 'page', id: `tab-${this.index}`, url: home, html: EMPTY_PAGE };
      // The page's own navigation may still be under way and replace the home page (a script's
      // location.replace after load): the tab then goes home once more, its first trip overtaken.
      let after: TabStatus | null = null;
      for (let trip = 0; trip < 2 && !after; trip++) {
        await goto(this.page, home);
        this.loads++;
        after = await nextStatus(s, this.tabId, undefined, home);
      }
      if (!after) return { cli, problem: 'no report, and none for the next page' };
      this.lastPageId = after.pageId;
      return { cli, byUrl: { url: target, since } };
    }
    if (!status) return { cli, problem: 'no report' };
    this.lastPageId = status.pageId;
    if (c.type !== 'answer') return { cli, pageId: status.pageId, status: verdictOf(status.detections) };

    // The page fetches the answer; the tap's message, seen by the page too, has by then been handled
    // by the content script (its listener was added first, at document_start).
    const tapped = await this.page.evaluate(
      async ({ url, source, waitMs }) => {
        const seen = new Promise<boolean>((resolve) => {
          addEventListener('message', (e: MessageEvent) => {
            const d = e.data as { source?: string; url?: string } | null;
            if (d?.source === source && d.url === url) resolve(true);
          });
          setTimeout(() => resolve(false), waitMs);
        });
        try {
          await (await fetch(url)).text();
        } catch {
          return false;
        }
        return seen;
      },
      { url: href(c.input.url), source: TAP_SOURCE, waitMs: WAIT_MS },
    );
    // An in-app navigation: its report leaves the outbox only after the answer's report was stored.
    const drain = `${target}${target.includes('?') ? '&' : '?'}parity-drained=1`;
    await this.page.evaluate((u) => history.pushState(null, '', u), drain);
    this.loads++;
    const after = await nextStatus(s, this.tabId, status.pageId, drain);
    if (after) this.lastPageId = after.pageId;
    const problem = [tapped ? '' : 'the tap did not pass the answer on', after ? '' : 'no report after the in-app navigation'].filter(Boolean).join('; ');
    return { cli, pageId: status.pageId, ...(problem ? { problem } : {}) };
  }
}

describe('one verdict everywhere: the extension in Chromium and shutout scan', () => {
  beforeAll(async () => {
    // Redirects come from a local HTTPS server that answers for their hosts, so that webRequest sees them.
    const redirects = new Map(watched.flatMap((c) => (c.type === 'redirect' ? [[href(c.input.url), c.input] as const] : [])));
    server = await startHttps((req, res) => {
      const url = href(`https://${req.headers.host}${req.url}`);
      const input = redirects.get(url);
      if (input) return void res.writeHead(input.status ?? 302, { ...(input.headers ?? {}), location: input.redirectUrl! }).end(input.body ?? '');
      if (landings.has(url)) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(EMPTY_PAGE);
      res.writeHead(404).end();
    });
    const landings = new Set([...redirects.values()].map((i) => href(i.redirectUrl!)));
    const hosts = [...new Set([...redirects.keys(), ...landings].map((u) => new URL(u).hostname))];
    // An http:// fixture is loaded at its own URL, as the CLI reads it: Chromium would otherwise try
    // https:// first, which no fixture answers.
    session = await launch({ disableFeatures: ['HttpsUpgrades'], args: server.chromiumArgs(hosts), passthrough: hosts });
    // The inspector page (an extension page) sends tab/status and reads the stored records.
    await storedRecords(session);
  });

  // The two passes share the browser and run at once: the extension's mostly waits (for the content
  // script's idle scan, for the background), the live reader's mostly works.
  it.concurrent(`gives the same kinds on every watched corpus page and answer (${watched.length}; ${outside} outside the watched hosts)`, async ({ expect }) => {
    const s = session!;
    const t0 = Date.now();
    const outcomes = new Map<string, Outcome>();
    let next = 0;
    let opened = 0;
    const byUrl: string[] = [];
    const newTab = async () => {
      const tab = new Tab(await s.context.newPage(), opened++);
      await tab.init(s);
      return tab;
    };
    await Promise.all(
      Array.from({ length: TABS }, async () => {
        let tab = await newTab();
        while (next < watched.length) {
          const c = watched[next++]!;
          // The background records at most PAGE_LOADS_PER_MINUTE page loads of a tab in a minute (a
          // page cannot flood the store): a tab near it is closed, which ends its budget, and a fresh
          // one takes over, as does one left on an error page.
          if (tab.spoiled || tab.loads + 2 > PAGE_LOADS_PER_MINUTE) {
            await tab.page.close();
            tab = await newTab();
          }
          const o = await tab.run(s, c);
          if (o.byUrl) byUrl.push(c.id);
          outcomes.set(c.id, o);
        }
        await tab.page.close();
      }),
    );
    const browserMs = Date.now() - t0;

    // The extension's verdict is what it stored for the page load.
    const stored = new Map<string, Array<{ kind: string; ruleId: string }>>();
    const records = await storedRecords(s);
    for (const r of records) {
      const list = stored.get(String(r.pageId)) ?? [];
      list.push({ kind: String(r.kind), ruleId: String(r.ruleId) });
      stored.set(String(r.pageId), list);
    }

    const differences: string[] = [];
    for (const c of watched) {
      const o = outcomes.get(c.id)!;
      const cli = o.cli;
      const ext = o.byUrl
        ? verdictOf(records.filter((r) => r.pageUrl === o.byUrl!.url && String(r.observedAt) >= o.byUrl!.since).map((r) => ({ kind: String(r.kind), ruleId: String(r.ruleId) })))
        : o.pageId
          ? verdictOf(stored.get(o.pageId) ?? [])
          : null;
      const same = ext !== null && ext.kinds.join() === cli.kinds.join();
      const popupSame = !o.status || (ext !== null && o.status.kinds.join() === ext.kinds.join());
      if (same && popupSame && !o.problem) continue;
      differences.push(
        [
          `${c.id} (${c.type})`,
          `    url:       ${pageUrlOf(c)}`,
          ...(o.problem ? [`    problem:   ${o.problem}`] : []),
          `    extension: ${show(ext)}`,
          ...(popupSame ? [] : [`    popup:     ${show(o.status)}`]),
          `    cli:       ${show(cli)}`,
        ].join('\n'),
      );
    }
    const count = (t: Case['type']) => watched.filter((c) => c.type === t).length;
    console.log(
      `parity: ${watched.length} compared in Chromium — ${count('page')} pages (${watched.filter((c) => c.type === 'page' && !c.id.startsWith('notices/')).length} fixtures, ` +
        `${watched.filter((c) => c.id.startsWith('notices/')).length} notice items), ${count('answer')} API answers, ${count('document')} document answers, ${count('redirect')} redirects; ` +
        `${outside} outside the watched hosts (the extension does not run there); ${differences.length} difference(s); ${(browserMs / 1000).toFixed(1)} s in ${TABS} tabs at once (${opened} opened)` +
        (byUrl.length ? `; read by URL after the page's own navigation cleared the tab status: ${byUrl.join(', ')}` : '') +
        (differences.length ? `\n  ${differences.join('\n  ')}` : ''),
    );
    expect(differences).toEqual([]);
  }, 900_000);
  it.concurrent(`gives the same kinds on every corpus page outside the watched hosts through the live reader (${outsidePages.length})`, async ({ expect }) => {
    // The content script does not run there (its matches are the watched hosts): its scan — the
    // same PageWatcher, live reader and engine, bundled — is put into tabs, and each page is
    // written into one (document.write parses it as a load does; the rules are compiled once) and
    // read as the page at its own URL, served 200, as `shutout scan --url URL --status 200` reads it.
    const s = session!;
    const t0 = Date.now();
    const bundle = (
      await build({ entryPoints: [join(import.meta.dirname, 'parity-live-entry.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' })
    ).outputFiles[0]!.text;
    const HOST = 'https://shutout-parity.invalid/';
    const results = new Map<string, { live: Verdict | string; cli: Verdict }>();
    /** Pages before which the host document had to be loaded again (a written page took it away). */
    const hostReloads: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: LIVE_TABS }, async () => {
        const page = await s.context.newPage();
        try {
          // The host document; a navigation a written page starts (a refresh, a script) is answered
          // "no content", so the document stays; everything else a page asks for is refused.
          await page.route('**/*', (route) => {
            const req = route.request();
            if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
              return req.url() === HOST ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title></title>' }) : route.fulfill({ status: 204 });
            }
            return route.abort('blockedbyclient');
          });
          // The host document with the bundled reader in it. A written page can take the document
          // away (the context is destroyed, the reader with it): the host is loaded again and the
          // page read once more, and the pages before which it happened are printed.
          const host = async () => {
            await page.goto(HOST);
            await page.addScriptTag({ content: bundle });
          };
          await host();
          while (next < outsidePages.length) {
            const c = outsidePages[next++]!;
            let cli: Verdict | undefined;
            for (let attempt = 1; ; attempt++) {
              if (!(await page.evaluate(() => '__shutoutParity' in globalThis).catch(() => false))) {
                hostReloads.push(c.id);
                await host();
              }
              try {
                const reading = page.evaluate(
                  async ({ html, url, waitMs }) => {
                    document.open();
                    const loaded = new Promise<boolean>((resolve) => {
                      addEventListener('load', () => resolve(true), { once: true });
                      setTimeout(() => resolve(false), waitMs);
                    });
                    document.write(html);
                    document.close();
                    if (!(await loaded)) return 'the written page did not finish loading';
                    return (globalThis as unknown as { __shutoutParity: ParityLiveApi }).__shutoutParity.scan(url, 200);
                  },
                  { html: c.html, url: c.url, waitMs: WAIT_MS },
                );
                // The command line reads the same page while the browser does.
                cli = await cliVerdict(c);
                const found = await reading;
                results.set(c.id, { cli, live: typeof found === 'string' ? found : verdictOf(found) });
                break;
              } catch (e) {
                const message = (e as Error).message.split('\n')[0]!;
                if (attempt < 2 && /Execution context was destroyed/.test(message)) continue;
                results.set(c.id, { cli: cli ?? (await cliVerdict(c)), live: `could not be read: ${message}` });
                break;
              }
            }
          }
        } finally {
          await page.close();
        }
      }),
    );
    const browserMs = Date.now() - t0;
    const differences: string[] = [];
    for (const c of outsidePages) {
      const { live, cli } = results.get(c.id)!;
      if (typeof live !== 'string' && live.kinds.join() === cli.kinds.join()) continue;
      differences.push([`${c.id} (page)`, `    url:         ${c.url}`, `    live reader: ${typeof live === 'string' ? live : show(live)}`, `    cli:         ${show(cli)}`].join('\n'));
    }
    console.log(
      `parity: ${outsidePages.length} pages outside the watched hosts read by the live reader in Chromium — ${outsidePages.filter((c) => !c.id.startsWith('notices/')).length} fixtures, ` +
        `${outsidePages.filter((c) => c.id.startsWith('notices/')).length} notice items (${outside - outsidePages.length} answers there have no reader in the browser); ` +
        `${differences.length} difference(s); ${(browserMs / 1000).toFixed(1)} s in ${LIVE_TABS} tabs` +
        (hostReloads.length ? `; the host document loaded again before ${hostReloads.join(', ')}` : '') +
        (differences.length ? `\n  ${differences.join('\n  ')}` : ''),
    );
    expect(differences).toEqual([]);
  }, 600_000);
});
