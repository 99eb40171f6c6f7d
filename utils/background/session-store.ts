/** A keyed record store over storage.session (survives a stopped worker, cleared when the browser closes). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface KeyedStore<T> {
  get(id: number): Promise<T | null>;
  set(id: number, value: T): Promise<void>;
  remove(id: number): Promise<void>;
}

export function sessionStore<T>(area: SessionArea, prefix: string): KeyedStore<T> {
  const key = (id: number) => `${prefix}:${id}`;
  return {
    async get(id) {
      return ((await area.get(key(id)))[key(id)] as T | undefined) ?? null;
    },
    set: (id, value) => area.set({ [key(id)]: value }),
    remove: (id) => area.remove(key(id)),
  };
}

export function memoryStore<T>(): KeyedStore<T> {
  const m = new Map<number, T>();
  return {
    get: async (id) => m.get(id) ?? null,
    set: async (id, v) => void m.set(id, v),
    remove: async (id) => void m.delete(id),
  };
}
