import type { TabStatus } from '../protocol/messages';
import { memoryStore, sessionStore, type KeyedStore, type SessionArea } from './session-store';

/** Where the current page's status of each tab is kept (storage.session: survives a stopped worker, not a browser restart). */
export interface TabStatusStore {
  get(tabId: number): Promise<TabStatus | null>;
  set(status: TabStatus): Promise<void>;
  remove(tabId: number): Promise<void>;
}

function fromKeyed(store: KeyedStore<TabStatus>): TabStatusStore {
  return { get: (id) => store.get(id), set: (s) => store.set(s.tabId, s), remove: (id) => store.remove(id) };
}

export const memoryTabStatusStore = (): TabStatusStore => fromKeyed(memoryStore<TabStatus>());
export const sessionTabStatusStore = (area: SessionArea): TabStatusStore => fromKeyed(sessionStore<TabStatus>(area, 'tab'));
