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
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.temu.com/ (the address is served on this site\'s pages)',
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
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'https://github.com/AdguardTeam/AdguardFilters/issues/198120',
    fixtures: ['positive/sea/temu-login-54016.json'],
  },
];
