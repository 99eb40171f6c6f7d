/**
 * The bootstrap's bundle entry (wxt.config.ts builds the "content" content script from this file,
 * without WXT's wrapper): the listeners that must be in place at document_start, nothing else.
 * The engine, the rules and the coupon readers come with the watch script (watch.content.ts).
 */
import { installBoot } from './boot';

type Runtime = { runtime?: { sendMessage?: (m: unknown) => Promise<unknown> | void } };
const api = (globalThis as { browser?: Runtime; chrome?: Runtime }).browser ?? (globalThis as { chrome?: Runtime }).chrome;

installBoot(window, document, () => {
  try {
    void Promise.resolve(api?.runtime?.sendMessage?.({ type: 'content/engine' })).catch(() => {});
  } catch {
    // The extension was reloaded or removed: nothing to ask.
  }
});
