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
    // The public files where this was first seen are left out: the search that found them
    // could not name their repositories.
    source: 'TomWang22/auction-etl:auction_etl/browser/session.py@e0827d66017d (waits while the eBay page URL holds "/splashui/challenge")',
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
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'JUDE-BETTLIN-A/TRUST-BUY:debug_ebay.html@25587f9ce9b5 (shows "Checking your browser before you access eBay")',
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
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.ebay.com/ (the notice is served on this site\'s pages)',
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
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.ebay.de/ (the notice is served on this site\'s pages)',
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
