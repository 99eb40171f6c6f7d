import type { Rule } from '../detect/types';

/**
 * JD.com (京东): risk_handler verification wall, search throttling, account locks at login,
 * flash-sale and coupon refusals. Coupon messages of the wq.jd.com "freedraw" module are
 * shown client-side (the API only returns a numeric code), so they are text rules only.
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const JD_HOSTS = ['jd.com', 'jd.hk', '3.cn'];

export const rules: Rule[] = [
  {
    id: 'jd.risk.handler-url',
    kind: 'risk-challenge',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'url',
    patterns: ['^https?://[a-z0-9.-]*\\bjd\\.com/privatedomain/risk_handler/'],
    confidence: 0.9,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://cfe.m.jd.com/ (the address is served on this site\'s pages)',
    fixtures: [
      'positive/jd/risk-handler.html',
      'positive/jd/item-302-risk-handler.json',
      'positive/jd/search-302-risk-handler.json',
    ],
  },
  {
    id: 'jd.risk.verify-text',
    kind: 'risk-challenge',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'text',
    phrases: ['验证一下，购物无忧'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://cfe.m.jd.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/jd/risk-handler.html', 'positive/jd/risk-handler-mobile.html'],
  },
  {
    id: 'jd.search.too-frequent',
    kind: 'risk-challenge',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'text',
    phrases: ['搜索过于频繁'],
    confidence: 0.7,
    source: 'https://github.com/zhangjiancong/MarketSpider/issues/38 (爬京东显示搜索过于频繁)',
    fixtures: ['positive/jd/search-too-frequent.html'],
  },
  {
    id: 'jd.account.locked',
    kind: 'account-restricted',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'text',
    phrases: ['因安全原因被暂时封锁'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://passport.jd.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/jd/passport-login-locked.html'],
  },
  {
    id: 'jd.account.locked-api',
    kind: 'account-restricted',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'network',
    phrases: ['因安全原因被暂时封锁'],
    resource: ['api'],
    confidence: 0.85,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://plogin.m.jd.com/ (the answer is served on this site\'s pages)',
    fixtures: ['positive/jd/plogin-locked.json'],
  },
  {
    id: 'jd.account.risky',
    kind: 'account-restricted',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'text',
    phrases: ['您的京东账号存在风险行为', '您的账号存在风险，请您稍后再试或联系客服'],
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/oevery/ninja/issues/66 , /issues/71 (JD QR login: "您的账号存在风险，请您稍后再试或联系客服")',
    fixtures: ['positive/jd/plogin-account-risk.html', 'positive/jd/wq-bind-risky-account.html'],
  },
  {
    id: 'jd.account.too-frequent',
    kind: 'risk-challenge',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'text',
    phrases: ['您的操作过于频繁，请五分钟后再试'],
    confidence: 0.65,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://wqs.jd.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/jd/wq-bind-too-frequent.html'],
  },
  // "很遗憾没有抢到" is every losing buyer's answer to a flash sale, with resultCode 90008 or 90016
  // alike; the notice corpus records it as ordinary from two sources (tests/fixtures/notices/zh.jsonl),
  // so it is a must-not-fire fixture (negative/jd/seckill-not-won*.{json,html}), not a rule.
  {
    id: 'jd.seckill.too-fast',
    kind: 'risk-challenge',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'network',
    phrases: ['您提交过快，请稍后再提交订单', '您多次提交过快'],
    resource: ['api'],
    confidence: 0.65,
    source:
      'https://github.com/huanghyw/jd_seckill/issues/472 ({"errorMessage":"抱歉，您提交过快，请稍后再提交订单！","resultCode":60017}); https://github.com/cycz/jdBuyMask/issues/15',
    fixtures: ['positive/jd/seckill-too-fast.json'],
  },
  {
    // The slider validator (iv.jd.com) refusing an attempt and asking for another slide.
    id: 'jd.risk.validator-refused-api',
    kind: 'risk-challenge',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'network',
    patterns: ['"message"\\s*:\\s*"refuse"[^}]{0,200}"nextVerify"\\s*:\\s*"[A-Z_]*VERIFY"'],
    resource: ['api'],
    confidence: 0.7,
    source: 'https://github.com/zero205/JD_tencent_scf/issues/122 ({"message":"refuse","u":"2","nextVerify":"SLIDE_VERIFY","success":"0"})',
    fixtures: ['positive/jd/validator-refused.json'],
  },
  {
    // item-soa's answer to an address that asked too often: no item, only a limit flag (single-quoted, not JSON).
    id: 'jd.access.item-limit-api',
    kind: 'access-denied',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'network',
    patterns: ["^\\s*\\{\\s*['\"]code['\"]\\s*:\\s*200\\s*,\\s*['\"]limit['\"]\\s*:\\s*1\\s*\\}\\s*$"],
    resource: ['api'],
    confidence: 0.7,
    source: "https://github.com/zas023/JdBuyer/issues/37 ({'code':200,'limit':1} in place of the item's JSON, a reply explains it as the IP's frequent-access limit)",
    fixtures: ['positive/jd/item-limit.json'],
  },
  {
    id: 'jd.coupon.already-joined',
    kind: 'promotion-denied',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'text',
    phrases: ['您今天已经参加过此活动', '您已经参加过此活动，别太贪心哟', '您已经参与过此活动，别太贪心哟'],
    confidence: 0.7,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://wqs.jd.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/jd/coupon-already-today-dialog.html'],
  },
  {
    id: 'jd.coupon.already-joined-api',
    kind: 'promotion-denied',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'network',
    phrases: ['您今天已经参加过此活动', '您已经参加过此活动，别太贪心哟', '您已经参与过此活动，别太贪心哟'],
    resource: ['api'],
    confidence: 0.7,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://jingfen.jd.com/ (the answer is served on this site\'s pages)',
    fixtures: ['positive/jd/jingfen-coupon-already.json'],
  },
  {
    id: 'jd.coupon.ineligible',
    kind: 'promotion-denied',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'text',
    phrases: ['您的账户级别稍微有点低', '貌似领不了哟，看一下其他活动吧', '十分抱歉，领券失败了哟'],
    confidence: 0.7,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://wqs.jd.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/jd/coupon-level-low-dialog.html', 'positive/jd/coupon-cannot-claim-dialog.html'],
  },
  {
    id: 'jd.coupon.too-frequent',
    kind: 'risk-challenge',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'text',
    phrases: ['您提交过于频繁', '您提交的过于频繁'],
    confidence: 0.6,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://wqs.jd.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/jd/coupon-too-frequent-dialog.html'],
  },
  {
    id: 'jd.promo.too-hot',
    kind: 'promotion-denied',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'text',
    phrases: ['活动太火爆，请您一会再来吧', '活动太火爆，请稍后再试', '活动太火爆了，还是去买买买吧', '活动太火爆，休息一会再来哟'],
    prominent: true,
    confidence: 0.6,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'nyqty/scripts:jd_a2.js@f688b0a77848 (shows "活动太火爆，请稍后再试"); nyqty/scripts:jd_plantBean.js@f688b0a77848 (shows "活动太火爆了，还是去买买买吧")',
    fixtures: ['positive/jd/coupon-too-hot-dialog.html', 'positive/jd/shop-card-too-hot-toast.html'],
  },
  {
    id: 'jd.promo.too-hot-api',
    kind: 'promotion-denied',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'network',
    phrases: ['活动太火爆，请稍后再试', '活动太火爆了，还是去买买买吧', '活动太火爆，休息一会再来哟'],
    resource: ['api'],
    confidence: 0.6,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'nyqty/scripts:jd_a2.js@f688b0a77848 (shows "活动太火爆，请稍后再试"); nyqty/scripts:jd_plantBean.js@f688b0a77848 (shows "活动太火爆了，还是去买买买吧")',
    fixtures: ['positive/jd/bind-with-vender-too-hot.json'],
  },
  {
    id: 'jd.coupon.not-grabbed-api',
    kind: 'promotion-denied',
    platform: 'jd',
    hosts: JD_HOSTS,
    signal: 'network',
    phrases: ['很抱歉，没抢到'],
    resource: ['api'],
    confidence: 0.55,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://pro.m.jd.com/ (the answer is served on this site\'s pages)',
    fixtures: ['positive/jd/babel-coupon-not-grabbed.json'],
  },
];
