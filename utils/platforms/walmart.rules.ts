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
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.walmart.com/ (the address is served on this site\'s pages)',
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
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://www.walmart.com/ (the notice is served on this site\'s pages)',
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
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'rhythm-sfs/scrapping:walmart_debug.html@7db4b9f8e0fe (shows "Robot or human?")',
    fixtures: ['positive/western/walmart-robot-or-human.html'],
  },
];
