import { platformOf } from './platforms';

/**
 * Platforms run by one company share API hosts (a Tmall page calls h5api.m.taobao.com).
 * The network tap accepts an API response only when it comes from the page's own family,
 * so that a page cannot file findings under another company's name.
 */
const FAMILIES: ReadonlyArray<readonly string[]> = [
  ['taobao', 'tmall', 'juhuasuan', 'xianyu', '1688', 'aliexpress', 'lazada', 'alibaba', 'alipay'],
  ['jd'],
  ['pinduoduo', 'temu'],
  ['meituan', 'dianping'],
  ['wechat', 'qq'],
  ['douyin', 'tiktok'],
  ['xiaohongshu'],
  ['zhihu'],
  ['amazon'],
  ['walmart'],
  ['ebay'],
  ['shopee'],
];

const familyOf = new Map<string, number>();
FAMILIES.forEach((members, i) => members.forEach((m) => familyOf.set(m, i)));

/** Is `apiUrl` served by the same company as `pageUrl`? Unknown hosts never are. */
export function sameFamily(pageUrl: string, apiUrl: string): boolean {
  const a = platformOf(pageUrl);
  const b = platformOf(apiUrl);
  if (!a || !b) return false;
  return a === b || (familyOf.has(a) && familyOf.get(a) === familyOf.get(b));
}
