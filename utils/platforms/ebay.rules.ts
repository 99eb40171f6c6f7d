import type { Rule } from '../detect/types';

/**
 * eBay: the /splashui/challenge "Pardon Our Interruption" browser check, the /splashui/captcha
 * "Please verify yourself to continue" page, the Distil-era sign-in CAPTCHA.
 */
const EBAY = ['ebay.*'];

export const rules: Rule[] = [

  // ---------------------------------------------------------------- eBay
  {
    id: 'western.ebay.splashui-url',
    kind: 'risk-challenge',
    platform: 'ebay',
    hosts: EBAY,
    signal: 'url',
    patterns: ['^https?://[^/]*ebay\\.[a-z.]+/splashui/(challenge|captcha)'],
    confidence: 0.85,
    source:
      'GitHub public files found via find_string (id 51969982740: ChallengeGet at /splashui/challenge; id 63225206532: cart.ebay.com redirected to /splashui/captcha; id 65864167017: 307 to /splashui/challenge)',
    fixtures: [
      'positive/western/ebay-splashui-challenge.html',
      'positive/western/ebay-splashui-captcha.html',
      'positive/western/ebay-challenge-redirect.json',
    ],
  },
  {
    id: 'western.ebay.checking-browser',
    kind: 'risk-challenge',
    platform: 'ebay',
    hosts: EBAY,
    signal: 'text',
    phrases: ['Checking your browser before you access eBay'],
    confidence: 0.75,
    source:
      'GitHub public files found via find_string (id 51969982740, id 58298307307: {"title":"Pardon Our Interruption...","headings":["Checking your browser before you access eBay."]}, id 37539179012)',
    fixtures: ['positive/western/ebay-splashui-challenge.html', 'positive/western/ebay-co-uk-search-challenge.html'],
  },
  {
    id: 'western.ebay.verify-yourself',
    kind: 'risk-challenge',
    platform: 'ebay',
    hosts: EBAY,
    signal: 'text',
    phrases: ['Please verify yourself to continue'],
    confidence: 0.7,
    source:
      'GitHub public files found via find_string (id 63225206532: cart.ebay.com → /splashui/captcha "Please verify yourself to continue"; id 54777726930; id 69545373603: div.d-top-panel-message "Pardon Our Interruption. Please verify yourself to continue.")',
    fixtures: ['positive/western/ebay-splashui-captcha.html', 'positive/western/ebay-cart-verify-yourself.html'],
  },
  {
    id: 'western.ebay.interruption-localized',
    kind: 'risk-challenge',
    platform: 'ebay',
    hosts: EBAY,
    signal: 'text',
    phrases: ['Bitte entschuldigen Sie die Störung', 'Disculpa la interrupción'],
    // German and Spanish titles of the same /splashui/challenge page; short words, so only
    // when they are the title or a heading.
    prominent: true,
    confidence: 0.5,
    source:
      'GitHub public files found via find_string (ids 59872040174, 65864167017: ebay.de ~13 KB challenge page titled "Bitte entschuldigen Sie die Störung"; id 53213896265: ebay.es markers "disculpa la interrupción", "comprobación del navegador")',
    fixtures: ['positive/western/ebay-de-challenge.html', 'positive/western/ebay-es-challenge.html'],
  },
  {
    id: 'western.ebay.distil-captcha-url',
    kind: 'risk-challenge',
    platform: 'ebay',
    hosts: EBAY,
    signal: 'url',
    patterns: ['/distil_r_captcha\\.html'],
    confidence: 0.8,
    source: 'https://github.com/ruippeixotog/ebay-snipe-server/issues/13',
    fixtures: ['positive/western/ebay-distil-captcha.html'],
  },
];
