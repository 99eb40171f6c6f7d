import type { Kind } from '../kinds';

/**
 * Challenge widgets identified by their public markup: a visible one on a page is a
 * risk-challenge whatever the page's words say. Selectors are qualified by id, class or tag so
 * that the browser's selector buckets keep the query cheap on very large pages.
 */
export interface Widget {
  id: string;
  /** The vendor (a wall platform id, or the marketplace that runs it). */
  vendor: string;
  kind: Kind;
  selector: string;
  source: string;
}

export const WIDGETS: readonly Widget[] = [
  {
    id: 'widget.alibaba.slider',
    vendor: 'taobao',
    kind: 'risk-challenge',
    selector: '#nc_1_wrapper, #nocaptcha, .nc-container, .nc_wrapper, iframe[src*="/_____tmd_____/punish"]',
    source: 'liangruiji/kaohe:test_CJ/js/2.js@7e94bbc293c7701f0b24a9bc201672268dc25d7d; gihoan1209-lgtm/sourcingkey:aliexpress_debug.html@9133d359cd906cf10baae89f3ecc8048cb65877f; https://github.com/TechXueXi/techxuexi-js/issues/8',
  },
  {
    id: 'widget.geetest',
    vendor: 'geetest',
    kind: 'risk-challenge',
    selector: '.geetest_panel, .geetest_holder, .geetest_widget, .geetest_box, .geetest_captcha, .geetest_radar_tip',
    source: 'microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b',
  },
  {
    id: 'widget.tencent-captcha',
    vendor: 'tencent-captcha',
    kind: 'risk-challenge',
    selector: '#tcaptcha_iframe, #tcaptcha_transform, #tCaptchaDyContent, iframe[src*="captcha.qq.com"], iframe[src*="turing.captcha.qcloud.com"]',
    source: 'microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b',
  },
  {
    id: 'widget.jd-verify',
    vendor: 'jd',
    kind: 'risk-challenge',
    selector: '.JDJRV-wrap, .JDJRV-slide, .JDJRV-bigimg, #JDJRV-wrap-loginsubmit',
    source: 'rabbit-yu/selenium-jingdong:京东滑块.py@8492f7da6e720a05a44da9ef8c2537162e68dde6; Iamxiaoq/jd_login:login.py@ab04e597166750e087168bc53c2bcff6dfcf390d; houruixiang1/codetime:JsSpider/login/京东login_puppeteer.py@5e469abc4f3bacfc35c7fd15ab20b5462ce244c2',
  },
  {
    id: 'widget.yidun',
    vendor: 'yidun',
    kind: 'risk-challenge',
    selector: '.yidun_popup, .yidun_panel, .yidun_slider, .yidun_modal',
    source: 'yml2213/yml_jsEnv:网易易盾/解密后.js@b28dd0bcc0a861beaa5d066f60265ad5ed2ad617; JackXxj/yidun_slider_captcha:yidun_slider_captcha.py@08af250fe6fb2c2763a1c39122f9cbaf68721636; lighting1012/slider_verification_yidun:slide_etax_1.py@7391791c7b66ee40c768ca7bd5d7effdc337e3e2',
  },
  {
    id: 'widget.hcaptcha',
    vendor: 'hcaptcha',
    kind: 'risk-challenge',
    selector: '.h-captcha, iframe[src*="hcaptcha.com"]',
    source: 'microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b',
  },
  {
    id: 'widget.recaptcha',
    vendor: 'recaptcha',
    kind: 'risk-challenge',
    selector: '.g-recaptcha, iframe[src*="/recaptcha/api2/anchor"], iframe[src*="/recaptcha/enterprise/anchor"], iframe[src*="/recaptcha/api2/bframe"]',
    source: 'microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b; https://github.com/flathunters/flathunter/issues/45',
  },
  {
    id: 'widget.turnstile',
    vendor: 'cloudflare',
    kind: 'risk-challenge',
    selector: '.cf-turnstile, iframe[src*="challenges.cloudflare.com"]',
    source: 'microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b',
  },
  {
    id: 'widget.perimeterx',
    vendor: 'perimeterx',
    kind: 'risk-challenge',
    selector: '#px-captcha, #px-captcha-wrapper, .px-captcha-container',
    source: 'microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b; https://github.com/feder-cr/invisible_playwright/issues/28; heismessan/AI-COMMERCE-INTELLIGENTE:debug_walmart.html@3bd657c03c68d72d46589d933a92d35010dd992e',
  },
  {
    id: 'widget.datadome',
    vendor: 'datadome',
    kind: 'risk-challenge',
    selector: 'iframe[src*="captcha-delivery.com"]',
    source: 'microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b',
  },
  {
    id: 'widget.arkose',
    vendor: 'arkose',
    kind: 'risk-challenge',
    selector: 'iframe[src*="arkoselabs.com"], iframe[src*="funcaptcha.com"], #FunCaptcha, #arkose',
    source: 'microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b',
  },
  {
    id: 'widget.aws-waf',
    vendor: 'aws-waf',
    kind: 'risk-challenge',
    selector: '#captcha-container awswaf-captcha, awswaf-captcha',
    source: 'microlinkhq/is-antibot:src/providers.json@c514a8d93dd425a1a201ee5dc03629dbd4a5dc5b',
  },
  {
    id: 'widget.meituan-yoda',
    vendor: 'meituan',
    kind: 'risk-challenge',
    selector: '#yodaBox, #yodaBoxWrapper',
    source: 'qinLess/node-server:server/layout/v2/dp_slider.js@7489dc0dfecd785318603fe87d5f3c57aa806c5b; Sqcode/ppython:ca/slide_selenium.py@bb8fe14f0c9145ce9e040bdbe0ab433cab66ca1d; https://github.com/Sniper970119/dianping_spider/issues/33',
  },
];

/** All widget selectors as one list, for one query per scan. */
export const WIDGET_SELECTOR = WIDGETS.map((w) => w.selector).join(', ');

/** Words that say the user must verify: a widget inside a login or contact form needs them. */
/**
 * A title that names a challenge ("Sicherheitsprüfung", "Just a moment…", "安全验证"): the one case
 * where a long page's markup is read for wall markers (a wall skinned with the site's own header and
 * footer). Narrower than VERIFY_CUES, so that a long product page titled "Robot vacuum" is never serialised.
 */
export const CHALLENGE_TITLE = /security check|sicherheitsprüfung|sicherheitsüberprüfung|vérification de sécurité|проверка безопасности|human verification|verify (?:you are|that you are) (?:a )?human|just a moment|attention required|antibot challenge|人机验证|安全验证|安全检查|访问验证/i;

export const VERIFY_CUES = /验证|驗證|滑块|滑動|滑动|拖动|拖動|人机|真人|机器人|captcha|verif|vérif|robot|human|security check|challenge|sicherheitsprüfung|sicherheitsüberprüfung|робот|슬라이|認証|ロボット/i;

/** Which widget an element is (first selector it matches). */
export function widgetOf(el: { matches(sel: string): boolean }): Widget | undefined {
  for (const w of WIDGETS) {
    try {
      if (el.matches(w.selector)) return w;
    } catch {
      /* a selector the DOM cannot parse: skip it */
    }
  }
  return undefined;
}
