/**
 * report.html: one self-contained page a person reads — who, what, when, each finding, and how to
 * check the bundle. No script, no remote resource (a Content-Security-Policy says so to the
 * browser too); both languages, the UI's first and the other one click away (CSS :target).
 *
 * Rendering is a pure function of the bundle's verified content, byte for byte the same in the
 * browser and in Node: `shutout verify` renders it again and compares, and `shutout report`
 * renders it from any bundle. Dates are formatted here, never through the locale.
 *
 * A record's scope (an amendment: account / network / inconclusive, utils/scope) is a row of its
 * facts and a table of its own in the summary.
 */
import { toBase64 } from '../hash';
import { formatFingerprint } from '../signing';
import type { ReplayRecord } from '../replay';
import type { TimestampInfo } from '../timestamp';
import { esc } from './escape';
import { S, type Lang } from './strings';
import { KIND_COLORS, reportCss } from './style';
import { timelineSvg } from './timeline';

export interface ReportCapture {
  id: string;
  type: string;
  mime: string;
  sha256: string;
  size: number;
  /** The path in the bundle, when the file is there. */
  path: string | null;
}

export interface ReportInput {
  language: Lang;
  exportedAt: string;
  generator: string;
  profileLabel: string;
  format: number;
  chain: { head: string | null; length: number };
  fingerprint: string | null;
  timestamp: TimestampInfo | null;
  redaction: { applied: boolean; withheld: Array<[string, number]> };
  records: ReplayRecord[];
  captures: Map<string, ReportCapture>;
  platformName(id: string, lang: Lang): string;
  /** The bytes of a screenshot to embed; null leaves it as a reference to its file. */
  thumbnail(c: ReportCapture): Promise<Uint8Array | null>;
}

/** Above this many findings, off-screen ones are not laid out until scrolled to. */
const MANY = 200;

/** Screenshots embedded in the report, in finding order, until this many bytes. */
export const EMBED_LIMIT = 24 << 20;

/** Which screenshots are embedded: the same choice when the bundle is written and when it is verified. */
export function embeddedCaptures(records: ReplayRecord[], captures: Map<string, ReportCapture>): Set<string> {
  const out = new Set<string>();
  let total = 0;
  for (const r of records) {
    for (const id of r.captureIds) {
      const c = captures.get(id);
      if (!c || !c.path || c.type !== 'screenshot' || !/^image\/(png|jpeg)$/.test(c.mime) || out.has(id)) continue;
      if (total + c.size > EMBED_LIMIT) return out;
      total += c.size;
      out.add(id);
    }
  }
  return out;
}

const both = (s: { zh: string; en: string }): string => `<span class="l-zh" lang="zh-CN">${esc(s.zh)}</span><span class="l-en" lang="en">${esc(s.en)}</span>`;

/** `2026-03-20 16:00:05 UTC+08:00`: the time as the observer's clock showed it, with its offset. */
export function localTime(iso: string, offsetMinutes: number): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return String(iso);
  const off = Number.isInteger(offsetMinutes) && Math.abs(offsetMinutes) <= 900 ? offsetMinutes : 0;
  const local = new Date(t + off * 60_000).toISOString();
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${local.slice(0, 10)} ${local.slice(11, 19)} UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function localDay(r: ReplayRecord): string {
  return localTime(String(r.observedAt), Number(r.tzOffsetMinutes ?? 0)).slice(0, 10);
}

function kindLabel(kind: string): string {
  const zh = (S.kinds.zh as Record<string, string>)[kind] ?? kind;
  const en = (S.kinds.en as Record<string, string>)[kind] ?? kind;
  return both({ zh, en });
}

const word = (table: { zh: Record<string, string>; en: Record<string, string> }, key: string) => both({ zh: table.zh[key] ?? key, en: table.en[key] ?? key });

/** `network — HTTP 403, anonymous view at 2026-…`: the scope with what its check saw. */
function scopeFact(r: ReplayRecord): string {
  if (!r.scope || !r.scopeCheck) return both(S.scopeUnchecked);
  const c = r.scopeCheck;
  const reason = c.reason ? ` (${word(S.scopeReasons, c.reason)})` : '';
  const status = c.status !== null ? ` · HTTP ${esc(c.status)}` : '';
  const kinds = c.kinds.length ? ` · ${c.kinds.map(kindLabel).join(', ')}` : '';
  return `<strong>${word(S.scopes, r.scope)}</strong>${reason}<br><span class="muted">${both(S.scopeChecked)} <span class="mono">${esc(c.at)}</span>${status}${kinds}</span>`;
}

function fact(label: { zh: string; en: string }, value: string): string {
  return `<dt>${both(label)}</dt><dd>${value}</dd>`;
}

function withheldMark(r: ReplayRecord, field: string): string {
  return r.withheld.includes(field) ? `<span class="withheld">${both(S.withheld)}</span>` : '';
}

async function findingHtml(r: ReplayRecord, n: number, input: ReportInput, embed: Set<string>): Promise<string> {
  const kind = String(r.kind);
  const review = String(r.review);
  const where = String(r.where ?? '');
  const platform = r.platform ? both({ zh: input.platformName(String(r.platform), 'zh'), en: input.platformName(String(r.platform), 'en') }) : '—';
  const facts = [
    fact(S.observed, `<span class="mono">${esc(localTime(String(r.observedAt), Number(r.tzOffsetMinutes ?? 0)))}</span> <span class="muted mono">(${esc(r.observedAt)})</span>`),
    fact(S.platform, platform),
    fact(S.url, `<code>${esc(r.pageUrl)}</code>${withheldMark(r, 'pageUrl')}`),
    fact(S.pageTitle, `${esc(r.pageTitle)}${withheldMark(r, 'pageTitle')}`),
    fact(S.rule, `<code>${esc(r.ruleId)}</code> <span class="muted">(${esc(r.rulesetVersion)})</span>`),
    ...(r.why ? [fact(S.why, esc(r.why))] : []),
    fact(S.where, both({ zh: (S.wheres.zh as Record<string, string>)[where] ?? where, en: (S.wheres.en as Record<string, string>)[where] ?? where })),
    fact(S.confidence, esc(typeof r.confidence === 'number' ? r.confidence.toFixed(2) : r.confidence)),
    ...(r.until ? [fact(S.until, esc(r.until))] : []),
    fact(S.review, both({ zh: (S.reviews.zh as Record<string, string>)[review] ?? review, en: (S.reviews.en as Record<string, string>)[review] ?? review })),
    fact(S.count, esc(r.count)),
    fact(S.scope, scopeFact(r)),
    ...(r.note ? [fact(S.note, `${esc(r.note)}${withheldMark(r, 'note')}`)] : []),
    ...(r.origin === 'import' ? [fact(S.origin, `${both(S.imported)} ${esc(r.importedFrom)}${withheldMark(r, 'importedFrom')}`)] : []),
    fact(S.hash, `<span class="mono">${esc(r.hash)}</span> <span class="muted">(${both(S.entry)} ${esc(r.seq)})</span>`),
  ];
  const figures: string[] = [];
  for (const id of r.captureIds) {
    const c = input.captures.get(id);
    if (!c) continue;
    const caption = `<figcaption>${esc(c.type)} · SHA-256 <span class="mono">${esc(c.sha256)}</span><br>${c.path ? `<span class="mono">${esc(c.path)}</span>` : both(S.notInBundle)}</figcaption>`;
    const bytes = embed.has(id) ? await input.thumbnail(c) : null;
    figures.push(bytes ? `<figure><img alt="${esc(c.type)} ${esc(c.id)}" src="data:${c.mime === 'image/jpeg' ? 'image/jpeg' : 'image/png'};base64,${toBase64(bytes)}">${caption}</figure>` : `<figure>${caption}${c.path ? `<figcaption>${both(S.notEmbedded)}</figcaption>` : ''}</figure>`);
  }
  return [
    `<article class="finding" id="f-${n}"><header><h3>${both(S.finding)} ${n}</h3><span class="chip" style="background:${KIND_COLORS[kind] ?? '#3f6fd1'}">${kindLabel(kind)}</span></header>`,
    `<blockquote>${esc(r.snippet)}${withheldMark(r, 'snippet')}</blockquote>`,
    `<dl class="facts">${facts.join('')}</dl>`,
    figures.length ? `<div><div class="muted">${both(S.captures)}</div>${figures.join('')}</div>` : '',
    '</article>',
  ].join('');
}

/** The report, in chunks (10,000 findings make a large page; it is written and hashed as it comes). */
export async function* renderReport(input: ReportInput): AsyncGenerator<string> {
  const ui = input.language;
  const other: Lang = ui === 'zh' ? 'en' : 'zh';
  const records = input.records;
  const kinds = [...new Set(records.map((r) => String(r.kind)))].sort();
  const platforms = [...new Set(records.map((r) => String(r.platform ?? '—')))].sort();
  const days = records.map(localDay).sort();
  const bundleName = 'BUNDLE.zip';
  yield `<!doctype html>\n<html lang="${ui === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`;
  yield `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`;
  yield `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(S.title[ui])} — ${esc(input.exportedAt)}</title><style>${reportCss(ui, records.length > MANY)}</style></head><body>`;
  yield `<div id="${other}" class="lang-anchor"></div><div id="${ui}" class="lang-anchor"></div><div class="doc">`;
  yield `<a class="switch l-${ui}" href="#${other}" lang="${other === 'zh' ? 'zh-CN' : 'en'}">${esc(S.switchTo[ui])}</a><a class="switch l-${other}" href="#${ui}" lang="${ui === 'zh' ? 'zh-CN' : 'en'}">${esc(S.switchTo[other])}</a>`;
  yield `<h1>${both(S.title)}</h1>`;

  const browsers = [...new Set(records.map((r) => `${String(r.browser ?? '?')} · Shutout ${String(r.extensionVersion ?? '?')}`))].sort();
  yield `<h2>${both(S.who)}</h2><dl class="facts">${fact(S.profile, input.profileLabel ? esc(input.profileLabel) : both(S.noProfile))}${browsers.length ? fact(S.recordedIn, browsers.map(esc).join('<br>')) : ''}${fact(S.exported, `<span class="mono">${esc(input.exportedAt)}</span>`)}${fact(S.generator, esc(input.generator))}</dl>`;

  const table: string[] = [`<h2>${both(S.what)}</h2><p>${both(S.findings)}: <strong>${records.length}</strong></p>`];
  if (records.length) {
    table.push(`<table><thead><tr><th>${both(S.platform)}</th>${kinds.map((k) => `<th>${kindLabel(k)}</th>`).join('')}<th>${both(S.total)}</th></tr></thead><tbody>`);
    for (const p of platforms) {
      const rows = records.filter((r) => String(r.platform ?? '—') === p);
      const name = p === '—' ? '—' : both({ zh: input.platformName(p, 'zh'), en: input.platformName(p, 'en') });
      table.push(`<tr><td>${name}</td>${kinds.map((k) => `<td class="n">${rows.filter((r) => String(r.kind) === k).length || ''}</td>`).join('')}<td class="n">${rows.length}</td></tr>`);
    }
    table.push('</tbody></table>');
    const scopes = ['account', 'network', 'inconclusive'] as const;
    const scoped = records.filter((r) => r.scope);
    if (scoped.length) {
      table.push(`<h3>${both(S.scopeTable)}</h3><table><thead><tr><th>${both(S.platform)}</th>${scopes.map((k) => `<th>${word(S.scopeShort, k)}</th>`).join('')}<th>${both(S.scopeUnchecked)}</th></tr></thead><tbody>`);
      for (const p of platforms) {
        const rows = records.filter((r) => String(r.platform ?? '—') === p);
        const name = p === '—' ? '—' : both({ zh: input.platformName(p, 'zh'), en: input.platformName(p, 'en') });
        table.push(`<tr><td>${name}</td>${scopes.map((k) => `<td class="n">${rows.filter((r) => r.scope === k).length || ''}</td>`).join('')}<td class="n">${rows.filter((r) => !r.scope).length || ''}</td></tr>`);
      }
      table.push('</tbody></table>');
    }
  }
  yield table.join('');

  yield `<h2>${both(S.when)}</h2>`;
  if (records.length) {
    yield `<p>${both(S.span)}: <span class="mono">${esc(days[0])} … ${esc(days[days.length - 1])}</span></p>`;
    yield `<p>${both(S.timeline)}</p>${timelineSvg(records.map((r) => ({ localDay: localDay(r), kind: String(r.kind) })), kinds, S.timeline[ui])}`;
    yield `<div class="legend">${kinds.map((k) => `<span class="item"><svg width="11" height="11" aria-hidden="true"><rect width="11" height="11" rx="2" fill="${KIND_COLORS[k] ?? '#3f6fd1'}"/></svg>${kindLabel(k)}</span>`).join('')}</div>`;
  } else yield `<p>${both(S.none)}</p>`;

  const ts = input.timestamp;
  const integrity = [
    fact(S.chainHead, `<span class="mono">${esc(input.chain.head ?? '—')}</span>`),
    fact(S.chainLength, esc(input.chain.length)),
    fact(S.format, esc(input.format)),
    fact(S.signature, input.fingerprint ? `<span class="mono">${esc(formatFingerprint(input.fingerprint))}</span>` : both(S.unsigned)),
    fact(S.timestamp, ts ? `<span class="mono">${esc(ts.genTime)}</span> — ${esc(ts.tsa)} <span class="muted mono">(serial ${esc(ts.serial)})</span>` : both(S.noTimestamp)),
    fact(
      S.redaction,
      input.redaction.applied
        ? `${both(S.redactionOn)}<br><span class="mono">${esc(input.redaction.withheld.map(([f, n]) => `${f} (${n})`).join(', ') || '—')}</span><br><span class="muted">${both(S.redactionCaveat)}</span>`
        : both(S.redactionOff),
    ),
  ];
  yield `<h2>${both(S.integrity)}</h2><div class="integrity"><dl class="facts">${integrity.join('')}</dl></div>`;
  const keyArg = input.fingerprint ? ` --key ${input.fingerprint}` : '';
  yield `<h2>${both(S.howTo)}</h2><ol><li>${both(S.howTo1)}</li><li>${both(S.howTo2)}<pre class="cmd">npx shutout verify ${bundleName}${esc(keyArg)}</pre>${both(S.howTo3)}</li>`;
  if (ts) yield `<li>${both(S.howTo4)}<pre class="cmd">unzip ${bundleName} signature.json timestamp.tsr\nopenssl ts -verify -data signature.json -in timestamp.tsr -CAfile TSA-root.pem</pre></li>`;
  yield `<li>${both(S.howTo5)}</li></ol>`;

  yield `<h2>${both(S.findings)}</h2>`;
  const embed = embeddedCaptures(records, input.captures);
  let n = 0;
  for (const r of records) yield await findingHtml(r, ++n, input, embed);
  yield '</div></body></html>\n';
}
