import type { Rule } from '../detect/types';

/**
 * WeChat: link walls (weixin110 newredirectconfirmcgi) and Official Account article notices
 * on mp.weixin.qq.com. The QQ client's link interstitials are in qq.rules.ts.
 *
 * Help-centre and FAQ pages quote the link-wall wording ("网页提示“已停止访问该网页”怎么办"); the
 * text rules stay silent on pages that present themselves as such (`unless`). Long articles
 * that quote the wording in their body are handled by the engine's long-page weighting.
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const WX_LINK_HOSTS = ['weixin110.qq.com', 'weixin.qq.com', 'mp.weixin.qq.com'];
const WX_MP_HOSTS = ['mp.weixin.qq.com', 'weixin.qq.com'];
const HELP_PAGE = ['帮助中心', '常见问题'];

export const rules: Rule[] = [
  // ---- WeChat link walls -------------------------------------------------------------
  {
    id: 'wechat.link.redirect-confirm-url',
    kind: 'link-blocked',
    platform: 'wechat',
    hosts: ['weixin110.qq.com'],
    signal: 'url',
    patterns: ['^https?://weixin110\\.qq\\.com/cgi-bin/mmspamsupport-bin/newredirectconfirmcgi\\b'],
    confidence: 0.85,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      '(https://weixin110.qq.com/cgi-bin/mmspamsupport-bin/newredirectconfirmcgi?main_type=2&evil_type=20&source=2&url=…)',
    fixtures: [
      'positive/tencent/weixin110-stopped.html',
      'positive/tencent/weixin110-copy-to-browser.html',
      'positive/tencent/weixin110-document.json',
    ],
  },
  {
    id: 'wechat.link.stopped',
    kind: 'link-blocked',
    platform: 'wechat',
    hosts: WX_LINK_HOSTS,
    signal: 'text',
    phrases: ['已停止访问该网页'],
    unless: HELP_PAGE,
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/gemgin/WeChatTools README (微信域名检测 "已停止访问该网页"); yunshangcms/yunshangcms:err.php@712eb56ad7e3 (shows "已停止访问该网页")',
    fixtures: [
      'positive/tencent/weixin110-stopped.html',
      'positive/tencent/weixin110-stopped-zh-hant.html',
      'positive/tencent/mp-link-stopped.html',
    ],
  },
  {
    id: 'wechat.link.copy-to-browser',
    kind: 'link-blocked',
    platform: 'wechat',
    hosts: WX_LINK_HOSTS,
    signal: 'text',
    phrases: ['如需浏览，请长按网址复制后使用浏览器访问'],
    unless: HELP_PAGE,
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://weixin110.qq.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/tencent/weixin110-copy-to-browser.html'],
  },
  {
    id: 'wechat.link.complained',
    kind: 'link-blocked',
    platform: 'wechat',
    hosts: WX_LINK_HOSTS,
    signal: 'text',
    phrases: ['网页包含诱导分享', '为维护绿色上网环境，已停止访问', '该网页包含不安全内容'],
    unless: HELP_PAGE,
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://github.com/gemgin/WeChatTools ("网页包含诱导分享、诱导关注内容，被多人投诉，为维护绿色上网环境，已停止访问"); yunshangcms/yunshangcms:err.php@712eb56ad7e3 (shows "为维护绿色上网环境，已停止访问")',
    fixtures: ['positive/tencent/weixin110-induced-share.html', 'positive/tencent/weixin110-unsafe-zh-hant.html'],
  },
  {
    id: 'wechat.link.wapredirect-url',
    kind: 'link-blocked',
    platform: 'wechat',
    hosts: ['mp.weixin.qq.com'],
    signal: 'url',
    patterns: ['^https?://mp\\.weixin\\.qq\\.com/mp/readtemplate\\?(?:[^#]*&)?t=pages/wapredirect\\b'],
    confidence: 0.6,
    source:
      'external-link warning template https://mp.weixin.qq.com/mp/readtemplate?t=pages/wapredirect&url=<target> (link-unwrapping userscript)',
    fixtures: ['positive/tencent/mp-wapredirect.html'],
  },
  // ---- WeChat Official Account article notices ------------------------------------------
  {
    id: 'wechat.mp.account-blocked',
    kind: 'service-suspended',
    platform: 'wechat',
    hosts: WX_MP_HOSTS,
    signal: 'text',
    phrases: ['此账号已被屏蔽，内容无法查看', '此账号被投诉且经审核涉嫌侵权'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://mp.weixin.qq.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/tencent/mp-account-blocked.html'],
  },
  {
    id: 'wechat.mp.content-deleted',
    kind: 'service-suspended',
    platform: 'wechat',
    hosts: WX_MP_HOSTS,
    signal: 'text',
    phrases: ['该内容已被发布者删除'],
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'wechat-article/wechat-article-exporter:shared/utils/html.ts@55217d4fdcef (shows "该内容已被发布者删除")',
    fixtures: ['positive/tencent/mp-content-deleted.html', 'positive/tencent/mp-content-deleted-zh-hant.html'],
  },
  {
    id: 'wechat.mp.content-violation',
    kind: 'service-suspended',
    platform: 'wechat',
    hosts: WX_MP_HOSTS,
    signal: 'text',
    phrases: ['此内容因违规无法查看', '被投诉且经审核涉嫌侵权，无法查看', '由用户投诉并经平台审核，涉嫌过度营销、骚扰用户'],
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'wechat-article/wechat-article-exporter:samples/内容违规/01.html@55217d4fdcef (shows "此内容因违规无法查看")',
    fixtures: ['positive/tencent/mp-content-violation.html', 'positive/tencent/mp-content-violation-zh-hant.html'],
  },
  {
    id: 'wechat.mp.env-abnormal',
    kind: 'risk-challenge',
    platform: 'wechat',
    hosts: WX_MP_HOSTS,
    signal: 'text',
    phrases: ['完成验证后即可继续访问'],
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'jackwener/OpenCLI:clis/weixin/download.js@27ba33fcb8ad (shows "完成验证后即可继续访问")',
    fixtures: ['positive/tencent/mp-env-abnormal.html'],
  },
  {
    id: 'wechat.mp.captcha-url',
    kind: 'risk-challenge',
    platform: 'wechat',
    hosts: WX_MP_HOSTS,
    signal: 'url',
    patterns: ['^https?://mp\\.weixin\\.qq\\.com/mp/wappoc_appmsgcaptcha\\b'],
    confidence: 0.85,
    source:
      'Article links are 302-redirected to https://mp.weixin.qq.com/mp/wappoc_appmsgcaptcha?poc_token=…&target_url=…',
    fixtures: ['positive/tencent/mp-env-abnormal.html', 'positive/tencent/mp-article-302-captcha.json'],
  },
  {
    id: 'wechat.mp.too-frequent',
    kind: 'risk-challenge',
    platform: 'wechat',
    hosts: WX_MP_HOSTS,
    signal: 'text',
    phrases: ['访问过于频繁，请用微信扫描二维码进行访问'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://mp.weixin.qq.com/ (the notice is served on this site\'s pages)',
    fixtures: ['positive/tencent/mp-too-frequent.html'],
  },
];
