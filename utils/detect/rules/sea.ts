import type { Rule } from '../types';

/**
 * Shopee (anti-bot error 90309999, /verify/traffic/error and /verify/captcha, the shopee.tw
 * login puzzle and its limits, a market closure notice), Temu (bgn_verification pages and the
 * risk-login answer) and TikTok Shop (the ByteDance secsdk slider/whirl/3D CAPTCHA, the attempts
 * limit, the January 2025 US shutdown notice).
 */
const SHOPEE = ['shopee.*'];
const TEMU = ['temu.com'];
const TIKTOK = ['tiktok.com', 'tiktokglobalshop.com'];

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
    source:
      'GitHub public files found via find_string (id 58004230437: Shopee redirects to /verify/traffic/error with HTTP 200 and the home page og:title; id 71641666917; id 70104419307)',
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
      'https://github.com/jimting/shopeeCrawler/issues/6 ; https://github.com/lthoangg/shopee-crawler/issues/16 ; https://github.com/mvanhorn/printing-press-library/pull/1428',
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
    source: 'GitHub wdzeng/shopee-coins-bot src/text.ts (PKAY_PUZZLE)',
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
    source:
      'GitHub wdzeng/shopee-coins-bot src/text.ts (TOO_MUCH_TRY) ; GitHub public file found via find_string (id 38997163132: "很抱歉，您的操作次數過多，請稍後再試。")',
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
    source: 'GitHub wdzeng/shopee-coins-bot src/text.ts (FAILURE)',
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

  // ---------------------------------------------------------------- Temu
  {
    id: 'sea.temu.verification-url',
    kind: 'risk-challenge',
    platform: 'temu',
    hosts: TEMU,
    signal: 'url',
    patterns: ['^https?://[^/]*temu\\.com/bgn_(login_)?verification\\.html'],
    confidence: 0.85,
    source:
      'GitHub public files found via find_string (id 16005896884 and 51932074200: https://www.temu.com/bgn_verification.html?VerifyAuthToken=...; id 16980244896: bgn_login_verification.html for risk login; id 54646841869: mall page redirecting to bgn_verification after load)',
    fixtures: [
      'positive/sea/temu-bgn-verification.html',
      'positive/sea/temu-login-verification.html',
      'positive/sea/temu-verification-redirect.json',
    ],
  },
  {
    id: 'sea.temu.risk-login',
    kind: 'risk-challenge',
    platform: 'temu',
    hosts: TEMU,
    signal: 'network',
    urlPatterns: ['/api/bg/sigerus/auth/'],
    resource: ['api'],
    patterns: ['"error_code"\\s*:\\s*54016\\b'],
    all: ['verify_auth_token'],
    confidence: 0.8,
    source:
      'GitHub public file found via find_string (id 16980244896: temu.com /api/bg/sigerus/auth/login answering error_code 54016 with verify_auth_token, then /api/phantom/obtain_captcha); https://github.com/AdguardTeam/AdguardFilters/issues/198120',
    fixtures: ['positive/sea/temu-login-54016.json'],
  },

  // ---------------------------------------------------------------- TikTok Shop
  {
    id: 'sea.tiktok.captcha',
    kind: 'risk-challenge',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'text',
    phrases: [
      'Drag the puzzle piece into place',
      'Drag the slider to fit the puzzle',
      'Select 2 objects that are the same shape',
    ],
    confidence: 0.7,
    source:
      'https://github.com/gbiz123/tiktok-captcha-solver/issues/29 ; GitHub public files found via find_string (id 69086570873: TikTok Shop "Security Check" page "Verify to continue: Drag the puzzle piece into place"; id 29446009528: whirl/3D prompts)',
    fixtures: [
      'positive/sea/tiktok-shop-security-check.html',
      'positive/sea/tiktok-shop-captcha-modal.html',
      'positive/sea/tiktok-3d-captcha.html',
      'positive/sea/tiktok-seller-login-captcha.html',
    ],
  },
  {
    id: 'sea.tiktok.security-check-title',
    kind: 'risk-challenge',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'text',
    phrases: ['Security Check'],
    all: ['Verify to continue'],
    prominent: true,
    confidence: 0.5,
    source: 'GitHub public file found via find_string (id 69086570873: title "Security Check", prompt "Verify to continue:")',
    fixtures: ['positive/sea/tiktok-shop-security-check.html'],
  },
  {
    id: 'sea.tiktok.max-attempts',
    kind: 'risk-challenge',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'text',
    phrases: ['Maximum number of attempts reached. Try again later'],
    confidence: 0.65,
    source:
      'https://github.com/SyntaxSparkk/TikTok/issues/25 ; GitHub public files found via find_string (id 23223335535: span shown after the send-code button; id 57564068441: "TikTok login/risk block")',
    fixtures: ['positive/sea/tiktok-login-max-attempts.html'],
  },
  {
    id: 'sea.tiktok.max-attempts-api',
    kind: 'risk-challenge',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'network',
    urlPatterns: ['/passport/'],
    resource: ['api'],
    phrases: ['Maximum number of attempts reached'],
    patterns: ['"error_code"\\s*:\\s*7\\b'],
    confidence: 0.8,
    source:
      'https://github.com/SyntaxSparkk/TikTok/issues/25 ; GitHub public file found via find_string (id 53187996460: {"data":{"captcha":"","description":"Maximum number of attempts reached. Try again later.","error_code":7},"message":"error"})',
    fixtures: ['positive/sea/tiktok-max-attempts.json'],
  },
  {
    id: 'sea.tiktok.us-shutdown',
    kind: 'service-suspended',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'text',
    phrases: ["Sorry, TikTok isn't available right now", 'A law banning TikTok has been enacted in the U.S'],
    confidence: 0.7,
    source:
      'TikTok notice shown to US users on 19 January 2025, quoted verbatim in GitHub public files found via find_string (ids 24605059666, 8604310651, 8120157750: "Sorry, TikTok isn\'t available right now. A law banning TikTok has been enacted in the U.S. Unfortunately, that means you can\'t use TikTok for now. …")',
    fixtures: ['positive/sea/tiktok-us-unavailable.html'],
  },
];
