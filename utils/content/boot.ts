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
}

const KEY = Symbol.for('shutout.boot');
const MAX_EARLY = 50;

export function bootState(): BootState {
  const g = globalThis as unknown as Record<symbol, BootState | undefined>;
  return (g[KEY] ??= { shadowRoots: false, early: [] });
}

/** The bootstrap: listeners in place before any page script runs. */
export function installBoot(win: Window, doc: Document): BootState {
  const boot = bootState();
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
