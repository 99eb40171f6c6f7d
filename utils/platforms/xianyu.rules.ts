import type { Rule } from '../detect/types';

/**
 * Xianyu / Goofish's own notices. The baxia wall and the mtop refusals that every Alibaba site
 * shares are in taobao.rules.ts, whose confidence design these rules follow.
 */

const XIANYU_HOSTS = ['goofish.com', 'xianyu.com', '2.taobao.com', 'idle.taobao.com'];

export const rules: Rule[] = [
  {
    id: 'xianyu.url.deny-pc',
    kind: 'access-denied',
    platform: 'xianyu',
    hosts: XIANYU_HOSTS,
    signal: 'url',
    patterns: ['^https?://[^/?#]*(?:2\\.taobao\\.com|goofish\\.com|xianyu\\.com)/(?:[^?#]*/)?deny_pc\\.html'],
    confidence: 0.8,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://s.2.taobao.com/ (the address is served on this site\'s pages)',
    fixtures: ['positive/alibaba/xianyu-redirect-deny-pc.json', 'positive/alibaba/xianyu-deny-pc.html'],
  },
];
