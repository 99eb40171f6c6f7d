import { TAP_MAX_BODY, TAP_MAX_URL, TAP_SHADOW_EVENT, TAP_SOURCE } from './tap-constants';
import { newPageId } from './page-id';
import { PAGE_HTML_LIMIT } from '../protocol/limits';
import { shownHtml } from './shown-html';

/**
 * What the content script's bootstrap (document_start, about a kilobyte) keeps for the watch
 * script, which loads at document_idle in the same isolated world: whether the page made shadow
 * roots, and the tap's messages that came before the watcher. It lives on the isolated world's
 * global, which pages cannot see.
 */
export interface BootState {
  shadowRoots: boolean;
  /** The tap's messages that came first (bounded), with the page's URL when each came. */
  early: Array<{ data: unknown; url: string }>;
  /** Where later messages go, once the watch script is there. */
  onTap?: (data: unknown, url: string) => void;
  /** Set by the watch script when it runs: from then on its own pagehide scan speaks for the page. */
  engine: boolean;
  /**
   * Set by the watch script as soon as it starts, before it asks the background for the rules:
   * the engine is coming, so the grace timer does not hand the page over (on a loaded machine the
   * rules can take longer than the grace time). Only pagehide does, until the engine is there.
   */
  watching?: boolean;
  /** Hands the page over now (the watch script calls it when the rules could not be loaded). */
  handOver?: () => void;
  /** Removes the listener that keeps a closing tab's unload steps (installBoot), once the page's first report is sent. */
  release?: () => void;
  /** The page load's id, shared with the watch script's first page so that both name one page load. */
  pageId: string;
}

const KEY = Symbol.for('shutout.boot');

/**
 * Does nothing (it asks the user nothing), but while it is there Chromium runs a closing tab's
 * unload steps, pagehide among them, instead of ending the page at once.
 */
const keepUnloadSteps = (): void => {};
const MAX_EARLY = 50;
/** How long after the document is complete the engine may still come before the page is handed over. */
export const ENGINE_GRACE_MS = 1000;

export function bootState(): BootState {
  const g = globalThis as unknown as Record<symbol, BootState | undefined>;
  return (g[KEY] ??= { shadowRoots: false, early: [], engine: false, pageId: newPageId() });
}

/** Sends a runtime message (the extension's `chrome.runtime.sendMessage`; a fake in tests). */
export type SendMessage = (message: unknown) => unknown;

function runtimeSend(): SendMessage | undefined {
  const g = globalThis as unknown as { chrome?: { runtime?: { sendMessage?: SendMessage } }; browser?: { runtime?: { sendMessage?: SendMessage } } };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  return runtime?.sendMessage ? (m) => runtime.sendMessage!(m) : undefined;
}

/**
 * The bootstrap: listeners in place before any page script runs. The engine comes later, with
 * the watch script at document_idle (issue 13: what runs at document_start stays small); a tab
 * closed before then hands the page's HTML to the background at pagehide, whose page reader
 * judges it as `shutout scan` judges a saved page, so that a notice seen for a moment is kept.
 */
export function installBoot(win: Window, doc: Document, send: SendMessage | undefined = runtimeSend()): BootState {
  const boot = bootState();
  doc.addEventListener(TAP_SHADOW_EVENT, () => (boot.shadowRoots = true));
  win.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== win) return;
    const data = e.data as { source?: unknown; url?: unknown; status?: unknown; body?: unknown } | null;
    if (typeof data !== 'object' || data === null || data.source !== TAP_SOURCE) return;
    if (boot.onTap) boot.onTap(data, win.location.href);
    else if (boot.early.length < MAX_EARLY) {
      // Only the tap's four fields, bounded: the page can post these messages too, and what is kept
      // here may be handed to the background at pagehide. A URL keeps one character over its bound,
      // so that acceptTap still refuses it.
      const { url, status, body } = data;
      boot.early.push({
        data: { source: TAP_SOURCE, url: typeof url === 'string' ? url.slice(0, TAP_MAX_URL + 1) : null, status: typeof status === 'number' ? status : null, body: typeof body === 'string' ? body.slice(0, TAP_MAX_BODY) : null },
        url: win.location.href,
      });
    }
  });
  // Only until the page's first report: in Firefox a beforeunload listener keeps the page out of the back-forward cache.
  win.addEventListener('beforeunload', keepUnloadSteps);
  boot.release = () => win.removeEventListener('beforeunload', keepUnloadSteps);
  const handOver = () => {
    const root = doc.documentElement;
    if (boot.engine || !root || !send) return;
    const message = {
      type: 'page/html',
      pageId: boot.pageId,
      url: win.location.href,
      title: doc.title.slice(0, 1000),
      observedAt: new Date().toISOString(),
      html: shownHtml(root).slice(0, PAGE_HTML_LIMIT),
      taps: boot.early.slice(),
      ...(doc.referrer ? { referrer: doc.referrer.slice(0, 4096) } : {}),
    };
    try {
      void Promise.resolve(send(message)).catch(() => {});
    } catch {
      // The extension was reloaded or removed: its context is gone, and so is the record.
    }
  };
  boot.handOver = handOver;
  win.addEventListener('pagehide', handOver);
  // Chromium runs document_idle scripts by the load event at the latest, except where the parse
  // ended without DOMContentLoaded (a script that navigated to an answer with no document, as
  // Alibaba's x5 walls do; then neither that event nor load fires, only readystatechange): there
  // the engine never comes, and the page is handed over once complete. A watch script that has
  // started is still coming, however long the rules take.
  const onState = () => {
    if (doc.readyState !== 'complete') return;
    doc.removeEventListener('readystatechange', onState);
    win.setTimeout(() => boot.watching || handOver(), ENGINE_GRACE_MS);
  };
  doc.addEventListener('readystatechange', onState);
  return boot;
}
