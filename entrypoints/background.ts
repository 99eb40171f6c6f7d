import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage, type BackgroundDeps } from '../utils/background/handlers';
import { sessionTabStatusStore, memoryTabStatusStore } from '../utils/background/tab-status';
import { db } from '../utils/db';

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  const deps: BackgroundDeps = {
    db: db(),
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    tabs: browser.storage.session ? sessionTabStatusStore(browser.storage.session) : memoryTabStatusStore(),
    async setBadge(tabId, text) {
      try {
        await action.setBadgeText({ tabId, text });
        await action.setBadgeBackgroundColor({ tabId, color: '#c62828' });
      } catch {
        // The tab may have closed meanwhile.
      }
    },
    newId: () => crypto.randomUUID(),
  };

  // Listeners are registered synchronously so that a message wakes a stopped worker.
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(message, { id: sender.id, url: sender.url, tab: sender.tab }, deps),
  );

  browser.tabs.onRemoved.addListener((tabId) => void deps.tabs.remove(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab: its earlier status no longer applies.
    if (change.status === 'loading' && change.url) void deps.tabs.remove(tabId);
  });
});
