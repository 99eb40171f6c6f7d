import type { ShutoutDB } from './db';

/** User settings (Dexie `settings` table, one row per key). */
export interface Settings {
  /** Shown with every record and export; the user chooses it (e.g. "work laptop"). Never filled in automatically. */
  profileLabel: string;
  /** Keep findings this many days; 0 keeps everything (the default). */
  retentionDays: number;
  /** Mask phone numbers, e-mails, order numbers and user names in exports meant for sharing. */
  redactExports: boolean;
  /** UI language: follow the browser, or a fixed one. */
  language: 'auto' | 'en' | 'zh_CN';
  /** An RFC 3161 time-stamping service the user named; empty (the default) sends nothing anywhere. */
  tsaUrl: string;
  /**
   * Check new account-restricted, access-denied and risk-challenge findings automatically: one
   * anonymous GET of the same page each (utils/background/scope.ts). Off by default.
   */
  autoScopeCheck: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  profileLabel: '',
  retentionDays: 0,
  redactExports: true,
  language: 'auto',
  tsaUrl: '',
  autoScopeCheck: false,
};

export async function getSettings(db: ShutoutDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    if (key in DEFAULT_SETTINGS && typeof value === typeof DEFAULT_SETTINGS[key as keyof Settings]) {
      (out as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

export async function setSetting<K extends keyof Settings>(db: ShutoutDB, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
