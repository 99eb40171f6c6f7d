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
    selector: '#nc_1_wrapper, #nocaptcha, .nc-container, .nc_wrapper, #baxia-punish, .baxia-dialog, iframe[src*="/_____tmd_____/punish"]',
    source: '',
  },
  {
    id: 'widget.geetest',
    vendor: 'geetest',
    kind: 'risk-challenge',
    selector: '.geetest_panel, .geetest_holder, .geetest_widget, .geetest_box, .geetest_captcha, .geetest_radar_tip',
    source: '',
  },
  {
    id: 'widget.tencent-captcha',
    vendor: 'tencent-captcha',
    kind: 'risk-challenge',
    selector: '#tcaptcha_iframe, #tcaptcha_transform, #tCaptchaDyContent, iframe[src*="captcha.qq.com"], iframe[src*="turing.captcha.qcloud.com"]',
    source: '',
  },
  {
    id: 'widget.jd-verify',
    vendor: 'jd',
    kind: 'risk-challenge',
    selector: '.JDJRV-wrap, .JDJRV-slide, .JDJRV-bigimg, #JDJRV-wrap-loginsubmit',
    source: '',
  },
  {
    id: 'widget.yidun',
    vendor: 'yidun',
    kind: 'risk-challenge',
    selector: '.yidun_popup, .yidun_panel, .yidun_slider, .yidun_modal',
    source: '',
  },
  {
    id: 'widget.hcaptcha',
    vendor: 'hcaptcha',
    kind: 'risk-challenge',
    selector: '.h-captcha, iframe[src*="hcaptcha.com"]',
    source: '',
  },
  {
    id: 'widget.recaptcha',
    vendor: 'recaptcha',
    kind: 'risk-challenge',
    selector: '.g-recaptcha, iframe[src*="/recaptcha/api2/anchor"], iframe[src*="/recaptcha/enterprise/anchor"], iframe[src*="/recaptcha/api2/bframe"]',
    source: '',
  },
  {
    id: 'widget.turnstile',
    vendor: 'cloudflare',
    kind: 'risk-challenge',
    selector: '.cf-turnstile, iframe[src*="challenges.cloudflare.com"]',
    source: '',
  },
  {
    id: 'widget.perimeterx',
    vendor: 'perimeterx',
    kind: 'risk-challenge',
    selector: '#px-captcha, #px-captcha-wrapper, .px-captcha-container',
    source: '',
  },
  {
    id: 'widget.datadome',
    vendor: 'datadome',
    kind: 'risk-challenge',
    selector: 'iframe[src*="captcha-delivery.com"]',
    source: '',
  },
  {
    id: 'widget.arkose',
    vendor: 'arkose',
    kind: 'risk-challenge',
    selector: 'iframe[src*="arkoselabs.com"], iframe[src*="funcaptcha.com"], #FunCaptcha, #arkose',
    source: '',
  },
  {
    id: 'widget.aws-waf',
    vendor: 'aws-waf',
    kind: 'risk-challenge',
    selector: '#captcha-container awswaf-captcha, awswaf-captcha',
    source: '',
  },
  {
    id: 'widget.meituan-yoda',
    vendor: 'meituan',
    kind: 'risk-challenge',
    selector: '#yodaBox, .yodaBox, #yoda-root, iframe[src*="verify.meituan.com"]',
    source: '',
  },
];

/** All widget selectors as one list, for one query per scan. */
export const WIDGET_SELECTOR = WIDGETS.map((w) => w.selector).join(', ');

/** Words that say the user must verify: a widget inside a login or contact form needs them. */
export const VERIFY_CUES = /验证|驗證|滑块|滑動|滑动|拖动|拖動|人机|真人|机器人|captcha|verif|robot|human|security check|challenge|슬라이|認証|ロボット/i;

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
