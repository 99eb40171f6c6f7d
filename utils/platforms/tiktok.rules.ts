import type { Rule } from '../detect/types';

/**
 * TikTok Shop: the ByteDance secsdk slider/whirl/3D CAPTCHA, the attempts limit, the January
 * 2025 US shutdown notice.
 */
const TIKTOK = ['tiktok.com', 'tiktokglobalshop.com'];

export const rules: Rule[] = [

  // ---------------------------------------------------------------- TikTok Shop
  {
    id: 'sea.tiktok.captcha',
    kind: 'risk-challenge',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'text',
    phrases: [
      'Drag the puzzle piece into place',
      'Drag the slider to fit the puzzle',
      'Select 2 objects that are the same shape',
    ],
    confidence: 0.7,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'https://github.com/gbiz123/tiktok-captcha-solver/issues/29',
    fixtures: [
      'positive/sea/tiktok-shop-security-check.html',
      'positive/sea/tiktok-shop-captcha-modal.html',
      'positive/sea/tiktok-3d-captcha.html',
      'positive/sea/tiktok-seller-login-captcha.html',
    ],
  },
  {
    id: 'sea.tiktok.security-check-title',
    kind: 'risk-challenge',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'text',
    phrases: ['Security Check'],
    all: ['Verify to continue'],
    prominent: true,
    confidence: 0.5,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'EnableSecurity/wafw00f:wafw00f/plugins/vercel.py@acf61041a632 (shows "Security Check")',
    fixtures: ['positive/sea/tiktok-shop-security-check.html'],
  },
  {
    id: 'sea.tiktok.max-attempts',
    kind: 'risk-challenge',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'text',
    phrases: ['Maximum number of attempts reached. Try again later'],
    confidence: 0.65,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'https://github.com/SyntaxSparkk/TikTok/issues/25',
    fixtures: ['positive/sea/tiktok-login-max-attempts.html'],
  },
  {
    id: 'sea.tiktok.max-attempts-api',
    kind: 'risk-challenge',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'network',
    urlPatterns: ['/passport/'],
    resource: ['api'],
    phrases: ['Maximum number of attempts reached'],
    patterns: ['"error_code"\\s*:\\s*7\\b'],
    confidence: 0.8,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'https://github.com/SyntaxSparkk/TikTok/issues/25',
    fixtures: ['positive/sea/tiktok-max-attempts.json'],
  },
  {
    id: 'sea.tiktok.us-shutdown',
    kind: 'service-suspended',
    platform: 'tiktok',
    hosts: TIKTOK,
    signal: 'text',
    phrases: ["Sorry, TikTok isn't available right now", 'A law banning TikTok has been enacted in the U.S'],
    confidence: 0.7,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.tiktok.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/sea/tiktok-us-unavailable.html'],
  },
];
