import type { Rule } from '../detect/types';

/**
 * Douyin (抖音): the captcha middle page and the web API's "blocked" answer.
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const DOUYIN_HOSTS = ['douyin.com', 'iesdouyin.com', 'jinritemai.com'];

export const rules: Rule[] = [
  // ---- Douyin -----------------------------------------------------------------------
  {
    id: 'douyin.risk.captcha-middle-page',
    kind: 'risk-challenge',
    platform: 'douyin',
    hosts: DOUYIN_HOSTS,
    signal: 'text',
    phrases: ['验证码中间页', '请完成下列验证后继续'],
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'Douyin captcha page, title "验证码中间页", text "请完成下列验证后继续:按住左边按钮拖动完成上方拼图" — https://github.com/dropod/issues/issues/6734 , /issues/17859 (archives of douyin.com/video/… )',
    fixtures: ['positive/social/douyin-captcha-middle-page.html', 'positive/social/douyin-captcha-dialog.html'],
  },
  {
    id: 'douyin.account.blocked-api',
    kind: 'account-restricted',
    platform: 'douyin',
    hosts: DOUYIN_HOSTS,
    signal: 'network',
    patterns: ['^\\s*blocked\\s*$'],
    resource: ['api'],
    confidence: 0.6,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'https://github.com/NanmiCoder/MediaCrawler/issues/478',
    fixtures: ['positive/social/douyin-aweme-blocked.json'],
  },
];
