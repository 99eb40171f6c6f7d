import type { Rule } from '../detect/types';

/**
 * Temu: bgn_verification pages and the risk-login answer.
 */
const TEMU = ['temu.com'];

export const rules: Rule[] = [

  // ---------------------------------------------------------------- Temu
  {
    id: 'sea.temu.verification-url',
    kind: 'risk-challenge',
    platform: 'temu',
    hosts: TEMU,
    signal: 'url',
    patterns: ['^https?://[^/]*temu\\.com/bgn_(login_)?verification\\.html'],
    confidence: 0.85,
    source:
      'GitHub public files found via find_string (id 16005896884 and 51932074200: https://www.temu.com/bgn_verification.html?VerifyAuthToken=...; id 16980244896: bgn_login_verification.html for risk login; id 54646841869: mall page redirecting to bgn_verification after load)',
    fixtures: [
      'positive/sea/temu-bgn-verification.html',
      'positive/sea/temu-login-verification.html',
      'positive/sea/temu-verification-redirect.json',
    ],
  },
  {
    id: 'sea.temu.risk-login',
    kind: 'risk-challenge',
    platform: 'temu',
    hosts: TEMU,
    signal: 'network',
    urlPatterns: ['/api/bg/sigerus/auth/'],
    resource: ['api'],
    patterns: ['"error_code"\\s*:\\s*54016\\b'],
    all: ['verify_auth_token'],
    confidence: 0.8,
    source:
      'GitHub public file found via find_string (id 16980244896: temu.com /api/bg/sigerus/auth/login answering error_code 54016 with verify_auth_token, then /api/phantom/obtain_captcha); https://github.com/AdguardTeam/AdguardFilters/issues/198120',
    fixtures: ['positive/sea/temu-login-54016.json'],
  },
];
