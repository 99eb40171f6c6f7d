import type { Rule } from '../../detect/types';

/**
 * Cloudflare: a wall that any site can sit behind. The rules apply to every host; a finding on a
 * known marketplace names the marketplace, elsewhere it names the wall vendor.
 *
 * Confidences are chosen so that a phrase quoted in the body of a long article (an explainer,
 * a news story about an outage) stays below the report threshold (base - 0.3 < 0.5), while the
 * short wall page itself, or the wall's title/heading, is reported.
 */
const ANY = ['*'];

export const rules: Rule[] = [
  // ---------------------------------------------------------------- Cloudflare
  {
    id: 'walls.cloudflare.challenge',
    kind: 'risk-challenge',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'text',
    phrases: [
      'Checking if the site connection is secure',
      'needs to review the security of your connection before proceeding',
      'Verifying you are human. This may take a few seconds',
      'Verify you are human by completing the action below',
      'This website uses a security service to protect against malicious bots',
      'Checking your browser before accessing',
    ],
    confidence: 0.75,
    source:
      'https://github.com/FlareSolverr/FlareSolverr/issues/1660; https://github.com/SteamDatabase/steamdb.info-issues/issues/848; https://github.com/cloudflare/cloudflare-docs/issues/32010',
    fixtures: [
      'positive/walls/cloudflare-just-a-moment.html',
      'positive/walls/cloudflare-checking-connection.html',
      'positive/walls/cloudflare-turnstile-verify.html',
      'positive/walls/cloudflare-performing-verification.html',
    ],
  },
  {
    id: 'walls.cloudflare.just-a-moment',
    kind: 'risk-challenge',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'text',
    // "Just a moment..." is an ordinary phrase; the challenge page's footer names Cloudflare.
    phrases: ['Just a moment'],
    all: ['security by Cloudflare'],
    prominent: true,
    confidence: 0.5,
    source:
      'https://github.com/FlareSolverr/FlareSolverr/issues/1660; https://github.com/cloudflare/cloudflare-docs/issues/32010',
    fixtures: ['positive/walls/cloudflare-just-a-moment.html', 'positive/walls/cloudflare-chl-url.html'],
  },
  {
    id: 'walls.cloudflare.challenge-zh',
    kind: 'risk-challenge',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'text',
    phrases: [
      // zh-CN
      '正在验证您是否是真人',
      '请完成以下操作，验证您是真人',
      '需要先检查您的连接的安全性',
      // zh-TW (folded to Simplified by the matcher)
      '正在驗證您是否是人類',
      '請完成以下操作，驗證您是人類',
      '此網站使用安全服務抵禦惡意機器人',
      '檢閱您的連線安全性',
    ],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://chat.deepseek.com/ (the notice is served on this site\'s pages)',
    fixtures: [
      'positive/walls/cloudflare-zh-cn.html',
      'positive/walls/cloudflare-zh-cn-action.html',
      'positive/walls/cloudflare-zh-tw.html',
    ],
  },
  {
    id: 'walls.cloudflare.blocked',
    kind: 'access-denied',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'text',
    phrases: [
      'Sorry, you have been blocked',
      'Attention Required! | Cloudflare',
      'The action you just performed triggered the security solution',
    ],
    confidence: 0.7,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'Ekultek/WhatWaf:content/plugins/cloudflare.py@06c815ac541c; FlareSolverr/FlareSolverr:src/flaresolverr_service.py@0f05ed8fc974 (shows "Attention Required! | Cloudflare"); remotebrowser/mcp:getgather/mcp/patterns/shadestore-access-denied.html@f94a8df9b451 (shows "Sorry, you have been blocked")',
    fixtures: ['positive/walls/cloudflare-attention-required.html'],
  },
  {
    id: 'walls.cloudflare.error-1020',
    kind: 'access-denied',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'text',
    phrases: [
      'The site owner may have set restrictions that prevent you from accessing the site',
      'used Cloudflare to restrict access',
    ],
    confidence: 0.7,
    // The public files where this was first seen are left out: the search that found them
    // could not name their repositories.
    source: 'https://developers.cloudflare.com/support/troubleshooting/cloudflare-errors/troubleshooting-cloudflare-1xxx-errors/ (Cloudflare\'s own page on the 1xxx errors, Error 1020: Access denied)',
    fixtures: ['positive/walls/cloudflare-1020.html', 'positive/walls/cloudflare-1020-new.html'],
  },
  {
    id: 'walls.cloudflare.error-1020-code',
    kind: 'access-denied',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'text',
    phrases: ['Error 1020', 'Error code 1020', 'Error reference number: 1020'],
    all: ['Access denied'],
    confidence: 0.6,
    // The public files where this was first seen are left out: the search that found them
    // could not name their repositories.
    source: 'https://developers.cloudflare.com/support/troubleshooting/cloudflare-errors/troubleshooting-cloudflare-1xxx-errors/ (Cloudflare\'s own page on the 1xxx errors, Error 1020: Access denied)',
    fixtures: ['positive/walls/cloudflare-1020.html', 'positive/walls/cloudflare-1020-new.html'],
  },
  {
    id: 'walls.cloudflare.cf-mitigated',
    kind: 'risk-challenge',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'network',
    header: { name: 'cf-mitigated', value: '^challenge$' },
    confidence: 0.9,
    source: 'https://developers.cloudflare.com/cloudflare-challenges/challenge-types/challenge-pages/detect-response',
    fixtures: ['positive/walls/cloudflare-cf-mitigated-api.json', 'positive/walls/cloudflare-cf-mitigated-document.json'],
  },
  {
    id: 'walls.cloudflare.challenge-body',
    kind: 'risk-challenge',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'network',
    status: [403, 429, 503],
    // The challenge script and its orchestrate path; ordinary pages behind Cloudflare only
    // load /cdn-cgi/challenge-platform/scripts/jsd/main.js (bot-management JS detection).
    patterns: ['window\\._cf_chl_opt\\s*=', '/cdn-cgi/challenge-platform/h/[a-z]/orchestrate/'],
    confidence: 0.85,
    source:
      'https://docs.rs/parse-book-source/0.5.0/parse_book_source/fetch/fn.is_challenge.html; https://github.com/scaredos/cfresearch',
    fixtures: ['positive/walls/cloudflare-challenge-503.json'],
  },
  {
    id: 'walls.cloudflare.block-body',
    kind: 'access-denied',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'network',
    status: [403],
    patterns: ['<span class="cf-error-code">1020</span>', 'Sorry, you have been blocked', '<title>Attention Required! \\| Cloudflare</title>'],
    confidence: 0.85,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'Ekultek/WhatWaf:content/plugins/cloudflare.py@06c815ac541c; VeNoMouS/cloudscraper:tests/fixtures/reCaptcha_challenge_12_12_2019.html@9ea528a8675f (shows "<title>Attention Required!"); remotebrowser/mcp:getgather/mcp/patterns/shadestore-access-denied.html@f94a8df9b451 (shows "Sorry, you have been blocked")',
    fixtures: ['positive/walls/cloudflare-1020-403.json'],
  },
  {
    id: 'walls.cloudflare.challenge-url',
    kind: 'risk-challenge',
    platform: 'cloudflare',
    hosts: ANY,
    signal: 'url',
    // Only the challenge's own query tokens: /cdn-cgi/challenge-platform/ also serves the
    // Turnstile widget frames that ordinary login and contact forms embed.
    patterns: ['[?&]__cf_chl_(rt_|f_)?tk='],
    confidence: 0.7,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'https://github.com/scaredos/cfresearch',
    fixtures: ['positive/walls/cloudflare-chl-url.html'],
  },
];
