/**
 * The watch script's fallback: Chromium drops a frame's pending document_end scripts when the page
 * starts a navigation while it is parsed; if that navigation never commits, the bootstrap asks the
 * background (content/engine), which injects the watch script into that one frame.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootState, ENGINE_GRACE_MS, installBoot } from '../../utils/content/boot';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { ShutoutDB } from '../../utils/storage/db';

describe('the bootstrap asks for the watch script only when it did not arrive', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('shutout.boot')];
  });
  afterEach(() => vi.useRealTimers());

  /** A document still being parsed; DOMContentLoaded is dispatched by the test. */
  const page = () => {
    const doc = Object.assign(new EventTarget(), { readyState: 'loading' }) as unknown as Document;
    const win = Object.assign(new EventTarget(), { location: { href: 'https://login.taobao.com/' }, setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) }) as unknown as Window;
    return { doc, win };
  };

  it('asks once, after the grace period, when no watch script ran', () => {
    const ask = vi.fn();
    const { doc, win } = page();
    installBoot(win, doc, ask);
    vi.advanceTimersByTime(10 * ENGINE_GRACE_MS);
    expect(ask).not.toHaveBeenCalled(); // not before DOMContentLoaded
    (doc as unknown as { readyState: string }).readyState = 'interactive';
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    vi.advanceTimersByTime(ENGINE_GRACE_MS - 1);
    expect(ask).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ask).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * ENGINE_GRACE_MS);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('asks too when a navigation stopped the parser: readyState "complete" without DOMContentLoaded', () => {
    const ask = vi.fn();
    const { doc, win } = page();
    installBoot(win, doc, ask);
    (doc as unknown as { readyState: string }).readyState = 'complete';
    doc.dispatchEvent(new Event('readystatechange'));
    vi.advanceTimersByTime(ENGINE_GRACE_MS);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('does not ask when the watch script ran', () => {
    const ask = vi.fn();
    const { doc, win } = page();
    installBoot(win, doc, ask);
    (doc as unknown as { readyState: string }).readyState = 'interactive';
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    bootState().engine = true;
    vi.advanceTimersByTime(2 * ENGINE_GRACE_MS);
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('the background injects the watch script into the frame that asks, and nowhere else', () => {
  let deps: BackgroundDeps;
  let injected: Array<[number, number]>;
  let n = 0;
  beforeEach(() => {
    injected = [];
    deps = {
      db: new ShutoutDB(`engine-${++n}`),
      writer: { write: async () => 0 },
      runtimeId: 'ext-id',
      extensionOrigin: 'chrome-extension://ext-id/',
      tabs: memoryTabStatusStore(),
      setBadge: async () => {},
      newId: () => 'id',
      injectEngine: async (tabId, frameId) => void injected.push([tabId, frameId]),
    };
  });
  afterEach(() => deps.db.delete());

  const page = 'https://login.taobao.com/member/login.jhtml';

  it('injects into the sending tab and frame of a watched page', async () => {
    expect(await handleMessage({ type: 'content/engine' }, { id: 'ext-id', url: page, tab: { id: 4, url: page }, frameId: 2 }, deps)).toEqual({ ok: true });
    expect(injected).toEqual([[4, 2]]);
  });

  it('refuses another extension, an unwatched page, the popup and a sender without a frame', async () => {
    const cases = [
      { id: 'other', url: page, tab: { id: 4 }, frameId: 0 },
      { id: 'ext-id', url: 'https://example.com/', tab: { id: 4 }, frameId: 0 },
      { id: 'ext-id', url: 'https://taobao.com.evil.io/', tab: { id: 4 }, frameId: 0 },
      { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' },
      { id: 'ext-id', url: page, tab: { id: 4 } },
    ];
    for (const sender of cases) expect((await handleMessage({ type: 'content/engine' }, sender, deps)).ok, JSON.stringify(sender)).toBe(false);
    expect(injected).toEqual([]);
  });

  it('injects only its own watch script, whatever the sender adds', async () => {
    const res = await handleMessage({ type: 'content/engine', files: ['evil.js'] }, { id: 'ext-id', url: page, tab: { id: 4 }, frameId: 0 }, deps);
    // zod strips unknown keys; what is injected is fixed in the background, never named by the sender.
    expect(res).toEqual({ ok: true });
    expect(injected).toEqual([[4, 0]]);
  });
});
