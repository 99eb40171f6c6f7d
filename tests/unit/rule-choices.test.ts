/**
 * What the engine shares between callers, and what a choice on the options page changes
 * (utils/detect/rule-sets.ts), with the small helpers around it: which API hosts count as the page's
 * own company (families.ts), what a kind is (kinds.ts), what a wall descriptor defaults to
 * (descriptor.ts).
 */
import { describe, expect, it } from 'vitest';
import { defineWall } from '../../utils/detect/descriptor';
import { sameFamily } from '../../utils/detect/families';
import { BUILTIN_PARTS } from '../../utils/detect/rule-sets';
import { builtinRuleSet, isKind, looseTableOf, ruleSetWith } from '../../utils/detect/index';
import { RULESET_VERSION } from '../../utils/detect/version';

describe('the built-in rule set and the choices that change it', () => {
  it('is made once per process, and its loose table once per set', () => {
    expect(builtinRuleSet()).toBe(builtinRuleSet());
    expect(looseTableOf(builtinRuleSet())).toBe(looseTableOf(builtinRuleSet()));
    const mine = ruleSetWith([], { general: false });
    expect(looseTableOf(mine)).toBe(looseTableOf(mine));
  });

  it('records a ruleset version of a date and a count, the one the built-in set carries', () => {
    expect(RULESET_VERSION).toMatch(/^20\d\d\.(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])-\d+$/);
    expect(builtinRuleSet().version).toBe(RULESET_VERSION);
  });

  it('is the built-in set itself when nothing is turned off and no rule is added', () => {
    expect(ruleSetWith([])).toBe(builtinRuleSet());
    expect(ruleSetWith([], { disabledFamilies: [], disabledPlatforms: [], general: true })).toBe(builtinRuleSet());
  });

  it('is a set of its own, with a version that says so, once a family or a platform is turned off', () => {
    const noWalls = ruleSetWith([], { disabledFamilies: ['walls'] });
    const noTaobao = ruleSetWith([], { disabledPlatforms: ['taobao'] });
    for (const set of [noWalls, noTaobao]) {
      expect(set).not.toBe(builtinRuleSet());
      expect(set.version).not.toBe(builtinRuleSet().version);
    }
  });

  it('decodes its shipped data in three steps a content script may run one at a time', () => {
    expect(BUILTIN_PARTS).toHaveLength(3);
    for (const part of BUILTIN_PARTS) expect(part()).toBeTruthy();
  });
});

describe("an API answer counts for a page only when it is the page's own company's", () => {
  it('takes the same platform and platforms of one company, and nothing from an unknown host', () => {
    expect(sameFamily('https://item.taobao.com/item.htm?id=1', 'https://h5api.m.taobao.com/h5/x')).toBe(true);
    expect(sameFamily('https://detail.tmall.com/item.htm?id=1', 'https://h5api.m.taobao.com/h5/x')).toBe(true);
    expect(sameFamily('https://item.taobao.com/item.htm?id=1', 'https://item.jd.com/1.html')).toBe(false);
    // Two hosts Shutout does not know are not one company because both are unknown.
    expect(sameFamily('https://unknown.example/', 'https://other.example/api')).toBe(false);
    expect(sameFamily('https://item.taobao.com/item.htm?id=1', 'https://other.example/api')).toBe(false);
  });
});

describe('kinds and wall descriptors', () => {
  it('knows its kinds and nothing else', () => {
    expect(isKind('access-denied')).toBe(true);
    expect(isKind('coupon-missing')).toBe(true);
    expect(isKind('blocked')).toBe(false);
    expect(isKind(3)).toBe(false);
  });

  it('files a wall under "walls" unless it says otherwise', () => {
    const wall = defineWall({ id: 'example-wall', name: { en: 'Example', zh: '示例' }, testUrls: [] } as never);
    expect(wall).toMatchObject({ kind: 'wall', family: 'walls', id: 'example-wall' });
    expect(defineWall({ id: 'x', name: { en: 'X', zh: 'X' }, testUrls: [], family: 'other' } as never).family).toBe('other');
  });
});
