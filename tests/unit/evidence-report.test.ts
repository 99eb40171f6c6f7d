import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShutoutDB } from '../../utils/storage/db';
import { EMBED_LIMIT, embeddedCaptures, localTime, renderReport, type ReportCapture, type ReportInput } from '../../utils/evidence/report/render';
import type { ReplayRecord } from '../../utils/evidence/replay';
import { S } from '../../utils/evidence/report/strings';
import { KINDS } from '../../utils/detect/kinds';
import type { Signer } from '../../utils/evidence/signing';
import { recordPages } from '../../utils/evidence/store';
import { bundleFile, run, sourceOf, tempDir, unpack } from './evidence-bundle-helpers';
import { CTX, detection, newId, page, testSigner } from './evidence-helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const tmp = tempDir('report');
let signer: Signer;
let db: ShutoutDB;
beforeAll(async () => {
  signer = await testSigner();
  db = new ShutoutDB('report');
  await recordPages(
    db,
    [page(1, [detection({ snippet: '<img src=x onerror=alert(1)> <a href="javascript:alert(2)">点我</a> </style><script>alert(3)</script>' })], { url: 'javascript:alert(4)//', title: '"><svg onload=alert(5)>' }), page(2)],
    CTX,
    newId,
  );
});
afterAll(async () => {
  await db.delete();
  tmp.remove();
});

describe('report.html', () => {
  it('is self-contained and keeps page text inert', async () => {
    const p = join(tmp.dir, 'b.zip');
    await bundleFile(p, sourceOf(db, false), signer);
    const html = new TextDecoder().decode(unpack(p)['report.html']);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<img src=x|<a href="javascript|<svg onload|<[^>]+\son\w+=|src="http|href="http|@import|url\(/i);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('javascript:alert(4)//');
    expect(html).toContain(signer.fingerprint.slice(0, 4));
  });

  it('is rendered the same by `shutout report` from the bundle', async () => {
    const p = join(tmp.dir, 'c.zip');
    await bundleFile(p, sourceOf(db, false), signer);
    const out = join(tmp.dir, 'out.html');
    const r = await run(['report', '-o', out, p]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(out)).toEqual(Buffer.from(unpack(p)['report.html']!));
    const v1 = join(tmp.dir, 'v1.html');
    expect((await run(['report', '--lang', 'zh', '-o', v1, join(import.meta.dirname, '../fixtures/evidence-v1/bundle-v1.zip')])).code).toBe(0);
    expect(readFileSync(v1, 'utf8')).toContain('未签名（格式 1）');
  });

  it('writes times with the observer’s offset, and kind labels equal to the UI’s', () => {
    expect(localTime('2026-03-20T08:00:05.000Z', 480)).toBe('2026-03-20 16:00:05 UTC+08:00');
    expect(localTime('2026-03-20T08:00:05.000Z', -300)).toBe('2026-03-20 03:00:05 UTC-05:00');
    expect(localTime('2026-03-20T20:00:05.000Z', 330)).toBe('2026-03-21 01:30:05 UTC+05:30');
    expect(localTime('2026-03-20T08:00:05.000Z', -570)).toBe('2026-03-19 22:30:05 UTC-09:30');
    expect(localTime('2026-03-20T08:00:05.000Z', 0)).toBe('2026-03-20 08:00:05 UTC+00:00');
    // Offsets run from UTC-15:00 to UTC+15:00; anything else is not an offset, and the time is shown in UTC.
    expect(localTime('2026-03-20T08:00:05.000Z', 900)).toBe('2026-03-20 23:00:05 UTC+15:00');
    expect(localTime('2026-03-20T08:00:05.000Z', 901)).toBe('2026-03-20 08:00:05 UTC+00:00');
    expect(localTime('2026-03-20T08:00:05.000Z', 90.5)).toBe('2026-03-20 08:00:05 UTC+00:00');
    // A time that is not one is shown as it was given.
    expect(localTime('yesterday', 480)).toBe('yesterday');
    const load = (l: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    const [en, zh] = [load('en'), load('zh_CN')];
    for (const k of KINDS) {
      expect(S.kinds.en[k]).toBe(en[`kind_${k.replace(/-/g, '_')}`]!.message);
      expect(S.kinds.zh[k]).toBe(zh[`kind_${k.replace(/-/g, '_')}`]!.message);
    }
  });
});

/** A finding as the chain replays it, with the fields a local finding carries. */
function replayed(over: Partial<ReplayRecord> = {}): ReplayRecord {
  return {
    id: 'rec-1',
    kind: 'access-denied',
    observedAt: '2026-03-20T08:00:05.000Z',
    tzOffsetMinutes: 480,
    pageUrl: 'https://item.taobao.com/item.htm?id=1',
    pageTitle: '访问被拒绝',
    platform: 'taobao',
    ruleId: 'alibaba.baxia.deny-zh',
    rulesetVersion: '1',
    snippet: '亲，访问被拒绝',
    where: 'text',
    confidence: 0.9,
    count: 1,
    review: 'unreviewed',
    captureIds: [],
    seq: 1,
    hash: 'a'.repeat(64),
    withheld: [],
    countKnown: true,
    ...over,
  };
}

async function rendered(records: ReplayRecord[], over: Partial<ReportInput> = {}): Promise<string> {
  const input: ReportInput = {
    language: 'en',
    exportedAt: '2026-03-21T00:00:00.000Z',
    generator: 'test',
    profileLabel: 'lab',
    format: 2,
    chain: { head: 'b'.repeat(64), length: records.length },
    fingerprint: null,
    timestamp: null,
    redaction: { applied: false, withheld: [] },
    records,
    captures: new Map(),
    platformName: (id, lang) => (id === 'taobao' ? (lang === 'zh' ? '淘宝' : 'Taobao') : id),
    thumbnail: async () => null,
    ...over,
  };
  let html = '';
  for await (const chunk of renderReport(input)) html += chunk;
  return html;
}

/** The value of each finding's fact labelled `label`, in finding order. */
function facts(html: string, label: { zh: string; en: string }): string[] {
  const dt = `<dt><span class="l-zh" lang="zh-CN">${label.zh}</span><span class="l-en" lang="en">${label.en}</span></dt><dd>`;
  return html
    .split('<article class="finding"')
    .slice(1)
    .map((a) => {
      const i = a.indexOf(dt);
      return i < 0 ? '' : a.slice(i + dt.length, a.indexOf('</dd>', i));
    });
}
const escRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const both = (zh: string, en: string) => `<span class="l-zh" lang="zh-CN">${zh}</span><span class="l-en" lang="en">${en}</span>`;

/** The rows of the report's n-th table (0: findings per platform and kind; 1: per platform and scope), cell by cell. */
function tableRows(html: string, n: number): string[][] {
  const table = html.split('<table>')[n + 1]!.split('</table>')[0]!;
  return [...table.matchAll(/<tr><td>(.*?)<\/tr>/g)].map((m) => `<td>${m[1]!}`.split('</td>').slice(0, -1).map((c) => c.replace(/^<td[^>]*>/, '')));
}

describe('the summary of report.html', () => {
  it('counts findings per platform, kind and scope, those of no platform on a row of their own', async () => {
    const check = { at: '2026-03-20T09:00:00.000Z', status: 200, verdict: 'clear' as const, kinds: [], ruleIds: [], redirects: 0 };
    const html = await rendered([
      replayed({ platform: null, kind: 'risk-challenge', scope: 'account', scopeCheck: check }),
      replayed({ id: 'rec-2', seq: 2, scope: 'network', scopeCheck: check }),
      replayed({ id: 'rec-3', seq: 3, platform: 'jd' }),
      replayed({ id: 'rec-4', seq: 4, platform: null }),
    ]);
    const taobao = both('淘宝', 'Taobao');
    const jd = both('jd', 'jd');
    // Columns: the kinds in alphabetical order, then the total; rows: the platforms in order, those of none last.
    const head = html.split('<table>')[1]!.split('</thead>')[0]!;
    const columns = [S.platform, { zh: S.kinds.zh['access-denied'], en: S.kinds.en['access-denied'] }, { zh: S.kinds.zh['risk-challenge'], en: S.kinds.en['risk-challenge'] }, S.total];
    expect(head).toBe(`<thead><tr>${columns.map((c) => `<th>${both(c.zh, c.en)}</th>`).join('')}</tr>`);
    expect(tableRows(html, 0)).toEqual([
      [jd, '1', '', '1'],
      [taobao, '1', '', '1'],
      ['—', '1', '1', '2'],
    ]);
    // Scopes: account, network, inconclusive; then those not checked.
    const scopeHead = html.split('<table>')[2]!.split('</thead>')[0]!;
    const scopeColumns = [S.platform, ...(['account', 'network', 'inconclusive'] as const).map((k) => ({ zh: S.scopeShort.zh[k]!, en: S.scopeShort.en[k]! })), S.scopeUnchecked];
    expect(scopeHead).toBe(`<thead><tr>${scopeColumns.map((c) => `<th>${both(c.zh, c.en)}</th>`).join('')}</tr>`);
    // Each table is closed before what follows it.
    expect(html).toContain(`</tr></tbody></table><h3>${both(S.scopeTable.zh, S.scopeTable.en)}</h3><table>`);
    expect(html).toContain(`</tr></tbody></table><h2>${both(S.when.zh, S.when.en)}</h2>`);
    expect(tableRows(html, 1)).toEqual([
      [jd, '', '', '', '1'],
      [taobao, '', '1', '', ''],
      ['—', '1', '', '', '1'],
    ]);
  });

  it('has no scope table when no finding was checked', async () => {
    const html = await rendered([replayed()]);
    expect(html.split('<table>')).toHaveLength(2);
    expect(html).not.toContain(both(S.scopeTable.zh, S.scopeTable.en));
  });

  it('says which browsers recorded the findings, unknown ones as such', async () => {
    const html = await rendered([replayed({ browser: 'Chrome 156', extensionVersion: '0.1.0' }), replayed({ id: 'rec-2', seq: 2 })]);
    const dt = `<dt>${both(S.recordedIn.zh, S.recordedIn.en)}</dt><dd>`;
    const at = html.indexOf(dt) + dt.length;
    expect(html.slice(at, html.indexOf('</dd>', at))).toBe('? · Shutout ?<br>Chrome 156 · Shutout 0.1.0');
  });

  it('gives every kind in the legend a colour, a kind without its own one too', async () => {
    const html = await rendered([replayed(), replayed({ id: 'rec-2', seq: 2, kind: 'new-kind' })]);
    const legend = html.split('<div class="legend">')[1]!.split('</div>')[0]!;
    const fills = [...legend.matchAll(/ fill="([^"]*)"/g)].map((m) => m[1]);
    expect(fills).toHaveLength(2);
    for (const f of fills) expect(f).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('a finding in report.html', () => {
  it('shows a dash for a finding of no platform, and nothing for a place it did not record', async () => {
    const html = await rendered([replayed(), replayed({ id: 'rec-2', seq: 2, platform: null, where: undefined })]);
    expect(facts(html, S.platform)).toEqual([both('淘宝', 'Taobao'), '—']);
    expect(facts(html, S.where)).toEqual([both(S.wheres.zh.text!, S.wheres.en.text!), both('', '')]);
  });

  it('shows a scope check with the HTTP status it got, or none when there was no answer', async () => {
    const check = { at: '2026-03-20T09:00:00.000Z', verdict: 'blocked' as const, kinds: [], ruleIds: [], redirects: 0 };
    const html = await rendered([
      replayed({ scope: 'network', scopeCheck: { ...check, status: 403 } }),
      replayed({ id: 'rec-2', seq: 2, scope: 'inconclusive', scopeCheck: { ...check, status: null, verdict: 'failed', reason: 'network-error' } }),
      replayed({ id: 'rec-3', seq: 3 }),
      replayed({ id: 'rec-4', seq: 4, scope: 'network', scopeCheck: { ...check, status: 403, kinds: ['access-denied', 'risk-challenge'] } }),
    ]);
    const [answered, unanswered, unchecked, withKinds] = facts(html, S.scope);
    // What the anonymous view showed, after the status.
    expect(withKinds).toMatch(
      new RegExp(`${escRe(`· HTTP 403 · ${both(S.kinds.zh['access-denied'], S.kinds.en['access-denied'])}, ${both(S.kinds.zh['risk-challenge'], S.kinds.en['risk-challenge'])}</span>`)}$`),
    );
    expect(answered).toContain(`${both(S.scopes.zh.network!, S.scopes.en.network!)}</strong>`);
    expect(answered).toMatch(/<span class="mono">2026-03-20T09:00:00\.000Z<\/span> · HTTP 403<\/span>$/);
    // Inconclusive: why, beside the scope.
    expect(unanswered).toContain(`${both(S.scopes.zh.inconclusive!, S.scopes.en.inconclusive!)}</strong> (${both(S.scopeReasons.zh['network-error']!, S.scopeReasons.en['network-error']!)})<br>`);
    expect(answered).toContain('</strong><br>');
    // No answer: the time of the check ends the line.
    expect(unanswered).toMatch(/<span class="mono">2026-03-20T09:00:00\.000Z<\/span><\/span>$/);
    expect(unchecked).toBe(both(S.scopeUnchecked.zh, S.scopeUnchecked.en));
  });

  it('gives every kind a colour, a kind without its own one too', async () => {
    const html = await rendered([replayed(), replayed({ id: 'rec-2', seq: 2, kind: 'new-kind' })]);
    const chips = [...html.matchAll(/<span class="chip" style="background:([^"]*)">/g)].map((m) => m[1]);
    expect(chips).toHaveLength(2);
    for (const c of chips) expect(c).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('the parts of report.html', () => {
  it('is written in the UI’s language, with a link to the other one', async () => {
    const en = await rendered([replayed()]);
    expect(en).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(en).toContain(`<title>${S.title.en} — 2026-03-21T00:00:00.000Z</title>`);
    expect(en).toContain(`<a class="switch l-en" href="#zh" lang="zh-CN">${S.switchTo.en}</a><a class="switch l-zh" href="#en" lang="en">${S.switchTo.zh}</a>`);
    expect(en.endsWith('</div></body></html>\n')).toBe(true);
    expect(en).toContain(`<h1>${both(S.title.zh, S.title.en)}</h1>`);
    // Each switch links to an anchor of the page (CSS :target shows the other language), and the document follows them.
    for (const html of [en, await rendered([replayed()], { language: 'zh' })]) {
      const targets = [...html.matchAll(/<a class="switch [^"]*" href="#(\w+)"/g)].map((m) => m[1]);
      expect(targets.sort()).toEqual(['en', 'zh']);
      expect(html).toMatch(/<body><div id="(en|zh)" class="lang-anchor"><\/div><div id="(en|zh)" class="lang-anchor"><\/div><div class="doc"><a class="switch/);
    }
    const zh = await rendered([replayed()], { language: 'zh' });
    expect(zh).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(zh).toContain(`<title>${S.title.zh} — 2026-03-21T00:00:00.000Z</title>`);
    expect(zh).toContain(`<a class="switch l-zh" href="#en" lang="en">${S.switchTo.zh}</a><a class="switch l-en" href="#zh" lang="zh-CN">${S.switchTo.en}</a>`);
  });

  it('lays out findings only when scrolled to, above 200 of them', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => replayed({ id: `rec-${i}`, seq: i + 1 }));
    expect(await rendered(many(200))).not.toContain('content-visibility');
    expect(await rendered(many(201))).toContain('content-visibility');
  });

  it('says how many findings there are, over which days, and numbers them in chain order', async () => {
    const html = await rendered([
      replayed({ observedAt: '2026-03-25T08:00:00.000Z' }),
      replayed({ id: 'rec-2', seq: 2, observedAt: '2026-03-19T20:00:00.000Z' }),
      replayed({ id: 'rec-3', seq: 3, observedAt: '2026-03-22T08:00:00.000Z' }),
    ]);
    expect(html).toContain(`${both(S.findings.zh, S.findings.en)}: <strong>3</strong>`);
    // Days on the observer’s clock (UTC+8): the second finding was on the 20th there.
    expect(html).toContain(`${both(S.span.zh, S.span.en)}: <span class="mono">2026-03-20 … 2026-03-25</span>`);
    expect([...html.matchAll(/<article class="finding" id="(f-\d+)"><header><h3>.*?<\/span> (\d+)<\/h3>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['f-1', '1'],
      ['f-2', '2'],
      ['f-3', '3'],
    ]);
    const none = await rendered([]);
    // Who: the profile, when and by what it was exported; no browser when there is no finding.
    expect(none).toContain(
      `<h2>${both(S.who.zh, S.who.en)}</h2><dl class="facts"><dt>${both(S.profile.zh, S.profile.en)}</dt><dd>lab</dd><dt>${both(S.exported.zh, S.exported.en)}</dt><dd><span class="mono">2026-03-21T00:00:00.000Z</span></dd><dt>${both(S.generator.zh, S.generator.en)}</dt><dd>test</dd></dl>`,
    );
    expect(none).toContain(`${both(S.findings.zh, S.findings.en)}: <strong>0</strong>`);
    expect(none).toContain(`<p>${both(S.none.zh, S.none.en)}</p>`);
    expect(none).not.toContain('<table>');
    expect(none).not.toContain('<article');
  });

  it('states the chain, signature, timestamp and redaction, and the command that verifies them', async () => {
    const fp = 'c'.repeat(64);
    const signed = await rendered([replayed()], {
      fingerprint: fp,
      timestamp: { genTime: '2026-03-21T00:00:01Z', tsa: 'CN=Test TSA', serial: '42', policy: '1.2.3' },
      redaction: { applied: true, withheld: [['pageUrl', 3], ['snippet', 1]] },
    });
    const integrity = (html: string, label: { zh: string; en: string }) => {
      const dt = `<dt>${both(label.zh, label.en)}</dt><dd>`;
      const at = html.indexOf(dt) + dt.length;
      return html.slice(at, html.indexOf('</dd>', at));
    };
    expect(integrity(signed, S.chainHead)).toBe(`<span class="mono">${'b'.repeat(64)}</span>`);
    expect(integrity(signed, S.chainLength)).toBe('1');
    expect(integrity(signed, S.format)).toBe('2');
    expect(integrity(signed, S.signature)).toBe(`<span class="mono">${'cccc '.repeat(15)}cccc</span>`);
    expect(integrity(signed, S.timestamp)).toBe('<span class="mono">2026-03-21T00:00:01Z</span> — CN=Test TSA <span class="muted mono">(serial 42)</span>');
    expect(integrity(signed, S.redaction)).toContain('<span class="mono">pageUrl (3), snippet (1)</span>');
    expect(signed).toContain(`<pre class="cmd">npx shutout verify BUNDLE.zip --key ${fp}</pre>`);
    expect(signed).toContain('openssl ts -verify -data signature.json -in timestamp.tsr');

    const plain = await rendered([replayed()], { chain: { head: null, length: 0 }, redaction: { applied: true, withheld: [] } });
    expect(integrity(plain, S.chainHead)).toBe('<span class="mono">—</span>');
    expect(integrity(plain, S.signature)).toBe(both(S.unsigned.zh, S.unsigned.en));
    expect(integrity(plain, S.timestamp)).toBe(both(S.noTimestamp.zh, S.noTimestamp.en));
    expect(integrity(plain, S.redaction)).toContain('<span class="mono">—</span>');
    expect(plain).toContain('<pre class="cmd">npx shutout verify BUNDLE.zip</pre>');
    expect(plain).not.toContain('openssl');
    expect(integrity(await rendered([replayed()]), S.redaction)).toBe(both(S.redactionOff.zh, S.redactionOff.en));
  });
});

describe('the facts of a finding in report.html', () => {
  it('is a heading, the quoted text and its facts, those it does not record left out', async () => {
    const html = await rendered([replayed(), replayed({ id: 'rec-2', seq: 2, why: 'w', until: '2026-03-21T08:00:00.000Z', note: 'n', origin: 'import', importedFrom: 'x.json' })]);
    const articles = html.split('<article class="finding"').slice(1).map((a) => `<article class="finding"${a.split('</article>')[0]}</article>`);
    const labels = (a: string) => {
      const dl = a.split('<dl class="facts">')[1]!.split('</dl>')[0]!;
      expect(dl).toMatch(/^(<dt>.*?<\/dt><dd>.*?<\/dd>)+$/);
      return [...dl.matchAll(/<dt><span class="l-zh" lang="zh-CN">.*?<\/span><span class="l-en" lang="en">(.*?)<\/span><\/dt>/g)].map((m) => m[1]);
    };
    for (const a of articles) expect(a).toMatch(/^<article class="finding" id="f-\d"><header>.*<\/header><blockquote>.*<\/blockquote><dl class="facts">.*<\/dl><\/article>$/);
    const always = [S.observed, S.platform, S.url, S.pageTitle, S.rule, S.where, S.confidence, S.review, S.count, S.scope, S.hash].map((l) => l.en);
    expect(labels(articles[0]!)).toEqual(always);
    expect(labels(articles[1]!)).toEqual([S.observed, S.platform, S.url, S.pageTitle, S.rule, S.why, S.where, S.confidence, S.until, S.review, S.count, S.scope, S.note, S.origin, S.hash].map((l) => l.en));
  });

  it('shows what the chain records of it, and marks the fields a redacted export withholds', async () => {
    const html = await rendered([
      replayed({ why: 'access <denied>', until: '2026-03-21T08:00:00.000Z', note: 'seen & kept', count: 4, withheld: ['pageUrl', 'note'] }),
      replayed({ id: 'rec-2', seq: 2, hash: 'd'.repeat(64), origin: 'import', importedFrom: 'colleague.json', withheld: ['snippet', 'pageTitle', 'importedFrom'] }),
    ]);
    const mark = `<span class="withheld">${both(S.withheld.zh, S.withheld.en)}</span>`;
    expect(facts(html, S.observed)[0]).toBe('<span class="mono">2026-03-20 16:00:05 UTC+08:00</span> <span class="muted mono">(2026-03-20T08:00:05.000Z)</span>');
    expect(facts(html, S.url)).toEqual([`<code>https://item.taobao.com/item.htm?id=1</code>${mark}`, '<code>https://item.taobao.com/item.htm?id=1</code>']);
    expect(facts(html, S.pageTitle)).toEqual(['访问被拒绝', `访问被拒绝${mark}`]);
    expect(facts(html, S.rule)[0]).toBe('<code>alibaba.baxia.deny-zh</code> <span class="muted">(1)</span>');
    expect(facts(html, S.why)).toEqual(['access &#60;denied&#62;', '']);
    expect(facts(html, S.until)).toEqual(['2026-03-21T08:00:00.000Z', '']);
    expect(facts(html, S.confidence)[0]).toBe('0.90');
    expect(facts(html, S.count)).toEqual(['4', '1']);
    expect(facts(html, S.note)).toEqual([`seen &#38; kept${mark}`, '']);
    expect(facts(html, S.origin)).toEqual(['', `${both(S.imported.zh, S.imported.en)} colleague.json${mark}`]);
    expect(facts(html, S.hash)).toEqual([
      `<span class="mono">${'a'.repeat(64)}</span> <span class="muted">(${both(S.entry.zh, S.entry.en)} 1)</span>`,
      `<span class="mono">${'d'.repeat(64)}</span> <span class="muted">(${both(S.entry.zh, S.entry.en)} 2)</span>`,
    ]);
    const quotes = [...html.matchAll(/<blockquote>(.*?)<\/blockquote>/g)].map((m) => m[1]);
    expect(quotes).toEqual(['亲，访问被拒绝', `亲，访问被拒绝${mark}`]);
  });

  it('embeds screenshots in the bundle, and says where the other captures are', async () => {
    const cap = (id: string, over: Partial<ReportCapture> = {}): ReportCapture => ({ id, type: 'screenshot', mime: 'image/png', sha256: id.repeat(64).slice(0, 64), size: 100, path: `captures/${id}.png`, ...over });
    const captures = new Map([
      ['a', cap('a')],
      ['b', cap('b', { mime: 'image/jpeg', path: 'captures/b.jpg' })],
      ['c', cap('c', { type: 'snapshot', mime: 'text/html', path: 'captures/c.html' })],
      ['d', cap('d', { path: null })],
    ]);
    const html = await rendered([replayed({ captureIds: ['a', 'b', 'c', 'd', 'gone'] }), replayed({ id: 'rec-2', seq: 2 })], {
      captures,
      thumbnail: async (c) => new TextEncoder().encode(c.id),
    });
    const [withCaptures, without] = html.split('<article class="finding"').slice(1);
    const figures = [...withCaptures!.matchAll(/<figure>(.*?)<\/figure>/g)].map((m) => m[1]!);
    expect(figures).toHaveLength(4);
    expect(figures[0]).toMatch(/^<img alt="screenshot a" src="data:image\/png;base64,YQ=="><figcaption>screenshot · SHA-256 <span class="mono">a{64}<\/span><br><span class="mono">captures\/a\.png<\/span><\/figcaption>$/);
    expect(figures[1]).toMatch(/^<img alt="screenshot b" src="data:image\/jpeg;base64,Yg==">/);
    expect(figures[2]).toBe(`<figcaption>snapshot · SHA-256 <span class="mono">${'c'.repeat(64)}</span><br><span class="mono">captures/c.html</span></figcaption><figcaption>${both(S.notEmbedded.zh, S.notEmbedded.en)}</figcaption>`);
    expect(figures[3]).toBe(`<figcaption>screenshot · SHA-256 <span class="mono">${'d'.repeat(64)}</span><br>${both(S.notInBundle.zh, S.notInBundle.en)}</figcaption>`);
    expect(withCaptures).toMatch(new RegExp(`</dl><div><div class="muted">${escRe(both(S.captures.zh, S.captures.en))}</div>(<figure>.*?</figure>){4}</div></article>$`));
    expect(without).not.toContain('<figure>');
    expect(without).not.toContain(both(S.captures.zh, S.captures.en));
  });
});

describe('embeddedCaptures', () => {
  const cap = (id: string, over: Partial<ReportCapture> = {}): ReportCapture => ({ id, type: 'screenshot', mime: 'image/png', sha256: SHA_A, size: 1000, path: `captures/${id}.png`, ...over });
  const SHA_A = 'a'.repeat(64);
  const rec = (captureIds: string[]) => replayed({ captureIds });

  it('embeds PNG and JPEG screenshots that are in the bundle, each once', () => {
    const captures = new Map<string, ReportCapture>([
      ['png', cap('png')],
      ['jpg', cap('jpg', { mime: 'image/jpeg' })],
      ['webp', cap('webp', { mime: 'image/webp' })],
      ['svg', cap('svg', { mime: 'image/svg+xml;x=image/png' })],
      ['html', cap('html', { type: 'snapshot', mime: 'text/html' })],
      ['page', cap('page', { type: 'snapshot', mime: 'image/png' })],
      ['out', cap('out', { path: null })],
    ]);
    expect([...embeddedCaptures([rec(['png', 'jpg', 'webp', 'svg', 'html', 'page', 'out', 'missing']), rec(['png'])], captures)]).toEqual(['png', 'jpg']);
    expect([...embeddedCaptures([rec(['x'])], new Map([['x', cap('x', { mime: 'xx-image/png' })]]))]).toEqual([]);
    expect([...embeddedCaptures([rec(['x'])], new Map([['x', cap('x', { mime: 'image/pngx' })]]))]).toEqual([]);
  });

  it('stops at the size limit, in finding order, the same way each time', () => {
    const half = EMBED_LIMIT / 2;
    const captures = new Map<string, ReportCapture>([
      ['a', cap('a', { size: half })],
      ['b', cap('b', { size: half })],
      ['c', cap('c', { size: 1 })],
    ]);
    // Exactly at the limit: both halves; the next byte is over it.
    expect([...embeddedCaptures([rec(['a']), rec(['b', 'c'])], captures)]).toEqual(['a', 'b']);
    expect([...embeddedCaptures([rec(['c', 'a', 'b'])], captures)]).toEqual(['c', 'a']);
    expect([...embeddedCaptures([rec(['a', 'c'])], captures)]).toEqual(['a', 'c']);
  });
});
