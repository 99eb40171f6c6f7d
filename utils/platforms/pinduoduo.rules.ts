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
    source:
      'Pinduoduo H5 bundle (copy in a public GitHub repository, code index id 21567077925): case 54001 → uniformForward("/psnl_verification.html?VerifyAuthToken=…&from=…"); collectors treat mobile.yangkeduo.com/psnl_verification.html as 反爬虫验证 (code index ids 5699774093, 45445448861)',
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
    source:
      'https://github.com/Northxw/Pinduoduo/issues/1 ({"verify_auth_token":"…","scene_id":11,"error_code":54001}); mms.pinduoduo.com {"error_msg":"操作太过频繁，请稍后再试！","error_code":54001,"result":{"verifyAuthToken":…}} (corpus notices-dev; code index ids 53465413450, 32531827468)',
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
    source:
      'mms.pinduoduo.com error_msg "操作太过频繁，请稍后再试！" (error_code 54001) shown to the seller (code index ids 53465413450, 47972178825)',
    fixtures: ['positive/pinduoduo/mms-too-frequent-toast.html'],
  },
];
