import type { Rule } from '../detect/types';

/**
 * Meituan (美团, 美团外卖). Meituan and Dianping both send suspected crawlers to the Yoda
 * verification centre on verify.meituan.com (action=spiderindefence); these rules cover both hosts.
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
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'verify.meituan.com/v2/web/general_page?action=spiderindefence&requestCode=…&succCallbackUrl=https://optimus-mtsi.meituan.com/optimus/verifyResult?originUrl=… (Dianping/Meituan web) and /v2/app/general_page (waimai H5); jackwener/OpenCLI:clis/dianping/dianping.test.js@27ba33fcb8ad (shows "://verify.meituan.com/")',
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
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'jackwener/OpenCLI:clis/dianping/utils.js@27ba33fcb8ad (shows "美团安全验证")',
    fixtures: ['positive/meituan/verify-spiderindefence.html', 'positive/meituan/waimai-verify-dialog.html'],
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
      'https://github.com/vv314/actions-mtz-coupons/issues/66; request shape from vv314/actions-mtz-coupons lib/coupons/gundamGrab.js (POST https://mediacps.meituan.com/gundam/gundamGrabV4, msg on failure)',
    fixtures: ['positive/meituan/gundam-grab-account-locked.json'],
  },
];
