import type { Rule } from '../detect/types';

/**
 * Walmart: the HUMAN/PerimeterX "Robot or human?" press-and-hold wall under /blocked.
 */
const WALMART = ['walmart.com', 'walmart.ca'];

export const rules: Rule[] = [
  // ---------------------------------------------------------------- Walmart
  {
    id: 'western.walmart.blocked-url',
    kind: 'risk-challenge',
    platform: 'walmart',
    hosts: WALMART,
    signal: 'url',
    patterns: ['^https?://(www\\.)?walmart\\.(com|ca)/blocked(\\?|/|$)'],
    confidence: 0.85,
    source:
      'GitHub public files found via find_string (ids 70275130511, 60476621351, 5713923321: Walmart block page served with HTTP 200 under /blocked?url=...)',
    fixtures: [
      'positive/western/walmart-robot-or-human.html',
      'positive/western/walmart-blocked-url-only.html',
      'positive/western/walmart-blocked-redirect.json',
    ],
  },
  {
    id: 'western.walmart.press-and-hold',
    kind: 'risk-challenge',
    platform: 'walmart',
    hosts: WALMART,
    signal: 'text',
    phrases: ["Activate and hold the button to confirm that you're human"],
    confidence: 0.75,
    source:
      'GitHub public files found via find_string (id 53729815408: saved walmart.com page "Robot or human? Activate and hold the button to confirm that you’re human. Thank you!"; id 9369447831: Walmart sign-in flow checking the same paragraph; id 45144045446)',
    fixtures: ['positive/western/walmart-robot-or-human.html', 'positive/western/walmart-signin-px-modal.html'],
  },
  {
    id: 'western.walmart.robot-or-human-title',
    kind: 'risk-challenge',
    platform: 'walmart',
    hosts: WALMART,
    signal: 'text',
    phrases: ['Robot or human?'],
    // A product or a search can be called "Robot or Human"; the wall has no cart button.
    unless: ['Add to cart'],
    prominent: true,
    confidence: 0.5,
    source: 'GitHub public file found via find_string (id 53729815408); /work corpus notice "Robot or human?" (walmart.com/blocked?url=...)',
    fixtures: ['positive/western/walmart-robot-or-human.html'],
  },
];
