import { describe, expect, it } from 'vitest';
import { OWN_MARKERS, scanStructurePage } from '../../utils/detect/general/structure';
import { apiText, HANDED_OUT } from '../../utils/detect/general/api-text';
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
  it("is not a login page's captcha setup, a risk field at zero, or a gt that is no Geetest id", () => {
    for (const data of [{ success: 1, gt, challenge: 'c', new_captcha: true }, { gt, challenge: 'c', risk_code: 0, is_risk: false }, { gt: 'greater-than', risk_code: 375 }]) {
      expect(apiText(JSON.stringify({ message: 'OK', data })).messages).not.toContain(HANDED_OUT);
      expect(answer(JSON.stringify({ message: 'OK', success: true, data }))).toEqual([]);
    }
  });
});
