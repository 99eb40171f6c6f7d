import { TAP_MAX_BODY, TAP_SHADOW_EVENT, TAP_SOURCE } from './tap-constants';

/**
 * What the content script's bootstrap (document_start, a few hundred bytes) keeps for the watch
 * script, which loads after it in the same isolated world: whether the page made
 * shadow roots, and the tap's messages that came before the watcher. It lives on the isolated
 * world's global, which pages cannot see.
 */
export interface BootState {
  shadowRoots: boolean;
  /** The tap's messages that came first (bounded), with the page's URL when each came. */
  early: Array<{ data: unknown; url: string }>;
  /** Where later messages go, once the watch script is there. */
  onTap?: (data: unknown, url: string) => void;
  /** The watch script ran in this document (it runs once, however it arrived). */
  engine?: boolean;
}

const KEY = Symbol.for('shutout.boot');
const MAX_EARLY = 50;
/**
 * How long after DOMContentLoaded the watch script may take to arrive before the background is
 * asked for it. Chromium runs document_end scripts at once after DOMContentLoaded's listeners;
 * Firefox a little later. A second arrival does nothing (BootState.engine).
 */
export const ENGINE_GRACE_MS = 1000;

export function bootState(): BootState {
  const g = globalThis as unknown as Record<symbol, BootState | undefined>;
  return (g[KEY] ??= { shadowRoots: false, early: [] });
}

/**
 * The bootstrap: listeners in place before any page script runs. `askEngine` asks the background
 * for the watch script if the browser dropped it: Chromium drops a frame's pending document_end
 * scripts when the page starts a navigation while it is parsed, and a navigation that never
 * commits (204, cancelled) leaves the page shown and unread.
 */
export function installBoot(win: Window, doc: Document, askEngine?: () => void): BootState {
  const boot = bootState();
  if (askEngine) {
    // When a navigation stops the parser, readyState jumps to "complete" without DOMContentLoaded.
    let armed = false;
    const check = () => {
      if (armed || doc.readyState === 'loading') return;
      armed = true;
      win.setTimeout(() => void (boot.engine || askEngine()), ENGINE_GRACE_MS);
    };
    doc.addEventListener('DOMContentLoaded', check, { once: true });
    doc.addEventListener('readystatechange', check);
    check();
  }
  doc.addEventListener(TAP_SHADOW_EVENT, () => (boot.shadowRoots = true));
  win.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== win) return;
    const data = e.data as { source?: unknown; body?: unknown } | null;
    if (typeof data !== 'object' || data === null || data.source !== TAP_SOURCE) return;
    if (boot.onTap) boot.onTap(data, win.location.href);
    else if (boot.early.length < MAX_EARLY) {
      const body = typeof data.body === 'string' && data.body.length > TAP_MAX_BODY ? data.body.slice(0, TAP_MAX_BODY) : data.body;
      boot.early.push({ data: { ...data, body }, url: win.location.href });
    }
  });
  return boot;
}
