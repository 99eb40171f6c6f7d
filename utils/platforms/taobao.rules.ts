import type { Rule } from '../detect/types';

/**
 * Taobao, and what every Alibaba site shares: the "baxia" (霸下) punish pages and in-page
 * slider and the mtop H5 API refusals, on Tmall (incl. tmall.hk), Juhuasuan, 1688, Xianyu /
 * Goofish, AliExpress, Lazada, Alibaba.com and Alipay too. Their own notices are in their files.
 *
 * Confidence design (engine: report at >= 0.5; title/heading/dialog +0.1; body on a page of
 * more than 3,000 visible characters -0.3, prominent rules ignored there):
 * - distinctive punish-page sentences: 0.75, so that a long news or help article that quotes
 *   them stays at 0.45, while the short punish page reports at 0.75-0.85;
 * - generic titles ("访问被拒绝", "系统正忙", "验证码拦截"): 0.45 + prominent, so that they only
 *   count in the title, a heading or a dialog;
 * - URL and network markers that ordinary pages never carry: 0.8-0.9.
 */

/** Every host the baxia wall (x5 gateway / sufei-punish) is served on. */
export const ALIBABA_HOSTS = [
  'taobao.com',
  'tb.cn',
  'tmall.com',
  'tmall.hk',
  'juhuasuan.com',
  '1688.com',
  'goofish.com',
  'xianyu.com',
  'aliexpress.com',
  'aliexpress.us',
  'aliexpress.ru',
  'lazada.*',
  'lazada.com.my',
  'lazada.co.th',
  'lazada.co.id',
  'lazada.com.ph',
  'lazada.vn',
  'lazada.sg',
  'alibaba.com',
  'alicdn.com',
  'alipay.com',
  'alimama.com',
  'fliggy.com',
  'feizhu.com',
  'etao.com',
];

const TAOBAO_HOSTS = ['taobao.com', 'tb.cn', 'tmall.com', 'tmall.hk', 'juhuasuan.com', 'goofish.com', 'xianyu.com'];

/** The i18n table and templates of the punish page (deny/wait/captcha), copied in a public repo. */
export const SRC_PUNISH_BUNDLE =
  'https://github.com/liangruiji/kaohe/blob/7e94bbc293c7701f0b24a9bc201672268dc25d7d/test_CJ/js/2.js (copy of sufei-punish bundle: ./src/modules/i18n/language.js, punishpage/*.js)';
const SRC_PUNISH_SAVED =
  'https://github.com/liangruiji/kaohe/blob/2dfe6d581cda2b453da852146332114d449ad401/%E7%94%9F%E6%84%8F%E5%8F%82%E8%B0%8B1.html (saved sycm.taobao.com punish page)';
const SRC_BAXIA_SDK = 'https://github.com/liangruiji/kaohe/blob/HEAD/baxiaCommon2.0.50%202021-11-18.js (copy of baxia client SDK 2.0.50)';

export const rules: Rule[] = [
  // ───────────────────────── baxia punish page: URL ─────────────────────────
  {
    id: 'alibaba.baxia.url-captcha',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'url',
    patterns: ['/_____tmd_____/punish(?![^#]*[?&]action=(?:deny|wait)(?:[&#]|$))'],
    confidence: 0.9,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/liangruiji/kaohe/blob/7e94bbc293c7701f0b24a9bc201672268dc25d7d/test_CJ/js/2.js (copy of sufei-punish bundle: ./src/modules/i18n/language.js, punishpage/*.js); https://github.com/anghunk/UserScript/issues/14; liangruiji/kaohe:baxiaCommon2.0.47.js@2dfe6d581cda (shows "/_____tmd_____/punish")',
    fixtures: [
      'positive/alibaba/baxia-captcha-zh.html',
      'positive/alibaba/baxia-url-only-lazada-ph.html',
      'positive/alibaba/redirect-302-punish-tmall.json',
      'positive/alibaba/redirect-302-punish-lazada-id.json',
    ],
  },
  {
    id: 'alibaba.baxia.url-deny',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'url',
    patterns: ['/_____tmd_____/punish\\?[^#]*\\baction=deny\\b'],
    confidence: 0.9,
    source: SRC_PUNISH_BUNDLE,
    fixtures: ['positive/alibaba/baxia-deny-zh.html', 'positive/alibaba/redirect-302-punish-aliexpress-deny.json'],
  },
  {
    id: 'alibaba.baxia.url-wait',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'url',
    patterns: ['/_____tmd_____/punish\\?[^#]*\\baction=wait\\b'],
    confidence: 0.85,
    source: SRC_PUNISH_BUNDLE,
    fixtures: ['positive/alibaba/baxia-wait-zh.html', 'positive/alibaba/baxia-wait-en-lazada-sg.html'],
  },

  // ───────────────────────── baxia punish page: zh-CN ─────────────────────────
  {
    id: 'alibaba.baxia.captcha-zh',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['休息会呗，坐下来喝口水', '为保证您的正常访问请进行验证'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (zh-CN captcha-h5-tips, captcha-h5-tips-slider); https://github.com/LazyImmortal/Sesame/issues/8 (Alipay shows the same slider prompt)`,
    fixtures: [
      'positive/alibaba/baxia-captcha-zh.html',
      'positive/alibaba/baxia-captcha-zh-goofish.html',
      'positive/alibaba/baxia-captcha-zh-alipay.html',
      'positive/alibaba/baxia-captcha-zh-juhuasuan.html',
      'positive/alibaba/tmall-detail-baxia-dialog.html',
    ],
  },
  {
    id: 'alibaba.baxia.deny-zh',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['亲，访问被拒绝', '请检查是否使用了代理软件或 VPN'],
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/liangruiji/kaohe/blob/7e94bbc293c7701f0b24a9bc201672268dc25d7d/test_CJ/js/2.js (copy of sufei-punish bundle: ./src/modules/i18n/language.js, punishpage/*.js) (zh-CN deny-h5-tips)',
    fixtures: ['positive/alibaba/baxia-deny-zh.html', 'positive/alibaba/baxia-deny-zh-1688.html'],
  },
  {
    id: 'alibaba.baxia.wait-zh',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['亲，小二正忙 等一下马上回来'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (zh-CN wait-h5-tips)`,
    fixtures: ['positive/alibaba/baxia-wait-zh.html'],
  },
  {
    id: 'alibaba.baxia.title-captcha',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['验证码拦截', '驗證碼攔截', 'Captcha Interception'],
    unless: ['帮助中心', '常见问题'],
    confidence: 0.45,
    prominent: true,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/liangruiji/kaohe/blob/7e94bbc293c7701f0b24a9bc201672268dc25d7d/test_CJ/js/2.js (copy of sufei-punish bundle: ./src/modules/i18n/language.js, punishpage/*.js) (captcha-title); jackwener/OpenCLI:clis/1688/shared.js@27ba33fcb8ad (shows "验证码拦截")',
    fixtures: [
      'positive/alibaba/baxia-captcha-zh.html',
      'positive/alibaba/baxia-captcha-zh-1688.html',
      'positive/alibaba/baxia-captcha-en-aliexpress.html',
    ],
  },
  {
    id: 'alibaba.baxia.title-deny',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['访问被拒绝'],
    unless: ['帮助中心', '常见问题', '怎么办'],
    confidence: 0.45,
    prominent: true,
    source: `${SRC_PUNISH_BUNDLE} (deny-title 访问被拒绝 / 訪問被拒絕)`,
    fixtures: ['positive/alibaba/baxia-deny-zh.html', 'positive/alibaba/baxia-deny-zh-tw.html'],
  },
  {
    id: 'alibaba.baxia.title-wait',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['系统正忙', '系統繁忙'],
    unless: ['帮助中心', '常见问题', '怎么办'],
    confidence: 0.45,
    prominent: true,
    source: `${SRC_PUNISH_BUNDLE} (wait-title 系统正忙 / 系統繁忙)`,
    fixtures: ['positive/alibaba/baxia-wait-zh.html', 'positive/alibaba/baxia-wait-zh-tw.html'],
  },

  // ───────────────────────── baxia punish page: zh-TW / zh-HK ─────────────────────────
  {
    id: 'alibaba.baxia.captcha-zh-tw',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['休息一會兒，坐下來喝口水吧'],
    confidence: 0.75,
    source:
      'https://github.com/liangruiji/kaohe/blob/7e94bbc293c7701f0b24a9bc201672268dc25d7d/test_CJ/js/2.js (copy of sufei-punish bundle: ./src/modules/i18n/language.js, punishpage/*.js) (zh-TW captcha-h5-tips, the slider prompt 為保證您的正常訪問請進行驗證 folds to the zh-CN one)',
    fixtures: ['positive/alibaba/baxia-captcha-zh-tw.html'],
  },
  {
    id: 'alibaba.baxia.deny-zh-tw',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['您的訪問被拒絕'],
    confidence: 0.75,
    source:
      'https://github.com/liangruiji/kaohe/blob/7e94bbc293c7701f0b24a9bc201672268dc25d7d/test_CJ/js/2.js (copy of sufei-punish bundle: ./src/modules/i18n/language.js, punishpage/*.js) (zh-TW deny-h5-tips, 請檢查是否使用了代理軟件或 VPN folds to the zh-CN rule)',
    fixtures: ['positive/alibaba/baxia-deny-zh-tw.html'],
  },
  {
    id: 'alibaba.baxia.wait-zh-tw',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['系統繁忙，請您稍等片刻，稍等馬上回來哦'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (zh-TW wait-h5-tips)`,
    fixtures: ['positive/alibaba/baxia-wait-zh-tw.html'],
  },

  // ───────────────────────── baxia punish page: en ─────────────────────────
  {
    id: 'alibaba.baxia.captcha-en',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['Sorry, we have detected unusual traffic from your network', 'Please slide to verify'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (en-US captcha-h5-tips); https://github.com/dropod/issues/issues/12763; https://github.com/seleniumbase/SeleniumBase/issues/3986 (alibaba.com); https://github.com/easylist/easylist/issues/342 (aliexpress.com)`,
    fixtures: [
      'positive/alibaba/baxia-captcha-en-aliexpress.html',
      'positive/alibaba/baxia-captcha-en-alibaba.html',
      'positive/alibaba/aliexpress-login-slide-dialog.html',
      'positive/alibaba/taobao-search-unusual-traffic-en.html',
    ],
  },
  {
    id: 'alibaba.baxia.deny-en',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['We have detected abnormal network request', 'Please check whether it is hijacked by proxy or VPN'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (en-US deny-h5-tips)`,
    fixtures: ['positive/alibaba/baxia-deny-en-aliexpress-us.html', 'positive/alibaba/baxia-deny-en-alibaba.html'],
  },
  {
    id: 'alibaba.baxia.wait-en',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['Please try again'],
    all: ['Feedback ID'],
    confidence: 0.6,
    prominent: true,
    source: `${SRC_PUNISH_BUNDLE} (en-US wait-h5-tips with the feedback-code label)`,
    fixtures: ['positive/alibaba/baxia-wait-en-lazada-sg.html'],
  },

  // ───────────────────────── sliders and the in-page baxia dialog ─────────────────────────
  {
    id: 'alibaba.nc.slider',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['请按住滑块，拖动到最右边', '哎呀，出错了，点击刷新再来一次'],
    confidence: 0.45,
    prominent: true,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'jackwener/OpenCLI:clis/1688/shared.js@27ba33fcb8ad (shows "请按住滑块，拖动到最右边")',
    fixtures: ['positive/alibaba/tmall-detail-baxia-dialog.html', 'positive/alibaba/goofish-im-baxia-dialog.html'],
  },
  {
    id: 'alibaba.baxia.sdk-unverified',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['请先完成验证后再进行操作'],
    confidence: 0.7,
    source: `${SRC_BAXIA_SDK} (_unVerifiedCallback)`,
    fixtures: ['positive/alibaba/taobao-item-baxia-unverified-toast.html'],
  },
  {
    id: 'taobao.slider.busy-slide',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['亲，小二正忙，滑动一下马上回来'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://s.taobao.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/alibaba/taobao-search-slider-busy.html', 'positive/alibaba/1688-company-search-slider-busy.html'],
  },

  // ───────────────────────── Taobao seller tools (sycm) plugin wall ─────────────────────────
  {
    id: 'taobao.sycm.crawler-plugin-deny',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ['taobao.com', 'tmall.com', '1688.com', 'alibaba.com'],
    signal: 'text',
    phrases: ['检测到您正使用爬虫/插件'],
    confidence: 0.75,
    source: `${SRC_PUNISH_SAVED} (languageConfig deny-h5-tips: 页面将在您停止违规行为10min后恢复访问)`,
    fixtures: ['positive/alibaba/taobao-sycm-plugin-deny.html'],
  },

  // ───────────────────────── account restrictions ─────────────────────────
  {
    id: 'taobao.account.login-unavailable',
    kind: 'account-restricted',
    platform: 'taobao',
    hosts: TAOBAO_HOSTS,
    signal: 'text',
    phrases: ['您的账户暂时无法登录，请稍后再试'],
    confidence: 0.75,
    source: 'https://www.61sou.com/app/498625.html (淘宝账号被限制登录: 登录页面提示“您的账户暂时无法登录,请稍后再试”)',
    fixtures: ['positive/alibaba/taobao-login-account-unavailable.html'],
  },

  // ───────────────────────── promotion refusals ─────────────────────────
  {
    id: 'taobao.promo.too-hot',
    kind: 'promotion-denied',
    platform: 'taobao',
    hosts: TAOBAO_HOSTS,
    signal: 'text',
    phrases: ['活动太火爆了，请稍后再试'],
    confidence: 0.5,
    prominent: true,
    source:
      'https://github.com/jayeew/TaoBaoScripts/issues/41 (blacklisted Taobao account: seckill always answers “活动太火爆了，请稍后再试”); https://github.com/gaoxt/taobao_api/pull/6',
    fixtures: [
      'positive/alibaba/taobao-seckill-too-hot-toast.html',
      'positive/alibaba/juhuasuan-too-hot-toast.html',
      'positive/alibaba/tmall-coupon-too-hot-toast.html',
    ],
  },

  // ───────────────────────── mtop H5 API (network) ─────────────────────────
  {
    id: 'alibaba.mtop.rgv587',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    resource: ['api'],
    patterns: ['"ret"\\s*:\\s*\\[[^\\]]*"(?:RGV587_ERROR|FAIL_SYS_USER_VALIDATE)'],
    confidence: 0.9,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/Kohgane/proxy-commerce/blob/HEAD/tests/fixtures/taobao_mtop/rgv587_punish.json; https://github.com/shaxiu/XianyuAutoAgent/issues/59; https://github.com/3394772548/yue-spider/issues/8',
    fixtures: [
      'positive/alibaba/mtop-rgv587-taobao-detail.json',
      'positive/alibaba/mtop-user-validate-xianyu-token.json',
      'positive/alibaba/mtop-user-validate-xianyu-search.json',
      'positive/alibaba/mtop-rgv587-lazada.json',
      'positive/alibaba/mtop-rgv587-taobao-jsonp.json',
      'positive/alibaba/bxpunish-header-taobao-api.json',
    ],
  },
  {
    id: 'alibaba.mtop.traffic-limit',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    resource: ['api'],
    patterns: ['"ret"\\s*:\\s*\\[\\s*"(?:FAIL_SYS_TRAFFIC_LIMIT|FAIL_SYS_FLOWLIMIT)'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://buy.m.tmall.com/ (the answer is served on this site\'s pages)',
    fixtures: ['positive/alibaba/mtop-traffic-limit-tmall-order.json', 'positive/alibaba/mtop-flowlimit-1688.json'],
  },
  {
    id: 'alibaba.mtop.illegal-access',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    resource: ['api'],
    patterns: ['"ret"\\s*:\\s*\\[\\s*"FAIL_SYS_ILLEGAL_ACCESS'],
    confidence: 0.6,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://s.1688.com/ (the answer is served on this site\'s pages)',
    fixtures: ['positive/alibaba/mtop-illegal-access-1688.json'],
  },
  {
    id: 'alibaba.mtop.sm-odd-request',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    resource: ['api'],
    patterns: ['"ret"\\s*:\\s*\\[\\s*"FAIL_SYS_SM_ODD_REQUEST'],
    confidence: 0.8,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://main.m.taobao.com/ (the answer is served on this site\'s pages)',
    fixtures: ['positive/alibaba/mtop-sm-odd-request-taobao.json'],
  },
  {
    id: 'alibaba.mtop.api-stop-service',
    kind: 'service-suspended',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    resource: ['api'],
    patterns: ['"ret"\\s*:\\s*\\[\\s*"FAIL_SYS_API_STOP_SERVICE'],
    confidence: 0.6,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://h5.m.taobao.com/ (the answer is served on this site\'s pages)',
    fixtures: ['positive/alibaba/mtop-api-stop-service-taobao.json'],
  },

  // ───────────────────────── baxia markers in responses (network) ─────────────────────────
  {
    id: 'alibaba.baxia.rgv587-flag-json',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    resource: ['api'],
    patterns: ['"rgv587_flag"\\s*:\\s*"sm"'],
    confidence: 0.85,
    source: `${SRC_BAXIA_SDK} (a response is a punish when "sm" === rgv587_flag && url)`,
    fixtures: ['positive/alibaba/baxia-rgv587-flag-json-1688.json'],
  },
  {
    id: 'alibaba.baxia.punish-document',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    patterns: [
      '<!--\\s*rgv587_flag\\s*:\\s*sm\\s*-->|window\\._config_\\s*=\\s*\\{[\\s\\S]{0,4000}?"action"\\s*:\\s*"(?:captcha|wait|nlp|capslide|captchanlp|captchacapslide)"',
    ],
    unless: ['"action": "deny"'],
    confidence: 0.85,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/liangruiji/kaohe/blob/2dfe6d581cda2b453da852146332114d449ad401/%E7%94%9F%E6%84%8F%E5%8F%82%E8%B0%8B1.html (saved sycm.taobao.com punish page) (window._config_ with "action": "captcha", <!--rgv587_flag:sm-->)',
    fixtures: ['positive/alibaba/baxia-punish-document-sycm.json', 'positive/alibaba/bxpunish-header-1688-detail.json'],
  },
  {
    id: 'alibaba.baxia.punish-document-deny',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    patterns: ['window\\._config_\\s*=\\s*\\{[\\s\\S]{0,4000}?"action"\\s*:\\s*"deny"'],
    confidence: 0.85,
    source: `${SRC_PUNISH_SAVED}; ${SRC_PUNISH_BUNDLE} (action deny)`,
    fixtures: ['positive/alibaba/baxia-punish-document-deny-1688.json'],
  },
  {
    id: 'alibaba.baxia.bxpunish-header',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    header: { name: 'bxpunish', value: '^\\s*1\\s*$' },
    confidence: 0.85,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://detail.1688.com/ (the answer is served on this site\'s pages)',
    fixtures: ['positive/alibaba/bxpunish-header-1688-detail.json', 'positive/alibaba/bxpunish-header-taobao-api.json'],
  },
  {
    id: 'alibaba.baxia.x5-redirect-script',
    kind: 'risk-challenge',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    patterns: [
      'sessionStorage\\.x5referer\\s*=\\s*window\\.location\\.href',
      'window\\.location\\.href\\s*=\\s*"[^"]*/_____tmd_____/page/set_x5referer',
    ],
    confidence: 0.8,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/Kohgane/proxy-commerce/blob/HEAD/tests/fixtures/taobao_mtop/x5_referer.txt; 751754949/node-worm:js.html@2c90b15c28df (shows "window.location.href = "")',
    fixtures: ['positive/alibaba/aliexpress-x5referer-script.json', 'positive/alibaba/taobao-x5-set-referer-script.json'],
  },
  {
    id: 'taobao.x5.login-handshake',
    kind: 'account-restricted',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    patterns: ['loginUrl\\s*=\\s*"https://login\\.m\\.taobao\\.com/login\\.htm\\?_lgt_=1&uuid='],
    confidence: 0.6,
    source: 'https://github.com/Kohgane/proxy-commerce/blob/HEAD/tests/fixtures/taobao_mtop/x5_handshake_body.txt (x5 handshake forcing login)',
    fixtures: ['positive/alibaba/taobao-x5-login-handshake.json'],
  },
  {
    id: 'alibaba.baxia.deny-from-x5',
    kind: 'access-denied',
    platform: 'taobao',
    hosts: ALIBABA_HOSTS,
    signal: 'network',
    phrases: ['Deny from x5'],
    confidence: 0.8,
    source: `${SRC_PUNISH_BUNDLE} (captcha.js: slide answer containing "Deny from x5")`,
    fixtures: ['positive/alibaba/baxia-deny-from-x5-slide.json'],
  },
];
