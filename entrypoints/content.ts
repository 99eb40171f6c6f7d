import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { builtinRuleSet, ruleSetWith, type RuleSet } from '../utils/detect/index';
import { Outbox } from '../utils/content/outbox';
import { acceptTap, TAP_SHADOW_EVENT } from '../utils/content/tap-protocol';
import { PageWatcher } from '../utils/content/watcher';
import { newPageId } from '../utils/content/page-id';
import { watchCoupons } from '../utils/content/coupons';
import { isMarketplaceUrl, MARKETPLACE_MATCHES } from '../utils/detect/hosts';
import { RULE_STORAGE_KEYS, ruleChoicesFrom } from '../utils/storage/rule-choices';
import type { PageReport, PageReportResponse } from '../utils/protocol/messages';
import type { NetworkInput } from '../utils/detect/types';

/** Wait for the document, then for an idle moment, so that the first scan never competes with the page's own start. */
function whenIdle(): Promise<void> {
  const idle = () =>
    new Promise<void>((resolve) => {
      if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
      else setTimeout(resolve, 50);
    });
  if (document.readyState !== 'loading') return idle();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => void idle().then(resolve), { once: true }));
}

export default defineContentScript({
  matches: MARKETPLACE_MATCHES,
  runAt: 'document_start',
  async main(ctx) {
    // The URL first: nothing on the page is touched unless it is a watched marketplace page.
    if (!isMarketplaceUrl(location.href)) return;

    // The tap (MAIN world, document_start) says when the page makes shadow roots; the listener is
    // in place before any page script runs.
    let shadowRoots = false;
    ctx.addEventListener(document, TAP_SHADOW_EVENT as 'click', () => (shadowRoots = true));

    // The tap (tap.content.ts) runs before the page's own scripts and posts what it sees.
    const early: NetworkInput[] = [];
    let onTap: (input: NetworkInput) => void = (input) => early.length < 50 && early.push(input);
    ctx.addEventListener(window, 'message', (e: MessageEvent) => {
      if (e.source !== window) return;
      const input = acceptTap(e.data, location.href);
      if (input) onTap(input);
    });

    let rules: RuleSet | undefined;
    let watcher: PageWatcher | undefined;
    const outbox = new Outbox((report: PageReport) => browser.runtime.sendMessage(report) as Promise<PageReportResponse>);
    const start = (): PageWatcher => {
      watcher = new PageWatcher({
        doc: document,
        win: window,
        rules: rules ?? builtinRuleSet(),
        // The referrer says which site sent the browser here (webRequest shows only covered ones).
        report: (r) => outbox.push(document.referrer ? { ...r, referrer: document.referrer.slice(0, 4096) } : r),
        newId: () => newPageId(),
        pageHasShadowRoots: () => shadowRoots,
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
      });
      watcher.start();
      onTap = (input) => watcher!.addNetwork(input);
      early.splice(0).forEach(onTap);
      return watcher;
    };
    // A tab closed (or navigated away) before the idle scan: scan now, so that a notice seen for
    // a moment is still reported; the message leaves before the document goes.
    ctx.addEventListener(window, 'pagehide', () => {
      if (!watcher && document.body) start();
    });

    const stored = await browser.storage.local.get([...RULE_STORAGE_KEYS]).catch(() => ({}) as Record<string, unknown>);
    const { userRules, choices } = ruleChoicesFrom(stored);
    rules = ruleSetWith(userRules, choices);
    await whenIdle();
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
    });
  },
});
