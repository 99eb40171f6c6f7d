/**
 * Which item (and which campaign) a marketplace URL is about, so that coupon scans of the same
 * item can be compared across visits. Pure string work on the URL; no request is made.
 *
 * URL shapes (seen in public crawlers, userscripts and app link parsers; see docs/coupons.md):
 * - Taobao / Tmall / Tmall HK: item.taobao.com/item.htm?id=N, detail.tmall.com/item.htm?id=N,
 *   detail.tmall.hk/hk/item.htm?id=N, chaoshi.detail.tmall.com, detail.m.tmall.com,
 *   h5.m.taobao.com/awp/core/detail.htm?id=N, main.m.taobao.com/detail/index.html?id=N,
 *   a.m.taobao.com/iN.htm, world.taobao.com/item/N.htm; itemId= / item_id= anywhere.
 * - Juhuasuan: ju.taobao.com/tg/home.htm?item_id=N (or itemId=N), where a bare id= is the
 *   campaign (juId); ju.taobao.com/m/jusp/alone/detailwap/mtp.htm?item_id=N&ju_id=M;
 *   nmi.juhuasuan.com/market/ju/detail_wap.php?item_id=N.
 * - JD: item.jd.com/N.html, item.jd.hk/N.html, npcitem.jd.hk/N.html, item.m.jd.com/product/N.html,
 *   item.m.jd.com/ware/view.action?wareId=N, re.jd.com/cps/item/N.html; sku= / skuId= / wareId=;
 *   campaign pages pro.(m.)jd.com/mall/active/ID/index.html give an activity id only.
 * - Pinduoduo / Yangkeduo: goods.html?goods_id=N (also goods1.html, goods2.html, any page with goods_id=).
 * - Meituan: deal pages (…meituan.com/deal/N.html, dealId= / deal_id=) give "deal:N"; shop (POI)
 *   pages (…meituan.com/meishi/N/, /xiuxianyule/N/ …, i.meituan.com/poi/N, hotel.meituan.com/N/,
 *   poiId= / poi_id= / mtShopId= / wm_poi_id=) give "poi:N". The prefix keeps a deal and a shop
 *   with the same number apart.
 * - Amazon (every country site): /dp/ASIN, /gp/product/ASIN, /gp/aw/d/ASIN, /gp/offer-listing/ASIN,
 *   /exec/obidos/ASIN/ASIN, /o/ASIN, ?asin=ASIN. ASINs are upper-cased.
 *
 * Anything else, short links (tb.cn, u.jd.com, amzn.to) included, gives null.
 */
import { platformOf } from '../detect/platforms';

export interface ItemRef {
  /** Platform id (utils/detect/platforms.ts). */
  platform: string;
  /** The item; null when the URL names only a campaign. */
  itemId: string | null;
  /** A campaign id (Juhuasuan ju_id, JD mall/active page). */
  activityId?: string;
}

const DIGITS = /^\d{4,20}$/;

/** The first named query parameter (names in lower case; a URL may write them in any case: itemID, goodsId …) with a valid value. */
function param(u: URL, names: readonly string[], valid: RegExp = DIGITS): string | null {
  for (const n of names) {
    for (const [k, v] of u.searchParams) {
      const t = v.trim();
      if (k.toLowerCase() === n && valid.test(t)) return t;
    }
  }
  return null;
}

function alibaba(u: URL, platform: string): ItemRef | null {
  const host = u.hostname;
  const path = u.pathname;
  let itemId = param(u, ['itemid', 'item_id', 'itemids']) ?? (/^\/i(\d{4,20})\.htm/.exec(path) ?? /\/item\/(\d{4,20})\.htm/.exec(path))?.[1] ?? null;
  if (!itemId && (/\/(?:item|detail)[^/]*$|\/detail\//i.test(path) || /^(?:item|detail|chaoshi\.detail|detail\.m|h5\.m|main\.m|m\.intl)\./.test(host))) {
    itemId = param(u, ['id']);
  }
  if (platform === 'juhuasuan') {
    let activityId = param(u, ['ju_id', 'juid']);
    // On ju.taobao.com/tg/home.htm a bare id= is the campaign, not the item.
    if (!activityId && /\/tg\/[a-z_]*home\.htm/i.test(path)) {
      const id = param(u, ['id']);
      if (id && id !== itemId) activityId = id;
    }
    if (!itemId && !activityId) return null;
    return activityId ? { platform, itemId, activityId } : { platform, itemId };
  }
  return itemId ? { platform, itemId } : null;
}

function jd(u: URL): ItemRef | null {
  const host = u.hostname;
  const path = u.pathname;
  const active = /\/mall\/active\/([A-Za-z0-9]{4,40})\//.exec(path);
  if (active && /(?:^|\.)pro\.(?:m\.)?jd\.com$|^prodev\.m\.jd\.com$/.test(host)) return { platform: 'jd', itemId: null, activityId: active[1]! };
  const m =
    /^\/(\d{4,20})\.html$/.exec(path) ??
    /^\/cps\/item\/(\d{4,20})\.html$/.exec(path) ??
    /^\/(?:product|ware)\/(\d{4,20})(?:\.html)?\/?$/.exec(path);
  if (m && /(?:^|\.)(?:item|npcitem|re|item\.m|item-m)\.jd\.(?:com|hk)$/.test(host)) return { platform: 'jd', itemId: m[1]! };
  const p = param(u, ['wareid', 'skuid', 'sku']);
  return p ? { platform: 'jd', itemId: p } : null;
}

function pinduoduo(u: URL): ItemRef | null {
  const id = param(u, ['goods_id', 'goodsid']);
  return id ? { platform: 'pinduoduo', itemId: id } : null;
}

const MEITUAN_POI_PATHS = /^\/(?:meishi|xiuxianyule|shenghuo|jiankangliren|jiehun|qinzi|yundongjianshen|jiazhuang|xuexipeixun|yiliao|aiche|chongwu|jiudian|lvyou|zhoubianyou|dianying|ktv|s|poi|shop)\/(\d{3,20})(?:\/|\.html|$)/i;

function meituan(u: URL): ItemRef | null {
  const deal = /\/deal\/(\d{3,20})(?:\.html|\/|$)/i.exec(u.pathname)?.[1] ?? param(u, ['dealid', 'deal_id'], /^\d{3,20}$/);
  if (deal) return { platform: 'meituan', itemId: `deal:${deal}` };
  let poi = MEITUAN_POI_PATHS.exec(u.pathname)?.[1] ?? (/\/i\/poi\/(\d{3,20})/i.exec(u.pathname)?.[1] ?? null);
  if (!poi && /^hotel\.meituan\.com$/.test(u.hostname)) poi = /^\/(\d{3,20})\/?/.exec(u.pathname)?.[1] ?? null;
  poi ??= param(u, ['poiid', 'poi_id', 'mtshopid', 'wm_poi_id', 'shopid'], /^\d{3,20}$/);
  return poi ? { platform: 'meituan', itemId: `poi:${poi}` } : null;
}

const ASIN = /^(?:B0[A-Z0-9]{8}|\d{9}[\dX])$/;
const AMAZON_PATHS =
  /\/(?:dp(?:\/product)?|gp\/product|gp\/aw\/d|gp\/offer-listing|exec\/obidos\/ASIN|exec\/obidos\/tg\/detail\/-|o|product-reviews)\/([A-Za-z0-9]{10})(?=[/?#]|$)/i;

function amazon(u: URL): ItemRef | null {
  const m = AMAZON_PATHS.exec(u.pathname);
  const asin = (m?.[1] ?? param(u, ['asin'], /^[A-Za-z0-9]{10}$/))?.toUpperCase();
  return asin && ASIN.test(asin) ? { platform: 'amazon', itemId: asin } : null;
}

/** Item and campaign ids of a marketplace URL; null for other sites and URLs that name no item. */
export function parseItemRef(url: string): ItemRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const platform = platformOf(u.href);
  switch (platform) {
    case 'taobao':
    case 'tmall':
    case 'juhuasuan':
      return alibaba(u, platform);
    case 'jd':
      return jd(u);
    case 'pinduoduo':
      return pinduoduo(u);
    case 'meituan':
      return meituan(u);
    case 'amazon':
      return amazon(u);
    default:
      return null;
  }
}

/** The item id alone (see parseItemRef). */
export function itemIdOf(url: string): string | null {
  return parseItemRef(url)?.itemId ?? null;
}
