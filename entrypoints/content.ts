import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { builtinRuleSet } from '../utils/detect/index';
import { Outbox } from '../utils/content/outbox';
import { PageWatcher } from '../utils/content/watcher';
import type { PageReport, PageReportResponse } from '../utils/messages';
import { MARKETPLACE_MATCHES } from '../utils/hosts';

export default defineContentScript({
  matches: MARKETPLACE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const outbox = new Outbox((report: PageReport) => browser.runtime.sendMessage(report) as Promise<PageReportResponse>);
    const watcher = new PageWatcher({
      doc: document,
      win: window,
      rules: builtinRuleSet(),
      report: (r) => outbox.push(r),
      newId: () => crypto.randomUUID(),
    });
    watcher.start();
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.checkLocation());
    ctx.onInvalidated(() => {
      watcher.stop();
      outbox.dispose();
    });
  },
});
