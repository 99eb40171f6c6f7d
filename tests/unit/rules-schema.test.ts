import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, ruleSetWith, scanPage } from '../../utils/detect/index';
import type { Rule } from '../../utils/detect/types';
import { validateRule, validateUserRules } from '../../utils/detect/validate';

const userRule = {
  id: 'user.taobao.frozen',
  kind: 'account-restricted',
  platform: 'taobao',
  hosts: ['taobao.com'],
  signal: 'text',
  phrases: ['您的账户已被冻结'],
  confidence: 0.8,
  fixtures: [],
};

describe('rule schema', () => {
  it('accepts every built-in rule', () => {
    const bad = BUILTIN_RULES.map((r) => [r.id, validateRule(r)] as const).filter(([, v]) => !v.ok);
    expect(bad.map(([id, v]) => `${id}: ${v.ok ? '' : v.errors.join('; ')}`)).toEqual([]);
  });

  it('names what is wrong with a user rule', () => {
    const v = validateRule({ ...userRule, kind: 'blocked', patterns: ['(unclosed'], hosts: ['not a host'], extra: 1 });
    expect(v.ok).toBe(false);
    const errors = v.ok ? [] : v.errors.join('\n');
    expect(errors).toContain('kind');
    expect(errors).toContain('patterns.0: not a valid regular expression');
    expect(errors).toContain('hosts.0');
    expect(errors).toMatch(/extra/);
    expect(validateRule({ ...userRule, phrases: [] })).toMatchObject({ ok: false });
    expect(validateRule('nonsense')).toMatchObject({ ok: false });
  });

  it('refuses ids that collide', () => {
    const { rules, errors } = validateUserRules([userRule, userRule, { ...userRule, id: BUILTIN_RULES[0]!.id }], new Set(BUILTIN_RULES.map((r) => r.id)));
    expect(rules).toHaveLength(1);
    expect(errors).toEqual([`rule 2: id "${userRule.id}" is already used`, `rule 3: id "${BUILTIN_RULES[0]!.id}" is already used`]);
    expect(validateUserRules([{ ...userRule, kind: 'blocked' }], new Set()).errors).toEqual([expect.stringMatching(/^rule 1: kind: /)]);
  });

  it('names which matcher a rule lacks, each check on its own', () => {
    const { phrases: _p, ...bare } = userRule;
    const errors = (r: Record<string, unknown>) => {
      const v = validateRule(r);
      return v.ok ? [] : v.errors;
    };
    // A network rule may match by status or header alone; with nothing at all it is refused.
    expect(errors({ ...bare, signal: 'network' })).toEqual(['a rule needs phrases, patterns, a status or a header']);
    expect(validateRule({ ...bare, signal: 'network', status: [403] }).ok).toBe(true);
    expect(validateRule({ ...bare, signal: 'network', header: { name: 'bxpunish' } }).ok).toBe(true);
    expect(validateRule({ ...bare, signal: 'network', patterns: ['RGV587'] }).ok).toBe(true);
    // A URL rule needs patterns and a text rule phrases, whatever else they have.
    expect(errors({ ...bare, signal: 'url', status: [403] })).toEqual(['patterns: URL rules match with patterns']);
    expect(errors({ ...bare, signal: 'text', status: [403] })).toEqual(['phrases: text rules match with phrases']);
  });

  it('runs user rules in the engine next to the built-in ones', () => {
    const v = validateRule(userRule);
    expect(v.ok).toBe(true);
    const set = ruleSetWith(v.ok ? [v.rule] : []);
    const found = scanPage(set, { url: 'https://www.taobao.com/', segments: [{ where: 'dialog', text: '您的帐户已被凍結' }] });
    expect(found[0]).toMatchObject({ ruleId: 'user.taobao.frozen', kind: 'account-restricted' });
    expect(set.version).toMatch(/\+user\.1$/);
  });

  it('skips a stored user rule whose pattern does not compile instead of failing', () => {
    const set = ruleSetWith([{ ...(userRule as unknown as Rule), signal: 'url', patterns: ['(unclosed'] }]);
    expect(scanPage(set, { url: 'https://www.taobao.com/(unclosed', segments: [] })).toEqual([]);
  });
});
