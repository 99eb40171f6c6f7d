/**
 * Platforms Shutout covers. `hosts` are domain suffixes; "amazon.*" stands for every
 * country site of a brand (amazon.com, amazon.co.uk, amazon.com.au …).
 * Shared walls (Cloudflare, Akamai …) are listed so that findings can name the vendor
 * when the page's own host is not a known marketplace.
 */
export interface Platform {
  id: string;
  name: { en: string; zh: string };
  hosts: string[];
  /** A wall vendor rather than a marketplace: never given as the platform of a page. */
  wall?: boolean;
}

export const PLATFORMS: readonly Platform[] = [
  { id: 'juhuasuan', name: { en: 'Juhuasuan', zh: '聚划算' }, hosts: ['ju.taobao.com', 'jhs.m.taobao.com', 'juhuasuan.com'] },
  { id: 'xianyu', name: { en: 'Xianyu / Goofish', zh: '闲鱼' }, hosts: ['goofish.com', '2.taobao.com', 'xianyu.com', 'idle.taobao.com'] },
  { id: 'tmall', name: { en: 'Tmall', zh: '天猫' }, hosts: ['tmall.com', 'tmall.hk'] },
  { id: 'taobao', name: { en: 'Taobao', zh: '淘宝' }, hosts: ['taobao.com', 'tb.cn', 'm.tb.cn'] },
  { id: '1688', name: { en: '1688', zh: '1688' }, hosts: ['1688.com'] },
  { id: 'aliexpress', name: { en: 'AliExpress', zh: '速卖通' }, hosts: ['aliexpress.com', 'aliexpress.us', 'aliexpress.ru'] },
  { id: 'lazada', name: { en: 'Lazada', zh: 'Lazada' }, hosts: ['lazada.*', 'lazada.com.my', 'lazada.co.th', 'lazada.co.id', 'lazada.com.ph', 'lazada.vn', 'lazada.sg'] },
  { id: 'alibaba', name: { en: 'Alibaba.com', zh: '阿里巴巴国际站' }, hosts: ['alibaba.com', 'alicdn.com'] },
  { id: 'alipay', name: { en: 'Alipay', zh: '支付宝' }, hosts: ['alipay.com'] },
  { id: 'jd', name: { en: 'JD.com', zh: '京东' }, hosts: ['jd.com', 'jd.hk', '3.cn'] },
  { id: 'pinduoduo', name: { en: 'Pinduoduo', zh: '拼多多' }, hosts: ['pinduoduo.com', 'yangkeduo.com'] },
  { id: 'meituan', name: { en: 'Meituan', zh: '美团' }, hosts: ['meituan.com'] },
  { id: 'dianping', name: { en: 'Dianping', zh: '大众点评' }, hosts: ['dianping.com'] },
  { id: 'wechat', name: { en: 'WeChat', zh: '微信' }, hosts: ['weixin.qq.com', 'weixin110.qq.com', 'mp.weixin.qq.com', 'wx.qq.com'] },
  { id: 'qq', name: { en: 'QQ', zh: 'QQ' }, hosts: ['qq.com', 'urlsec.qq.com', 'c.pc.qq.com'] },
  { id: 'douyin', name: { en: 'Douyin', zh: '抖音' }, hosts: ['douyin.com', 'iesdouyin.com', 'jinritemai.com'] },
  { id: 'xiaohongshu', name: { en: 'Xiaohongshu', zh: '小红书' }, hosts: ['xiaohongshu.com', 'xhslink.com'] },
  { id: 'zhihu', name: { en: 'Zhihu', zh: '知乎' }, hosts: ['zhihu.com'] },
  { id: 'amazon', name: { en: 'Amazon', zh: '亚马逊' }, hosts: ['amazon.*', 'amazon.com', 'amazon.co.uk', 'amazon.co.jp', 'amazon.com.au', 'amazon.com.mx', 'amazon.com.br', 'amazon.com.tr', 'amazon.com.be', 'amazon.sa', 'amazon.ae', 'amazon.eg', 'amazon.sg', 'amazon.in', 'amazon.cn'] },
  { id: 'walmart', name: { en: 'Walmart', zh: '沃尔玛' }, hosts: ['walmart.com', 'walmart.ca'] },
  { id: 'ebay', name: { en: 'eBay', zh: 'eBay' }, hosts: ['ebay.*', 'ebay.com', 'ebay.co.uk', 'ebay.com.au'] },
  { id: 'shopee', name: { en: 'Shopee', zh: '虾皮' }, hosts: ['shopee.*', 'shopee.co.id', 'shopee.com.my', 'shopee.co.th', 'shopee.com.br', 'shopee.com.mx', 'shopee.com.co', 'shopee.cl'] },
  { id: 'temu', name: { en: 'Temu', zh: 'Temu' }, hosts: ['temu.com'] },
  { id: 'tiktok', name: { en: 'TikTok Shop', zh: 'TikTok Shop' }, hosts: ['tiktok.com', 'tiktokglobalshop.com'] },
  { id: 'cloudflare', name: { en: 'Cloudflare', zh: 'Cloudflare' }, hosts: [], wall: true },
  { id: 'akamai', name: { en: 'Akamai', zh: 'Akamai' }, hosts: [], wall: true },
  { id: 'perimeterx', name: { en: 'PerimeterX / HUMAN', zh: 'PerimeterX / HUMAN' }, hosts: [], wall: true },
  { id: 'datadome', name: { en: 'DataDome', zh: 'DataDome' }, hosts: [], wall: true },
  { id: 'imperva', name: { en: 'Imperva / Distil', zh: 'Imperva / Distil' }, hosts: [], wall: true },
];

const byId = new Map(PLATFORMS.map((p) => [p.id, p]));

export function platformById(id: string): Platform | undefined {
  return byId.get(id);
}

/** Host of a URL in lower case, or '' when the URL does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Does `host` fall under the host pattern? "taobao.com" covers the domain and its
 * subdomains; "amazon.*" covers amazon followed by a one- or two-label public suffix.
 */
export function hostMatches(host: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) {
    const brand = pattern.slice(0, -2);
    const labels = host.split('.');
    const at = labels.lastIndexOf(brand);
    if (at < 0) return false;
    const rest = labels.length - at - 1;
    return rest === 1 || (rest === 2 && labels[labels.length - 1]!.length === 2);
  }
  return host === pattern || host.endsWith('.' + pattern);
}

/** The marketplace a URL belongs to, most specific host first (ju.taobao.com → juhuasuan). */
export function platformOf(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  let best: { id: string; len: number } | null = null;
  for (const p of PLATFORMS) {
    for (const h of p.hosts) {
      if (hostMatches(host, h)) {
        const len = h.endsWith('.*') ? h.length - 2 : h.length;
        if (!best || len > best.len) best = { id: p.id, len };
      }
    }
  }
  return best?.id ?? null;
}
