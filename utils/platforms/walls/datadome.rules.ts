import type { Rule } from '../../detect/types';

/**
 * DataDome: a wall that any site can sit behind. The rules apply to every host; a finding on a
 * known marketplace names the marketplace, elsewhere it names the wall vendor.
 *
 * Confidences are chosen so that a phrase quoted in the body of a long article (an explainer,
 * a news story about an outage) stays below the report threshold (base - 0.3 < 0.5), while the
 * short wall page itself, or the wall's title/heading, is reported.
 */
const ANY = ['*'];

export const rules: Rule[] = [

  // ---------------------------------------------------------------- DataDome
  {
    id: 'walls.datadome.enable-js',
    kind: 'risk-challenge',
    platform: 'datadome',
    hosts: ANY,
    signal: 'text',
    phrases: ['Please enable JS and disable any ad blocker'],
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'shigaepouyen/wishi:src/Services/ScraperService.php@a35940e100cf (shows "Please enable JS and disable any ad blocker")',
    fixtures: ['positive/walls/datadome-enable-js.html'],
  },
  {
    id: 'walls.datadome.captcha-url',
    kind: 'risk-challenge',
    platform: 'datadome',
    hosts: ANY,
    signal: 'url',
    patterns: ['^https?://geo\\.captcha-delivery\\.com/(captcha|interstitial)/'],
    confidence: 0.8,
    source:
      'https://github.com/campo1312/DataDome/issues/5; https://github.com/easylist/easylist/pull/3355',
    fixtures: ['positive/walls/datadome-captcha-frame.html'],
  },
  {
    id: 'walls.datadome.header',
    kind: 'risk-challenge',
    platform: 'datadome',
    hosts: ANY,
    signal: 'network',
    status: [401, 403, 429],
    header: { name: 'x-datadome' },
    confidence: 0.85,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'https://github.com/wappalyzer/wappalyzer/pull/2505 (X-DataDome header)',
    fixtures: ['positive/walls/datadome-403.json'],
  },
  {
    id: 'walls.datadome.body',
    kind: 'risk-challenge',
    platform: 'datadome',
    hosts: ANY,
    signal: 'network',
    status: [401, 403, 429],
    patterns: ['(geo|ct)\\.captcha-delivery\\.com', "var dd=\\{'rt':'[ci]'"],
    confidence: 0.85,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'campo1312/DataDome:main.py@6c380c467b87 (shows ".captcha-delivery.com")',
    fixtures: ['positive/walls/datadome-403.json', 'positive/walls/datadome-401-no-header.json'],
  },
];
