/**
 * Starts Debian's Firefox ESR with the built add-on, for the end-to-end tests: the Firefox twin of
 * browser.ts. Driven over WebDriver BiDi by puppeteer-core.
 *
 * - Fixtures are served at their real marketplace URLs by a local HTTPS server, reached through a
 *   local CONNECT proxy (connect-proxy.ts) that refuses every other host: nothing leaves the machine.
 * - The add-on is installed the way a distribution installs one: a proxy file in the profile's
 *   extensions folder points at the build (unsigned add-ons load on ESR with
 *   xpinstall.signatures.required off). Its moz-extension UUID is fixed by a preference.
 * - WebDriver BiDi will not navigate a tab to a moz-extension: URL, so the first tab is opened by
 *   Firefox itself from the command line, as a user typing the address would, on the add-on's own
 *   popup page. From there the add-on's pages open others (window.open), and the tests read the
 *   add-on's database and send it messages as the popup does. The shipped build is what runs: no
 *   test hook exists in it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD } from './browser';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';
import { startHttps, type LocalHttps } from './https-server';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Firefox not found: install Debian\'s "firefox-esr" package (apt-get install -y firefox-esr) or set FIREFOX_PATH');
  return found;
}

/** One answer of the fixture site: a file or a body at a URL, or a handler of its own. */
export type Route =
  | { url: string | RegExp; file?: string; body?: string | Buffer; status?: number; contentType?: string; headers?: Record<string, string> }
  | { url: string | RegExp; handle(req: IncomingMessage, res: ServerResponse): void };

export interface FirefoxLaunchOptions {
  routes: Route[];
  /** Extra hosts the proxy lets through (those of string routes are let through already). */
  hosts?: string[];
  build?: string;
  headless?: boolean;
  prefs?: Record<string, string | number | boolean>;
}

export type Row = Record<string, unknown>;

export interface TabStatus {
  tabId: number;
  pageId: string;
  url: string;
  platform: string | null;
  checkedAt: string;
  detections: Array<{ kind: string; ruleId: string }>;
}

export interface FirefoxSession {
  browser: Browser;
  uuid: string;
  /** The add-on's popup page in the first tab; the tests read the add-on's state through it. */
  inspector: Page;
  downloadDir: string;
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  rows(store: string): Promise<Row[]>;
  waitForRecords(pred: (records: Row[]) => boolean, timeoutMs?: number): Promise<Row[]>;
  tabIdOf(page: Page): Promise<number>;
  /** Wait until the background has stored the first scan of `page`'s current URL. */
  waitForScan(page: Page, timeoutMs?: number): Promise<TabStatus>;
  /** Open the add-on's real popup page, describing `tabId`, in a tab of its own. */
  openPopup(tabId: number): Promise<Page>;
  /** Wait for a finished download whose name matches `name`; returns its path. */
  waitForDownload(name: RegExp, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/** Poll `read` until `pred` holds on its value: a wait for a condition, never a fixed delay. */
export async function until<T>(read: () => Promise<T>, pred: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      if (pred(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() - start > timeoutMs) {
      throw new Error(`${what}: not reached in ${timeoutMs} ms; last: ${JSON.stringify(last ?? String(error)).slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function routeHosts(routes: Route[], extra: string[]): (host: string) => boolean {
  const names = new Set(extra);
  for (const r of routes) if (typeof r.url === 'string') names.add(new URL(r.url).hostname);
  return (host) => names.has(host) || routes.some((r) => r.url instanceof RegExp && r.url.test(`https://${host}/`));
}

function serve(routes: Route[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = `https://${req.headers.host}${req.url}`;
    const route = routes.find((r) => (typeof r.url === 'string' ? r.url === url : r.url.test(url)));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no fixture');
      return;
    }
    if ('handle' in route) return route.handle(req, res);
    const body = route.file ? readFileSync(route.file) : (route.body ?? '');
    res.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'text/html; charset=utf-8', ...route.headers }).end(body);
  };
}

function addonId(build: string): string {
  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${build}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/** What closeWithin needs of a browser: puppeteer's Browser has both. */
export interface Closable {
  close(): Promise<void>;
  process(): { exitCode: number | null; signalCode?: string | null; kill(signal?: NodeJS.Signals): boolean; once(event: 'exit', listener: () => void): unknown } | null;
}

/**
 * Close the browser, and kill its process if closing has not finished within `ms`: on a loaded
 * machine Firefox's BiDi session sometimes never answers the close, and a test's afterEach then
 * timed out with the browser still running (E2E run of 2026-12-06, 10:44).
 */
export async function closeWithin(browser: Closable, ms: number): Promise<'closed' | 'killed'> {
  const proc = browser.process();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const outcome = await Promise.race([browser.close().then(() => 'closed' as const, () => 'failed' as const), late]);
  clearTimeout(timer);
  if (outcome === 'closed') return 'closed';
  if (proc && proc.exitCode === null && !proc.signalCode) {
    const exited = new Promise<void>((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  }
  return 'killed';
}

/** How long a browser may take to close before its process is killed. */
const CLOSE_MS = 20_000;

export async function launchFirefox(opts: FirefoxLaunchOptions): Promise<FirefoxSession> {
  const build = opts.build ?? FIREFOX_BUILD;
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`No built add-on in ${build}: run "npx wxt build -b firefox" first`);
  const executablePath = firefoxPath();
  const id = addonId(build);
  const uuid = randomUUID();
  const root = mkdtempSync(join(tmpdir(), 'shutout-firefox-'));
  const profileDir = join(root, 'profile');
  const downloadDir = join(root, 'downloads');
  mkdirSync(join(profileDir, 'extensions'), { recursive: true });
  mkdirSync(downloadDir);
  writeFileSync(join(profileDir, 'extensions', id), build);

  let site: LocalHttps | undefined;
  let proxy: ConnectProxy | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    try {
      if (browser) await closeWithin(browser, CLOSE_MS);
    } finally {
      await proxy?.close();
      await site?.close();
      rmSync(root, { recursive: true, force: true });
    }
  };
  try {
    site = await startHttps(serve(opts.routes));
    proxy = await startConnectProxy(site.port, routeHosts(opts.routes, opts.hosts ?? []));
    const inspectorUrl = `moz-extension://${uuid}/popup.html?tab=0`;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: opts.headless ?? true,
      acceptInsecureCerts: true,
      userDataDir: profileDir,
      args: [inspectorUrl],
      extraPrefsFirefox: {
        // The add-on: loaded from the profile, unsigned, at a known address.
        'xpinstall.signatures.required': false,
        'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
        // Every request goes through the test proxy.
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.trr.mode': 5,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        // Downloads land in the session's folder without asking.
        'browser.download.folderList': 2,
        'browser.download.dir': downloadDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv,application/x-ndjson,application/zip',
        ...opts.prefs,
      },
    });
    const b = browser;
    const target = await b.waitForTarget((t) => t.url() === inspectorUrl, { timeout: 30_000 });
    const inspector = (await target.page())!;
    await inspector.waitForSelector('[data-testid="count"]', { timeout: 30_000 });

    const rows = (store: string) =>
      inspector.evaluate(
        (name) =>
          new Promise<Row[]>((resolve, reject) => {
            const req = indexedDB.open('shutout');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const dbh = req.result;
              if (!dbh.objectStoreNames.contains(name)) {
                dbh.close();
                resolve([]);
                return;
              }
              const get = dbh.transaction(name).objectStore(name).getAll();
              get.onsuccess = () => {
                dbh.close();
                resolve(get.result as Row[]);
              };
              get.onerror = () => reject(get.error);
            };
          }),
        store,
      );
    const send = <T>(message: unknown) =>
      inspector.evaluate((m) => (globalThis as unknown as { browser: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m), message) as Promise<T>;
    const tabIdOf = async (page: Page) => {
      const url = page.url();
      const tabId = await inspector.evaluate(async (u) => {
        type Tabs = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
        const tabs = await (globalThis as unknown as { browser: Tabs }).browser.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? -1;
      }, url);
      if (tabId < 0) throw new Error(`no tab found for ${url}`);
      return tabId;
    };

    return {
      browser: b,
      uuid,
      inspector,
      downloadDir,
      extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
      newPage: () => b.newPage(),
      rows,
      waitForRecords: (pred, timeoutMs = 15_000) => until(() => rows('findings'), pred, timeoutMs, 'stored records'),
      tabIdOf,
      async waitForScan(page, timeoutMs = 15_000) {
        const tabId = await tabIdOf(page);
        const url = page.url();
        const res = await until(
          () => send<{ ok: boolean; status: TabStatus | null }>({ type: 'tab/status', tabId }),
          (r) => r.ok && r.status?.url === url,
          timeoutMs,
          `the scan of ${url}`,
        );
        return res.status!;
      },
      async openPopup(tabId) {
        const url = `moz-extension://${uuid}/popup.html?tab=${tabId}`;
        const before = new Set(await b.pages());
        await inspector.evaluate(async (u) => {
          type Tabs = { tabs: { create(p: { url: string }): Promise<unknown> } };
          await (globalThis as unknown as { browser: Tabs }).browser.tabs.create({ url: u });
        }, url);
        // BiDi reports no navigation into a moz-extension: page (its URL stays about:blank for
        // puppeteer): find the new tab by asking it where it is.
        const popup = await until(
          async () => {
            for (const p of await b.pages()) {
              if (!before.has(p) && (await p.evaluate(() => location.href).catch(() => '')) === url) return p;
            }
            return undefined;
          },
          (p) => p !== undefined,
          15_000,
          `the popup page ${url}`,
        );
        await popup!.waitForSelector('[data-testid="count"]');
        return popup!;
      },
      async waitForDownload(name, timeoutMs = 15_000) {
        // Firefox writes NAME.part and renames it when the download is complete.
        const files = await until(
          async () => readdirSync(downloadDir),
          (f) => f.some((n) => name.test(n)) && !f.some((n) => n.endsWith('.part')),
          timeoutMs,
          `a download named ${name}`,
        );
        return join(downloadDir, files.find((n) => name.test(n))!);
      },
      close,
    };
  } catch (e) {
    await close().catch(() => {});
    throw e;
  }
}
