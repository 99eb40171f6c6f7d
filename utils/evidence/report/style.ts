/** The report's stylesheet: screen and print, and the language switch that needs no script (:target). */
export const KIND_COLORS: Record<string, string> = {
  'account-restricted': '#b3261e',
  'access-denied': '#c2410c',
  'risk-challenge': '#a16207',
  'promotion-denied': '#7c3aed',
  'link-blocked': '#0e7490',
  'service-suspended': '#be185d',
  'coupon-missing': '#4d7c0f',
};

/** `many`: lay findings out only when on screen (content-visibility), so 10,000 load in seconds, not a quarter minute. */
export function reportCss(ui: 'zh' | 'en', many = false): string {
  const other = ui === 'zh' ? 'en' : 'zh';
  return `
:root{color-scheme:light;--fg:#1b1d21;--muted:#565b63;--line:#d3d6dc;--surface:#f4f5f7;--accent:#1a56c4;--bad:#a1251c;--ok:#146c2e}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:var(--fg);background:#fff}
.doc{max-width:960px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:0}
.muted{color:var(--muted)}.mono,code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12.5px;overflow-wrap:anywhere;word-break:break-all}
.switch{float:right;font-size:14px;border:1px solid var(--line);border-radius:6px;padding:4px 10px;text-decoration:none;color:var(--accent)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:14px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--surface)}td.n{text-align:right;font-variant-numeric:tabular-nums}
.chip{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-size:13px}
.legend .item{display:inline-block;margin-right:14px;font-size:13px}
.legend svg{margin-right:4px;vertical-align:-1px}
svg.timeline{width:100%;height:auto;display:block;margin:8px 0}
.integrity{background:var(--surface);border:1px solid var(--line);border-radius:8px;padding:12px 16px}
pre.cmd{background:#1b1d21;color:#f4f5f7;padding:8px 12px;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}
article.finding{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:12px 0;break-inside:avoid;page-break-inside:avoid}
article.finding header{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap;margin-bottom:6px}
blockquote{margin:6px 0;padding:6px 12px;border-left:4px solid var(--line);background:var(--surface);white-space:pre-wrap;overflow-wrap:anywhere}
.withheld{color:var(--bad);font-size:12px;border:1px solid var(--bad);border-radius:4px;padding:0 4px;margin-left:6px}
figure{display:inline-block;margin:6px 12px 0 0;vertical-align:top;max-width:380px}
figure img{width:360px;max-height:270px;object-fit:cover;object-position:top;border:1px solid var(--line);border-radius:4px}
figcaption{font-size:11px;color:var(--muted)}${many ? '\narticle.finding{content-visibility:auto;contain-intrinsic-size:auto 420px}' : ''}
.lang-anchor{position:absolute;top:0}
.l-${other}{display:none!important}
#${other}:target~.doc .l-${other}{display:revert!important}
#${other}:target~.doc .l-${ui}{display:none!important}
@media print{
  body{font-size:11pt}
  .doc{max-width:none;padding:0}
  .doc .switch,#zh:target~.doc .switch,#en:target~.doc .switch{display:none!important}
  .chip{background:transparent!important;color:#111!important;border:1px solid #555}
  h2{break-after:avoid;page-break-after:avoid}
  article.finding{border-color:#999}
  .integrity,pre.cmd,table{break-inside:avoid;page-break-inside:avoid}
  pre.cmd{background:#fff;color:#000;border:1px solid #999}
  a{color:inherit;text-decoration:none}
  @page{margin:16mm 14mm}
}`;
}
