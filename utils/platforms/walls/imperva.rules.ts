import type { Rule } from '../../detect/types';

/**
 * Imperva (Incapsula) and Distil: a wall that any site can sit behind. The rules apply to every host; a finding on a
 * known marketplace names the marketplace, elsewhere it names the wall vendor.
 *
 * Confidences are chosen so that a phrase quoted in the body of a long article (an explainer,
 * a news story about an outage) stays below the report threshold (base - 0.3 < 0.5), while the
 * short wall page itself, or the wall's title/heading, is reported.
 */
const ANY = ['*'];

export const rules: Rule[] = [

  // ---------------------------------------------------------------- Imperva / Incapsula / Distil
  {
    id: 'walls.imperva.incident',
    kind: 'access-denied',
    platform: 'imperva',
    hosts: ANY,
    signal: 'text',
    phrases: ['Request unsuccessful. Incapsula incident ID'],
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'Ekultek/WhatWaf:content/plugins/incapsula.py@06c815ac541c',
    fixtures: ['positive/walls/imperva-incapsula-incident.html'],
  },
  {
    id: 'walls.imperva.pardon',
    kind: 'risk-challenge',
    platform: 'imperva',
    hosts: ANY,
    signal: 'text',
    phrases: ['made us think you were a bot'],
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'https://github.com/daijro/camoufox/issues/90',
    fixtures: ['positive/walls/imperva-pardon.html', 'positive/walls/distil-pardon-captcha.html'],
  },
  {
    id: 'walls.imperva.securesphere',
    kind: 'access-denied',
    platform: 'imperva',
    hosts: ANY,
    signal: 'text',
    phrases: ["This page can't be displayed. Contact support for additional information"],
    all: ['The incident ID is'],
    confidence: 0.65,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'EnableSecurity/wafw00f:wafw00f/plugins/securesphere.py@acf61041a632 (shows "The incident ID is")',
    fixtures: ['positive/walls/imperva-securesphere.html'],
  },
  {
    id: 'walls.distil.blocked',
    kind: 'access-denied',
    platform: 'imperva',
    hosts: ANY,
    signal: 'text',
    phrases: ['You reached this page when attempting to access'],
    // On the CAPTCHA variant the same footer sits under the challenge.
    unless: ['made us think you were a bot'],
    confidence: 0.6,
    source: 'https://github.com/silverfoxy/JSCryptoMinerStudy (pagesource/pricefalls.com, Distil Networks page saved 2018-03-21)',
    fixtures: ['positive/walls/distil-block.html'],
  },
  {
    id: 'walls.imperva.network',
    kind: 'access-denied',
    platform: 'imperva',
    hosts: ANY,
    signal: 'network',
    resource: ['document'],
    patterns: ['Incapsula incident ID', '/_Incapsula_Resource\\?[SC]WUDNSAI='],
    confidence: 0.85,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/OpenTermsArchive/engine/issues/319; codelucas/newspaper:tests/data/html/fool.com2.html@1618b547f31c (shows "/_Incapsula_Resource")',
    fixtures: ['positive/walls/imperva-incident.json'],
  },
  {
    id: 'walls.distil.network',
    kind: 'risk-challenge',
    platform: 'imperva',
    hosts: ANY,
    signal: 'network',
    resource: ['document'],
    // distilCallbackGuard is also injected into ordinary protected pages; these two are not.
    patterns: ['distilCaptchaForm', 'cdn\\.distilnetworks\\.com/images/anomaly\\.detected\\.png'],
    confidence: 0.8,
    source: 'EnableSecurity/wafw00f:wafw00f/plugins/distil.py@acf61041a632',
    fixtures: ['positive/walls/distil-captcha.json'],
  },
];
