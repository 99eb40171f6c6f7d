import type { Rule } from '../detect/types';

/**
 * Amazon, every country site ("amazon.*"): the text CAPTCHA interstitial ("Robot Check"), the
 * newer "Continue shopping" interstitial, the "Server Busy" challenge page, the soft block
 * served as a 404/503, the browser/TLS notice, and sign-in account holds.
 *
 * Placement on the real pages: the CAPTCHA prompt sits in `div.a-box.a-alert` (a dialog-like
 * box for the extractor), the page title is "Robot Check"; account notices are `h4` headings
 * inside `div.a-alert` boxes on the sign-in page.
 */
const AMAZON = ['amazon.*'];

export const rules: Rule[] = [
  {
    id: 'amazon.captcha.robot-check',
    kind: 'risk-challenge',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'text',
    phrases: [
      "Sorry, we just need to make sure you're not a robot",
      'Type the characters you see in this image',
      'Enter the characters you see below',
    ],
    confidence: 0.7,
    source:
      'ziplokk1/scrapy-amazon-robot-middleware:503.html@1a5ba328bd0a; https://github.com/eyalzek/price-alert/issues/15',
    fixtures: [
      'positive/amazon/robot-check-com.html',
      'positive/amazon/robot-check-co-uk.html',
      'positive/amazon/validate-captcha-url.html',
    ],
  },
  {
    id: 'amazon.captcha.robot-check-title',
    kind: 'risk-challenge',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'text',
    // "Robot Check" alone is also the subject of help pages; "Try different image" is the
    // CAPTCHA's refresh link and appears nowhere else.
    phrases: ['Robot Check'],
    all: ['Try different image'],
    prominent: true,
    confidence: 0.5,
    source: 'ziplokk1/scrapy-amazon-robot-middleware:503.html@1a5ba328bd0a',
    fixtures: ['positive/amazon/robot-check-com.html'],
  },
  {
    id: 'amazon.captcha.localized',
    kind: 'risk-challenge',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'text',
    phrases: [
      // amazon.de
      'Geben Sie die angezeigten Zeichen im Bild ein',
      // amazon.co.jp product pages and sign-in
      '下に表示されている文字を入力してください',
    ],
    confidence: 0.7,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.amazon.de/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/amazon/captcha-de.html', 'positive/amazon/captcha-co-jp.html'],
  },
  {
    id: 'amazon.captcha.continue-shopping',
    kind: 'risk-challenge',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'text',
    phrases: [
      'Click the button below to continue shopping',
      'Klicke auf die Schaltfläche unten, um mit dem Einkaufen fortzufahren',
      'Fai clic sul pulsante qui sotto per continuare a fare acquisti',
    ],
    confidence: 0.7,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'remotebrowser/mcp:getgather/mcp/patterns/amazon-continue-shopping.html@f94a8df9b451 (shows "Click the button below to continue shopping")',
    fixtures: [
      'positive/amazon/continue-shopping-in.html',
      'positive/amazon/continue-shopping-it.html',
      'positive/amazon/continue-shopping-de.html',
    ],
  },
  {
    id: 'amazon.captcha.server-busy',
    kind: 'risk-challenge',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'text',
    phrases: ['Server Busy'],
    prominent: true,
    confidence: 0.45,
    source: 'https://github.com/mikeknight85/PriceStalker/issues/68',
    fixtures: ['positive/amazon/server-busy-com-au.html'],
  },
  {
    id: 'amazon.url.validate-captcha',
    kind: 'risk-challenge',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'url',
    patterns: ['^https?://[^/]*amazon\\.[a-z.]+/errors/validatecaptcha'],
    confidence: 0.8,
    source:
      'ziplokk1/scrapy-amazon-robot-middleware:503.html@1a5ba328bd0a (form action /errors/validateCaptcha)',
    fixtures: ['positive/amazon/validate-captcha-url.html'],
  },
  {
    id: 'amazon.network.captcha-page',
    kind: 'risk-challenge',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'network',
    resource: ['document'],
    status: [200, 503],
    patterns: ['action=["\']/errors/validateCaptcha["\']'],
    confidence: 0.85,
    source:
      'ziplokk1/scrapy-amazon-robot-middleware:503.html@1a5ba328bd0a; https://github.com/jef/streetmerchant/issues/441',
    fixtures: ['positive/amazon/captcha-503.json', 'positive/amazon/captcha-200-document.json'],
  },
  {
    id: 'amazon.network.automated-access-404',
    kind: 'access-denied',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'network',
    urlPatterns: ['/(dp|gp/product)/'],
    status: [404],
    patterns: ['To discuss automated access to Amazon data please contact api-services-support@amazon\\.com'],
    confidence: 0.6,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'ziplokk1/scrapy-amazon-robot-middleware:503.html@1a5ba328bd0a (shows "To discuss automated access to Amazon data please contact ap")',
    fixtures: ['positive/amazon/automated-access-404.json'],
  },
  {
    id: 'amazon.access.security-protocol',
    kind: 'access-denied',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'text',
    phrases: ['Unable to connect using required security protocol'],
    confidence: 0.7,
    source:
      'venkatamvs44/Playwright_practice26:allure-results/94094eae-c5b2-4b43-bf9e-d7a7ad992126-attachment.md@ce69751100f4',
    fixtures: ['positive/amazon/security-protocol-notice.html'],
  },
  {
    id: 'amazon.account.on-hold',
    kind: 'account-restricted',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'text',
    phrases: [
      'Account on hold temporarily',
      'We noticed unusual payment activity on your account and need to verify ownership of the payment method',
      'Your Amazon account is locked and order(s) are on hold',
      'we cannot remove the hold on your account at this time',
    ],
    confidence: 0.7,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'remotebrowser/mcp:getgather/mcp/patterns/amazon-error-acc-temporary-onhold.html@f94a8df9b451 (shows "Account on hold temporarily")',
    fixtures: [
      'positive/amazon/account-on-hold-signin.html',
      'positive/amazon/account-locked-orders-on-hold.html',
      'positive/amazon/account-hold-not-removed.html',
    ],
  },
  {
    id: 'amazon.account.deactivated',
    kind: 'account-restricted',
    platform: 'amazon',
    hosts: AMAZON,
    signal: 'text',
    phrases: ['Amazon account deactivated', 'Account locked temporarily'],
    // Seller-forum threads carry the same words as their titles.
    unless: ['Seller Forums'],
    prominent: true,
    confidence: 0.5,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'remotebrowser/mcp:getgather/mcp/patterns/amazon-error-temporary-locked.html@f94a8df9b451 (shows "Account locked temporarily")',
    fixtures: ['positive/amazon/account-deactivated.html', 'positive/amazon/account-locked-temporarily.html'],
  },
];
