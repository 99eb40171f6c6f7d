/**
 * Starts Debian's Chromium with the built extension loaded, for the demo, the end-to-end
 * tests and the benchmarks. Marketplace URLs are answered from local fixture files, so
 * nothing leaves the machine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, process.env.SHUTOUT_OUTDIR ?? '.output');
export const CHROME_BUILD = join(OUT, 'chrome-mv3');
export const FIREFOX_BUILD = join(OUT, 'firefox-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s "chromium" package (apt-get install -y chromium) or set CHROMIUM_PATH');
  return found;
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  worker(): Promise<Worker>;
  /** Closes the browser and removes the profile folder if `launch` made it (even if closing failed). */
  close(): Promise<void>;
  /** Closes the browser and starts it again on the same profile, as a user restarting it; the new session owns the folder. */
  restart(): Promise<Session>;
}

export interface LaunchOptions {
  userDataDir?: string;
  headless?: boolean;
  /** Load the extension (default) or run the same browser without it, for comparisons. */
  withExtension?: boolean;
  locale?: string;
  /** Extra Chromium flags (e.g. from https-server.ts). */
  args?: string[];
  /** Hosts whose requests go to the network (a local test server) instead of being refused. */
  passthrough?: string[];
  /** More Chromium features to turn off (e.g. HttpsUpgrades, to load an http:// fixture at its own URL). */
  disableFeatures?: string[];
}

/**
 * Starts Chromium. Without `userDataDir`, on a fresh `shutout-profile-*` folder that the session
 * owns: removed by `close()`, and at once if the browser fails to start.
 */
export async function launch(opts: LaunchOptions = {}): Promise<Session> {
  const withExtension = opts.withExtension ?? true;
  if (withExtension && !existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    throw new Error(`No built extension in ${CHROME_BUILD}: run "npx wxt build" first`);
  }
  const ownsProfile = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'shutout-profile-'));
  try {
    return await start(opts, withExtension, userDataDir, ownsProfile);
  } catch (e) {
    if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
}

async function start(opts: LaunchOptions, withExtension: boolean, userDataDir: string, ownsProfile: boolean): Promise<Session> {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--disable-features=${['Translate', 'MediaRouter', ...(opts.disableFeatures ?? [])].join(',')}`,
    ...(opts.locale ? [`--lang=${opts.locale}`] : []),
    // Lets the tests click the toolbar button (CDP Extensions.triggerAction).
    ...(withExtension ? ['--enable-unsafe-extension-debugging'] : []),
    ...(opts.args ?? []),
    ...(withExtension ? [`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`] : []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    args,
    locale: opts.locale,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  let extensionId = '';
  const worker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (existing) return existing;
    return context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  try {
    // Nothing may leave the machine: anything not routed to a fixture is refused.
    const passthrough = new Set(opts.passthrough ?? []);
    await context.route(
      (url) => /^https?:$/.test(url.protocol) && !passthrough.has(url.hostname),
      (route) => route.abort('blockedbyclient'),
    );
    if (withExtension) {
      const w = await worker();
      extensionId = new URL(w.url()).host;
      await listenersRegistered(w);
    }
  } catch (e) {
    // The caller removes the profile: the browser must be gone first.
    await context.close().catch(() => {});
    throw e;
  }
  const closeBrowser = () => context.close();
  return {
    context,
    extensionId,
    userDataDir,
    worker,
    async close() {
      try {
        await closeBrowser();
      } finally {
        if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
      }
    },
    async restart() {
      await closeBrowser();
      try {
        return await start(opts, withExtension, userDataDir, ownsProfile);
      } catch (e) {
        if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
        throw e;
      }
    },
  };
}

/**
 * Waits until the browser knows the worker's webRequest listener, so that the first page a test
 * opens is seen as a user's page is (an installed extension has long been running when the user
 * browses). The worker is reported as soon as it exists, before its script ran; addListener sends
 * the browser a request that it handles in order with the worker's other extension calls, so once
 * the worker has the listener and a later call has returned, the browser has it too.
 */
async function listenersRegistered(worker: Worker, timeoutMs = 15_000): Promise<void> {
  await worker.evaluate(async (deadline) => {
    type Chrome = { webRequest?: { onHeadersReceived?: { hasListeners(): boolean } }; runtime: { getPlatformInfo(): Promise<unknown> } };
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    while (!chrome.webRequest?.onHeadersReceived?.hasListeners()) {
      if (Date.now() > deadline) throw new Error('the extension\'s worker added no webRequest listener');
      await new Promise((r) => setTimeout(r, 10));
    }
    await chrome.runtime.getPlatformInfo();
  }, Date.now() + timeoutMs);
}

/** Answer `url` (a glob or RegExp) with a fixture file, as a real marketplace server would. */
export async function serveFile(context: BrowserContext, url: string | RegExp, file: string, status = 200): Promise<void> {
  const body = readFileSync(file);
  await context.route(url, (route) => route.fulfill({ status, contentType: 'text/html; charset=utf-8', body }));
}

/** Answer `url` with a given body and headers. */
export async function serveBody(
  context: BrowserContext,
  url: string | RegExp,
  body: string,
  init: { status?: number; contentType?: string; headers?: Record<string, string> } = {},
): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({ status: init.status ?? 200, contentType: init.contentType ?? 'text/html; charset=utf-8', headers: init.headers, body }),
  );
}

const inspectors = new WeakMap<BrowserContext, Page>();

/**
 * The records the background has stored, read from IndexedDB through an extension page
 * (same origin as the worker), so that reading works while the worker is stopped.
 */
async function inspector(session: Session): Promise<Page> {
  let page = inspectors.get(session.context);
  if (!page || page.isClosed()) {
    page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=0`);
    inspectors.set(session.context, page);
  }
  return page;
}

export async function storedRecords(session: Session): Promise<Array<Record<string, unknown>>> {
  return storedRows(session, 'findings');
}

/** The rows of one object store of the extension's database (findings, visits, coupons…). */
export async function storedRows(session: Session, store: string): Promise<Array<Record<string, unknown>>> {
  const page = await inspector(session);
  return page.evaluate(
    (name) =>
      new Promise<Array<Record<string, unknown>>>((resolvePromise, reject) => {
        const req = indexedDB.open('shutout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const dbh = req.result;
          if (!dbh.objectStoreNames.contains(name)) {
            dbh.close();
            resolvePromise([]);
            return;
          }
          const get = dbh.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => {
            dbh.close();
            resolvePromise(get.result as Array<Record<string, unknown>>);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    store,
  );
}

/** Wait until the stored records satisfy `pred` (the content script reports on idle). */
export async function waitForRecords(
  session: Session,
  pred: (records: Array<Record<string, unknown>>) => boolean,
  timeoutMs = 10_000,
): Promise<Array<Record<string, unknown>>> {
  const start = Date.now();
  let last: Array<Record<string, unknown>> = [];
  while (Date.now() - start < timeoutMs) {
    try {
      last = await storedRecords(session);
      if (pred(last)) return last;
    } catch {
      // The worker may be restarting.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`records did not reach the expected state in ${timeoutMs} ms; last: ${JSON.stringify(last.map((r) => r.ruleId))}`);
}

/** The id of the tab showing `page`, as the extension sees it. */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  const url = page.url();
  const id = await (await inspector(session)).evaluate(async (u) => {
    type Tabs = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
    const tabs = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab found for ${url}`);
  return id;
}

/** What the background keeps for a tab's page (utils/protocol/messages.ts TabStatus). */
export interface TabStatusSeen {
  tabId: number;
  pageId: string;
  url: string;
  platform: string | null;
  checkedAt: string;
  detections: Array<Record<string, unknown>>;
}

/**
 * Wait until the background has handled the report of `page`'s current URL (its tab status names
 * it). The background handles a tab's events one at a time in arrival order, so every earlier event
 * of the tab (the previous page's reports, its frames' responses) has been handled too: after
 * moving a tab on, this is the condition that nothing more of the previous page can arrive.
 */
export async function waitForScan(session: Session, page: Page, timeoutMs = 15_000): Promise<TabStatusSeen> {
  const tabId = await tabIdOf(session, page);
  const url = page.url();
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const res = await sendFromExtension<{ ok: boolean; status: TabStatusSeen | null }>(session, { type: 'tab/status', tabId });
      last = res;
      if (res.ok && res.status?.url === url) return res.status;
    } catch (e) {
      last = String(e); // the worker may be restarting
    }
    if (Date.now() - start > timeoutMs) throw new Error(`the scan of ${url} was not handled in ${timeoutMs} ms; last: ${JSON.stringify(last).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A covered page with nothing on it (no item, no coupons), answered by the test's own route. */
export const CLEAN_URL = 'https://www.amazon.com/gp/help/shutout-clean';
const cleanRouted = new WeakSet<BrowserContext>();

/**
 * Move the tab on to a clean covered page and wait until the background has handled its report:
 * the previous document can report no more, and every earlier event of the tab has been handled
 * (waitForScan). What a test reads afterwards is final — the condition "nothing more arrives".
 */
export async function leave(session: Session, page: Page): Promise<TabStatusSeen> {
  if (!cleanRouted.has(session.context)) {
    cleanRouted.add(session.context);
    await session.context.route(CLEAN_URL, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="en"><head><title>Amazon.com Help</title></head><body><h1>Help</h1></body></html>' }),
    );
  }
  await page.goto(CLEAN_URL);
  return waitForScan(session, page);
}

/** Open the popup as a page describing `tabId` (a toolbar click cannot be automated). */
export async function openPopup(session: Session, tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="count"]');
  return popup;
}

/**
 * Click the extension's toolbar button for `page`, as a user would (CDP Extensions.triggerAction,
 * which needs --enable-unsafe-extension-debugging): this grants activeTab for that tab, which
 * screenshots need, and opens the real popup.
 */
export async function clickAction(session: Session, page: Page): Promise<void> {
  const browser = session.context.browser();
  const cdp = browser ? await browser.newBrowserCDPSession() : await session.context.newCDPSession(page);
  type Targets = { targetInfos: Array<{ type: string; url: string; targetId: string }> };
  const { targetInfos } = (await cdp.send('Target.getTargets' as never, { filter: [{ type: 'tab' }] } as never)) as Targets;
  const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction' as never, { id: session.extensionId, targetId: tab.targetId } as never);
  await cdp.detach();
}

/** Send a message to the background from an extension page, as the popup does. */
export async function sendFromExtension<T>(session: Session, message: unknown): Promise<T> {
  const page = await inspector(session);
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

/** Stop every service worker through CDP, as the browser does when a worker idles. */
export async function stopServiceWorkers(session: Session, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
