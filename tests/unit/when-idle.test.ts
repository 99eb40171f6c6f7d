/**
 * utils/content/when-idle.ts: the first scan waits for the document to leave "loading", also when
 * the parser was stopped by the page's own navigation and DOMContentLoaded never comes (Chromium
 * then goes from "loading" straight to "complete", firing readystatechange only).
 */
import { describe, expect, it } from 'vitest';
import { whenIdle, type IdleHost } from '../../utils/content/when-idle';

class FakeDocument extends EventTarget {
  readyState: DocumentReadyState = 'loading';
  set(state: DocumentReadyState, event: 'readystatechange' | 'DOMContentLoaded' = 'readystatechange'): void {
    this.readyState = state;
    this.dispatchEvent(new Event(event));
  }
}

function host(doc: FakeDocument): IdleHost & { idleCalls: number; idleOptions: unknown[] } {
  const h = {
    document: doc as unknown as IdleHost['document'],
    idleCalls: 0,
    idleOptions: [] as unknown[],
    requestIdleCallback: (fn: () => void, opts?: { timeout?: number }) => {
      h.idleCalls++;
      h.idleOptions.push(opts);
      queueMicrotask(fn);
    },
    setTimeout: (fn: () => void) => queueMicrotask(fn),
  };
  return h;
}

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
};

describe('whenIdle', () => {
  it('waits while the document is loading, and goes on at "interactive"', async () => {
    const doc = new FakeDocument();
    const p = whenIdle(host(doc));
    expect(await settled(p)).toBe(false);
    doc.set('interactive');
    expect(await settled(p)).toBe(true);
  });

  it('goes on when a stopped parser takes the document straight to "complete" without DOMContentLoaded', async () => {
    const doc = new FakeDocument();
    const p = whenIdle(host(doc));
    doc.set('complete');
    expect(await settled(p)).toBe(true);
  });

  it('does not go on for a readystatechange that leaves it loading, and waits for an idle moment once', async () => {
    const doc = new FakeDocument();
    const h = host(doc);
    const p = whenIdle(h);
    doc.set('loading');
    expect(await settled(p)).toBe(false);
    doc.set('interactive');
    doc.set('complete');
    expect(await settled(p)).toBe(true);
    expect(h.idleCalls).toBe(1);
    // An idle moment is not waited for beyond a second on a page that is never idle.
    expect(h.idleOptions).toEqual([{ timeout: 1000 }]);
  });

  it('waits only for an idle moment when the document is already read, with setTimeout where there is no requestIdleCallback', async () => {
    const doc = new FakeDocument();
    doc.readyState = 'complete';
    let timeouts = 0;
    const p = whenIdle({ document: doc as unknown as IdleHost['document'], setTimeout: (fn) => (timeouts++, queueMicrotask(fn)) });
    expect(await settled(p)).toBe(true);
    expect(timeouts).toBe(1);
  });
});
