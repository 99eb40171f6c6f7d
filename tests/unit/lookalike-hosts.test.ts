/**
 * Lookalike hosts are not the marketplace they imitate: not for the host lookup, the
 * watched-host test, rule host matching, nor the CLI's PLATFORM label.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { scanHtmlText } from '../../cli/scan';
import { isMarketplaceUrl } from '../../utils/detect/hosts';
import { builtinRuleSet, hostMatches, platformOf } from '../../utils/detect/index';
import { validateRule } from '../../utils/detect/validate';

const LOOKALIKES = [
  'https://amazon.evil.io/dp/B000000000',
  'https://www.amazon.com.evil.cn/dp/B000000000',
  'https://amazon.co.evil.uk/',
  'https://amazon.xyz/',
  'https://amazon-deals.com/',
  'https://myamazon.com/',
  'https://taobao.com.evil.cn/item.htm?id=1',
  'https://item.taobao.com.evil.cn/item.htm?id=1',
  'https://evil-taobao.com/',
  'https://eviltaobao.com/',
  'https://taobao.co/',
  'https://jd.com.cn.evil.io/',
  'https://ebay.evil.de/',
  'https://shopee.evil.sg/',
  'https://lazada.evil.vn/',
  'https://weixin.qq.com.evil.cn/',
  // Punycode: a Cyrillic "а" in taobao / amazon, and an xn-- label made to look like a domain.
  'https://tаobao.com/',
  'https://www.аmazon.com/',
  'https://xn--taobao-9ua.com/',
  'https://xn--amazon-com-xyz.io/',
  'https://taobao.xn--com-9o0a.cn/',
];

const REAL: Array<[string, string]> = [
  ['https://www.amazon.co.jp/dp/B000000000', 'amazon'],
  ['https://www.amazon.com.be/', 'amazon'],
  ['https://smile.amazon.com./', 'amazon'],
  ['https://item.taobao.com/item.htm?id=1', 'taobao'],
  ['https://ju.taobao.com/', 'juhuasuan'],
  ['https://detail.tmall.hk/hk/item.htm?id=1', 'tmall'],
  ['https://www.ebay.co.uk/', 'ebay'],
  ['https://shopee.tw/', 'shopee'],
  ['https://mp.weixin.qq.com/s/x', 'wechat'],
];

describe('lookalike hosts', () => {
  it('platformOf names no platform for them', () => {
    for (const u of LOOKALIKES) expect(platformOf(u), u).toBeNull();
  });

  it('platformOf still names the real sites, subdomains and trailing dots included', () => {
    for (const [u, id] of REAL) expect(platformOf(u), u).toBe(id);
  });

  it('isMarketplaceUrl refuses them and accepts the real sites', () => {
    for (const u of LOOKALIKES) expect(isMarketplaceUrl(u), u).toBe(false);
    expect(isMarketplaceUrl('https://www.amazon.de/dp/B000000000')).toBe(true);
    expect(isMarketplaceUrl('https://s.taobao.com/search?q=x')).toBe(true);
  });

  it('a brand wildcard covers only the brand’s real country domains', () => {
    expect(hostMatches('www.amazon.co.uk', 'amazon.*')).toBe(true);
    expect(hostMatches('www.amazon.com.mx', 'amazon.*')).toBe(true);
    for (const h of ['amazon.evil.io', 'amazon.com.evil.cn', 'amazon.xyz', 'www.amazon.co.evil.uk', 'notamazon.com']) expect(hostMatches(h, 'amazon.*'), h).toBe(false);
    expect(hostMatches('www.nosuchbrand.com', 'nosuchbrand.*')).toBe(false);
    expect(hostMatches('evil-taobao.com', 'taobao.com')).toBe(false);
    expect(hostMatches('taobao.com.evil.cn', 'taobao.com')).toBe(false);
  });

  it('Amazon’s rules stay silent on amazon.evil.io', () => {
    expect(builtinRuleSet().rulesFor('amazon.evil.io').filter((c) => c.rule.platform === 'amazon')).toEqual([]);
    expect(builtinRuleSet().rulesFor('www.amazon.co.jp').some((c) => c.rule.platform === 'amazon')).toBe(true);
  });

  it('a user rule may not use a brand wildcard Shutout does not know, nor a bare public suffix', () => {
    const rule = { id: 'user.test', kind: 'access-denied', platform: 'amazon', signal: 'text', phrases: ['blocked here'], confidence: 0.8, fixtures: [] };
    expect(validateRule({ ...rule, hosts: ['amazon.*'] }).ok).toBe(true);
    expect(validateRule({ ...rule, hosts: ['nosuchbrand.*'] })).toMatchObject({ ok: false, errors: [expect.stringMatching(/nosuchbrand\.\*: no platform/)] });
    expect(validateRule({ ...rule, hosts: ['co.uk'] })).toMatchObject({ ok: false, errors: [expect.stringMatching(/public suffix/)] });
    expect(validateRule({ ...rule, hosts: ['github.io'] }).ok).toBe(false);
    expect(validateRule({ ...rule, hosts: ['com'] }).ok).toBe(false);
  });
});

describe('the CLI labels', () => {
  const page = (url: string) => `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} --><html><head><title>Robot Check</title></head><body><p>Enter the characters you see below</p></body></html>`;

  it('gives no platform for a page saved from a lookalike host', () => {
    expect(scanHtmlText('a.html', page('https://amazon.evil.io/errors/validateCaptcha'), null, builtinRuleSet()).platform).toBeNull();
    expect(scanHtmlText('b.html', page('https://www.amazon.co.jp/errors/validateCaptcha'), null, builtinRuleSet()).platform).toBe('amazon');
  });

  it('prints "-" for the lookalike and the platform for the real site in `shutout scan --json`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shutout-lookalike-'));
    try {
      writeFileSync(join(dir, 'fake.html'), page('https://amazon.evil.io/errors/validateCaptcha'));
      writeFileSync(join(dir, 'real.html'), page('https://www.amazon.de/errors/validateCaptcha'));
      let out = '';
      const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true } };
      await main(['scan', '--json', join(dir, 'fake.html'), join(dir, 'real.html')], io as never);
      const text = out.trim();
      const results = (text.startsWith('[') ? JSON.parse(text) : text.split('\n').map((l) => JSON.parse(l))) as Array<{ file: string; platform: string | null }>;
      const byFile = new Map(results.map((r) => [r.file.split(/[\\/]/).pop(), r.platform]));
      expect(byFile.get('fake.html')).toBeNull();
      expect(byFile.get('real.html')).toBe('amazon');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
