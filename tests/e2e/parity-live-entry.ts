/**
 * Entry of the browser bundle that tests/e2e/parity.e2e.ts puts into a tab for the corpus pages
 * outside the watched hosts (where the content script does not run, by design): the content
 * script's own scan — a PageWatcher's first full scan, the live reader (utils/dom/collect-live.ts)
 * and the engine, with the built-in rules — run on the page the tab shows, as if at `url`.
 */
import { PageWatcher } from '../../utils/content/watcher';
import { builtinRuleSet } from '../../utils/detect/index';
import type { Detection } from '../../utils/detect/types';

export interface ParityLiveApi {
  /** The first full scan of the document as a page at `url` served with `status`. */
  scan(url: string, status: number): Promise<Array<Pick<Detection, 'kind' | 'ruleId'>>>;
}

const api: ParityLiveApi = {
  async scan(url, status) {
    let detections: Detection[] = [];
    // The watcher reads the page's address and its document's status from the window: here they
    // are the case's, since the document was written into this tab rather than loaded at `url`.
    const win = {
      location: { href: url },
      performance: { now: () => performance.now(), getEntriesByType: (type: string) => (type === 'navigation' ? [{ responseStatus: status }] : []) },
      setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
    } as unknown as Window;
    const watcher = new PageWatcher({
      doc: document,
      win,
      rules: builtinRuleSet(),
      report: (r) => (detections = r.detections),
      newId: () => 'parity',
    });
    await watcher.start();
    watcher.stop();
    return detections.map((d) => ({ kind: d.kind, ruleId: d.ruleId }));
  },
};

(globalThis as unknown as { __shutoutParity: ParityLiveApi }).__shutoutParity = api;
