/**
 * Runs the background's work for one tab one task at a time, in the order the events arrived.
 *
 * A navigation's webRequest event and its page's report are handled by async code over async
 * stores (storage.session, IndexedDB). Left to interleave, the report could look for the
 * navigation's network findings before the event had stored them, and the event could look for
 * the page's status before the report had stored it: a header-only wall was then never recorded
 * (issue 14, item 1; tests/unit/background-race.test.ts). A task is queued synchronously when its
 * event arrives, so arrival order is kept; a failed task does not stop the ones after it.
 */
export class TabQueue {
  private tails = new Map<number, Promise<void>>();

  run<T>(tabId: number, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(tabId) ?? Promise.resolve();
    const result = prev.then(task);
    const tail = result.then(
      () => {},
      () => {},
    );
    this.tails.set(tabId, tail);
    void tail.then(() => {
      if (this.tails.get(tabId) === tail) this.tails.delete(tabId);
    });
    return result;
  }

  /** Tabs with work queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
