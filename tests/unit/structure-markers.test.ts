import { describe, expect, it } from 'vitest';
import { boundedMarkup, MARKUP_MAX, OWN_MARKERS, scanStructureNetwork, scanStructurePage, visibleChars, WALL_TEXT_MAX } from '../../utils/detect/general/structure';
import { apiText, CAPTCHA_ASKED, HANDED_OUT } from '../../utils/detect/general/api-text';
import { FRAMES } from '../../utils/detect/general/frames';
import { generalLayer, scanGeneralNetwork } from '../../utils/detect/general/index';
import type { PageInput } from '../../utils/detect/types';

/**
 * Each of Shutout's own vendor markers with markup that must fire and markup that must not: the
 * fixtures are written here from the facts of the wall page its `source` cites (ids, script paths),
 * never copied from it. A marker added without fixtures fails the last test.
 */
const FIXTURES: Record<string, { fires: string[]; clear: string[] }> = {
  'structure.cloudflare.legacy-challenge': {
    fires: ['<form id="challenge-form" action="/cdn-cgi/l/chk_jschl" method="get"><input type="hidden" name="jschl_vc" value="1"></form>'],
    clear: ['<form id="search-form" action="/search"><input name="q"></form>'],
  },
  'structure.cloudflare.orchestrate': {
    fires: [
      '<title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=0123456789abcdef"></script>',
      '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1?ray=1"></script>',
      '<script src="/cdn-cgi/challenge-platform/orchestrate/managed/v1?ray=2"></script>',
    ],
    // What an ordinary page behind Cloudflare loads: its bot score, not a challenge.
    clear: ['<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>', '<script src="/cdn-cgi/challenge-platform/h/b/scripts/jsd/abc/main.js"></script>'],
  },
  'structure.akamai.interstitial': {
    fires: [
      '<meta http-equiv="refresh" content="5; URL=\'/s?k=lamp&bm-verify=AAQAAAAN\'"><script>xhr.open("POST", "/_sec/verify?provider=interstitial", false)</script>',
    ],
    // Bot Manager's sensor on an ordinary page.
    clear: ['<script>bmak.sensor_data = "x"</script><script src="/akam/13/abcdef"></script>'],
  },
  'structure.akamai.behavioral': {
    fires: ['<div id="sec-if-cpt-container" role="main" style="display: none"><div id="sec-bc-tile-container"></div></div><div class="scf-akamai-logo-msg">Powered and protected by</div>'],
    // A page that only names Akamai, or a security section of an ordinary page.
    clear: ['<footer>Delivered by Akamai</footer>', '<section id="sec-settings" class="logo-akamai"></section>'],
  },
  'structure.qrator.qauth': {
    fires: ['<html><head><script src="/__qrator/qauth.js"></script></head><body></body></html>'],
    clear: ['<html><head><script src="/static/auth.js"></script></head><body></body></html>'],
  },
  'structure.servicepipe.challenge': {
    fires: ['<script src="//servicepipe.ru/static/fp.min.js"></script><div id="id_spinner"></div>', '<div id="id_captcha_frame_div" style="display:none"></div>'],
    clear: ['<a href="https://servicepipe.ru/">ServicePipe</a><div id="captcha"></div>'],
  },
  'structure.captcha-frame': {
    fires: ['<iframe src="https://shopcaptcha.example/captcha-frontend/shop.example/5f1c" id="embedded"></iframe>'],
    // A login form's reCAPTCHA frame, and a frame from a host that is no captcha service.
    clear: ['<iframe src="https://www.google.com/recaptcha/api2/anchor?k=6Lc"></iframe>', '<iframe src="https://video.example/captcha-tips/embed/1"></iframe>'],
  },
  'structure.douban.sec': {
    fires: ['<p>载入中 ...</p><form name="sec" id="sec" method="POST" action="/c"><input type="hidden" id="tok" name="tok"><input type="hidden" id="cha" name="cha"><input type="hidden" id="sol" name="sol"></form>'],
    clear: ['<form id="search" action="/subject_search"><input name="search_text"></form>', '<form id="sec" action="/c"><input id="sol" name="sol"><input id="cha" name="cha"></form>'],
  },
  'structure.wechat.secitpt-verify': {
    fires: ['<script>var PAGE_MID=\'mmbizwap:secitptpage/verify.html\';</script><script src="https://captcha.gtimg.com/TCaptcha.js"></script>'],
    clear: ['<script>var PAGE_MID=\'mmbizwap:appmsg/index.html\';</script>'],
  },
  'structure.reblaze.interstitial': {
    fires: ['<canvas id="c"></canvas><button id="b">Click here</button><script>window.rbzns = {"icstyle": {"title": "Human verification in process..."}};</script>'],
    // A page that only names the vendor, or a variable that merely ends like it.
    clear: ['<script>var myrbzns = {}; window.rbz = 1;</script><p>Protected by Reblaze</p>'],
  },
  'structure.awswaf.first-party-challenge': {
    fires: [
      '<div id="challenge-container"></div><script src="https://shop.example/__challenge_Ab12Cd34Ef56/0a1b2c/3d4e5f/challenge.js"></script>',
      '<script>window.awsWafCookieDomainList = [\'shop.example\'];</script>',
    ],
    // The integration SDK an ordinary page loads from AWS's own host is no challenge by itself, nor a page's own challenge.js.
    clear: ['<script src="https://abc123.edge.sdk.awswaf.com/abc123/def456/jsapi.js"></script>', '<script src="/static/challenge.js"></script>'],
  },
  'structure.google.enablejs': {
    fires: ['<noscript><meta content="0;url=/httpservice/retry/enablejs?sei=abc" http-equiv="refresh"></noscript><a href="/search?q=lamp&emsg=SG_REL">click here</a>'],
    clear: ['<a href="https://support.google.com/websearch/answer/181196">Enable JavaScript</a>'],
  },
  'structure.cookie-challenge': {
    fires: ["<script>document.cookie='shop_ddos_guard=9ca9; max-age=604800; path=/';window.location.reload(true);</script>", '<script>document.cookie = "antibot_pass=1; path=/"</script>'],
    clear: ["<script>document.cookie='cart_id=9ca9; path=/';</script>", '<p>We protect this shop from DDoS attacks.</p>'],
  },
  'structure.cookie-reload-challenge': {
    fires: [
      "<script>var config = document.getElementById('el1').dataset; Cookies.set(config.name, value, { domain: config.domain, expires: new Date(Date.now() + 3600000) }); document.location.reload()</script>",
      '<script>Cookies.set("pass", v);location.reload()</script>',
    ],
    // Storing a choice without reloading, or reloading after a click handler that sets nothing, is no challenge.
    clear: ["<script>Cookies.set('lang', 'ru', { expires: 365 });</script>", '<script>btn.onclick = () => { location.reload() }</script>', '<p>Cookies.set stores a cookie; location.reload() reloads.</p>'],
  },
  'structure.cloudflare.error-page': {
    fires: ['<div id="cf-error-details" class="cf-error-details-wrapper"><span class="cf-error-code">1020</span></div>'],
    clear: ['<div id="error-details" class="error-details-wrapper">Not found</div>'],
  },
  'structure.imperva.resource': {
    fires: ['<iframe src="/_Incapsula_Resource?SWUDNSAI=31&xinfo=1" frameborder="0"></iframe>'],
    clear: ['<p>Incapsula protects this site.</p>'],
  },
  'structure.ruishu.bootstrap': {
    fires: [
      '<meta content="{v}" r="m"><script>$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};</script>',
      // An obfuscated alias of window, the `{qqq` token, the ISO-8859-1 loader from two random segments and a version.
      '<script>_$6b[\'$_ts\'] = {};</script>',
      '<meta content="{qqqqqqqq!J7z,aac,amr">',
      '<script type="text/javascript" charset="iso-8859-1" src="/IkxfQuImHWbf/szBN0h1em4ON.87f8093.js"></script>',
    ],
    clear: [
      '<meta name="description" content="shop"><script>var ts = Date.now();</script>',
      '<script charset="iso-8859-1" src="/js/jquery.min.js"></script>',
      // The page reached once the challenge is passed keeps the loader beside its own style sheets.
      '<link rel="stylesheet" href="css/index.css"><script>$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};</script>',
    ],
  },
  'structure.wildberries.wbaas': {
    fires: ['<title>Почти готово...</title><script type="module" crossorigin src="/__wbaas/challenges/antibot/__static/v1/index-Abc123.js"></script>'],
    // A product page of the same shop loads its ordinary bundles.
    clear: ['<script src="https://static-basket-01.wbbasket.ru/vol0/j/main.js"></script>', '<a href="/challenges/">Челленджи</a>'],
  },
  'structure.ozon.abt-challenge': {
    fires: ['<title>Доступ ограничен</title><link rel="stylesheet" href="https://cdn2.ozone.ru/s3/abt-challenge/style_v26.css"><script src="https://cdn2.ozone.ru/s3/abt-challenge/script_v26.js"></script>'],
    // The complaint form's style sheet alone, and a product page.
    clear: ['<link rel="stylesheet" href="https://cdn1.ozone.ru/s3/abt-complaints/static/v1/common.css">', '<script src="https://st.ozone.ru/s3/pdp/app.js"></script>'],
  },
  'structure.jiasule.jsl': {
    fires: ['<script>document.cookie=\'__jsl_clearance=1566;max-age=3600;path=/\';location.href=location.pathname</script>'],
    clear: ['<script>document.cookie = "theme=dark"</script>'],
  },
  'structure.ipp.cookie-challenge': {
    fires: ['<meta http-equiv="refresh" content="10;URL=/ciez2a"><script>document.cookie="ipp_uid=1641989299691/Dfdb==";document.cookie="ipp_key=" + this.decrypt();</script>'],
    clear: ['<script>document.cookie = "ipp=1; path=/"</script>', '<p>Set the ipp_key cookie in your client.</p>'],
  },
  'structure.f5.support-id': {
    fires: ['<html><head><title>Request Rejected</title></head><body>An error has occurred. Please consult with your administrator.<br><br>Your support ID is: 5562235707991851251<br><br><a href="javascript:history.back();">[Go Back]</a></body></html>'],
    clear: ['<p>Your support ID is on your invoice.</p>', '<p>Ticket 1234 opened.</p>'],
  },
  'structure.datadome.captcha': {
    fires: ['<script>var dd={\'rt\':\'c\',\'cid\':\'AHrlqAAAAAMA\',\'hsh\':\'2211F\'}</script><script src="https://ct.captcha-delivery.com/c.js"></script>'],
    clear: ['<script>var dd = {theme: "dark"}</script>'],
  },
};

const wall = (markup: string): PageInput => ({ url: 'https://shop.example/', segments: [{ where: 'text', text: 'One moment, please.' }], markup });
const firing = (markup: string) => scanStructurePage(wall(markup), null, 'test', '').map((d) => d.ruleId);

describe("Shutout's own vendor markers", () => {
  for (const m of OWN_MARKERS) {
    it(`${m.id} fires on its wall's markup and not on ordinary markup`, () => {
      const f = FIXTURES[m.id];
      expect(f, `fixtures for ${m.id}`).toBeDefined();
      for (const markup of f!.fires) expect(firing(markup), markup).toContain(m.id);
      for (const markup of f!.clear) expect(firing(markup), markup).not.toContain(m.id);
    });
  }
  it('reads markers only on a wall-shaped page: the same markup on a long page is no wall', () => {
    const long: PageInput = { ...wall(FIXTURES['structure.qrator.qauth']!.fires[0]!), segments: [{ where: 'text', text: 'Fresh milk. '.repeat(300) }] };
    expect(scanStructurePage(long, null, 'test', '')).toEqual([]);
  });
  it("reads Shutout's own markers on a long page only where its prominent words name a security check", () => {
    const skinned: PageInput = { ...wall('<header>Shop</header><script>(function(){a.src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=1"})()</script>'), title: 'Sicherheitsprüfung', segments: [{ where: 'title', text: 'Sicherheitsprüfung' }, { where: 'text', text: 'Gartenmöbel und Werkzeug. '.repeat(100) }] };
    expect(scanStructurePage(skinned, null, 'test', 'Sicherheitsprüfung').map((d) => d.ruleId)).toEqual(['structure.cloudflare.orchestrate']);
    expect(scanStructurePage({ ...skinned, title: 'Gartenmöbel' }, null, 'test', 'Gartenmöbel')).toEqual([]);
    // "Just a moment…" names no verification, but as a page's title it is Cloudflare's challenge.
    expect(scanStructurePage({ ...skinned, title: 'Just a moment...' }, null, 'test', 'Just a moment...').map((d) => d.ruleId)).toEqual(['structure.cloudflare.orchestrate']);
  });
  it("reads Ruishu's loader only on a page without words: a page with words has passed its challenge", () => {
    const bootstrap = wall('<script>$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};</script>');
    expect(scanStructurePage({ ...bootstrap, segments: [{ where: 'text', text: '数据查询' }] }, null, 'test', '').map((d) => d.ruleId)).toEqual(['structure.ruishu.bootstrap']);
    expect(scanStructurePage({ ...bootstrap, segments: [{ where: 'text', text: '药品 数据查询 '.repeat(20) }] }, null, 'test', '')).toEqual([]);
  });
  it('every fixture belongs to a marker that exists', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(OWN_MARKERS.map((m) => m.id).sort());
  });
});

describe('a captcha handed out in an API answer because of a risk flag', () => {
  const layer = generalLayer(FRAMES);
  const answer = (body: string) => scanGeneralNetwork(layer, { url: 'https://api.example.cn/sign', body, resource: 'api' }, null, 'test');
  const gt = '0123456789abcdef0123456789abcdef';

  it('is read from JSON and from a Python printout, nested or flat', () => {
    expect(apiText(JSON.stringify({ retcode: 0, message: 'OK', data: { risk_code: 375, gt, challenge: 'c', success: 1 } })).messages).toContain(HANDED_OUT);
    expect(apiText(`{'retcode': 0, 'message': 'OK', 'data': {'code': '', 'risk_code': 5001, 'gt': '${gt}', 'challenge': 'c', 'success': 1}}`).messages).toContain(HANDED_OUT);
    expect(apiText(JSON.stringify({ data: { mmt_data: { gt, risk_type: 'slide', success: 1 }, msg: '成功' } })).messages).toContain(HANDED_OUT);
  });
  it('is a challenge although the answer says OK, as the captcha service does', () => {
    expect(answer(JSON.stringify({ retcode: 0, message: 'OK', data: { risk_code: 375, gt, challenge: 'c', success: 1 } })).map((d) => d.kind)).toContain('risk-challenge');
  });
  it('is read from a printout whose Geetest id was masked or mistyped when pasted', () => {
    expect(apiText(`{\n  data: {\n    code: 'ok',\n    gt_result: { risk_code: 5001, gt: 'a280f1e34s45a37ae91c65fc745fba7xx', challenge: 'c', success: 1, is_risk: true }\n  },\n  message: 'OK',\n  retcode: 0\n}`).messages).toContain(HANDED_OUT);
  });
  it("is not a login page's captcha setup, a risk field at zero, or a gt that is no Geetest id", () => {
    for (const data of [{ success: 1, gt, challenge: 'c', new_captcha: true }, { gt, challenge: 'c', risk_code: 0, is_risk: false }, { gt: 'greater-than', risk_code: 375 }]) {
      expect(apiText(JSON.stringify({ message: 'OK', data })).messages).not.toContain(HANDED_OUT);
      expect(answer(JSON.stringify({ message: 'OK', success: true, data }))).toEqual([]);
    }
  });
});

describe('an API answer that refuses until a captcha is solved and hands out its site key', () => {
  const layer = generalLayer(FRAMES);
  const answer = (body: string) => scanGeneralNetwork(layer, { url: 'https://chat.example/api/v9/auth/register', body, resource: 'api' }, null, 'test');
  const sitekey = '00000000-1111-2222-3333-444444444444';

  it('is a challenge (a registration answer naming the captcha service and its key)', () => {
    const body = JSON.stringify({ captcha_key: ['captcha-required'], captcha_sitekey: sitekey, captcha_service: 'hcaptcha' });
    expect(apiText(body).messages).toContain(CAPTCHA_ASKED);
    expect(answer(body).map((d) => d.kind)).toContain('risk-challenge');
  });
  it("is not a page's configuration that names its form's site key", () => {
    for (const data of [{ recaptcha_sitekey: sitekey, theme: 'light' }, { captcha_sitekey: sitekey, locale: 'en' }]) {
      expect(apiText(JSON.stringify(data)).messages).not.toContain(CAPTCHA_ASKED);
      expect(answer(JSON.stringify(data))).toEqual([]);
    }
  });
});

describe('structure: the bounds and gates the stop-37 mutation run left alive', () => {
  const page = (text: string, markup: string, extra: Partial<PageInput> = {}): PageInput => ({ url: 'https://shop.example/', segments: [{ where: 'text', text }], markup, ...extra });
  const ids = (input: PageInput) => scanStructurePage(input, null, 'test', '').map((d) => d.ruleId);
  const cfWall = '<script>window._cf_chl_opt = { cType: "managed" }</script>';

  it('keeps markup up to MARKUP_MAX whole, and of a longer one its first and last halves', () => {
    const exact = 'a'.repeat(MARKUP_MAX);
    expect(boundedMarkup(exact)).toBe(exact);
    const long = 'h'.repeat(MARKUP_MAX) + 'm'.repeat(1000) + 't'.repeat(MARKUP_MAX);
    const bounded = boundedMarkup(long);
    expect(bounded).toBe('h'.repeat(MARKUP_MAX / 2) + '\n' + 't'.repeat(MARKUP_MAX / 2));
  });
  it("finds a wall form at the end of a long markup and misses what lies only in its middle", () => {
    const filler = '<div>' + 'x'.repeat(MARKUP_MAX) + '</div>';
    expect(ids(page('One moment, please.', filler + cfWall))).toContain('antibot.cloudflare.html.2.0');
    expect(ids(page('One moment, please.', cfWall + filler))).toContain('antibot.cloudflare.html.2.0');
    expect(ids(page('One moment, please.', filler + cfWall + filler))).toEqual([]);
  });
  it('counts only the body text as visible: a title does not make a page long', () => {
    expect(visibleChars({ url: 'https://shop.example/', segments: [{ where: 'title', text: 'x'.repeat(5000) }, { where: 'text', text: 'abc' }] })).toBe(3);
    expect(visibleChars({ url: 'https://shop.example/', segments: [{ where: 'text', text: 'abc' }], textChars: 42 })).toBe(42);
  });
  it('a page of exactly WALL_TEXT_MAX characters is wall-shaped, one more is long', () => {
    expect(ids(page('x'.repeat(WALL_TEXT_MAX), cfWall))).toEqual(['antibot.cloudflare.html.2.0']);
    expect(ids(page('x'.repeat(WALL_TEXT_MAX + 1), cfWall))).toEqual([]);
  });
  it('says which vendor and which markup made the finding, and shows the title or the markup', () => {
    const [d] = scanStructurePage(page('One moment, please.', cfWall), null, 'test', '');
    expect(d).toMatchObject({ kind: 'risk-challenge', platform: 'cloudflare', ruleId: 'antibot.cloudflare.html.2.0', why: 'markup: cloudflare wall (_cf_chl_opt)', snippet: '_cf_chl_opt', where: 'text' });
    expect(scanStructurePage(page('One moment, please.', cfWall, { title: 'Just a moment...' }), 'taobao', 'test', '')[0]).toMatchObject({ platform: 'taobao', snippet: 'Just a moment...' });
    // A long match is cut to 60 characters in the why.
    const dd = `<script>var dd={'rt':'c','hsh':'${'F'.repeat(80)}','cid':'AHrlqAAAAAMA'}</script>`;
    const why = scanStructurePage(page('One moment, please.', dd), null, 'test', '').find((x) => x.ruleId === 'structure.datadome.captcha')?.why;
    expect(why).toBe(`markup: datadome wall (${`var dd={'rt':'c','hsh':'${'F'.repeat(80)}`.slice(0, 60)})`);
  });
  it('reads a status-gated marker only with a refusing status, never without one', () => {
    const waf = '<script src="https://abc.token.awswaf.com/abc/challenge.js"></script>';
    expect(ids(page('One moment, please.', waf, { status: 405 }))).toEqual(['antibot.aws-waf.html.2.0']);
    expect(ids(page('One moment, please.', waf, { status: 202 }))).toEqual([]);
    expect(ids(page('One moment, please.', waf, { status: 500 }))).toEqual([]);
    expect(ids(page('One moment, please.', waf))).toEqual([]);
  });
});

describe('structure of a refused document answer (the background reads its body)', () => {
  const answer = (status: number | undefined, body: string, resource: 'document' | 'api' = 'document') => ({ url: 'https://shop.example/item/1', status, body, resource });
  const cfBody = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><script>window._cf_chl_opt={cType:"managed"}</script></body></html>';
  const found = (input: ReturnType<typeof answer>, platform: string | null = null) => scanStructureNetwork(input, platform, 'test').filter((d) => d.ruleId.startsWith('antibot.') && d.ruleId.includes('.html.'));

  it("finds the vendor's wall markup in a document refused with 403, and says so", () => {
    expect(found(answer(403, cfBody))).toEqual([
      expect.objectContaining({ kind: 'risk-challenge', platform: 'cloudflare', ruleId: 'antibot.cloudflare.html.2.0', where: 'network', snippet: 'HTTP 403 _cf_chl_opt', why: 'markup: cloudflare wall with HTTP 403' }),
    ]);
    expect(found(answer(403, cfBody), 'taobao')[0]?.platform).toBe('taobao');
    // A long match is cut to 80 characters in the snippet.
    const resource = `_Incapsula_Resource?SWJIYLWA=${'a'.repeat(40)},${'b'.repeat(60)}`;
    const imperva = found(answer(403, `<html><head><script src="/${resource}"></script></head></html>`)).find((d) => d.ruleId === 'antibot.imperva.html.0.0');
    expect(imperva?.snippet).toBe(`HTTP 403 ${resource.slice(0, 80)}`);
  });
  it('reads no markup in an answer that does not refuse, is no document, or is no HTML', () => {
    expect(found(answer(200, cfBody))).toEqual([]);
    expect(found(answer(undefined, cfBody))).toEqual([]);
    expect(found(answer(403, cfBody, 'api'))).toEqual([]);
    expect(found(answer(403, 'window._cf_chl_opt = 1'))).toEqual([]);
  });
  it('reads a status-gated marker only with one of its statuses', () => {
    const waf = '<html><body><script src="https://abc.token.awswaf.com/abc/challenge.js"></script></body></html>';
    expect(found(answer(405, waf)).map((d) => d.ruleId)).toEqual(['antibot.aws-waf.html.2.0']);
    expect(found(answer(412, waf))).toEqual([]);
  });
  it('reads only the first MARKUP_MAX characters of a body', () => {
    const late = '<html><body>' + 'x'.repeat(MARKUP_MAX) + '<script>window._cf_chl_opt={}</script></body></html>';
    expect(found(answer(403, late))).toEqual([]);
  });
});
