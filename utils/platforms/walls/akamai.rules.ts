import type { Rule } from '../../detect/types';

/**
 * Akamai: a wall that any site can sit behind. The rules apply to every host; a finding on a
 * known marketplace names the marketplace, elsewhere it names the wall vendor.
 *
 * Confidences are chosen so that a phrase quoted in the body of a long article (an explainer,
 * a news story about an outage) stays below the report threshold (base - 0.3 < 0.5), while the
 * short wall page itself, or the wall's title/heading, is reported.
 */
const ANY = ['*'];

export const rules: Rule[] = [

  // ---------------------------------------------------------------- Akamai
  {
    id: 'walls.akamai.access-denied',
    kind: 'access-denied',
    platform: 'akamai',
    hosts: ANY,
    signal: 'text',
    phrases: ["You don't have permission to access"],
    // Akamai's edge page names the URL "on this server" and gives a "Reference #18.…";
    // application 403 pages share only the first sentence.
    all: ['on this server', 'Reference'],
    confidence: 0.7,
    source:
      'https://github.com/Ekultek/WhatWaf/issues/1175; https://github.com/Ekultek/WhatWaf/issues/1324; Ekultek/WhatWaf:content/plugins/akamai.py@06c815ac541c',
    fixtures: ['positive/walls/akamai-access-denied.html', 'positive/walls/akamai-edgesuite.html'],
  },
  {
    id: 'walls.akamai.edgesuite',
    kind: 'access-denied',
    platform: 'akamai',
    hosts: ANY,
    signal: 'text',
    phrases: ['errors.edgesuite.net'],
    // The same reference link closes Akamai's outage and bad-URL pages, which refuse nobody.
    unless: ['DNS failure', 'temporarily unable to service your request', 'Invalid URL'],
    confidence: 0.7,
    source: 'https://github.com/hyperion-cs/dpi-checkers/issues/57',
    fixtures: ['positive/walls/akamai-edgesuite.html'],
  },
  {
    id: 'walls.akamai.network-403',
    kind: 'access-denied',
    platform: 'akamai',
    hosts: ANY,
    signal: 'network',
    status: [403],
    patterns: [
      "You don't have permission to access [\\s\\S]{0,600}? on this server",
      'errors(\\.|&#46;)edgesuite(\\.|&#46;)net',
    ],
    confidence: 0.85,
    source:
      'https://github.com/Ekultek/WhatWaf/issues/1162 (Server: AkamaiGHost, 403); https://github.com/hyperion-cs/dpi-checkers/issues/57',
    fixtures: ['positive/walls/akamai-403.json', 'positive/western/ebay-akamai-403.json'],
  },
];
