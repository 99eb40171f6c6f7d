import type { TabStatus } from '../messages';

/** Where the current page's status of each tab is kept (storage.session: survives a stopped worker, not a browser restart). */
export interface TabStatusStore {
  get(tabId: number): Promise<TabStatus | null>;
  set(status: TabStatus): Promise<void>;
  remove(tabId: number): Promise<void>;
}

export function memoryTabStatusStore(): TabStatusStore {
  const m = new Map<number, TabStatus>();
  return {
    async get(tabId) {
      return m.get(tabId) ?? null;
    },
    async set(status) {
      m.set(status.tabId, status);
    },
    async remove(tabId) {
      m.delete(tabId);
    },
  };
}

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function sessionTabStatusStore(area: SessionArea): TabStatusStore {
  const key = (tabId: number) => `tab:${tabId}`;
  return {
    async get(tabId) {
      const v = (await area.get(key(tabId)))[key(tabId)];
      return (v as TabStatus | undefined) ?? null;
    },
    set: (status) => area.set({ [key(status.tabId)]: status }),
    remove: (tabId) => area.remove(key(tabId)),
  };
}
