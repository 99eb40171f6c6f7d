import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage, kindLabel, platformName, t, tn, uiLanguage, useMessageTable, type MessageTable } from '../../utils/ui/i18n';
import { KINDS } from '../../utils/detect/kinds';

const ROOT = join(import.meta.dirname, '../..');
const load = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as MessageTable;
const en = load('en');
const zh = load('zh_CN');

/** Messages that are the same in both languages because they are names or formats, not words. */
const SAME_IN_BOTH = new Set(['extName', 'popupTitle']);
const NAMES = /^(Shutout|JSON|CSV|NDJSON|ZIP|SHA-256|URL|MHTML|UTC|ID|QQ|1688|eBay|Temu|Lazada|TikTok Shop|Cloudflare|Cookie|[\s\d$V{}.,:;·()（）/|+-]+)$/;
const placeholders = (s: string) => [...s.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

afterEach(() => useMessageTable(null, null));

describe('locales', () => {
  it('names every message as browsers accept (ASCII letters, digits and _; Chromium refuses to load the extension otherwise)', () => {
    expect(Object.keys(en).filter((k) => !/^[A-Za-z0-9_]+$/.test(k))).toEqual([]);
  });

  it('has a Chinese message for every English key, and no other keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(zh)) expect(entry.message.trim(), key).not.toBe('');
  });

  it('leaves no English in the Chinese UI: no message is the same as the English one, except names', () => {
    const same = Object.keys(en).filter((k) => zh[k]!.message === en[k]!.message && !SAME_IN_BOTH.has(k) && !NAMES.test(en[k]!.message));
    expect(same).toEqual([]);
    // Nor English words left inside a Chinese message (names and formats aside).
    const words = Object.entries(zh)
      .map(([k, e]) => [k, e.message.replace(/\$[A-Za-z0-9_]+\$/g, '').replace(/Shutout|JSON|CSV|NDJSON|ZIP|SHA-256|URL|MHTML|UTC|ID|Cookie|QQ|eBay|Cloudflare|shutout verify|RFC 3161|https?:\/\/|taobao\.com|amazon\.\*|brand\.\*|npm run demo/g, '')] as const)
      .filter(([, m]) => /[A-Za-z]{3,}/.test(m))
      .map(([k]) => k);
    expect(words).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(zh[key]!.message), key).toEqual(placeholders(en[key]!.message));
      expect(Object.keys(zh[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(en[key]!.placeholders ?? {}).sort());
    }
  });

  it('has a label and an explanation for every kind, in both languages', () => {
    for (const kind of KINDS) {
      const k = kind.replace(/-/g, '_');
      expect(en[`kind_${k}`], kind).toBeDefined();
      expect(en[`kindHelp_${k}`], kind).toBeDefined();
    }
  });

  it('names its own language (the UI picks date formats and platform names by it)', () => {
    expect(en.langCode!.message).toBe('en');
    expect(zh.langCode!.message).toBe('zh-CN');
  });
});

describe('formatMessage', () => {
  it('substitutes named placeholders whose content is $1…$9, as browser.i18n does', () => {
    expect(formatMessage(en.statusBlockedOn!, ['Taobao'])).toBe('Blocked on Taobao');
    expect(formatMessage(zh.statusBlockedOn!, ['淘宝'])).toBe('淘宝：你被拦截了');
    expect(formatMessage(en.searchProgress!, ['1,000', '3'])).toBe('Searching… read: 1,000, matches: 3');
  });

  it('handles $$, direct $1 and missing substitutions', () => {
    expect(formatMessage({ message: 'costs $$5 for $1' }, ['you'])).toBe('costs $5 for you');
    expect(formatMessage({ message: '$A$ and $B$', placeholders: { a: { content: '$2' }, B: { content: '$1' } } }, ['x', 'y'])).toBe('y and x');
    expect(formatMessage({ message: 'n=$1' })).toBe('n=');
    expect(formatMessage({ message: '$unknown$' })).toBe('$unknown$');
  });
});

describe('t() with a chosen language', () => {
  it('uses the loaded table instead of browser.i18n, and its language for names', () => {
    useMessageTable(zh, 'zh_CN');
    expect(t('statusClear')).toBe('未发现封锁');
    expect(t('countLine', '12')).toBe('已记录 12 次封锁');
    expect(kindLabel('access-denied')).toBe('访问被拒绝');
    expect(uiLanguage()).toBe('zh-CN');
    expect(platformName('taobao')).toBe('淘宝');
    expect(platformName(null)).toBe('其他网站');
    expect(platformName('my-own-site')).toBe('my-own-site');
    expect(tn('countLine', 1, '1')).toBe('已记录 1 次封锁');
    useMessageTable(en, 'en');
    expect(t('statusClear')).toBe('No block found');
    expect(tn('countLine', 1, '1')).toBe('1 block recorded');
    expect(tn('countLine', 2, '2')).toBe('2 blocks recorded');
    expect(tn('countLine', 0, '0')).toBe('0 blocks recorded');
    // Keys without a singular form use the plural one.
    expect(tn('importFresh', 1, '1')).toBe('1 new');
    expect(platformName('taobao')).toBe('Taobao');
    expect(uiLanguage()).toBe('en');
  });
});
