/**
 * The service worker's rules (utils/detect/network-rule-set.ts) judge what webRequest shows — an
 * address, a status, headers, no body — exactly as the whole rule set does: every answer of the
 * corpus, without its body, gets the same findings from both; and the user's choices apply alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinNetworkFamilies } from '../../utils/detect/builtin-network';
import { builtinRuleSet, ruleSetWith, scanNetwork, type NetworkInput, type Rule } from '../../utils/detect/index';
import { networkRuleSetWith } from '../../utils/detect/network-rule-set';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const answers: Array<{ name: string; input: NetworkInput }> = [];
for (const side of ['positive', 'negative']) {
  for (const dir of readdirSync(join(CORPUS, side))) {
    for (const f of readdirSync(join(CORPUS, side, dir)).filter((n) => n.endsWith('.json'))) {
      const a = JSON.parse(readFileSync(join(CORPUS, side, dir, f), 'utf8')) as NetworkInput & { expect?: string };
      answers.push({ name: `${side}/${dir}/${f}`, input: { url: a.url, status: a.status, headers: a.headers, redirectUrl: a.redirectUrl, resource: a.resource, now: new Date('2026-03-20T00:00:00Z') } });
    }
  }
}

const strip = (ds: ReturnType<typeof scanNetwork>) => ds.map(({ ruleId, kind, confidence, snippet, where }) => ({ ruleId, kind, confidence, snippet, where }));

describe("the service worker's rule set", () => {
  it('holds every built-in rule that can fire on an answer without a body, and no other', () => {
    const kept = new Set(Object.values(builtinNetworkFamilies()).flat().map((r) => r.id));
    for (const r of builtinRuleSet().rules) {
      const headOnly = r.signal === 'url' || (r.signal === 'network' && !r.phrases?.length && !r.all?.length && !r.patterns?.length);
      expect(kept.has(r.id), r.id).toBe(headOnly);
      // A network rule left out reads the body: its phrases need text, and none of its patterns matches an empty body.
      if (r.signal === 'network' && !headOnly) expect((r.patterns ?? []).some((p) => new RegExp(p, 'i').test('')), r.id).toBe(false);
    }
    expect(networkRuleSetWith([]).rules.some((r) => r.signal === 'text')).toBe(false);
  });

  it(`judges the corpus's ${answers.length} answers, without their bodies, as the whole rule set does`, () => {
    expect(answers.length).toBeGreaterThan(50);
    const worker = networkRuleSetWith([]);
    const whole = builtinRuleSet();
    let fired = 0;
    for (const { name, input } of answers) {
      const w = strip(scanNetwork(worker, input));
      expect(w, name).toEqual(strip(scanNetwork(whole, input)));
      if (w.length) fired++;
    }
    // Headers, statuses and addresses alone do find some of them (a header wall, a 429, a redirect to a wall).
    expect(fired).toBeGreaterThan(5);
  });

  it("applies the user's choices and own rules as the whole rule set does", () => {
    const own: Rule = { id: 'my.header-wall', kind: 'access-denied', platform: 'taobao', hosts: ['taobao.com'], signal: 'network', header: { name: 'x-my-wall' }, confidence: 0.8, fixtures: [] };
    const text: Rule = { id: 'my.text', kind: 'access-denied', platform: 'taobao', hosts: ['taobao.com'], signal: 'text', phrases: ['我的墙'], confidence: 0.8, fixtures: [] };
    const input: NetworkInput = { url: 'https://item.taobao.com/item.htm?id=1', status: 200, headers: { 'x-my-wall': '1', bxpunish: '1' }, resource: 'document' };
    for (const choices of [{}, { disabledFamilies: ['alibaba'] }, { disabledPlatforms: ['taobao'] }, { general: false }]) {
      const w = networkRuleSetWith([own, text], choices);
      const whole = ruleSetWith([own, text], choices);
      expect(w.version).toBe(whole.version);
      expect(strip(scanNetwork(w, input)), JSON.stringify(choices)).toEqual(strip(scanNetwork(whole, input)));
    }
    expect(scanNetwork(networkRuleSetWith([own]), input).map((d) => d.ruleId)).toContain('my.header-wall');
    expect(networkRuleSetWith([own, text]).rules.map((r) => r.id)).not.toContain('my.text');
  });
});
