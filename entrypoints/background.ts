import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BatchWriter } from '../utils/background/batch-writer';
import { builtinDataReader } from '../utils/background/builtin-data';
import { BUILTIN_DATA_FILE } from '../utils/detect/shipped-builtin';
import { observationContext } from '../utils/background/context';
import { currentTabStatus, handleMessage, onTabUpdated, type BackgroundDeps } from '../utils/background/handlers';
import { anonymousView, HiddenRedirects } from '../utils/background/anonymous-view';
import { budgetsOf, serial } from '../utils/background/deps';
import { getSettings } from '../utils/storage/settings';
import { ensureSigningKey } from '../utils/evidence/keystore';
import { captureTab } from '../utils/background/capture';
import { handleCouponControl } from '../utils/background/coupons';
import { AutoScope, handleScopeCheck, type ScopeApis } from '../utils/background/scope';
import { offscreenReader } from '../utils/background/offscreen-reader';
import type { PageReader, ReaderRequest } from '../utils/reader/protocol';
import { applyRetention } from '../utils/background/retention';
import { NetworkWatch, type PendingNavigation } from '../utils/background/network';
import { memoryStore, sessionStore } from '../utils/background/session-store';
import { memoryTabStatusStore, sessionTabStatusStore } from '../utils/background/tab-status';
import { db } from '../utils/storage/db';
import { MARKETPLACE_MATCHES } from '../utils/detect/hosts';
import { RULE_STORAGE_KEYS } from '../utils/storage/rule-choices';
import { RulesLoader } from '../utils/background/rules-loader';

interface ChromePageCapture {
  pageCapture: { saveAsMHTML(details: { tabId: number }): Promise<Blob | undefined> };
}
interface ChromeOffscreen {
  offscreen: {
    createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: { getContexts(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]> };
}

/**
 * Reading HTML needs a DOM parser, which a service worker lacks: the page reader runs in a
 * document of its own (entrypoints/reader, utils/reader/protocol.ts) — Chromium's offscreen
 * document, or a frame of Firefox's background page — so that the background's bundle holds no
 * page-reading code and starts fast.
 */
function pageReader(): PageReader {
  const url = browser.runtime.getURL('/reader.html');
  const send = (message: ReaderRequest) => browser.runtime.sendMessage(message);
  if (import.meta.env.FIREFOX) {
    let frame: HTMLIFrameElement | null = null;
    return offscreenReader({
      url,
      hasDocument: async () => frame !== null,
      createDocument: (src) =>
        new Promise<void>((resolve, reject) => {
          const f = document.createElement('iframe');
          // Known only once loaded, so that a second request waits for the same load (offscreen-reader.ts).
          f.addEventListener('load', () => resolve(void (frame = f)), { once: true });
          f.addEventListener('error', () => reject(new Error('the page reader did not load')), { once: true });
          f.src = src;
          document.body.append(f);
        }),
      closeDocument: async () => {
        frame?.remove();
        frame = null;
      },
      send,
    });
  }
  const chrome = (globalThis as unknown as { chrome: ChromeOffscreen }).chrome;
  return offscreenReader({
    url,
    hasDocument: async (u) => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [u] })).length > 0,
    createDocument: (u) => chrome.offscreen.createDocument({ url: u, reasons: ['DOM_PARSER'], justification: 'Reads the HTML of a page fetched without cookies (scope check, coupons control view), and of a tab closed before its page was read.' }),
    closeDocument: () => chrome.offscreen.closeDocument(),
    send,
  });
}

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  const session = browser.storage.session;
  const deps: BackgroundDeps = {
    db: db(),
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    tabs: session ? sessionTabStatusStore(session) : memoryTabStatusStore(),
    async setBadge(tabId, text) {
      try {
        await action.setBadgeText({ tabId, text });
        await action.setBadgeBackgroundColor({ tabId, color: '#c62828' });
      } catch {
        // The tab may have closed meanwhile.
      }
    },
    newId: () => crypto.randomUUID(),
    // Undefined where the extension may not see the URL (a site it does not cover).
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    writer: undefined as unknown as BatchWriter,
    async storageStatus(error) {
      await browser.storage.local.set({ storageError: error ? { message: error, at: new Date().toISOString() } : null });
    },
  };
  deps.writer = new BatchWriter(
    deps.db,
    async () => {
      void prune().catch(() => {});
      return observationContext({
        extensionVersion: browser.runtime.getManifest().version,
        userAgent: navigator.userAgent,
        uiLanguage: browser.i18n.getUILanguage(),
        profileLabel: (await getSettings(deps.db)).profileLabel,
      });
    },
    deps.newId,
  );

  const rules = new RulesLoader(() => browser.storage.local.get([...RULE_STORAGE_KEYS]));

  deps.capture = (tabId) =>
    captureTab(
      deps.db,
      { ...deps.tabs, get: (id) => currentTabStatus(deps, id) },
      {
        async screenshot(id) {
          const tab = await browser.tabs.get(id);
          return { dataUrl: await browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' }), url: tab.url ?? '' };
        },
        ...(import.meta.env.FIREFOX ? {} : { mhtml: (id: number) => (browser as unknown as ChromePageCapture).pageCapture.saveAsMHTML({ tabId: id }) }),
      },
      tabId,
      deps.newId,
    );

  // Redirects of the extension's own requests, which fetch hides (webRequest listener below).
  const hiddenRedirects = new HiddenRedirects();
  const ownOrigin = deps.extensionOrigin.replace(/\/$/, '');
  // No cookies, no login: what a logged-out visitor is served. One mechanism for the coupons'
  // control view and the scope check.
  const anonymous = (url: string) => anonymousView(url, { fetch: (u, init) => fetch(u, init), hiddenRedirect: (u, signal) => hiddenRedirects.wait(u, signal) });
  const reader = pageReader();
  const readView: ScopeApis['readView'] = async (view) => reader.readView(view, await rules.stored());
  const scopeApis: ScopeApis = { anonymousView: anonymous, readView };
  deps.couponControl = (tabId) =>
    handleCouponControl(tabId, deps, {
      tabUrl: deps.tabUrl!,
      anonymousView: anonymous,
      extract: (html, url) => reader.extractCoupons(html, url),
      readView,
    });
  deps.readPage = async (page) => reader.scanPage({ url: page.url, html: page.html, taps: page.taps }, await rules.stored());
  deps.scopeCheck = (findingId) => handleScopeCheck(findingId, deps, scopeApis);
  deps.builtinData = builtinDataReader(async () => {
    const r = await fetch(browser.runtime.getURL(`/${BUILTIN_DATA_FILE}` as '/'));
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.text();
  });
  const autoScope = new AutoScope(deps, scopeApis);
  deps.afterStored = (pageId, kinds) => void autoScope.afterStored(pageId, kinds).catch((e: unknown) => console.warn('Shutout: the automatic scope check failed', e));

  // Retention: findings, visits and coupon ledger rows older than the setting are removed, at most hourly.
  let lastPrune = 0;
  const prune = async () => {
    if (Date.now() - lastPrune < 3_600_000) return;
    lastPrune = Date.now();
    const { retentionDays } = await getSettings(deps.db);
    await applyRetention(deps.db, retentionDays);
  };
  void prune();

  const network = new NetworkWatch(deps, () => rules.current(), session ? sessionStore<PendingNavigation>(session, 'nav') : memoryStore<PendingNavigation>());
  deps.network = network;

  // Listeners are registered synchronously, at the worker's first run, so that an event wakes a
  // stopped worker and is delivered to it; each handler queues its work for the tab at once
  // (tab-queue.ts), before any await, so that the tab's events are handled in arrival order.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && RULE_STORAGE_KEYS.some((k) => changes[k])) void rules.reload();
  });
  // The installation's signing key is made on first run, so its fingerprint can be handed over
  // before any evidence is (options page); exports make it if this did not happen.
  browser.runtime.onInstalled.addListener(() => void ensureSigningKey(deps.db).catch(() => {}));

  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(message, { id: sender.id, url: sender.url, tab: sender.tab }, deps).catch((e: unknown) => ({
      ok: false as const,
      error: e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e),
    })),
  );

  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      const d = details as typeof details & { documentUrl?: string; initiator?: string; originUrl?: string };
      if (d.tabId < 0) {
        // The extension's own request (the anonymous view): where its redirects go.
        const from = d.initiator ?? d.originUrl ?? d.documentUrl ?? '';
        if (from.startsWith(ownOrigin) && d.statusCode >= 300 && d.statusCode < 400) {
          const headers: Record<string, string> = {};
          for (const h of d.responseHeaders ?? []) headers[h.name.toLowerCase()] = h.value ?? '';
          hiddenRedirects.record(d.url, d.statusCode, headers);
        }
        return undefined;
      }
      void network
        .onResponse({
          requestId: d.requestId,
          tabId: d.tabId,
          type: d.type,
          url: d.url,
          statusCode: d.statusCode,
          responseHeaders: d.responseHeaders?.map((h) => ({ name: h.name, value: h.value })),
          documentUrl: d.documentUrl,
          initiator: d.initiator ?? d.originUrl,
          timeStamp: d.timeStamp,
        })
        .catch((e: unknown) => console.warn('Shutout: a response could not be judged', e));
      return undefined;
    },
    { urls: MARKETPLACE_MATCHES, types: ['main_frame', 'sub_frame', 'xmlhttprequest', 'other'] },
    ['responseHeaders'],
  );

  browser.tabs.onRemoved.addListener((tabId) => {
    void network.flush(tabId);
    network.forgetTab(tabId);
    budgetsOf(deps).forgetTab(tabId);
    void serial(deps, tabId, () => deps.tabs.remove(tabId));
  });
  browser.tabs.onUpdated.addListener((tabId, change) => void onTabUpdated(deps, tabId, change));
});
