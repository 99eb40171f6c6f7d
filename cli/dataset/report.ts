/**
 * The dataset's own report.html: self-contained like a bundle's (no script, no remote resource,
 * every text escaped, both languages with the switch that needs no script), made from the
 * dataset's tables with aggregate queries, so its size does not grow with the findings.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { formatFingerprint } from '../../utils/evidence/signing';
import { esc } from '../../utils/evidence/report/escape';
import { platformName } from '../../utils/evidence/report/platform-names';
import { S as BUNDLE_S } from '../../utils/evidence/report/strings';
import { KIND_COLORS, reportCss } from '../../utils/evidence/report/style';
import { timelineSvg } from '../../utils/evidence/report/timeline';
import type { Refusal } from './merge';

const T = {
  title: { zh: 'Shutout 数据集报告', en: 'Shutout dataset report' },
  summary: { zh: '概况', en: 'Summary' },
  bundles: { zh: '证据包', en: 'Bundles' },
  merged: { zh: '已合并', en: 'merged' },
  refusedN: { zh: '被拒绝', en: 'refused' },
  participants: { zh: '参与者', en: 'Participants' },
  findings: { zh: '记录', en: 'Findings' },
  counted: { zh: '计入的记录（不含误报和用户删除的记录）', en: 'Findings that count (false positives and findings their user deleted left out)' },
  span: { zh: '时间范围', en: 'Time span' },
  byPlatform: { zh: '按平台和类型', en: 'By platform and kind' },
  byParticipant: { zh: '按参与者', en: 'By participant' },
  byWeek: { zh: '按周（周一起，观察者当地日期）', en: 'By week (from Monday, by the observer’s local date)' },
  week: { zh: '周', en: 'Week' },
  platform: { zh: '平台', en: 'Platform' },
  total: { zh: '合计', en: 'Total' },
  label: { zh: '配置标签', en: 'Profile label' },
  key: { zh: '签名密钥指纹', en: 'Signing key fingerprint' },
  first: { zh: '首次', en: 'First' },
  last: { zh: '最近', en: 'Last' },
  platforms: { zh: '平台', en: 'Platforms' },
  timeline: { zh: '时间线（按观察者当地日期）', en: 'Timeline (by the observer’s local date)' },
  refused: { zh: '被拒绝的证据包', en: 'Refused bundles' },
  refusedNone: { zh: '没有：每个证据包都通过了核验。', en: 'None: every bundle verified.' },
  file: { zh: '文件', en: 'File' },
  reason: { zh: '原因', en: 'Reason' },
  none: { zh: '没有记录。', en: 'No findings.' },
  howTo: { zh: '查询数据', en: 'Query the data' },
  howTo1: { zh: '用 DuckDB 打开数据库（表、视图和问题见 docs/dataset.md）：', en: 'Open the database with DuckDB (tables, views and questions: docs/dataset.md):' },
} as const;

type Lang = 'zh' | 'en';
const both = (s: { zh: string; en: string }): string => `<span class="l-zh" lang="zh-CN">${esc(s.zh)}</span><span class="l-en" lang="en">${esc(s.en)}</span>`;
const kindLabel = (k: string) => both({ zh: (BUNDLE_S.kinds.zh as Record<string, string>)[k] ?? k, en: (BUNDLE_S.kinds.en as Record<string, string>)[k] ?? k });
const platformLabel = (p: string | null) => (p ? both({ zh: platformName(p, 'zh'), en: platformName(p, 'en') }) : '—');
const n = (v: unknown) => `<td class="n">${esc(Number(v ?? 0).toLocaleString('en-US'))}</td>`;

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

export async function datasetReport(con: DuckDBConnection, refused: Refusal[], ui: Lang = 'en'): Promise<string> {
  const other: Lang = ui === 'zh' ? 'en' : 'zh';
  const [totals] = await rows(
    con,
    `SELECT (SELECT count(*) FROM bundles WHERE verdict = 'merged') AS merged, (SELECT count(*) FROM bundles WHERE verdict = 'refused') AS refused,
            (SELECT count(DISTINCT participant) FROM bundles WHERE verdict = 'merged') AS participants, (SELECT count(*) FROM findings) AS findings,
            count(*) AS counted, min(local_date)::VARCHAR AS first_day, max(local_date)::VARCHAR AS last_day FROM evidence`,
  );
  const kinds = (await rows(con, `SELECT DISTINCT kind FROM evidence WHERE kind IS NOT NULL ORDER BY kind`)).map((r) => String(r.kind));
  const byPlatform = await rows(con, `SELECT platform, kind, count(*) AS n FROM evidence GROUP BY ALL ORDER BY platform, kind`);
  const byParticipant = await rows(
    con,
    `SELECT e.participant, p.profile_label, count(*) AS n, string_agg(DISTINCT e.platform, ', ' ORDER BY e.platform) AS platforms,
            min(e.local_date)::VARCHAR AS first_day, max(e.local_date)::VARCHAR AS last_day
     FROM evidence e LEFT JOIN participants p USING (participant) GROUP BY ALL ORDER BY p.profile_label, e.participant`,
  );
  const byWeek = await rows(con, `SELECT date_trunc('week', local_date)::DATE::VARCHAR AS week, kind, count(*) AS n FROM evidence WHERE local_date IS NOT NULL GROUP BY ALL ORDER BY week, kind`);
  const perDay = await rows(con, `SELECT day::VARCHAR AS day, kind, sum(findings) AS n FROM findings_per_day WHERE day IS NOT NULL GROUP BY ALL`);

  const out: string[] = [];
  out.push(`<!doctype html>\n<html lang="${ui === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`);
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`);
  out.push(`<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(T.title[ui])}</title><style>${reportCss(ui)}</style></head><body>`);
  out.push(`<div id="${other}" class="lang-anchor"></div><div id="${ui}" class="lang-anchor"></div><div class="doc">`);
  out.push(`<a class="switch l-${ui}" href="#${other}">${esc(BUNDLE_S.switchTo[ui])}</a><a class="switch l-${other}" href="#${ui}">${esc(BUNDLE_S.switchTo[other])}</a>`);
  out.push(`<h1>${both(T.title)}</h1>`);
  out.push(`<h2>${both(T.summary)}</h2><dl class="facts">`);
  out.push(`<dt>${both(T.bundles)}</dt><dd>${esc(totals?.merged)} ${both(T.merged)}, ${esc(totals?.refused)} ${both(T.refusedN)}</dd>`);
  out.push(`<dt>${both(T.participants)}</dt><dd>${esc(totals?.participants)}</dd>`);
  out.push(`<dt>${both(T.findings)}</dt><dd>${esc(totals?.findings)}</dd>`);
  out.push(`<dt>${both(T.counted)}</dt><dd>${esc(totals?.counted)}</dd>`);
  if (totals?.first_day) out.push(`<dt>${both(T.span)}</dt><dd class="mono">${esc(totals.first_day)} … ${esc(totals.last_day)}</dd>`);
  out.push('</dl>');

  out.push(`<h2>${both(T.byPlatform)}</h2>`);
  if (byPlatform.length === 0) out.push(`<p>${both(T.none)}</p>`);
  else {
    const platforms = [...new Set(byPlatform.map((r) => (r.platform === null ? null : String(r.platform))))];
    out.push(`<table><thead><tr><th>${both(T.platform)}</th>${kinds.map((k) => `<th>${kindLabel(k)}</th>`).join('')}<th>${both(T.total)}</th></tr></thead><tbody>`);
    for (const p of platforms) {
      const mine = byPlatform.filter((r) => (r.platform === null ? null : String(r.platform)) === p);
      const count = (k: string) => Number(mine.find((r) => r.kind === k)?.n ?? 0);
      out.push(`<tr><td>${platformLabel(p)}</td>${kinds.map((k) => (count(k) ? n(count(k)) : '<td class="n"></td>')).join('')}${n(mine.reduce((a, r) => a + Number(r.n), 0))}</tr>`);
    }
    out.push('</tbody></table>');
  }

  out.push(`<h2>${both(T.timeline)}</h2>`);
  if (perDay.length) {
    out.push(timelineSvg(perDay.map((r) => ({ localDay: String(r.day), kind: String(r.kind), n: Number(r.n) })), kinds, T.timeline[ui]));
    out.push(`<div class="legend">${kinds.map((k) => `<span class="item"><svg width="11" height="11" aria-hidden="true"><rect width="11" height="11" rx="2" fill="${KIND_COLORS[k] ?? '#3f6fd1'}"/></svg>${kindLabel(k)}</span>`).join('')}</div>`);
  } else out.push(`<p>${both(T.none)}</p>`);

  out.push(`<h2>${both(T.byWeek)}</h2>`);
  if (byWeek.length) {
    const weeks = [...new Set(byWeek.map((r) => String(r.week)))];
    out.push(`<table><thead><tr><th>${both(T.week)}</th>${kinds.map((k) => `<th>${kindLabel(k)}</th>`).join('')}<th>${both(T.total)}</th></tr></thead><tbody>`);
    for (const w of weeks) {
      const mine = byWeek.filter((r) => r.week === w);
      const count = (k: string) => Number(mine.find((r) => r.kind === k)?.n ?? 0);
      out.push(`<tr><td class="mono">${esc(w)}</td>${kinds.map((k) => (count(k) ? n(count(k)) : '<td class="n"></td>')).join('')}${n(mine.reduce((a, r) => a + Number(r.n), 0))}</tr>`);
    }
    out.push('</tbody></table>');
  } else out.push(`<p>${both(T.none)}</p>`);

  out.push(`<h2>${both(T.byParticipant)}</h2>`);
  if (byParticipant.length) {
    out.push(`<table><thead><tr><th>${both(T.label)}</th><th>${both(T.key)}</th><th>${both(T.platforms)}</th><th>${both(T.first)}</th><th>${both(T.last)}</th><th>${both(T.findings)}</th></tr></thead><tbody>`);
    for (const r of byParticipant) {
      const who = String(r.participant ?? '');
      out.push(`<tr><td>${esc(r.profile_label ?? '')}</td><td class="mono">${esc(/^[0-9a-f]{64}$/.test(who) ? formatFingerprint(who) : who)}</td><td>${esc(r.platforms ?? '')}</td><td class="mono">${esc(r.first_day ?? '')}</td><td class="mono">${esc(r.last_day ?? '')}</td>${n(r.n)}</tr>`);
    }
    out.push('</tbody></table>');
  } else out.push(`<p>${both(T.none)}</p>`);

  out.push(`<h2>${both(T.refused)}</h2>`);
  if (refused.length === 0) out.push(`<p>${both(T.refusedNone)}</p>`);
  else {
    out.push(`<table><thead><tr><th>${both(T.file)}</th><th>${both(T.reason)}</th></tr></thead><tbody>`);
    for (const r of refused) out.push(`<tr><td class="mono">${esc(r.file)}</td><td>${esc(r.problem)}</td></tr>`);
    out.push('</tbody></table>');
  }
  out.push(`<h2>${both(T.howTo)}</h2><p>${both(T.howTo1)}</p><pre class="cmd">duckdb OUTDIR/shutout.duckdb</pre>`);
  out.push('</div></body></html>\n');
  return out.join('');
}
