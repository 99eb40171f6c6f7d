import type { Detection, NetworkInput, PageInput } from '../types';
import { antibotMarkers } from './antibot';
import { scanAnswerMarkers, scanAnswerStatus, structuralFinding } from './answer-head';
import { CHALLENGE_TITLE, VERIFY_CUES, WIDGETS } from './widgets';

/**
 * Structure, not only words: a wall-shaped page (little visible text) whose markup carries a
 * vendor's challenge or block markers, a visible challenge widget, or a response whose headers
 * say it was challenged. Script-only challenges show no words at all; these still tell.
 */

/** A page with at most this much visible text is wall-shaped: its markup is read for vendor markers. */
export const WALL_TEXT_MAX = 1500;
/** Bounded markup read from a wall-shaped page. */
export const MARKUP_MAX = 256 * 1024;

/** The first and last parts of a long page's markup: big inline scripts sit in the head, wall forms at the end of the body. */
export function boundedMarkup(html: string): string {
  return html.length <= MARKUP_MAX ? html : html.slice(0, MARKUP_MAX / 2) + '\n' + html.slice(-MARKUP_MAX / 2);
}
/** Statuses with which a response refuses. */
const REFUSING = new Set([403, 405, 412, 418, 429, 503]);

/** A visible challenge widget the collectors found; `inForm`: inside a form that asks for other input (a login). */
export interface WidgetHit {
  id: string;
  inForm: boolean;
}

const byWidget = new Map(WIDGETS.map((w) => [w.id, w]));

/** Vendors' wall markup that is-antibot does not list (older generations, Chinese WAFs), on wall-shaped pages only. */
export interface OwnMarker {
  id: string;
  kind: Detection['kind'];
  platform: string;
  test: RegExp;
  /**
   * A marker of a first response that shows no words fires only while the page's visible text is at
   * most this long: the same loader stays in the page the visitor reaches once the challenge is passed.
   */
  maxText?: number;
  /** Markup of the page the visitor reaches once the challenge is passed (its style sheets), which the challenge lacks. */
  notWith?: RegExp;
  source: string;
}

export const OWN_MARKERS: readonly OwnMarker[] = [
  {
    id: 'structure.cloudflare.legacy-challenge',
    kind: 'risk-challenge',
    platform: 'cloudflare',
    test: /jschl[-_](?:vc|answer)|\/cdn-cgi\/l\/chk_(?:jschl|captcha)|cf-browser-verification|cf-im-under-attack|__cf_chl_(?:jschl|captcha|f)_tk__|cf-challenge-running|id="challenge-form"/i,
    source: 'https://github.com/Ekultek/WhatWaf/issues/1018; DarkCat09/python-aternos:cloudflare.html@3c972c83f0a0c9e801f82af25f7f36f65ba8abb7; https://github.com/acheong08/ChatGPT/issues/1108',
  },
  {
    // Today's challenge pages load their script from `orchestrate/<type>`; an ordinary page behind
    // Cloudflare loads only `scripts/jsd` (its bot score), which this does not match.
    id: 'structure.cloudflare.orchestrate',
    kind: 'risk-challenge',
    platform: 'cloudflare',
    test: /\/cdn-cgi\/challenge-platform\/(?:h\/[a-z]\/)?orchestrate\/(?:chl_page|managed|jsch|captcha)\//i,
    source: 'Zhang-Zhaoji/scientific-bulletin:blocked_response.html@5d74d51e0199236d111f5b959b419e1e68cc351e; Shamrock2245/shamrock-leads:cf_challenge.html@9bdce91362add780e325178be237d5944cb4d16b',
  },
  {
    // Akamai Bot Manager's interstitial: a proof of work posted to `/_sec/verify`, then a reload with `bm-verify`.
    id: 'structure.akamai.interstitial',
    kind: 'risk-challenge',
    platform: 'akamai',
    test: /\/_sec\/verify\?provider=interstitial|[?&;]bm-verify=/i,
    source: 'master-key-zero-7386/Research:captcha_debug.html@0f80e05f24930a280a7a6595de805079c8732c70',
  },
  {
    // Akamai Bot Manager's behavioural challenge ("Powered and protected by"): its container and tiles.
    id: 'structure.akamai.behavioral',
    kind: 'risk-challenge',
    platform: 'akamai',
    // Its proof-of-work frame too (`<iframe id="sec-cpt-if" provider="crypto" challenge="…">`).
    test: /\bid=["']sec-(?:if-cpt|bc-tile)-container["']|class=["']scf-akamai-logo|<iframe\b[^>]*\bid=["']sec-cpt-if["']/i,
    source: 'blutics/levit_project:akamai.html@2b9083d4110769fd837cb9eea9cdc70ae4c5129e; Hyper-Solutions/hyper-sdk-js:__tests__/sec_cpt/html_challenge.html@9c85317e45d83ab0969de6b18022787bed9c22f7',
  },
  {
    // Qrator's script-only challenge (an empty page that loads `/__qrator/qauth.js`).
    id: 'structure.qrator.qauth',
    kind: 'risk-challenge',
    platform: 'qrator',
    test: /\/__qrator\/qauth/i,
    source: 'Solar1ne/Parser-Python:product_page.html@517627fd06122ac789084c84cf068261b45f166d',
  },
  {
    // ServicePipe's JS challenge: its fingerprinting scripts and the frame its captcha would fill.
    id: 'structure.servicepipe.challenge',
    kind: 'risk-challenge',
    platform: 'servicepipe',
    test: /servicepipe\.ru\/static\/(?:fp|jsrsasign)|id="id_captcha_frame_div"/i,
    source: 'Solar1ne/Parser-Python:perekrestok_page_1.html@517627fd06122ac789084c84cf068261b45f166d',
  },
  {
    // A short page that is one frame of a captcha service (a site's own DataDome-style captcha host).
    id: 'structure.captcha-frame',
    kind: 'risk-challenge',
    platform: 'captcha',
    test: /<iframe[^>]+src=["']https?:\/\/[\w.-]*captcha[\w.-]*\/captcha[\w-]*\//i,
    source: 'bednarczyk9/Gapli:debug_blocked.html@34b75ec1e82960b0787eb4adfc0d3c66dd6f5df1',
  },
  {
    // Douban's sec.douban.com wall: a form whose hidden fields carry a proof of work's challenge and solution.
    id: 'structure.douban.sec',
    kind: 'risk-challenge',
    platform: 'douban',
    test: /\bid=["']cha["'][^>]*>[\s\S]{0,200}?\bid=["']sol["']/i,
    source: 'y232457250/CineGraph-AI:debug_douban.html@0e2c51d98909e15ec26f034078af04d66aaedcc8; BarryYin/bookagent2025:douban_debug.html@9cbc4985b4709b6d55cd2e93c6b10a3a04955fba',
  },
  {
    // WeChat's "environment abnormal" page, served in place of an official account's article.
    id: 'structure.wechat.secitpt-verify',
    kind: 'risk-challenge',
    platform: 'wechat',
    test: /secitptpage\/(?:template\/)?verify/i,
    source: 'wtdbb/shuangji:.claude/tmp-tencent-netease.html@3c91e923e91b6204cac169b371c1e4932956dd62',
  },
  {
    // Reblaze's click-to-verify interstitial ("Human verification in process..."): its settings object.
    id: 'structure.reblaze.interstitial',
    kind: 'risk-challenge',
    platform: 'reblaze',
    test: /\bwindow\.rbzns\s*=/i,
    source: '0-sv/ticketswap:captcha.html@1a7ee74fb053cd70c4d6388b38bb208346889ef2',
  },
  {
    // AWS WAF's challenge served from the site's own path (`/__challenge_<token>/…/challenge.js`), not awswaf.com.
    id: 'structure.awswaf.first-party-challenge',
    kind: 'risk-challenge',
    platform: 'aws-waf',
    test: /\/__challenge_[\w-]{8,}\/[\w/-]*challenge\.js|\bawsWafCookieDomainList\s*=/i,
    source: 'NotDonCitron/LarsHoliday:debug_booking.html@99ae5d194a3193c46046ff82f996d7a0b89d3b92',
  },
  {
    // Google's page for clients that ran no script: results only after its script has run (`/httpservice/retry/enablejs`).
    id: 'structure.google.enablejs',
    kind: 'risk-challenge',
    platform: 'google',
    test: /\/httpservice\/retry\/enablejs\b/i,
    source: 'aileadbooker/ai-lead-booker:debug_google.html@94ebfcdb51c7852c187038cda400916f26fbc49d',
  },
  {
    // A small anti-DDoS vendor's empty page: its script sets a pass cookie named for the job and reloads
    // (EsteQ's `esteq_ddos_intercepter`); the words are in a <noscript> a browser never shows.
    id: 'structure.cookie-challenge',
    kind: 'risk-challenge',
    platform: 'anti-ddos',
    test: /document\.cookie\s*=\s*['"][\w-]*(?:ddos|anti_?bot|bot_?check)[\w-]*=/i,
    source: 'DmytryGlazkov/ya_parser:parsed/http:__rubrikator.org@453ec2835aed5510fcd1e71250b405f51ba25bac',
  },
  {
    // A proof-of-work page: its script computes a value, stores it with js-cookie and reloads at once
    // (a Russian shop's "Загрузка..." page that fills a 512 MB array before it sets the cookie).
    id: 'structure.cookie-reload-challenge',
    kind: 'risk-challenge',
    platform: 'anti-ddos',
    test: /Cookies\.set\([^()]{0,160}(?:\{[^{}]{0,200}\})?\s*\);?\s*(?:document\.|window\.)?location\.reload\(\)/,
    source: 'EgorSanko/smart-price:citilink_debug.html@2521b5d032ce02abe667d36bf19238f778406694',
  },
  {
    // Another proof of work on an empty page: a script that computes an MD5 signature into `ipp_*` cookies, a
    // meta refresh behind it (a Russian electronics chain's catalogue, served to a scraper instead of its cards).
    id: 'structure.ipp.cookie-challenge',
    kind: 'risk-challenge',
    platform: 'anti-ddos',
    test: /document\.cookie\s*=\s*['"]ipp_(?:key|uid|sign)=/,
    source: 'HellMartenson/parcer:olx.html@76924911492d270659f459ce0744c8b6183b40bc',
  },
  {
    // F5 BIG-IP ASM's block page: "Request Rejected … Please consult with your administrator. Your support ID is: 5562235707991851251".
    id: 'structure.f5.support-id',
    kind: 'access-denied',
    platform: 'f5',
    test: /your support id is:?\s*(?:<[^>]{0,40}>\s*)?\d{8,25}\b/i,
    source: 'https://github.com/NatLabRockies/developer.nlr.gov/issues/158',
  },
  {
    id: 'structure.cloudflare.error-page',
    kind: 'access-denied',
    platform: 'cloudflare',
    test: /id="cf-error-details"|class="cf-error-(?:type|code|details|overview)|cf-error-code/i,
    source: 'https://github.com/Androz2091/vinted-api/issues/16; https://github.com/Ekultek/WhatWaf/issues/11; https://github.com/NightfallGT/Discord-Raider-Pro/issues/2',
  },
  {
    id: 'structure.imperva.resource',
    kind: 'risk-challenge',
    platform: 'imperva',
    test: /\/_Incapsula_Resource\?/i,
    source: 'microlinkhq/is-antibot:providers/imperva/failed.json@d192a16b4e1745fa5711ec5ff99f7cadf3061150; https://github.com/psf/requests/issues/5331; https://github.com/ziplokk1/incapsula-cracker-py3/issues/1',
  },
  {
    // Ruishu's first response: its `$_ts` bootstrap (`window['$_ts']`, or an obfuscated alias's `['$_ts'] =`), the `<meta … r="m">` or
    // `<meta content="{qqq…">` token, and the loader script served as ISO-8859-1 from two random path segments
    // and a 7-hex version ("/sM5ZGh08tImn/7cLOtPi5wrHA.5780574.js"). Nothing else: a page with words has passed.
    id: 'structure.ruishu.bootstrap',
    kind: 'risk-challenge',
    platform: 'ruishu',
    test: /\$_ts\s*=\s*window\[['"]\$_ts['"]\]|\[['"]\$_ts['"]\]\s*=|<meta[^>]*\sr=['"]m['"]|<meta[^>]+content=["']\{qqq|<script[^>]*charset=["']iso-8859-1["'][^>]*\ssrc=["']\/[A-Za-z0-9]{8,16}\/[A-Za-z0-9]{8,16}\.[0-9a-f]{7}\.js/i,
    maxText: 100,
    notWith: /<link[^>]+rel=["']?stylesheet/i,
    source: 'warterbili/ruishu-re:captured/412.html@d01a8d5bd266fc6cba8a12aa92a1f71c330e63c0; warterbili/ruishu-re:README.md@d01a8d5bd266fc6cba8a12aa92a1f71c330e63c0; pysunday/sdenv:example/use-local/output/makecode_input_html.html@ab6eb3fd10a3b747e31e5cc4a2e24bd91493bab4; guoxw/shangbiaojuruishu:20200730/index.html@a0a88059d7446c5168338eafab344c321c82a596; wangyihit/donkey:ruishu.html@a3277833209479a09b7d6e7e333fc05a7503f2d6; ctl456/ruishu6-yaojianju:new.html@2a213aee08d039b1dc0f9ab5954f6f2d9c8c696f',
  },
  {
    // Wildberries' antibot interstitial ("Почти готово…", "Wildberries не работает без JavaScript"): its script from `/__wbaas/challenges/antibot/`.
    id: 'structure.wildberries.wbaas',
    kind: 'risk-challenge',
    platform: 'wildberries',
    test: /\/__wbaas\/challenges\/antibot\//i,
    source: 'botass740/Parsing_prod:wb_page.html@d5b179edba63e5e0b754317019238b000c62eac0; a4ifka/wishlist:wb_page.html@26784ef2937ed1b8e37cd93fc8af7d62268eb3e4',
  },
  {
    // Ozon's antibot challenge ("Доступ ограничен", "We need to make sure that you are not a robot" in its <noscript>): its `abt-challenge` script.
    id: 'structure.ozon.abt-challenge',
    kind: 'risk-challenge',
    platform: 'ozon',
    test: /\/abt-challenge\/script[\w.-]*\.js/i,
    source: 'mikeshumkin13/product-scraper:ozon_debug.html@a8d5848de5a669bf7aed21f8daf235fbaed1018c; Minin2707/parserOzon:ozon_page.html@a035b4bd88a44c5c9a3a9f0b9406e2ae21c0fd23',
  },
  {
    id: 'structure.jiasule.jsl',
    kind: 'risk-challenge',
    platform: 'jiasule',
    test: /__jsl_clearance|__jsluid|document\.cookie\s*=\s*['"]__jsl/i,
    source: 'https://github.com/MgArcher/jiasule/issues/3',
  },
  {
    id: 'structure.datadome.captcha',
    kind: 'risk-challenge',
    platform: 'datadome',
    test: /geo\.captcha-delivery\.com|var\s+dd\s*=\s*\{[^}]*['"]?cid['"]?\s*:/i,
    source: 'heismessan/AI-COMMERCE-INTELLIGENTE:debug_etsy.html@3bd657c03c68d72d46589d933a92d35010dd992e; microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b',
  },
];

/** Total visible text of a page's body segments. */
export function visibleChars(input: PageInput): number {
  return input.textChars ?? input.segments.reduce((n, s) => (s.where === 'text' ? n + s.text.length : n), 0);
}

export function scanStructurePage(input: PageInput, platform: string | null, version: string, cueText: string, own: readonly OwnMarker[] = OWN_MARKERS): Detection[] {
  const out: Detection[] = [];
  const chars = visibleChars(input);
  const cue = VERIFY_CUES.test(cueText);
  // A long page carries a wall's markup only where a site skins the wall with its own header and
  // footer; its title or dialog then says "security check". Only Shutout's own markers are read there.
  const long = chars > WALL_TEXT_MAX;
  if (input.markup && (!long || cue || CHALLENGE_TITLE.test(input.title ?? ''))) {
    const markup = boundedMarkup(input.markup);
    for (const m of long ? own : [...own, ...antibotMarkers().markup]) {
      // A status-gated marker needs a refusing status: 5xx pages of the same vendors are outages.
      if ('statuses' in m && m.statuses && (input.status === undefined || !m.statuses.includes(input.status) || !REFUSING.has(input.status))) continue;
      if ('maxText' in m && ((m.maxText !== undefined && chars > m.maxText) || m.notWith?.test(markup))) continue;
      const hit = m.test.exec(markup);
      if (!hit) continue;
      out.push(structuralFinding(m.kind, platform ?? m.platform, m.id, version, 'text', 0.7, input.title || hit[0], `markup: ${m.platform} wall (${hit[0].slice(0, 60)})`));
    }
  }
  for (const hit of input.widgets ?? []) {
    const w = byWidget.get(hit.id);
    if (!w) continue;
    // A slider inside a login form is part of logging in, and a widget somewhere on a long page may be a
    // hidden login dialog's, unless the page's prominent words say the user must verify.
    if ((hit.inForm || chars > WALL_TEXT_MAX) && !cue) continue;
    out.push(structuralFinding(w.kind, platform ?? w.vendor, w.id, version, 'dialog', 0.7, input.title ?? w.id, `widget: ${w.vendor} challenge shown`));
  }
  return out;
}

export function scanStructureNetwork(input: NetworkInput, platform: string | null, version: string): Detection[] {
  const out = scanAnswerMarkers(input, platform, version);
  const status = input.status;
  const { markup } = antibotMarkers();
  const body = input.body ?? '';
  if (input.resource === 'document' && body && /<html|<body|<script/i.test(body.slice(0, 4096)) && status !== undefined && REFUSING.has(status)) {
    const text = body.slice(0, MARKUP_MAX);
    for (const m of markup) {
      if (m.statuses && (!m.statuses.includes(status) || !REFUSING.has(status))) continue;
      const hit = m.test.exec(text);
      if (hit) out.push(structuralFinding(m.kind, platform ?? m.platform, m.id, version, 'network', 0.7, `HTTP ${status} ${hit[0].slice(0, 80)}`, `markup: ${m.platform} wall with HTTP ${status}`));
    }
  }
  out.push(...scanAnswerStatus(input, platform, version));
  return out;
}
