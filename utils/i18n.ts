import { browser } from 'wxt/browser';
import type { Kind } from './detect/kinds';

/** Keys of public/_locales/en/messages.json, typed by WXT. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** A UI string from _locales (the browser picks the language). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function kindLabel(kind: Kind): string {
  return t(`kind_${kind.replace(/-/g, '_')}` as MessageKey);
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
