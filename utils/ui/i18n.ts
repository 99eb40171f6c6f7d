import { browser } from 'wxt/browser';
import type { Kind } from '../detect/kinds';
import { platformById } from '../detect/platforms';

/** Keys of public/_locales/en/messages.json, typed by WXT. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** The `language` setting: follow the browser, or a fixed language. */
export type LanguageChoice = 'auto' | 'en' | 'zh_CN';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessageTable = Record<string, MessageEntry>;

/**
 * A message with its substitutions, the way browser.i18n.getMessage does it: `$name$` is the
 * named placeholder's content, `$1`…`$9` the substitutions, `$$` a dollar sign.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[] = []): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const numbered = (s: string) => s.replace(/\$\$|\$([1-9])/g, (m, n: string | undefined) => (m === '$$' ? '$' : (substitutions[Number(n) - 1] ?? '')));
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g, (m, name: string | undefined, n: string | undefined) => {
    if (m === '$$') return '$';
    if (name !== undefined) {
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? m : numbered(content);
    }
    return substitutions[Number(n) - 1] ?? '';
  });
}

/** The table of the language chosen in the options page; null while following the browser. */
let table: MessageTable | null = null;
let chosen: 'en' | 'zh_CN' | null = null;

/**
 * browser.i18n always answers in the browser's language. When the user picked a language in
 * the options page, its messages.json is loaded from the extension and used instead.
 */
export async function initI18n(choice: LanguageChoice): Promise<void> {
  if (choice === 'auto') {
    table = null;
    chosen = null;
    return;
  }
  try {
    const res = await fetch(browser.runtime.getURL(`/_locales/${choice}/messages.json` as '/_locales/en/messages.json'));
    table = (await res.json()) as MessageTable;
    chosen = choice;
  } catch {
    table = null;
    chosen = null;
  }
}

/** Use a message table directly (tests). */
export function useMessageTable(t: MessageTable | null, lang: 'en' | 'zh_CN' | null): void {
  table = t;
  chosen = lang;
}

/** A UI string in the chosen language (the browser's unless the user picked one). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
  if (table) {
    const entry = table[key];
    if (entry) return formatMessage(entry, subs);
  }
  try {
    return browser.i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

/**
 * A message about a number: `<key>_one` where the language says "1 record" rather than
 * "1 records" (English), else `<key>`. The number is formatted by the caller (first substitution).
 */
export function tn(key: MessageKey, n: number, substitutions: string | string[]): string {
  if (new Intl.PluralRules(uiLanguage()).select(n) === 'one') {
    const one = `${key}_one` as MessageKey;
    const s = t(one, substitutions);
    if (s !== one) return s;
  }
  return t(key, substitutions);
}

export function kindLabel(kind: Kind | string): string {
  return t(`kind_${kind.replace(/-/g, '_')}` as MessageKey);
}

/** A sentence explaining the kind in plain words. */
export function kindHelp(kind: Kind | string): string {
  return t(`kindHelp_${kind.replace(/-/g, '_')}` as MessageKey);
}

/**
 * The language the UI is shown in: the chosen one, or the one of the messages file the browser
 * picked (a zh-TW browser falls back to English messages, so it gets English everywhere).
 */
export function uiLanguage(): 'zh-CN' | 'en' {
  if (chosen) return chosen === 'zh_CN' ? 'zh-CN' : 'en';
  const code = browser.i18n.getMessage('langCode' as MessageKey);
  if (code) return code.startsWith('zh') ? 'zh-CN' : 'en';
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function isChinese(): boolean {
  return uiLanguage() === 'zh-CN';
}

/** A platform's name in the UI language; unknown ids are shown as they are. */
export function platformName(id: string | null | undefined): string {
  if (!id) return t('platformUnknown');
  const p = platformById(id);
  if (!p) return id;
  return isChinese() ? p.name.zh : p.name.en;
}
