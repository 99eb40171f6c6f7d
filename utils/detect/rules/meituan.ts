import type { Rule } from '../types';

/**
 * Meituan (美团, 美团外卖) and Dianping (大众点评). Both send suspected crawlers to the Yoda
 * verification centre on verify.meituan.com (action=spiderindefence).
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const MT_HOSTS = ['meituan.com', 'dianping.com'];

export const rules: Rule[] = [
  {
    id: 'meituan.risk.verify-url',
    kind: 'risk-challenge',
    platform: 'meituan',
    hosts: MT_HOSTS,
    signal: 'url',
    patterns: ['^https?://verify\\.meituan\\.com/v2/(?:web|app)/general_page\\b', '^https?://verify\\.meituan\\.com/[^#]*\\baction=spiderindefence\\b'],
    confidence: 0.9,
    source:
      'Corpus notices-dev: verify.meituan.com/v2/web/general_page?action=spiderindefence&requestCode=…&succCallbackUrl=https://optimus-mtsi.meituan.com/optimus/verifyResult?originUrl=… (Dianping/Meituan web) and /v2/app/general_page (waimai H5); code index ids 30931648784, 13995869626, 33722751056',
    fixtures: [
      'positive/meituan/verify-spiderindefence.html',
      'positive/meituan/dianping-shop-302-verify.json',
      'positive/meituan/waimai-302-verify.json',
    ],
  },
  {
    id: 'meituan.risk.verify-text',
    kind: 'risk-challenge',
    platform: 'meituan',
    hosts: MT_HOSTS,
    signal: 'text',
    phrases: ['美团安全验证'],
    confidence: 0.75,
    source:
      'Dianping adapters of jackwener/opencli classify "美团安全验证 请依次点击" on verify.meituan.com as captcha (code index ids 52046530907, 57010444151)',
    fixtures: ['positive/meituan/verify-spiderindefence.html', 'positive/meituan/waimai-verify-dialog.html'],
  },
  {
    id: 'dianping.risk.verify-center-title',
    kind: 'risk-challenge',
    platform: 'dianping',
    hosts: MT_HOSTS,
    signal: 'text',
    phrases: ['验证中心'],
    prominent: true,
    confidence: 0.5,
    source:
      'Dianping crawlers test the answer for "<title>验证中心</title>" (code index ids 6371854889, 5779307656, 45396996564); https://github.com/MaLei666/Spider/issues/9 (大众点评验证中心)',
    fixtures: ['positive/meituan/verify-spiderindefence.html', 'positive/meituan/dianping-verify-center.html'],
  },
  {
    id: 'dianping.access.page-unavailable',
    kind: 'access-denied',
    platform: 'dianping',
    hosts: ['dianping.com'],
    signal: 'text',
    phrases: ['抱歉！页面无法访问'],
    all: ['userip'],
    confidence: 0.7,
    source:
      'Dianping block page "抱歉！页面无法访问...... 错误信息： currentDate:… userIp:… userAgent:… 去大众点评首页" quoted by public crawlers (code index ids 34095413913, 27680003308)',
    fixtures: ['positive/meituan/dianping-page-unavailable.html'],
  },
  {
    id: 'dianping.access.page-unavailable-document',
    kind: 'access-denied',
    platform: 'dianping',
    hosts: ['dianping.com'],
    signal: 'network',
    phrases: ['抱歉！页面无法访问'],
    all: ['userip'],
    resource: ['document'],
    confidence: 0.7,
    source:
      'Dianping refusal answer "抱歉！页面无法访问...... 错误信息： currentDate:… userIp:… userAgent:…" to scripted requests (code index ids 34095413913, 48927343994, 27680003308); 403 when banned (https://github.com/Sniper970119/dianping_spider/issues/44)',
    fixtures: ['positive/meituan/dianping-search-blocked.json'],
  },
  {
    id: 'meituan.account.locked',
    kind: 'account-restricted',
    platform: 'meituan',
    hosts: MT_HOSTS,
    signal: 'text',
    phrases: ['已将账号锁定，请访问美团App进行账号解锁', '由于您的账号近期存在异常操作'],
    confidence: 0.75,
    source:
      'https://github.com/vv314/actions-mtz-coupons/issues/66 (message of mediacps.meituan.com/gundam/gundamGrabV4: "由于您的账号近期存在异常操作，为确保账号安全，已将账号锁定，请访问美团App进行账号解锁")',
    fixtures: ['positive/meituan/waimai-account-locked-dialog.html'],
  },
  {
    id: 'meituan.account.locked-api',
    kind: 'account-restricted',
    platform: 'meituan',
    hosts: MT_HOSTS,
    signal: 'network',
    phrases: ['已将账号锁定，请访问美团App进行账号解锁', '由于您的账号近期存在异常操作'],
    resource: ['api'],
    confidence: 0.85,
    source:
      'https://github.com/vv314/actions-mtz-coupons/issues/66 ; request shape from vv314/actions-mtz-coupons lib/coupons/gundamGrab.js (POST https://mediacps.meituan.com/gundam/gundamGrabV4, msg on failure)',
    fixtures: ['positive/meituan/gundam-grab-account-locked.json'],
  },
];
