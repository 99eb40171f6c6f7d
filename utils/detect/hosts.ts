import { hostMatches, hostOf } from './platforms';

/**
 * The marketplaces Shutout watches, as match patterns: the content script runs only here and
 * these are the extension's only host permissions. Kept in one place so that the manifest,
 * the content script and the README cannot disagree.
 */
const DOMAINS = [
  // Alibaba group
  'taobao.com', 'tmall.com', 'tmall.hk', 'tb.cn', '1688.com', 'goofish.com', 'aliexpress.com', 'aliexpress.us',
  'aliexpress.ru', 'alibaba.com', 'alipay.com', 'alicdn.com', 'juhuasuan.com',
  'lazada.com.my', 'lazada.co.th', 'lazada.co.id', 'lazada.com.ph', 'lazada.vn', 'lazada.sg',
  // JD, Pinduoduo, Meituan, Dianping
  'jd.com', 'jd.hk', 'pinduoduo.com', 'yangkeduo.com', 'meituan.com', 'dianping.com',
  // Tencent link pages
  'weixin.qq.com', 'weixin110.qq.com', 'mp.weixin.qq.com', 'urlsec.qq.com', 'c.pc.qq.com',
  // Social commerce
  'douyin.com', 'jinritemai.com', 'xiaohongshu.com', 'zhihu.com',
  // International
  'amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.nl', 'amazon.se',
  'amazon.pl', 'amazon.com.be', 'amazon.co.jp', 'amazon.cn', 'amazon.in', 'amazon.ca', 'amazon.com.mx',
  'amazon.com.br', 'amazon.com.au', 'amazon.sg', 'amazon.ae', 'amazon.sa', 'amazon.eg', 'amazon.com.tr',
  'walmart.com', 'walmart.ca', 'ebay.com', 'ebay.co.uk', 'ebay.de', 'ebay.com.au', 'ebay.ca', 'ebay.fr', 'ebay.it',
  'shopee.sg', 'shopee.tw', 'shopee.co.id', 'shopee.com.my', 'shopee.co.th', 'shopee.vn', 'shopee.ph',
  'shopee.com.br', 'shopee.com.mx', 'temu.com', 'tiktok.com',
] as const;

export const MARKETPLACE_DOMAINS: readonly string[] = DOMAINS;

/** `*://*.example.com/*` covers the domain itself and every subdomain. */
export const MARKETPLACE_MATCHES: string[] = DOMAINS.map((d) => `*://*.${d}/*`);

/** Is the URL on a marketplace that Shutout watches? */
export function isMarketplaceUrl(url: string): boolean {
  const host = hostOf(url);
  return !!host && MARKETPLACE_DOMAINS.some((d) => hostMatches(host, d));
}
