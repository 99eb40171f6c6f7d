import type { Rule } from '../../detect/types';

/**
 * PerimeterX / HUMAN: a wall that any site can sit behind. The rules apply to every host; a finding on a
 * known marketplace names the marketplace, elsewhere it names the wall vendor.
 *
 * Confidences are chosen so that a phrase quoted in the body of a long article (an explainer,
 * a news story about an outage) stays below the report threshold (base - 0.3 < 0.5), while the
 * short wall page itself, or the wall's title/heading, is reported.
 */
const ANY = ['*'];

export const rules: Rule[] = [

  // ---------------------------------------------------------------- PerimeterX / HUMAN
  {
    id: 'walls.perimeterx.press-and-hold',
    kind: 'risk-challenge',
    platform: 'perimeterx',
    hosts: ANY,
    signal: 'text',
    phrases: [
      'Press & Hold to confirm you are a human (and not a bot)',
      'Access to this page has been denied because we believe you are using automation tools to browse the website',
    ],
    confidence: 0.75,
    source:
      'https://github.com/feder-cr/invisible_playwright/issues/28; PerimeterX/mod_perimeterx:src/mod_perimeterx.c@81c20eb54cf4 (captcha_tpl); Ekultek/WhatWaf:content/plugins/perimx.py@06c815ac541c',
    fixtures: ['positive/walls/perimeterx-press-hold.html', 'positive/walls/perimeterx-captcha-template.html'],
  },
  {
    id: 'walls.perimeterx.title',
    kind: 'risk-challenge',
    platform: 'perimeterx',
    hosts: ANY,
    signal: 'text',
    phrases: ['Access to this page has been denied'],
    all: ['Reference ID'],
    unless: ['You have been blocked because we believe'],
    prominent: true,
    confidence: 0.5,
    source:
      'https://github.com/0xjas0/Chegg-Answer-Bot/issues/34; https://github.com/Ekultek/WhatWaf/issues/47',
    fixtures: ['positive/walls/perimeterx-press-hold.html'],
  },
  {
    id: 'walls.perimeterx.blocked',
    kind: 'access-denied',
    platform: 'perimeterx',
    hosts: ANY,
    signal: 'text',
    phrases: ['You have been blocked because we believe you are using automation tools to browse the website'],
    confidence: 0.75,
    source: 'PerimeterX/mod_perimeterx:src/mod_perimeterx.c@81c20eb54cf4 (block_tpl)',
    fixtures: ['positive/walls/perimeterx-block.html'],
  },
  {
    id: 'walls.perimeterx.network',
    kind: 'risk-challenge',
    platform: 'perimeterx',
    hosts: ANY,
    signal: 'network',
    status: [403, 429],
    patterns: [
      'id=["\']px-captcha["\']',
      'window\\._pxAppId\\s*=',
      '"blockScript"\\s*:\\s*"[^"]*captcha',
      '"captchaAbsoluteURL"\\s*:',
    ],
    confidence: 0.85,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/0xjas0/Chegg-Answer-Bot/issues/34; rhythm-sfs/scrapping:walmart_debug.html@7db4b9f8e0fe (shows "window._pxAppId =")',
    fixtures: ['positive/walls/perimeterx-403.json', 'positive/walls/perimeterx-api-403.json'],
  },
];
