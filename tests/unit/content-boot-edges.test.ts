/**
 * Edges of the document_start bootstrap (utils/content/boot.ts): messages a page posts without
 * data, and the hand-over message as a record of its moment, which later tap answers do not change.
 */
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE_GRACE_MS, installBoot } from '../../utils/content/boot';
import { TAP_SOURCE } from '../../utils/content/tap-constants';
import type { PageHtml } from '../../utils/protocol/messages';

const ITEM = 'https://item.taobao.com/item.htm?id=800000000005';
const KEY = Symbol.for('shutout.boot');

/** A window and document with the listeners installBoot adds; `location.href` is the item page. */
function fakePage() {
  const { document } = parseHTML('<!doctype html><html><head><title>淘宝网</title></head><body><p>亲，访问被拒绝</p></body></html>');
  const listeners = new Map<string, Set<(e: unknown) => void>>();
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const win = {
    location: { href: ITEM },
    setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
    addEventListener: (type: string, fn: (e: unknown) => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn),
    removeEventListener: (type: string, fn: (e: unknown) => void) => void listeners.get(type)?.delete(fn),
  };
  const fire = (type: string, e: unknown = {}) => [...(listeners.get(type) ?? [])].forEach((fn) => fn(e));
  let state = 'loading';
  Object.defineProperty(document, 'readyState', { get: () => state });
  const setState = (s: string) => {
    state = s;
    document.dispatchEvent(new (document.defaultView as unknown as { Event: typeof Event }).Event('readystatechange'));
  };
  return { win: win as unknown as Window, doc: document as unknown as Document, fire, timers, setState };
}

const tap = (body: string) => ({ source: TAP_SOURCE, url: 'https://h5api.m.taobao.com/h5/x/1.0/', status: 200, body });

afterEach(() => delete (globalThis as Record<symbol, unknown>)[KEY]);

describe('the bootstrap’s message listener', () => {
  it('passes over a message the page posts without data, and keeps the tap’s messages after it', () => {
    const page = fakePage();
    const boot = installBoot(page.win, page.doc, () => {});
    for (const data of [undefined, 0, '', 'shutout-tap', true]) expect(() => page.fire('message', { source: page.win, data })).not.toThrow();
    expect(boot.early).toEqual([]);
    page.fire('message', { source: page.win, data: tap('{}') });
    expect(boot.early).toEqual([{ data: tap('{}'), url: ITEM }]);
  });
});

describe('the hand-over message', () => {
  it('holds the tap answers of its moment: answers that come after it do not change what was sent', () => {
    const sent: PageHtml[] = [];
    const page = fakePage();
    installBoot(page.win, page.doc, (m) => void sent.push(m as PageHtml));
    page.fire('message', { source: page.win, data: tap('first') });
    page.setState('complete');
    expect(page.timers.map((t) => t.ms)).toEqual([ENGINE_GRACE_MS]);
    page.timers[0]!.fn();
    page.fire('message', { source: page.win, data: tap('second') });
    page.fire('pagehide');
    expect(sent.map((m) => m.taps.map((t) => (t.data as { body: string }).body))).toEqual([['first'], ['first', 'second']]);
  });
});
