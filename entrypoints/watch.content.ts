import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUILTIN_PARTS, builtinRuleSet, ruleSetWith, type RuleChoices } from '../utils/detect/rule-sets';
import { Outbox } from '../utils/content/outbox';
import { acceptTap } from '../utils/content/tap-protocol';
import { bootState } from '../utils/content/boot';
import { PageWatcher } from '../utils/content/watcher';
import { newPageId } from '../utils/content/page-id';
import { whenIdle } from '../utils/content/when-idle';
import { loadBuiltinData } from '../utils/content/builtin-data';
import { watchCoupons } from '../utils/content/coupons';
import { isMarketplaceUrl, MARKETPLACE_MATCHES } from '../utils/detect/hosts';
import { RULE_STORAGE_KEYS, ruleChoicesFrom } from '../utils/storage/rule-choices';
import type { PageReport, PageReportResponse } from '../utils/protocol/messages';
import type { NetworkInput, Rule } from '../utils/detect/types';

// The engine and the coupon readers, in the isolated world the bootstrap (content.ts) prepared.
// Loading this script only defines functions; the rules' data comes from the background, and the
// rules are decoded, and the page read, in short tasks (watcher.ts).
// At document_idle: what runs at document_start is the bootstrap alone (issue 13). A tab closed
// before this script runs is not lost: the bootstrap hands its HTML to the background at
// pagehide (utils/content/boot.ts), until this script says it is here (`boot.engine`).
export default defineContentScript({
  matches: MARKETPLACE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const boot = bootState();
    boot.watching = true;
    // The URL first: nothing on the page is touched unless it is a watched marketplace page.
    if (!isMarketplaceUrl(location.href)) {
      boot.engine = true;
      return boot.release?.();
    }
    // The detectors' data comes from the background (utils/detect/shipped-builtin.ts), with the
    // user's own rules. Until it is here the bootstrap keeps the tap's messages and hands the page
    // over at pagehide; if it never comes, the bootstrap goes on doing so.
    const [problem, stored] = await Promise.all([
      loadBuiltinData((m) => browser.runtime.sendMessage(m)),
      browser.storage.local.get([...RULE_STORAGE_KEYS]).catch(() => ({}) as Record<string, unknown>),
    ]);
    if (problem !== null) {
      // No engine will come: the page is read as a saved page is, now and again at pagehide.
      boot.handOver?.();
      return console.warn(`Shutout: ${problem}`);
    }
    if (ctx.isInvalid) return;
    boot.engine = true;

    // The tap (tap.content.ts) runs before the page's own scripts and posts what it sees; the
    // bootstrap kept what came before this script.
    const early: NetworkInput[] = [];
    let onTap: (input: NetworkInput) => void = (input) => early.length < 50 && early.push(input);
    const take = (data: unknown, url: string) => {
      const input = acceptTap(data, url);
      if (input) onTap(input);
    };
    for (const e of boot.early.splice(0)) take(e.data, e.url);
    boot.onTap = take;

    let own: { userRules: Rule[]; choices: RuleChoices } | undefined;
    let watcher: PageWatcher | undefined;
    let firstId: string | undefined = boot.pageId;
    const outbox = new Outbox((report: PageReport) => browser.runtime.sendMessage(report) as Promise<PageReportResponse>);
    const start = (): PageWatcher => {
      const w = (watcher = new PageWatcher({
        doc: document,
        win: window,
        rules: () => (own ? ruleSetWith(own.userRules, own.choices) : builtinRuleSet()),
        prepare: BUILTIN_PARTS,
        // The referrer says which site sent the browser here (webRequest shows only covered ones).
        report: (r) => outbox.push(document.referrer ? { ...r, referrer: document.referrer.slice(0, 4096) } : r),
        // The first page load is the one the bootstrap named (its pagehide hand-over used that id).
        newId: () => {
          const id = firstId ?? newPageId();
          firstId = undefined;
          return id;
        },
        pageHasShadowRoots: () => boot.shadowRoots,
        onPage: ({ pageId, url, isStale }) =>
          watchCoupons({
            doc: document,
            url,
            pageId,
            isStale,
            send: (msg) => browser.runtime.sendMessage(msg),
            setTimeout: (fn, ms) => window.setTimeout(fn, ms),
            idle: (fn) => void requestIdleCallback(() => fn(), { timeout: 2000 }),
          }),
      }));
      // Once the first scan is reported, a closing tab need not run its unload steps for it (boot.ts).
      void w.start().then(() => boot.release?.());
      onTap = (input) => w.addNetwork(input);
      early.splice(0).forEach(onTap);
      return w;
    };
    // A tab closed (or navigated away) before the first scan finished: scan now, at once, so that
    // a notice seen for a moment is still reported; the message leaves before the document goes.
    ctx.addEventListener(window, 'pagehide', () => {
      if (!watcher && document.body) start();
      watcher?.flush();
    });

    own = ruleChoicesFrom(stored);
    await whenIdle(window);
    if (ctx.isInvalid || watcher) return;
    const w = start();

    // In-app navigation: history changes are seen without polling.
    const nav = (window as Window & { navigation?: EventTarget }).navigation;
    if (nav) ctx.addEventListener(nav as unknown as Window, 'currententrychange' as 'message', () => w.checkLocation());
    ctx.addEventListener(window, 'popstate', () => w.checkLocation());
    ctx.addEventListener(window, 'hashchange', () => w.checkLocation());
    ctx.onInvalidated(() => {
      w.stop();
      outbox.dispose();
      boot.onTap = undefined;
    });
  },
});
