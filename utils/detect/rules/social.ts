import type { Rule } from '../types';

/**
 * Douyin (抖音), Xiaohongshu (小红书) and Zhihu (知乎).
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const DOUYIN_HOSTS = ['douyin.com', 'iesdouyin.com', 'jinritemai.com'];
const XHS_HOSTS = ['xiaohongshu.com', 'xhslink.com'];
const ZHIHU_HOSTS = ['zhihu.com'];

export const rules: Rule[] = [
  // ---- Douyin -----------------------------------------------------------------------
  {
    id: 'douyin.risk.captcha-middle-page',
    kind: 'risk-challenge',
    platform: 'douyin',
    hosts: DOUYIN_HOSTS,
    signal: 'text',
    phrases: ['验证码中间页', '请完成下列验证后继续'],
    confidence: 0.75,
    source:
      'Douyin captcha page, title "验证码中间页", text "请完成下列验证后继续:按住左边按钮拖动完成上方拼图" — https://github.com/dropod/issues/issues/6734 , /issues/17859 (archives of douyin.com/video/… ); collectors: code index ids 53319904385, 55632516226',
    fixtures: ['positive/social/douyin-captcha-middle-page.html', 'positive/social/douyin-captcha-dialog.html'],
  },
  {
    id: 'douyin.account.blocked-api',
    kind: 'account-restricted',
    platform: 'douyin',
    hosts: DOUYIN_HOSTS,
    signal: 'network',
    patterns: ['^\\s*blocked\\s*$'],
    resource: ['api'],
    confidence: 0.6,
    source:
      'NanmiCoder/MediaCrawler media_platform/douyin/client.py: body "blocked" from www.douyin.com/aweme/v1/web/… raises "account blocked"; https://github.com/NanmiCoder/MediaCrawler/issues/478',
    fixtures: ['positive/social/douyin-aweme-blocked.json'],
  },
  // ---- Xiaohongshu ------------------------------------------------------------------
  {
    id: 'xiaohongshu.risk.captcha-url',
    kind: 'risk-challenge',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'url',
    patterns: ['^https?://(?:www\\.)?xiaohongshu\\.com/website-login/captcha\\b'],
    confidence: 0.85,
    source:
      'https://www.xiaohongshu.com/website-login/captcha?redirectPath=…&verifyUuid=…&verifyType=…&verifyBiz=461 (code index ids 67426189077, 882918419, 16646355013)',
    fixtures: ['positive/social/xhs-website-login-captcha.html', 'positive/social/xhs-explore-302-captcha.json'],
  },
  {
    id: 'xiaohongshu.access.ip-risk-url',
    kind: 'access-denied',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'url',
    patterns: ['^https?://(?:www\\.)?xiaohongshu\\.com/website-login/error\\?[^#]*\\berror_code=300012\\b'],
    confidence: 0.8,
    source:
      'xiaohongshu.com/explore redirects to website-login/error?…error_code=300012&error_msg=IP存在风险，请切换可靠网络环境后重试 (code index ids 71357973134, 59411137005)',
    fixtures: ['positive/social/xhs-ip-risk.html'],
  },
  {
    id: 'xiaohongshu.access.ip-risk-text',
    kind: 'access-denied',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'text',
    phrases: ['IP存在风险，请切换可靠网络环境后重试'],
    confidence: 0.75,
    source:
      'XHS block page "安全限制 / IP存在风险，请切换可靠网络环境后重试 / 300012" (code index ids 58920715867, 70084403970, 52253190948)',
    fixtures: ['positive/social/xhs-ip-risk.html', 'positive/social/xhs-note-ip-risk.html'],
  },
  {
    id: 'xiaohongshu.access.ip-block-api',
    kind: 'access-denied',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'network',
    patterns: ['"code"\\s*:\\s*300012\\b'],
    resource: ['api'],
    confidence: 0.8,
    source:
      'NanmiCoder/MediaCrawler media_platform/xhs/client.py (IP_ERROR_CODE 300012 "网络连接异常，请检查网络设置或重启试试" → IPBlockError); ReaJason/xhs exception.py ErrorEnum.IP_BLOCK',
    fixtures: ['positive/social/xhs-300012.json'],
  },
  {
    id: 'xiaohongshu.risk.frequency-api',
    kind: 'risk-challenge',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'network',
    patterns: ['"code"\\s*:\\s*300013\\b'],
    resource: ['api'],
    confidence: 0.8,
    source:
      'XHS API {"code":300013,"success":false,"msg":"访问频次异常，请勿频繁操作或重启试试"} — https://github.com/ReaJason/xhs/issues/133 ; ReaJason/xhs ErrorEnum.ACCEESS_FREQUENCY_ERROR',
    fixtures: ['positive/social/xhs-300013.json'],
  },
  {
    id: 'xiaohongshu.risk.frequency-text',
    kind: 'risk-challenge',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'text',
    phrases: ['访问频次异常，请勿频繁操作'],
    confidence: 0.7,
    source:
      'https://github.com/ReaJason/xhs/issues/133 ; XHS page element .text "访问频次异常，请勿频繁操作" checked by a DrissionPage collector (code index id 52341561922)',
    fixtures: ['positive/social/xhs-frequency-toast.html'],
  },
  {
    id: 'xiaohongshu.account.abnormal-api',
    kind: 'account-restricted',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'network',
    phrases: ['当前账号存在异常'],
    patterns: ['"code"\\s*:\\s*300011\\b'],
    resource: ['api'],
    confidence: 0.8,
    source:
      'edith.xiaohongshu.com {"code":300011,"success":false,"msg":"当前账号存在异常，请切换账号后重试"} (code index ids 53250471889, 56705039539, 55300203574)',
    fixtures: ['positive/social/xhs-300011.json'],
  },
  {
    id: 'xiaohongshu.risk.verify-status',
    kind: 'risk-challenge',
    platform: 'xiaohongshu',
    hosts: XHS_HOSTS,
    signal: 'network',
    status: [461, 471],
    header: { name: 'Verifytype' },
    confidence: 0.85,
    source:
      'NanmiCoder/MediaCrawler media_platform/xhs/client.py: status 471 or 461 with headers Verifytype / Verifyuuid means a captcha is required',
    fixtures: ['positive/social/xhs-461-verify.json'],
  },
  // ---- Zhihu --------------------------------------------------------------------------
  {
    id: 'zhihu.access.request-limited',
    kind: 'access-denied',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'text',
    phrases: ['您当前请求存在异常，暂时限制本次访问'],
    confidence: 0.75,
    source:
      'https://github.com/frostming/fxzhihu/issues/44 ({"error":{"message":"您当前请求存在异常，暂时限制本次访问。如有疑问，您可以通过手机摇一摇或登录后私信知乎小管家反馈。","code":40362}} rendered as the page); https://github.com/zhihulite/Hydrogen/issues/120',
    fixtures: ['positive/social/zhihu-40362-page.html'],
  },
  {
    id: 'zhihu.access.request-limited-api',
    kind: 'access-denied',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'network',
    patterns: ['"code"\\s*:\\s*40362\\b'],
    resource: ['api', 'document'],
    confidence: 0.8,
    source: 'https://github.com/frostming/fxzhihu/issues/44 ; https://github.com/zhihulite/Hydrogen/issues/120 (code 40362)',
    fixtures: ['positive/social/zhihu-40362.json'],
  },
  {
    id: 'zhihu.risk.unhuman-url',
    kind: 'risk-challenge',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'url',
    patterns: ['^https?://(?:www\\.)?zhihu\\.com/account/unhuman\\b'],
    confidence: 0.85,
    source:
      'Requests from a flagged account or IP are redirected to https://www.zhihu.com/account/unhuman?type=unhuman&message=…&need_login=false (crawler README, code index id 26228917729; ids 45723222286, 62612564502)',
    fixtures: ['positive/social/zhihu-unhuman.html', 'positive/social/zhihu-question-302-unhuman.json'],
  },
  {
    id: 'zhihu.risk.unhuman-api',
    kind: 'risk-challenge',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'network',
    patterns: ['"code"\\s*:\\s*40352\\b'],
    resource: ['api'],
    confidence: 0.8,
    source:
      'Zhihu API {"error":{"code":40352,"need_login":true,"redirect":"https://www.zhihu.com/account/unhuman?type=S6E3V1&…"}} (code index ids 52710019887, 8108365161)',
    fixtures: ['positive/social/zhihu-40352.json'],
  },
  {
    id: 'zhihu.risk.unhuman-text',
    kind: 'risk-challenge',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'text',
    phrases: ['系统检测到您的账号或IP存在异常流量'],
    confidence: 0.75,
    source:
      'unhuman message "系统检测到您的帐号或IP存在异常流量，请进行验证用于确认这些请求不是自动程序发出的" (older: "请输入以下字符用于确认…"), code index ids 24133384890, 20748463661, 26172536604',
    fixtures: ['positive/social/zhihu-unhuman.html'],
  },
  {
    id: 'zhihu.account.anti-cheat-restricted',
    kind: 'account-restricted',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'text',
    phrases: ['您的账号由于存在异常行为暂时被知乎反作弊系统限制使用'],
    confidence: 0.75,
    source:
      'https://github.com/YaoZeyuan/ZhihuHelp_archived/issues/36 (Zhihu unblock dialog: "非常抱歉，您的帐号由于存在异常行为暂时被知乎反作弊系统限制使用。如果您觉得是误伤，可以发短信恢复帐号使用")',
    fixtures: ['positive/social/zhihu-anti-cheat-dialog.html'],
  },
  {
    id: 'zhihu.account.login-abnormal-api',
    kind: 'account-restricted',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'network',
    phrases: ['当前账号异常，请使用其他方式登录'],
    resource: ['api'],
    confidence: 0.8,
    source:
      "https://github.com/zkqiang/zhihu-login/issues/21 ({'message': '当前帐号异常，请使用其他方式登录，如需帮助请联系知乎管理员', 'code': 120017})",
    fixtures: ['positive/social/zhihu-login-120017.json'],
  },
  {
    id: 'zhihu.profile.suspended',
    kind: 'service-suspended',
    platform: 'zhihu',
    hosts: ZHIHU_HOSTS,
    signal: 'text',
    phrases: ['违反知乎社区规范，该用户账号已被停用'],
    confidence: 0.75,
    source:
      'Zhihu profile status "由于严重违反知乎社区规范，该用户帐号已被停用。" (zhihu API wrapper README and account verifier, code index ids 49342774016, 6098638585)',
    fixtures: ['positive/social/zhihu-people-suspended.html'],
  },
];
