import type { Rule } from '../detect/types';

/**
 * Xiaohongshu (小红书): captcha and IP-risk pages, the web API's refusal codes.
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const XHS_HOSTS = ['xiaohongshu.com', 'xhslink.com'];

export const rules: Rule[] = [
  // ---- Xiaohongshu ------------------------------------------------------------------
  {
    id: 'xiaohongshu.risk.captcha-url',
    kind: 'risk-challenge',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'url',
    patterns: ['^https?://(?:www\\.)?xiaohongshu\\.com/website-login/captcha\\b'],
    confidence: 0.85,
    source:
      'https://www.xiaohongshu.com/website-login/captcha?redirectPath=…&verifyUuid=…&verifyType=…&verifyBiz=461',
    fixtures: ['positive/social/xhs-website-login-captcha.html', 'positive/social/xhs-explore-302-captcha.json'],
  },
  {
    id: 'xiaohongshu.access.ip-risk-url',
    kind: 'access-denied',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'url',
    patterns: ['^https?://(?:www\\.)?xiaohongshu\\.com/website-login/error\\?[^#]*\\berror_code=300012\\b'],
    confidence: 0.8,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'cv-cat/Spider_XHS:static/xhs_a1_other.js@0e5547ada35f (shows "xiaohongshu.com/website-login/error")',
    fixtures: ['positive/social/xhs-ip-risk.html'],
  },
  {
    id: 'xiaohongshu.access.ip-risk-text',
    kind: 'access-denied',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'text',
    phrases: ['IP存在风险，请切换可靠网络环境后重试'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.xiaohongshu.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/social/xhs-ip-risk.html', 'positive/social/xhs-note-ip-risk.html'],
  },
  {
    id: 'xiaohongshu.access.ip-block-api',
    kind: 'access-denied',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'network',
    patterns: ['"code"\\s*:\\s*300012\\b'],
    resource: ['api'],
    confidence: 0.8,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'ReaJason/xhs:xhs/exception.py@f4b62d9f8e40 ErrorEnum.IP_BLOCK',
    fixtures: ['positive/social/xhs-300012.json'],
  },
  {
    id: 'xiaohongshu.risk.frequency-api',
    kind: 'risk-challenge',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'network',
    patterns: ['"code"\\s*:\\s*300013\\b'],
    resource: ['api'],
    confidence: 0.8,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'XHS API {"code":300013,"success":false,"msg":"访问频次异常，请勿频繁操作或重启试试"} — https://github.com/ReaJason/xhs/issues/133',
    fixtures: ['positive/social/xhs-300013.json'],
  },
  {
    id: 'xiaohongshu.risk.frequency-text',
    kind: 'risk-challenge',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'text',
    phrases: ['访问频次异常，请勿频繁操作'],
    confidence: 0.7,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/ReaJason/xhs/issues/133; cv-cat/Spider_XHS:static/xhs_a1_other.js@0e5547ada35f (shows "访问频次异常，请勿频繁操作")',
    fixtures: ['positive/social/xhs-frequency-toast.html'],
  },
  {
    id: 'xiaohongshu.account.abnormal-api',
    kind: 'account-restricted',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'network',
    phrases: ['当前账号存在异常'],
    patterns: ['"code"\\s*:\\s*300011\\b'],
    resource: ['api'],
    confidence: 0.8,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.xiaohongshu.com/ (the answer is served on this site\'s pages)',
    fixtures: ['positive/social/xhs-300011.json'],
  },
  {
    id: 'xiaohongshu.risk.verify-status',
    kind: 'risk-challenge',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'network',
    status: [461, 471],
    header: { name: 'Verifytype' },
    confidence: 0.85,
    // The public files where this was first seen are left out: the search that found them
    // could not name their repositories.
    source: 'ReaJason/xhs:xhs/core.py@f4b62d9f8e40 (a 461/471 answer with the Verifytype and Verifyuuid headers means a captcha)',
    fixtures: ['positive/social/xhs-461-verify.json'],
  },
];
