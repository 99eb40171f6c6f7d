import { describe, expect, it } from 'vitest';
import { itemIdOf, parseItemRef } from '../../utils/coupons/item-id';

/*
 * URL shapes as they appear in public code: Juhuasuan tg/home.htm?item_id= / itemId= / id= (juId)
 * and m/jusp/alone/detailwap/mtp.htm?item_id=&ju_id=, nmi.juhuasuan.com/market/ju/detail_wap.php,
 * a.m.taobao.com/iN.htm, h5.m.taobao.com/awp/core/detail.htm, detail.m.tmall.com,
 * JD pro.m.jd.com/mall/active/ID/index.html
 * (krapnikkk/JDCouponAssistant README.md), PDD goods.html?goods_id= (Xpectuer/LibianCrawlers
 * match_pdd.ts), Amazon /dp/ and /gp/product/ (tests fixtures of public scrapers).
 */
const CASES: Array<[url: string, ref: ReturnType<typeof parseItemRef>]> = [
  // Taobao / Tmall / Tmall HK
  ['https://item.taobao.com/item.htm?id=598765432101', { platform: 'taobao', itemId: '598765432101' }],
  ['https://item.taobao.com/item.htm?spm=a21n57.1.0.0.5&id=738259061234&ns=1&abbucket=4', { platform: 'taobao', itemId: '738259061234' }],
  ['https://detail.tmall.com/item.htm?id=675483920114&skuId=4953810233311', { platform: 'tmall', itemId: '675483920114' }],
  ['https://detail.tmall.hk/hk/item.htm?id=612875439903', { platform: 'tmall', itemId: '612875439903' }],
  ['https://chaoshi.detail.tmall.com/item.htm?id=522166121586', { platform: 'tmall', itemId: '522166121586' }],
  ['https://detail.m.tmall.com/item.htm?spm=a3204.11780841&id=22109068630&skuId=45631121136', { platform: 'tmall', itemId: '22109068630' }],
  ['https://h5.m.taobao.com/awp/core/detail.htm?id=598765432101', { platform: 'taobao', itemId: '598765432101' }],
  ['https://main.m.taobao.com/detail/index.html?id=598765432101', { platform: 'taobao', itemId: '598765432101' }],
  ['http://a.m.taobao.com/i15147840808.htm', { platform: 'taobao', itemId: '15147840808' }],
  ['https://world.taobao.com/item/598765432101.htm', { platform: 'taobao', itemId: '598765432101' }],
  // Juhuasuan
  ['https://ju.taobao.com/tg/home.htm?spm=608.1000562.0.1&item_id=15147840808', { platform: 'juhuasuan', itemId: '15147840808' }],
  ['https://ju.taobao.com/tg/home.htm?itemId=19096447721', { platform: 'juhuasuan', itemId: '19096447721' }],
  ['https://ju.taobao.com/tg/home.htm?spm=608.2177197.1.1&id=10000000037163', { platform: 'juhuasuan', itemId: null, activityId: '10000000037163' }],
  ['https://ju.taobao.com/tg/home.htm?item_id=15147840808&id=10000000037163', { platform: 'juhuasuan', itemId: '15147840808', activityId: '10000000037163' }],
  [
    'https://ju.taobao.com/m/jusp/alone/detailwap/mtp.htm?item_id=593841462450&_force=wap&ju_id=10000320600379',
    { platform: 'juhuasuan', itemId: '593841462450', activityId: '10000320600379' },
  ],
  ['https://nmi.juhuasuan.com/market/ju/detail_wap.php?item_id=565140975682', { platform: 'juhuasuan', itemId: '565140975682' }],
  // Parameters padded with spaces, named in another case or in a list; ids elsewhere than an item page's.
  ['https://item.taobao.com/item.htm?id=%20598765432101%20', { platform: 'taobao', itemId: '598765432101' }],
  ['https://item.taobao.com/item.htm?ItemID=598765432101', { platform: 'taobao', itemId: '598765432101' }],
  ['https://h5.m.taobao.com/cart.htm?itemIds=598765432101', { platform: 'taobao', itemId: '598765432101' }],
  ['https://h5.m.taobao.com/cart.htm?item_id=598765432101', { platform: 'taobao', itemId: '598765432101' }],
  // Juhuasuan's campaign named juId, a bare id= on another home page, an id= that is the item, no id at all.
  ['https://ju.taobao.com/tg/home.htm?juId=10000000037163', { platform: 'juhuasuan', itemId: null, activityId: '10000000037163' }],
  ['https://ju.taobao.com/tg/today_home.htm?id=10000000037163', { platform: 'juhuasuan', itemId: null, activityId: '10000000037163' }],
  ['https://ju.taobao.com/tg/home.htm?id=598765432101&itemId=598765432101', { platform: 'juhuasuan', itemId: '598765432101' }],
  // JD
  ['https://item.jd.com/100012043978.html', { platform: 'jd', itemId: '100012043978' }],
  ['https://item.jd.com/100012043978.html#crumb-wrap', { platform: 'jd', itemId: '100012043978' }],
  ['https://item.jd.hk/10021373447318.html', { platform: 'jd', itemId: '10021373447318' }],
  ['https://npcitem.jd.hk/10021373447318.html', { platform: 'jd', itemId: '10021373447318' }],
  ['https://item.m.jd.com/product/100012043978.html?sceneval=2', { platform: 'jd', itemId: '100012043978' }],
  ['https://item.m.jd.com/ware/view.action?wareId=100012043978', { platform: 'jd', itemId: '100012043978' }],
  ['https://re.jd.com/cps/item/100012043978.html', { platform: 'jd', itemId: '100012043978' }],
  ['https://pro.m.jd.com/mall/active/3Rztcv2tMwdpFqWiqaAUzBAToowC/index.html', { platform: 'jd', itemId: null, activityId: '3Rztcv2tMwdpFqWiqaAUzBAToowC' }],
  // Pinduoduo / Yangkeduo
  ['https://mobile.yangkeduo.com/goods.html?goods_id=222046473456&page_from=35', { platform: 'pinduoduo', itemId: '222046473456' }],
  ['https://mobile.yangkeduo.com/goods2.html?goods_id=351208765432', { platform: 'pinduoduo', itemId: '351208765432' }],
  ['https://mobile.pinduoduo.com/goods.html?goods_id=222046473456', { platform: 'pinduoduo', itemId: '222046473456' }],
  ['https://yangkeduo.com/goods1.html?goods_id=222046473456', { platform: 'pinduoduo', itemId: '222046473456' }],
  // Meituan
  ['https://www.meituan.com/meishi/4895741/', { platform: 'meituan', itemId: 'poi:4895741' }],
  ['https://bj.meituan.com/meishi/4895741/', { platform: 'meituan', itemId: 'poi:4895741' }],
  ['https://bj.meituan.com/xiuxianyule/186532947/', { platform: 'meituan', itemId: 'poi:186532947' }],
  ['https://i.meituan.com/poi/4895741', { platform: 'meituan', itemId: 'poi:4895741' }],
  ['https://meishi.meituan.com/i/poi/4895741', { platform: 'meituan', itemId: 'poi:4895741' }],
  ['https://hotel.meituan.com/1593921/', { platform: 'meituan', itemId: 'poi:1593921' }],
  ['https://h5.waimai.meituan.com/waimai/mindex/menu?dpShopId=&mtShopId=1108365421&source=shoplist', { platform: 'meituan', itemId: 'poi:1108365421' }],
  ['https://bj.meituan.com/deal/26583815.html', { platform: 'meituan', itemId: 'deal:26583815' }],
  ['https://i.meituan.com/general/platform/mttgdetail/mttgdetail.html?dealId=708543256&poiId=4895741', { platform: 'meituan', itemId: 'deal:708543256' }],
  // Amazon, every country site
  ['https://www.amazon.com/dp/B0BDHWDR12', { platform: 'amazon', itemId: 'B0BDHWDR12' }],
  ['https://www.amazon.com/Anker-Portable-Charger/dp/B0BDHWDR12/ref=sr_1_3?keywords=power+bank', { platform: 'amazon', itemId: 'B0BDHWDR12' }],
  ['https://www.amazon.co.uk/gp/product/B08L5NP6NG/ref=ppx_yo_dt_b_asin_title_o00', { platform: 'amazon', itemId: 'B08L5NP6NG' }],
  ['https://www.amazon.co.jp/dp/B09V3HN1KC?th=1', { platform: 'amazon', itemId: 'B09V3HN1KC' }],
  ['https://www.amazon.de/-/en/dp/b07pgl2zsl', { platform: 'amazon', itemId: 'B07PGL2ZSL' }],
  ['https://www.amazon.com.au/gp/aw/d/B07PGL2ZSL', { platform: 'amazon', itemId: 'B07PGL2ZSL' }],
  ['https://www.amazon.in/gp/offer-listing/B07HGGYWL6', { platform: 'amazon', itemId: 'B07HGGYWL6' }],
  ['https://www.amazon.com/exec/obidos/ASIN/0596517742/', { platform: 'amazon', itemId: '0596517742' }],
  ['https://www.amazon.com/Automate-Boring-Stuff-Python-2nd/dp/1593279922/', { platform: 'amazon', itemId: '1593279922' }],
  ['https://www.amazon.com.mx/dp/B0BDHWDR12?psc=1', { platform: 'amazon', itemId: 'B0BDHWDR12' }],
  // Each branch on its own: an item page known by its path alone (not its host), a JD campaign on
  // pro.jd.com and prodev.m.jd.com, a Meituan deal or hotel without a trailing part, the first of
  // two names given, ASIN in a query parameter of either case.
  ['https://world.taobao.com/item.htm?id=598765432101', { platform: 'taobao', itemId: '598765432101' }],
  ['https://world.taobao.com/detail/index.htm?id=598765432101', { platform: 'taobao', itemId: '598765432101' }],
  ['https://item.taobao.com/item.htm?id=598765432101&ju_id=10000000037163', { platform: 'taobao', itemId: '598765432101' }],
  ['https://a.m.taobao.com/i15147840808.htm?itemId=598765432101', { platform: 'taobao', itemId: '598765432101' }],
  ['https://pro.jd.com/mall/active/3Rztcv2tMwdpFqWiqaAUzBAToowC/index.html', { platform: 'jd', itemId: null, activityId: '3Rztcv2tMwdpFqWiqaAUzBAToowC' }],
  ['https://prodev.m.jd.com/mall/active/3Rztcv2tMwdpFqWiqaAUzBAToowC/index.html', { platform: 'jd', itemId: null, activityId: '3Rztcv2tMwdpFqWiqaAUzBAToowC' }],
  ['https://item.m.jd.com/product/100012043978', { platform: 'jd', itemId: '100012043978' }],
  ['https://item.jd.com/product/100012043978.html/', { platform: 'jd', itemId: '100012043978' }],
  ['https://item.jd.com/x.html?skuId=100012043978&wareId=200012043978', { platform: 'jd', itemId: '200012043978' }],
  ['https://bj.meituan.com/deal/26583815', { platform: 'meituan', itemId: 'deal:26583815' }],
  ['https://hotel.meituan.com/1593921', { platform: 'meituan', itemId: 'poi:1593921' }],
  ['https://i.meituan.com/general/platform/mttgdetail/mttgdetail.html?dealId=x708543256&poiId=4895741', { platform: 'meituan', itemId: 'poi:4895741' }],
  ['https://www.amazon.com/gp/offer-listing?asin=B0BDHWDR12', { platform: 'amazon', itemId: 'B0BDHWDR12' }],
  ['https://www.amazon.com/gp/offer-listing?ASIN=b0bdhwdr12', { platform: 'amazon', itemId: 'B0BDHWDR12' }],
];

const NONE = [
  // Ids elsewhere than an item page's, a campaign page that is not Juhuasuan's home, no id at all.
  'https://shop.taobao.com/shop/i15147840808.htm',
  'https://www.taobao.com/list/item.htm/more?id=598765432101',
  'https://www.taobao.com/search.htm?id=598765432101',
  'https://ju.taobao.com/tg/brand.htm?id=10000000037163',
  'https://ju.taobao.com/tg/home.htm',
  'https://s.taobao.com/search?q=%E8%BF%9E%E8%A1%A3%E8%A3%99',
  'https://www.taobao.com/',
  'https://m.tb.cn/h.5ZxQ8Kk',
  'https://item.jd.com/',
  'https://search.jd.com/Search?keyword=%E7%89%99%E5%88%B7',
  'https://u.jd.com/AbCdEf',
  'https://mobile.yangkeduo.com/search_result.html?search_key=%E6%8A%BD%E7%BA%B8',
  'https://www.meituan.com/',
  'https://www.amazon.com/s?k=power+bank',
  'https://www.amazon.com/dp/NOTANASIN1',
  'https://www.amazon.com/gp/offer-listing?asin=B0BDHWDR1',
  // An item-like name deeper in the host, a path that only contains "item", a hotel number not at the path's start, ids with letters.
  'https://store.item.taobao.com/shop.htm?id=598765432101',
  'https://www.taobao.com/myitems/list?id=598765432101',
  'https://hotel.meituan.com/x/1593921/',
  'https://i.meituan.com/general/platform/mttgdetail/mttgdetail.html?dealId=x708543256&poiId=x4895741',
  'https://item.jd.com/100012043978x.html',
  'https://amzn.to/3xYzAbC',
  'https://www.ebay.com/itm/123456789012',
  'https://example.com/item.htm?id=598765432101',
  'not a url',
  'ftp://item.taobao.com/item.htm?id=598765432101',
];

describe('item ids from marketplace URLs', () => {
  it.each(CASES)('%s', (url, ref) => {
    expect(parseItemRef(url)).toEqual(ref);
    expect(itemIdOf(url)).toBe(ref!.itemId);
  });

  it.each(NONE)('%s names no item', (url) => {
    expect(parseItemRef(url)).toBeNull();
    expect(itemIdOf(url)).toBeNull();
  });
});
