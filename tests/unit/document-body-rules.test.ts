/**
 * One verdict everywhere (issue 15, item 6; tests/e2e/parity.e2e.ts): a wall-shaped page's markup
 * is read by its platform's network rules that read a document's body, in the content script and
 * in `shutout scan` alike, since the browser never shows the extension a document's body.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { loadHtml } from '../../cli/html';
import { builtinRuleSet, scanPage } from '../../utils/detect/index';

const PUNISH_DENY =
  '<html><head><meta charset="utf-8"></head><body><punish-component /><script>window._config_ = {"action": "deny", "HOST": "s.1688.com:443", "BXSTEP": "100"};</script></body></html>';
const AMAZON_404 =
  '<!doctype html><html><head><title>Amazon.com</title></head><body><!--\n To discuss automated access to Amazon data please contact api-services-support@amazon.com.\n--><div><a href="/">Go to the Amazon.com home page</a></div></body></html>';
const HIDDEN_IMPERVA =
  '<html><head><title>Shop</title></head><body><h1>New in</h1><div style="display:none"><p>Request unsuccessful. Incapsula incident ID: 0-1</p></div></body></html>';

function kinds(html: string, url: string, status?: number): string[] {
  const page = loadHtml(html, url);
  return scanPage(builtinRuleSet(), { url, title: page.title, segments: page.segments, markup: page.markup, widgets: page.widgets, status }).map((d) => `${d.kind} ${d.ruleId} ${d.where}`);
}

describe("a wall-shaped page's markup and its platform's document-body rules", () => {
  it("reads a punish page's inline config, which shows no words, as the answer would be read", () => {
    expect(kinds(PUNISH_DENY, 'https://s.1688.com/selloffer/offer_search.htm?keywords=x')).toEqual(['access-denied alibaba.baxia.punish-document-deny text']);
  });

  it('applies a rule that needs a status only when the status is known, and only that status', () => {
    const url = 'https://www.amazon.com/dp/B08N5WRWNW';
    expect(kinds(AMAZON_404, url)).toEqual([]);
    expect(kinds(AMAZON_404, url, 200)).toEqual([]);
    expect(kinds(AMAZON_404, url, 404)).toEqual(['access-denied amazon.network.automated-access-404 text']);
  });

  it("leaves shared walls' network rules to the general layer: wording a page only hides stays clear", () => {
    expect(kinds(HIDDEN_IMPERVA, 'https://www.example-shop.com/new-in', 200)).toEqual([]);
  });

  it('reads nothing of a long page (no markup is read there)', () => {
    const long = PUNISH_DENY.replace('<punish-component />', `<main>${'<p>商品列表 连衣裙 新款 夏季 </p>'.repeat(400)}</main>`);
    expect(kinds(long, 'https://s.1688.com/selloffer/offer_search.htm?keywords=x')).toEqual([]);
  });
});

describe('shutout scan --status', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shutout-status-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const saved = join(dir, 'not-found.html');
  writeFileSync(saved, AMAZON_404);

  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
    return { code, stdout, stderr };
  }

  it('gives a saved page the status it came with, as the browser knows it', async () => {
    const url = '--url=https://www.amazon.com/dp/B08N5WRWNW';
    const without = await run(['scan', '--json', url, saved]);
    expect(JSON.parse(without.stdout)).toMatchObject({ verdict: 'clear' });
    const with404 = await run(['scan', '--json', url, '--status', '404', saved]);
    expect(with404.code).toBe(0);
    expect(JSON.parse(with404.stdout)).toMatchObject({ verdict: 'blocked', detections: [{ kind: 'access-denied', ruleId: 'amazon.network.automated-access-404' }] });
  });

  it('refuses a status that is not one, in one line with exit 2', async () => {
    for (const bad of ['abc', '99', '600', '2000', '4O4']) {
      const r = await run(['scan', '--status', bad, saved]);
      expect(r.code, bad).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('--status needs an HTTP status');
    }
  });
});

describe("a vendor's outage page is not its wall", () => {
  // Akamai closes its block page, its outage page and its bad-URL page with the same reference
  // link to errors.edgesuite.net; a recon crawl met the outage page on four hosts of one site
  // (RKiler/collegeboard:html/https__ap2020-api_collegeboard_org__da39a3ee5e6b4b0d.html@dced7a321ead06f9b40a5a7d229ccd7a516f0114).
  const page = (title: string, heading: string, line: string) =>
    `<HTML><HEAD><TITLE>${title}</TITLE></HEAD><BODY><H1>${heading}</H1>${line}<P>Reference&#32;&#35;11&#46;5c2e1f0a&#46;1722900000&#46;1a2b3c4d<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;11&#46;5c2e1f0a&#46;1722900000&#46;1a2b3c4d</P></BODY></HTML>`;

  it('reads a DNS failure or an invalid URL with the reference link as clear, and the block page with it as a wall', () => {
    expect(kinds(page('Service Unavailable', 'Service Unavailable - DNS failure', 'The server is temporarily unable to service your request. Please try again later.'), 'https://api.example-college.org/')).toEqual([]);
    expect(kinds(page('Invalid URL', 'Invalid URL', 'The requested URL "&#91;no&#32;URL&#93;", is invalid.'), 'https://api.example-college.org/')).toEqual([]);
    expect(kinds(page('Access Denied', 'Access Denied', 'You don\'t have permission to access "http&#58;&#47;&#47;shop&#46;example&#47;" on this server.'), 'https://shop.example/').some((k) => k.startsWith('access-denied'))).toBe(true);
  });
});
