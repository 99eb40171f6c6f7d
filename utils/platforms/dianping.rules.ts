import type { Rule } from '../detect/types';

/**
 * Dianping (大众点评): its own verification and refusal pages. The Yoda verification centre
 * it shares with Meituan is in meituan.rules.ts.
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const MT_HOSTS = ['meituan.com', 'dianping.com'];

export const rules: Rule[] = [
  {
    id: 'dianping.risk.verify-center-title',
    kind: 'risk-challenge',
    platform: 'dianping',
    hosts: MT_HOSTS,
    signal: 'text',
    phrases: ['验证中心'],
    prominent: true,
    confidence: 0.5,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/MaLei666/Spider/issues/9 (大众点评验证中心); jackwener/OpenCLI:clis/jd/item.js@27ba33fcb8ad (shows "验证中心")',
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
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.dianping.com/ (the notice is served on this site\'s pages)',
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
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: '403 when banned (https://github.com/Sniper970119/dianping_spider/issues/44)',
    fixtures: ['positive/meituan/dianping-search-blocked.json'],
  },
];
