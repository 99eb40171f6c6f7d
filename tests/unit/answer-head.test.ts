/**
 * What an answer's head alone says (utils/detect/general/answer-head.ts, antibot-head.ts): the
 * service worker's whole reading of the answers webRequest shows it.
 */
import providers from 'is-antibot/providers.json';
import { describe, expect, it } from 'vitest';
import { readsHeadOnly, isAnswerRule } from '../../utils/detect/answer-rules';
import { RULESET_VERSION as BUILTIN_VERSION } from '../../utils/detect/version';
import { buildHeadMarkers, headMarkers } from '../../utils/detect/general/antibot-head';
import { headProviders, type HeadProvider } from '../../utils/detect/general/antibot-head-data';
import { scanAnswerMarkers, scanAnswerStatus } from '../../utils/detect/general/answer-head';
import { ruleSetVersion } from '../../utils/detect/network-rule-set';
import type { NetworkInput, Rule } from '../../utils/detect/types';

const URL_ = 'https://item.taobao.com/item.htm?id=1';
const at = (status: number | undefined, headers: Record<string, string>): NetworkInput => ({ url: URL_, status, headers });
const scan = (input: NetworkInput, platform: string | null = 'taobao') => scanAnswerMarkers(input, platform, 'v1');
const ids = (input: NetworkInput) => scan(input).map((d) => d.ruleId);

describe("a vendor's header", () => {
  it('that says "challenged" fires whatever the status, named and explained', () => {
    expect(scan(at(200, { 'CF-Mitigated': ' Challenge ' }))).toEqual([
      { kind: 'risk-challenge', platform: 'taobao', ruleId: 'antibot.cloudflare.headers.0.0', rulesetVersion: 'v1', snippet: 'HTTP 200 cf-mitigated:  Challenge', where: 'network', confidence: 0.8, why: 'header: cloudflare' },
    ]);
    // Without a page's platform, the vendor's; without a status, none is printed.
    expect(scan(at(undefined, { 'x-amzn-waf-action': 'captcha' }), null)).toEqual([expect.objectContaining({ platform: 'aws-waf', snippet: 'HTTP  x-amzn-waf-action: captcha', confidence: 0.8 })]);
    expect(ids(at(200, { 'cf-mitigated': 'none' }))).toEqual([]);
  });

  it('that a protected site also sends on ordinary answers fires only with a refusing status', () => {
    expect(ids(at(200, { 'x-datadome-cid': 'abc' }))).toEqual([]);
    expect(scan(at(403, { 'x-datadome-cid': 'abc' }))).toEqual([expect.objectContaining({ ruleId: 'antibot.datadome.headers.0.2', confidence: 0.7, snippet: 'HTTP 403 x-datadome-cid: abc' })]);
    // A provider's own statuses, when it names them.
    expect(ids(at(403, { 'x-cache': 'Error from cloudfront' }))).toEqual(['antibot.cloudfront.headers.0.0']);
    expect(ids(at(500, { 'x-cache': 'Error from cloudfront' }))).toEqual(['antibot.amazon.headers.0.0']);
  });

  it('is read by its value as the provider says: equals, starts with, one of, anything but', () => {
    expect(ids(at(403, { 'x-cdn': 'INCAPSULA' }))).toContain('antibot.imperva.headers.2.0');
    expect(ids(at(403, { 'x-cdn': 'Incapsula2' }))).not.toContain('antibot.imperva.headers.2.0');
    expect(ids(at(403, { 'x-cache': 'Hit from cloudfront' }))).toEqual([]);
    expect(ids(at(403, { 'x-cache': '  ERROR FROM CLOUDFRONT x' }))).toEqual(['antibot.cloudfront.headers.0.0']);
    expect(ids(at(403, { 'x-dd-b': ' 2 ' }))).toEqual(['antibot.datadome.headers.0.0']);
    expect(ids(at(403, { 'x-dd-b': '3' }))).toEqual([]);
    expect(ids(at(403, { 'x-datadome': 'Protected ' }))).toEqual([]);
    expect(ids(at(403, { 'x-datadome': 'blocked' }))).toEqual(['antibot.datadome.headers.0.1']);
  });

  it('reads nothing from an answer without headers', () => {
    expect(scan({ url: URL_, status: 403 })).toEqual([]);
    expect(scan(at(403, {}))).toEqual([]);
  });

  it('reads cookies from Set-Cookie only', () => {
    expect(scan(at(403, { 'x-note': 'datadome=1', link: '<x>; rel=datadome=' }))).toEqual([]);
  });
});

describe("a vendor's cookie", () => {
  const cookie = (status: number, setCookie: string, platform: string | null = 'taobao') => scan(at(status, { 'Set-Cookie': setCookie }), platform);

  it('counts only with a refusing status, named by its start', () => {
    expect(cookie(200, 'datadome=abc; Path=/')).toEqual([]);
    expect(cookie(403, 'datadome=abc; Path=/', null)).toEqual([
      { kind: 'risk-challenge', platform: 'datadome', ruleId: 'antibot.datadome.cookies.2.0', rulesetVersion: 'v1', snippet: 'HTTP 403 cookie datadome', where: 'network', confidence: 0.65, why: 'cookie: datadome with HTTP 403' },
    ]);
    expect(cookie(403, 'incap_ses_123_456=x').map((d) => d.ruleId)).toEqual(['antibot.imperva.cookies.3.0']);
    // A name that only ends like one is another cookie.
    expect(cookie(403, 'xdatadome=abc')).toEqual([]);
  });

  it('finds each cookie of a joined Set-Cookie, not the dates inside them', () => {
    // Joined by commas (an Expires date has one of its own) or by new lines.
    expect(cookie(429, 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT, datadome=xyz; Path=/').map((d) => d.ruleId)).toEqual(['antibot.datadome.cookies.2.0']);
    expect(cookie(429, 'a=1; Path=/\n_px3=abc').map((d) => d.ruleId)).toEqual(['antibot.perimeterx.cookies.3.0']);
    // "GMT, datadome" is not a cookie name; nor is a date's "21 Oct datadome=…" fragment without the comma.
    expect(cookie(429, 'a=1; Expires=Wed, datadome=no').map((d) => d.ruleId)).toEqual(['antibot.datadome.cookies.2.0']);
    expect(cookie(429, 'a=1; Expires=Wed,datadome=x').map((d) => d.ruleId)).toEqual(['antibot.datadome.cookies.2.0']);
    expect(cookie(429, 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT')).toEqual([]);
  });
});

describe('a 429', () => {
  it('refuses whatever the body says, on the page’s platform', () => {
    expect(scanAnswerStatus({ url: URL_, status: 429 }, 'taobao', 'v1')).toEqual([
      { kind: 'access-denied', platform: 'taobao', ruleId: 'general.status.429', rulesetVersion: 'v1', snippet: `HTTP 429 ${URL_}`, where: 'network', confidence: 0.6, why: 'status: 429 Too Many Requests' },
    ]);
    expect(scanAnswerStatus({ url: URL_, status: 503 }, null, 'v1')).toEqual([]);
    expect(scanAnswerStatus({ url: `https://x.example/${'a'.repeat(300)}`, status: 429 }, null, 'v1')[0]!.snippet).toHaveLength(200);
  });
});

describe("the markers' making", () => {
  const made = (p: Partial<HeadProvider> & Pick<HeadProvider, 'detections'>) => buildHeadMarkers([{ name: 'vendor', kind: 'access-denied', platform: 'vendor', ...p }]);

  it('names each marker by its place in the provider’s list, and skips what is not a header or cookie rule', () => {
    const m = made({
      detections: [
        { type: 'html', rules: [] },
        { type: 'headers', rules: [{ header: 'X-Wall', exists: true }, { header: 'X-Block-Action', equals: 'deny' }] },
        { type: 'cookies', statusCodes: [418], rules: [{ cookie: 'Wall_Id=' }, { regex: 'not a cookie' }, { cookie: 'Wall=Id=' }] },
        // A cookie rule under another type is not read.
        { type: 'html', rules: [{ cookie: 'z=' }] },
      ],
    });
    expect(m.headers.map(({ value: _v, ...h }) => h)).toEqual([
      { id: 'antibot.vendor.headers.1.0', kind: 'access-denied', platform: 'vendor', name: 'x-wall', namePattern: undefined, statuses: [403, 429, 503], challenge: false },
      { id: 'antibot.vendor.headers.1.1', kind: 'access-denied', platform: 'vendor', name: 'x-block-action', namePattern: undefined, statuses: [403, 429, 503], challenge: false },
    ]);
    expect(m.cookies).toEqual([
      { id: 'antibot.vendor.cookies.2.0', kind: 'access-denied', platform: 'vendor', name: 'wall_id', statuses: [418], challenge: false },
      { id: 'antibot.vendor.cookies.2.2', kind: 'access-denied', platform: 'vendor', name: 'wall=id', statuses: [418], challenge: false },
    ]);
  });

  it('reads a header that says it challenged as a challenge, with its own statuses when it names them', () => {
    const m = made({ detections: [{ type: 'headers', statusCodes: [202], rules: [{ header: 'x-waf-action', exists: true }, { header: 'x-state', equals: 'Challenge' }, { header: 'x-plain', exists: true }] }] });
    expect(m.headers.map((h) => [h.name, h.challenge, h.statuses])).toEqual([
      ['x-waf-action', true, [202]],
      ['x-state', true, [202]],
      ['x-plain', false, [202]],
    ]);
  });

  it('reads values as the provider says, each test on its own', () => {
    const m = made({
      detections: [
        {
          type: 'headers',
          statusCodes: [403],
          rules: [
            { header: 'x-eq', equals: 'Deny' },
            { header: 'x-start', startsWith: 'Blocked by' },
            { header: 'x-one', oneOf: ['1', '2'] },
            { header: 'x-but', except: 'Passed' },
            { header: 'x-any', exists: true },
          ],
        },
      ],
    });
    const fired = (headers: Record<string, string>) => scanAnswerMarkers(at(403, headers), null, 'v1', m).map((d) => d.ruleId.slice(-1));
    expect(fired({ 'x-eq': ' DENY ', 'x-start': ' blocked BY waf', 'x-one': ' 2', 'x-but': 'denied', 'x-any': '' })).toEqual(['0', '1', '2', '3', '4']);
    expect(fired({ 'x-eq': 'Deny!', 'x-start': 'Not blocked by', 'x-one': '12', 'x-but': ' PASSED ' })).toEqual([]);
  });

  it('matches header names by a pattern with its flags, and leaves out a pattern that does not compile', () => {
    const m = made({ detections: [{ type: 'headers', rules: [{ headerNamePattern: '^x-wall-\\d+$', flags: 'gi' }, { headerNamePattern: '(unclosed' }, { header: 'x-after', exists: true }, { headerNamePattern: '^x-plain$' }] }] });
    expect(m.headers.map((h) => h.id)).toEqual(['antibot.vendor.headers.0.0', 'antibot.vendor.headers.0.2', 'antibot.vendor.headers.0.3']);
    expect(m.headers[2]!.namePattern!.flags).toBe('');
    expect(m.headers[0]!.namePattern!.flags).toBe('i');
    expect(scanAnswerMarkers(at(403, { 'X-Wall-42': 'yes' }), null, 'v1', m).map((d) => [d.ruleId, d.snippet])).toEqual([['antibot.vendor.headers.0.0', 'HTTP 403 header: yes']]);
    expect(scanAnswerMarkers(at(403, { 'x-wall-x': 'yes' }), null, 'v1', m)).toEqual([]);
  });

  it('takes from the package only the providers Shutout reads as walls, with their header and cookie rules in place', () => {
    const data = headProviders();
    const all = (providers as { providers: Array<{ name: string; detections: Array<{ type: string; rules: unknown[] }> }> }).providers;
    for (const p of data) {
      const source = all.find((x) => x.name === p.name)!;
      // Every detection keeps its place; markup detections carry no rules here.
      expect(p.detections.map((d) => d.type)).toEqual(source.detections.map((d) => d.type));
      expect(p.detections.map((d) => d.statusCodes)).toEqual(source.detections.map((d) => (d as { statusCodes?: number[] }).statusCodes));
      p.detections.forEach((d, i) => expect(d.rules).toEqual(d.type === 'headers' || d.type === 'cookies' ? source.detections[i]!.rules : []));
    }
    const names = data.map((p) => p.name);
    // 'presence' providers (ordinary pages carry them) and providers with no header or cookie rule are left out.
    expect(names).not.toContain('akamai');
    expect(names).not.toContain('hcaptcha');
    expect(names).toEqual(expect.arrayContaining(['cloudflare', 'datadome', 'perimeterx', 'imperva', 'aws-waf']));
    expect(headMarkers().headers.length).toBeGreaterThan(10);
  });
});

describe('the rules an answer alone can fire', () => {
  const rule = (r: Partial<Rule>): Rule => ({ id: 'x.y', kind: 'access-denied', platform: 'x', hosts: ['x.com'], signal: 'network', confidence: 0.5, fixtures: [], ...r });

  it('are URL rules and network rules that need no body', () => {
    expect(isAnswerRule(rule({ signal: 'url' }))).toBe(true);
    expect(isAnswerRule(rule({ signal: 'network' }))).toBe(true);
    expect(isAnswerRule(rule({ signal: 'text' }))).toBe(false);
    expect(readsHeadOnly(rule({ signal: 'url', patterns: ['/wall'] }))).toBe(true);
    expect(readsHeadOnly(rule({ status: [403] }))).toBe(true);
    expect(readsHeadOnly(rule({ status: [403], phrases: ['blocked'] }))).toBe(false);
    expect(readsHeadOnly(rule({ status: [403], all: ['blocked'] }))).toBe(false);
    expect(readsHeadOnly(rule({ status: [403], patterns: ['"code":\\s*403'] }))).toBe(false);
    expect(readsHeadOnly(rule({ signal: 'text', phrases: ['blocked'] }))).toBe(false);
    expect(readsHeadOnly(rule({ signal: 'text', status: [403] }))).toBe(false);
  });

  it('record the version of the rules with what the user changed', () => {
    expect(ruleSetVersion(0, 0, true)).toBe(BUILTIN_VERSION);
    expect(ruleSetVersion(2, 1, false)).toBe(`${BUILTIN_VERSION}+user.2.off.1.nogeneral`);
    expect(ruleSetVersion(0, 3, true)).toBe(`${BUILTIN_VERSION}+off.3`);
  });
});
