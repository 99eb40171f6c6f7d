import type { Rule } from '../detect/types';

/**
 * Pinduoduo (拼多多 / yangkeduo H5, mms merchant backend). The H5 request layer answers
 * API error 54001 by storing verify_auth_token and forwarding to /psnl_verification.html.
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const PDD_HOSTS = ['pinduoduo.com', 'yangkeduo.com'];

export const rules: Rule[] = [
  {
    id: 'pinduoduo.risk.psnl-verification-url',
    kind: 'risk-challenge',
    platform: 'pinduoduo',
    hosts: PDD_HOSTS,
    signal: 'url',
    patterns: ['^https?://[a-z0-9.-]+/psnl_verification\\.html'],
    confidence: 0.9,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://mobile.yangkeduo.com/ (the address is served on this site\'s pages)',
    fixtures: ['positive/pinduoduo/psnl-verification.html', 'positive/pinduoduo/goods-302-psnl-verification.json'],
  },
  {
    id: 'pinduoduo.risk.verify-token-api',
    kind: 'risk-challenge',
    platform: 'pinduoduo',
    hosts: PDD_HOSTS,
    signal: 'network',
    patterns: ['"error_code"\\s*:\\s*"?54001\\b'],
    resource: ['api'],
    confidence: 0.85,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/Northxw/Pinduoduo/issues/1 ({"verify_auth_token":"…","scene_id":11,"error_code":54001})',
    fixtures: ['positive/pinduoduo/search-54001.json', 'positive/pinduoduo/mms-goodslist-54001.json'],
  },
  {
    id: 'pinduoduo.risk.too-frequent-toast',
    kind: 'risk-challenge',
    platform: 'pinduoduo',
    hosts: PDD_HOSTS,
    signal: 'text',
    phrases: ['操作太过频繁，请稍后再试'],
    prominent: true,
    confidence: 0.6,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://mms.pinduoduo.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/pinduoduo/mms-too-frequent-toast.html'],
  },
];
