import type { Rule } from '../detect/types';

/**
 * Zhihu (知乎): the unhuman verification, its API codes, suspended profiles.
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const ZHIHU_HOSTS = ['zhihu.com'];

export const rules: Rule[] = [
  // ---- Zhihu --------------------------------------------------------------------------
  {
    id: 'zhihu.access.request-limited',
    kind: 'access-denied',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'text',
    phrases: ['您当前请求存在异常，暂时限制本次访问'],
    confidence: 0.75,
    source:
      'https://github.com/frostming/fxzhihu/issues/44 ({"error":{"message":"您当前请求存在异常，暂时限制本次访问。如有疑问，您可以通过手机摇一摇或登录后私信知乎小管家反馈。","code":40362}} rendered as the page); https://github.com/zhihulite/Hydrogen/issues/120',
    fixtures: ['positive/social/zhihu-40362-page.html'],
  },
  {
    id: 'zhihu.access.request-limited-api',
    kind: 'access-denied',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'network',
    patterns: ['"code"\\s*:\\s*40362\\b'],
    resource: ['api', 'document'],
    confidence: 0.8,
    source:
      'https://github.com/frostming/fxzhihu/issues/44; https://github.com/zhihulite/Hydrogen/issues/120 (code 40362)',
    fixtures: ['positive/social/zhihu-40362.json'],
  },
  {
    id: 'zhihu.risk.unhuman-url',
    kind: 'risk-challenge',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'url',
    patterns: ['^https?://(?:www\\.)?zhihu\\.com/account/unhuman\\b'],
    confidence: 0.85,
    source:
      'Requests from a flagged account or IP are redirected to https://www.zhihu.com/account/unhuman?type=unhuman&message=…&need_login=false (crawler README)',
    fixtures: ['positive/social/zhihu-unhuman.html', 'positive/social/zhihu-question-302-unhuman.json'],
  },
  {
    id: 'zhihu.risk.unhuman-api',
    kind: 'risk-challenge',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'network',
    patterns: ['"code"\\s*:\\s*40352\\b'],
    resource: ['api'],
    confidence: 0.8,
    source:
      'Zhihu API {"error":{"code":40352,"need_login":true,"redirect":"https://www.zhihu.com/account/unhuman?type=S6E3V1&…"}}',
    fixtures: ['positive/social/zhihu-40352.json'],
  },
  {
    id: 'zhihu.risk.unhuman-text',
    kind: 'risk-challenge',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'text',
    phrases: ['系统检测到您的账号或IP存在异常流量'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.zhihu.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/social/zhihu-unhuman.html'],
  },
  {
    id: 'zhihu.account.anti-cheat-restricted',
    kind: 'account-restricted',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'text',
    phrases: ['您的账号由于存在异常行为暂时被知乎反作弊系统限制使用'],
    confidence: 0.75,
    source:
      'https://github.com/YaoZeyuan/ZhihuHelp_archived/issues/36 (Zhihu unblock dialog: "非常抱歉，您的帐号由于存在异常行为暂时被知乎反作弊系统限制使用。如果您觉得是误伤，可以发短信恢复帐号使用")',
    fixtures: ['positive/social/zhihu-anti-cheat-dialog.html'],
  },
  {
    id: 'zhihu.account.login-abnormal-api',
    kind: 'account-restricted',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'network',
    phrases: ['当前账号异常，请使用其他方式登录'],
    resource: ['api'],
    confidence: 0.8,
    source:
      "https://github.com/zkqiang/zhihu-login/issues/21 ({'message': '当前帐号异常，请使用其他方式登录，如需帮助请联系知乎管理员', 'code': 120017})",
    fixtures: ['positive/social/zhihu-login-120017.json'],
  },
  {
    id: 'zhihu.profile.suspended',
    kind: 'service-suspended',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'text',
    phrases: ['违反知乎社区规范，该用户账号已被停用'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.zhihu.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/social/zhihu-people-suspended.html'],
  },
];
