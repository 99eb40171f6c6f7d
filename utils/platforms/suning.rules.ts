import type { Rule } from '../detect/types';

/**
 * Suning (苏宁易购): the cart API's refusal of flash-sale items. During the Moutai flash sales
 * of December 2020 Suning's add-to-cart answer refused the item with errorCode 051, "该商品只能
 * 通过立即购买进行下单" (the item can only be ordered through "buy now"): shoppers who had put
 * it in the cart before the sale were sent back to the rush. Only the API answer is public; the
 * page's own toast is not, so there is no text rule yet.
 */
const HOSTS = ['suning.com'];

export const rules: Rule[] = [
  {
    // Ids are recorded in users' evidence: choose it once, never reuse it for another meaning.
    id: 'suning.promo.buy-now-only-api',
    kind: 'promotion-denied',
    platform: 'suning',
    hosts: HOSTS,
    signal: 'network',
    resource: ['api'],
    phrases: ['该商品只能通过立即购买进行下单'],
    patterns: ['"errorCode"\\s*:\\s*"051"'],
    confidence: 0.8,
    source: 'https://github.com/huanghyw/jd_seckill/issues/120 (Suning add-to-cart answer {"isSuccess":"N","addCartErrorList":[{"errorCode":"051","errorMessage":"该商品只能通过立即购买进行下单",…}]}, 28 December 2020)',
    fixtures: ['positive/suning/cart-buy-now-only.json'],
  },
];
