import { describe, expect, it } from 'vitest';
import { OWN_MARKERS, scanStructurePage } from '../../utils/detect/general/structure';
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
    fires: ['<meta content="{v}" r="m"><script>$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};</script>'],
    clear: ['<meta name="description" content="shop"><script>var ts = Date.now();</script>'],
  },
  'structure.jiasule.jsl': {
    fires: ['<script>document.cookie=\'__jsl_clearance=1566;max-age=3600;path=/\';location.href=location.pathname</script>'],
    clear: ['<script>document.cookie = "theme=dark"</script>'],
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
