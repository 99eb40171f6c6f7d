import { describe, expect, it } from 'vitest';
import { compileRules, hasAnyPhrase, scanNetwork, scanPage, scanPageRules, SNIPPET_MAX } from '../../utils/detect/engine';
import { platformOf } from '../../utils/detect/platforms';
import type { Rule, Segment } from '../../utils/detect/types';

const rule = (r: Partial<Rule> & Pick<Rule, 'id'>): Rule => ({
  kind: 'access-denied',
  platform: 'taobao',
  hosts: ['taobao.com'],
  signal: 'text',
  confidence: 0.9,
  fixtures: [],
  ...r,
});

const set = compileRules(
  [
    rule({ id: 't.deny', phrases: ['访问被拒绝'] }),
    rule({ id: 't.busy', kind: 'risk-challenge', phrases: ['系统正忙'], prominent: true, confidence: 0.7 }),
    rule({ id: 't.url', kind: 'risk-challenge', signal: 'url', patterns: ['/_____tmd_____/punish'] }),
    rule({ id: 'w.cf', kind: 'risk-challenge', platform: 'cloudflare', hosts: ['*'], phrases: ['just a moment'], all: ['verify you are human'], prominent: true }),
    rule({ id: 'a.robot', kind: 'risk-challenge', platform: 'amazon', hosts: ['amazon.*'], phrases: ['robot check'], unless: ['why am i seeing'] }),
    rule({ id: 'n.mtop', kind: 'risk-challenge', signal: 'network', phrases: ['RGV587_ERROR'] }),
    rule({ id: 'n.hdr', kind: 'access-denied', signal: 'network', hosts: ['*'], platform: 'akamai', status: [403], header: { name: 'server', value: 'akamaighost' } }),
  ],
  'test-1',
);

const page = (url: string, segments: Segment[]) => scanPage(set, { url, segments, now: new Date('2026-03-20T00:00:00Z') });
const long = '普通商品描述，'.repeat(600);

describe('scanPage', () => {
  it('reports a wall with kind, platform, rule, snippet and placement', () => {
    const [d] = page('https://item.taobao.com/item.htm?id=1', [{ where: 'text', text: '亲，访问被拒绝\n请检查是否使用了代理软件' }]);
    expect(d).toMatchObject({ kind: 'access-denied', platform: 'taobao', ruleId: 't.deny', rulesetVersion: 'test-1', where: 'text', confidence: 0.9 });
    expect(d!.snippet).toContain('访问被拒绝');
  });

  it('matches Traditional Chinese and punctuation variants', () => {
    expect(page('https://item.taobao.com/', [{ where: 'title', text: '訪問 被 拒絕' }])).toHaveLength(1);
  });

  it('weighs the same words less inside a long article than in a title or dialog', () => {
    const inArticle = page('https://item.taobao.com/', [{ where: 'text', text: long + '他看到了"访问被拒绝"的提示' + long }]);
    expect(inArticle).toEqual([]);
    const inDialog = page('https://item.taobao.com/', [
      { where: 'dialog', text: '访问被拒绝' },
      { where: 'text', text: long + '访问被拒绝' },
    ]);
    expect(inDialog[0]).toMatchObject({ where: 'dialog', confidence: 1 });
  });

  it('ignores prominent-only wording in the body of a long page', () => {
    expect(page('https://www.taobao.com/', [{ where: 'text', text: long + '系统正忙' }])).toEqual([]);
    expect(page('https://www.taobao.com/', [{ where: 'title', text: '系统正忙' }])).toHaveLength(1);
  });

  it('applies rules only to their hosts; shared walls everywhere', () => {
    expect(page('https://www.jd.com/', [{ where: 'title', text: '访问被拒绝' }])).toEqual([]);
    const cf = page('https://www.walmart.com/', [
      { where: 'title', text: 'Just a moment...' },
      { where: 'text', text: 'Verify you are human by completing the action below.' },
    ]);
    expect(cf[0]).toMatchObject({ ruleId: 'w.cf', platform: 'walmart' });
    expect(page('https://shop.example.org/', [{ where: 'title', text: 'Just a moment...' }, { where: 'text', text: 'verify you are human' }])[0]).toMatchObject({ platform: 'cloudflare' });
  });

  it('requires every `all` phrase and no `unless` phrase', () => {
    expect(page('https://www.walmart.com/', [{ where: 'title', text: 'Just a moment...' }])).toEqual([]);
    expect(page('https://www.amazon.co.uk/', [{ where: 'title', text: 'Robot Check' }])).toHaveLength(1);
    expect(page('https://www.amazon.co.uk/', [{ where: 'title', text: 'Robot Check' }, { where: 'text', text: 'Why am I seeing a robot check?' }])).toEqual([]);
  });

  it('matches English phrases on word boundaries', () => {
    expect(page('https://www.amazon.com/', [{ where: 'title', text: 'Robot Checked items' }])).toEqual([]);
    expect(page('https://www.amazon.com/', [{ where: 'title', text: 'ROBOT CHECK' }])).toHaveLength(1);
  });

  it('fires URL rules before touching text, and keeps one detection per kind', () => {
    const url = 'https://item.taobao.com/_____tmd_____/punish?x5secdata=abc';
    expect(scanPageRules(set, { url, segments: [{ where: 'title', text: '系统正忙' }] }).map((d) => d.ruleId).sort()).toEqual(['t.busy', 't.url']);
    const one = scanPage(set, { url, segments: [{ where: 'title', text: '系统正忙' }] });
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ kind: 'risk-challenge', where: 'title', ruleId: 't.busy', snippet: '系统正忙', confidence: 0.9 });
  });

  it('bounds the snippet on hostile input', () => {
    const text = 'x'.repeat(100_000) + '访问被拒绝' + '<img src=x onerror=alert(1)>'.repeat(1000);
    const [d] = page('https://item.taobao.com/', [{ where: 'dialog', text }]);
    expect(d!.snippet.length).toBeLessThanOrEqual(SNIPPET_MAX);
  });

  it('reads "until" from the notice', () => {
    const [d] = page('https://item.taobao.com/', [{ where: 'dialog', text: '访问被拒绝，10min后恢复访问' }]);
    expect(d!.until).toBe('2026-03-20T00:10:00.000Z');
  });
});

describe('scanNetwork', () => {
  it('reads API bodies', () => {
    const [d] = scanNetwork(set, {
      url: 'https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/',
      pageUrl: 'https://item.taobao.com/item.htm?id=1',
      status: 200,
      body: '{"ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试!"]}',
      resource: 'api',
    });
    expect(d).toMatchObject({ ruleId: 'n.mtop', where: 'network', platform: 'taobao' });
  });

  it('reads status and headers, and redirects to wall URLs', () => {
    expect(scanNetwork(set, { url: 'https://www.walmart.com/', status: 403, headers: { Server: 'AkamaiGHost' }, resource: 'document' })[0]).toMatchObject({ ruleId: 'n.hdr' });
    expect(scanNetwork(set, { url: 'https://www.walmart.com/', status: 200, headers: { Server: 'AkamaiGHost' } })).toEqual([]);
    expect(
      scanNetwork(set, { url: 'https://item.taobao.com/item.htm', status: 302, redirectUrl: 'https://item.taobao.com/_____tmd_____/punish?x5secdata=1' })[0],
    ).toMatchObject({ ruleId: 't.url', where: 'network' });
  });
});

describe('hasAnyPhrase and platforms', () => {
  it('pre-checks late text cheaply', () => {
    expect(hasAnyPhrase(set, '新增商品：蓝色 T 恤')).toBe(false);
    expect(hasAnyPhrase(set, '亲，访问被拒绝')).toBe(true);
  });

  it('names the most specific platform', () => {
    expect(platformOf('https://ju.taobao.com/x')).toBe('juhuasuan');
    expect(platformOf('https://detail.tmall.hk/item.htm')).toBe('tmall');
    expect(platformOf('https://www.amazon.co.jp/dp/1')).toBe('amazon');
    expect(platformOf('https://mp.weixin.qq.com/s/abc')).toBe('wechat');
    expect(platformOf('https://example.org/')).toBeNull();
    expect(platformOf('not a url')).toBeNull();
  });
});

describe('network rules limited to request URLs', () => {
  it('fires only on responses to matching requests', () => {
    const s = compileRules([rule({ id: 'jd.coupon.code', kind: 'promotion-denied', platform: 'jd', hosts: ['jd.com'], signal: 'network', patterns: ['"code"\\s*:\\s*12\\b'], urlPatterns: ['functionId=newBabelAwardCollection'] })], 'x');
    const body = '{"code":12,"msg":""}';
    expect(scanNetwork(s, { url: 'https://api.m.jd.com/client.action?functionId=newBabelAwardCollection', body })).toHaveLength(1);
    expect(scanNetwork(s, { url: 'https://api.m.jd.com/client.action?functionId=other', body })).toEqual([]);
  });
});

describe('hasAnyPhrase ignores words that cannot fire a rule alone', () => {
  it('does not count `unless` or `all` words', () => {
    const s = compileRules([rule({ id: 'x', phrases: ['访问被拒绝'], unless: ['帮助中心'], all: ['反馈码'] })], 'v');
    expect(hasAnyPhrase(s, '帮助中心 · 反馈码')).toBe(false);
    expect(hasAnyPhrase(s, '帮助中心 访问被拒绝')).toBe(true);
  });
});
