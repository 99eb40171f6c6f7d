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
];
