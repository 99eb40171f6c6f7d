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
    // TODO-SOURCE
    source: '',
    fixtures: ['positive/alibaba/xianyu-redirect-deny-pc.json', 'positive/alibaba/xianyu-deny-pc.html'],
  },
];
