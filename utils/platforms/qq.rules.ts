import type { Rule } from '../detect/types';

/**
 * QQ: the QQ client's link interstitials on c.pc.qq.com and urlsec.qq.com, QQ Mail's link warning.
 */
const QQ_LINK_HOSTS = ['c.pc.qq.com', 'urlsec.qq.com'];
const HELP_PAGE = ['帮助中心', '常见问题'];

export const rules: Rule[] = [
  // ---- QQ link interstitials -----------------------------------------------------------
  {
    id: 'qq.link.middle-page-url',
    kind: 'link-blocked',
    platform: 'qq',
    hosts: ['c.pc.qq.com'],
    signal: 'url',
    patterns: ['^https?://c\\.pc\\.qq\\.com/(?:middlem|middleb|middlect|ios|pc)\\.html\\?'],
    confidence: 0.75,
    // No public copy of this wording could be named: the search that found it in public code
    // could not give the repositories. What a reader can follow is the site that shows it.
    source: 'https://c.pc.qq.com/ (the address is served on this site\'s pages)',
    fixtures: ['positive/tencent/qq-middlem-unofficial.html', 'positive/tencent/qq-ios-stopped.html'],
  },
  {
    id: 'qq.link.unofficial',
    kind: 'link-blocked',
    platform: 'qq',
    hosts: QQ_LINK_HOSTS,
    signal: 'text',
    phrases: ['当前网页非官方页面'],
    unless: HELP_PAGE,
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'https://greasyfork.org/zh-CN/scripts/434536 ("非官方页面，请勿输入QQ账号和密码，如需访问，请复制后使用浏览器访问")',
    fixtures: ['positive/tencent/qq-middlem-unofficial.html', 'positive/tencent/qq-middlem-unofficial-zh-hant.html'],
  },
  {
    id: 'qq.link.stopped',
    kind: 'link-blocked',
    platform: 'qq',
    hosts: QQ_LINK_HOSTS,
    signal: 'text',
    phrases: ['已停止访问该网页', '如需浏览，请使用浏览器访问'],
    unless: HELP_PAGE,
    confidence: 0.75,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source:
      'https://greasyfork.org/scripts/542081 (电脑QQ打开网页提示"已停止访问该网页" "当前网页非官方页面" "如需浏览，请使用浏览器访问"); yunshangcms/yunshangcms:err.php@712eb56ad7e3 (shows "已停止访问该网页")',
    fixtures: ['positive/tencent/qq-ios-stopped.html'],
  },
  {
    id: 'qq.mail.safety-url',
    kind: 'link-blocked',
    platform: 'qq',
    hosts: ['qq.com'],
    signal: 'url',
    patterns: ['^https?://mail\\.qq\\.com/cgi-bin/readtemplate\\?(?:[^#]*&)?t=safety\\b[^#]*\\bgourl='],
    confidence: 0.55,
    source:
      'QQ Mail external-link warning https://mail.qq.com/cgi-bin/readtemplate?t=safety&check=false&gourl=… with .remind_title "您将要访问："',
    fixtures: ['positive/tencent/qqmail-safety.html'],
  },
];
