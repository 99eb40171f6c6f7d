/**
 * The edges of the item-id URL shapes (utils/coupons/item-id.ts): each pattern is anchored at
 * both ends, and each query-parameter name is read. A URL that only contains an item's shape
 * inside a longer path or host names no item; a wrong id would compare two different items'
 * coupon ledgers as one.
 */
import { describe, expect, it } from 'vitest';
import { parseItemRef } from '../../utils/coupons/item-id';

const NAMES_NOTHING = [
  // Campaign pages only on pro.jd.com, pro.m.jd.com and prodev.m.jd.com themselves.
  'https://pro.jd.com.cdn.jd.com/mall/active/abcd1234/index.html',
  'https://xprodev.m.jd.com/mall/active/abcd1234/index.html',
  'https://prodev.m.jd.com.cdn.jd.com/mall/active/abcd1234/index.html',
  // Item paths, whole.
  'https://item.jd.com/100012043978.html.bak',
  'https://item.jd.com/x/100012043978.html',
  'https://re.jd.com/a/cps/item/100012043978.html',
  'https://re.jd.com/cps/item/100012043978.html5',
  'https://item.m.jd.com/x/product/100012043978.html',
  'https://item.m.jd.com/product/100012043978.html/extra',
  // Item hosts, whole.
  'https://item.jd.com.cdn.jd.com/100012043978.html',
  // Meituan numbers are numbers.
  'https://www.meituan.com/x.html?dealid=123abc',
  'https://www.meituan.com/x.html?poiid=123abc',
  // hotel.meituan.com's bare /N/ paths, only there.
  'https://xhotel.meituan.com/12345/',
];

const NAMES: Array<[string, { platform: string; itemId: string | null; activityId?: string }]> = [
  ['https://item.m.jd.com/ware/view.action?wareId=100012043978', { platform: 'jd', itemId: '100012043978' }],
  ['https://item.m.jd.com/ware/view.action?skuId=100012043978', { platform: 'jd', itemId: '100012043978' }],
  ['https://so.m.jd.com/x?sku=100012043978', { platform: 'jd', itemId: '100012043978' }],
  ['https://mobile.yangkeduo.com/goods.html?goodsid=3456789012', { platform: 'pinduoduo', itemId: '3456789012' }],
  ['https://www.meituan.com/x.html?deal_id=4567', { platform: 'meituan', itemId: 'deal:4567' }],
  ['https://www.meituan.com/x.html?poi_id=4567', { platform: 'meituan', itemId: 'poi:4567' }],
  ['https://www.meituan.com/x.html?mtShopId=4567', { platform: 'meituan', itemId: 'poi:4567' }],
  ['https://www.meituan.com/x.html?wm_poi_id=4567', { platform: 'meituan', itemId: 'poi:4567' }],
  ['https://www.meituan.com/x.html?shopId=4567', { platform: 'meituan', itemId: 'poi:4567' }],
  ['https://hotel.meituan.com/12345/', { platform: 'meituan', itemId: 'poi:12345' }],
  // A shop path on the hotel host keeps the shop's number: the bare-number shape is only a fallback.
  ['https://hotel.meituan.com/meishi/67890/', { platform: 'meituan', itemId: 'poi:67890' }],
  ['https://pro.m.jd.com/mall/active/abcd1234/index.html', { platform: 'jd', itemId: null, activityId: 'abcd1234' }],
  ['https://prodev.m.jd.com/mall/active/abcd1234/index.html', { platform: 'jd', itemId: null, activityId: 'abcd1234' }],
];

describe('item ids: every shape is whole, every parameter is read', () => {
  it.each(NAMES_NOTHING)('%s names no item', (url) => expect(parseItemRef(url)).toBeNull());
  it.each(NAMES)('%s', (url, ref) => expect(parseItemRef(url)).toEqual(ref));
});
