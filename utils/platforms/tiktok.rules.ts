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
    source:
      'https://github.com/gbiz123/tiktok-captcha-solver/issues/29 ; GitHub public files found via find_string (id 69086570873: TikTok Shop "Security Check" page "Verify to continue: Drag the puzzle piece into place"; id 29446009528: whirl/3D prompts)',
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
    source: 'GitHub public file found via find_string (id 69086570873: title "Security Check", prompt "Verify to continue:")',
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
    source:
      'https://github.com/SyntaxSparkk/TikTok/issues/25 ; GitHub public files found via find_string (id 23223335535: span shown after the send-code button; id 57564068441: "TikTok login/risk block")',
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
    source:
      'https://github.com/SyntaxSparkk/TikTok/issues/25 ; GitHub public file found via find_string (id 53187996460: {"data":{"captcha":"","description":"Maximum number of attempts reached. Try again later.","error_code":7},"message":"error"})',
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
    source:
      'TikTok notice shown to US users on 19 January 2025, quoted verbatim in GitHub public files found via find_string (ids 24605059666, 8604310651, 8120157750: "Sorry, TikTok isn\'t available right now. A law banning TikTok has been enacted in the U.S. Unfortunately, that means you can\'t use TikTok for now. …")',
    fixtures: ['positive/sea/tiktok-us-unavailable.html'],
  },
];
