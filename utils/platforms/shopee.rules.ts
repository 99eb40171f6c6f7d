import type { Rule } from '../detect/types';

/**
 * Shopee: anti-bot error 90309999, /verify/traffic/error and /verify/captcha, the shopee.tw
 * login puzzle and its limits, a market closure notice.
 */
const SHOPEE = ['shopee.*'];

export const rules: Rule[] = [
  // ---------------------------------------------------------------- Shopee
  {
    id: 'sea.shopee.traffic-error-url',
    kind: 'access-denied',
    platform: 'shopee',
    hosts: SHOPEE,
    signal: 'url',
    patterns: ['^https?://[^/]*shopee\\.[a-z.]+/verify/traffic'],
    confidence: 0.85,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://shopee.vn/ (the address is served on this site\'s pages)',
    fixtures: [
      'positive/sea/shopee-vn-traffic-error.html',
      'positive/sea/shopee-co-id-traffic-error.html',
      'positive/sea/shopee-traffic-redirect.json',
    ],
  },
  {
    id: 'sea.shopee.captcha-url',
    kind: 'risk-challenge',
    platform: 'shopee',
    hosts: SHOPEE,
    signal: 'url',
    patterns: ['^https?://[^/]*shopee\\.[a-z.]+/verify/captcha'],
    confidence: 0.85,
    source: 'https://github.com/lthoangg/shopee-crawler/issues/17',
    fixtures: ['positive/sea/shopee-sg-verify-captcha.html'],
  },
  {
    id: 'sea.shopee.error-90309999',
    kind: 'risk-challenge',
    platform: 'shopee',
    hosts: SHOPEE,
    signal: 'network',
    urlPatterns: ['^https?://[^/]*shopee\\.[a-z.]+/api/v\\d+/'],
    resource: ['api'],
    patterns: ['"error"\\s*:\\s*90309999\\b'],
    confidence: 0.85,
    source:
      'https://github.com/jimting/shopeeCrawler/issues/6; https://github.com/lthoangg/shopee-crawler/issues/16; https://github.com/mvanhorn/printing-press-library/pull/1428',
    fixtures: [
      'positive/sea/shopee-search-90309999.json',
      'positive/sea/shopee-sg-90309999-redirect.json',
      'positive/sea/shopee-item-90309999-403.json',
    ],
  },
  {
    id: 'sea.shopee.tw-puzzle',
    kind: 'risk-challenge',
    platform: 'shopee',
    hosts: SHOPEE,
    signal: 'text',
    // Label of the shopee.tw login puzzle ("click to reload the page").
    // The label alone could also sit under a failed image; count it in the puzzle pop-up only.
    phrases: ['點擊以重新載入頁面'],
    prominent: true,
    confidence: 0.45,
    source: 'wdzeng/shopee-coins-bot:src/text.ts@98da160696e9 (PKAY_PUZZLE)',
    fixtures: ['positive/sea/shopee-tw-login-puzzle.html'],
  },
  {
    id: 'sea.shopee.tw-verify-limit',
    kind: 'risk-challenge',
    platform: 'shopee',
    hosts: SHOPEE,
    signal: 'text',
    phrases: ['您已達到今日驗證次數上限', '很抱歉，您的操作次數過多，請稍後再試'],
    confidence: 0.7,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'wdzeng/shopee-coins-bot:src/text.ts@98da160696e9 (TOO_MUCH_TRY)',
    fixtures: ['positive/sea/shopee-tw-verify-limit.html', 'positive/sea/shopee-tw-too-many-operations.html'],
  },
  {
    id: 'sea.shopee.tw-verification-denied',
    kind: 'account-restricted',
    platform: 'shopee',
    hosts: SHOPEE,
    signal: 'text',
    phrases: ['很抱歉，您的身份驗證已遭到拒絕'],
    confidence: 0.7,
    source: 'wdzeng/shopee-coins-bot:src/text.ts@98da160696e9 (FAILURE)',
    fixtures: ['positive/sea/shopee-tw-identity-denied.html'],
  },

  {
    id: 'sea.shopee.market-closed',
    kind: 'service-suspended',
    platform: 'shopee',
    hosts: SHOPEE,
    signal: 'text',
    phrases: ['platform will be ceasing operations'],
    confidence: 0.7,
    source:
      'Shopee India notice of 28 March 2022 ("We regret to inform you that the Shopee India platform will be ceasing operations with effect from 29 March, 12.00AM (IST)."), quoted at https://1212sj.com/53050.html and https://www.thehindubusinessline.com/companies/shopee-shuts-india-operations-within-6-months-of-launch/article65267634.ece',
    fixtures: ['positive/sea/shopee-in-ceasing-operations.html'],
  },
];
