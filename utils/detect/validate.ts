/**
 * Validation of user rules: the same schema as the built-in ones (types.ts), checked with valibot so
 * that a rule typed in the options page, or imported from a file, is either whole or refused with
 * a message that names the field.
 */
import { parse } from 'tldts';
import * as v from 'valibot';
import { describeIssue, int, range, text } from '../protocol/schema';
import { KINDS } from './kinds';
import { brandDomains } from './platforms';
import type { Rule } from './types';

const compiles = (p: string) => {
  try {
    new RegExp(p, 'i');
    return true;
  } catch {
    return false;
  }
};
const regex = v.pipe(text(500, 1), v.check(compiles, 'not a valid regular expression'));

const phrase = v.pipe(v.string(), v.trim(), v.minLength(2, 'phrases need at least 2 characters'), v.maxLength(200));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const host = v.pipe(
  v.string(),
  v.regex(/^(\*|[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?)$/i, 'a host is "*", a domain such as taobao.com, or brand.* such as amazon.*'),
  // A brand wildcard stands for the brand's real country domains (its descriptor); a brand
  // Shutout does not know has none, and "brand.*" must not mean brand.evil.io.
  v.check((h) => !h.endsWith('.*') || brandDomains(h.slice(0, -2)).length > 0, (i) => `${String(i.input)}: no platform Shutout knows has this brand; name the site's domains instead`),
  // "com", "co.uk" or "github.io" would cover every site under that suffix (public-suffix list).
  v.check((h) => {
    if (h === '*' || h.endsWith('.*')) return true;
    const p = parse(h, { allowPrivateDomains: true });
    return !(p.publicSuffix === h.toLowerCase() && (p.isIcann || p.isPrivate));
  }, (i) => `${String(i.input)}: a public suffix, not a site's domain`),
);

export const RuleSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{2,99}$/i, 'ids use letters, digits, ".", "_" and "-" (3–100 characters)')),
    kind: v.picklist(KINDS),
    platform: text(64, 1),
    hosts: v.pipe(v.array(host), v.minLength(1), v.maxLength(100)),
    signal: v.picklist(['url', 'text', 'network']),
    phrases: v.optional(list(phrase, 200)),
    patterns: v.optional(list(regex, 50)),
    all: v.optional(list(phrase, 20)),
    unless: v.optional(list(phrase, 20)),
    status: v.optional(list(int(100, 599), 20)),
    header: v.optional(v.strictObject({ name: text(100, 1), value: v.optional(regex) })),
    urlPatterns: v.optional(list(regex, 20)),
    resource: v.optional(list(v.picklist(['document', 'api']), 2)),
    confidence: range(0, 1),
    prominent: v.optional(v.boolean()),
    source: v.optional(text(2000)),
    fixtures: list(text(300), 100),
  }),
  v.check((r) => (r.phrases?.length ?? 0) > 0 || (r.patterns?.length ?? 0) > 0 || !!r.status || !!r.header, 'a rule needs phrases, patterns, a status or a header'),
  v.forward(v.check((r) => r.signal !== 'url' || (r.patterns?.length ?? 0) > 0, 'URL rules match with patterns'), ['patterns']),
  v.forward(v.check((r) => r.signal !== 'text' || (r.phrases?.length ?? 0) > 0, 'text rules match with phrases'), ['phrases']),
);

export type RuleValidation = { ok: true; rule: Rule } | { ok: false; errors: string[] };

export function validateRule(input: unknown): RuleValidation {
  const r = v.safeParse(RuleSchema, input);
  if (r.success) return { ok: true, rule: r.output as Rule };
  return { ok: false, errors: r.issues.map((i) => describeIssue(i)) };
}

/** Validate a list of user rules; ids must not collide with each other or with built-in rules. */
export function validateUserRules(input: unknown, builtinIds: ReadonlySet<string>): { rules: Rule[]; errors: string[] } {
  if (!Array.isArray(input)) return { rules: [], errors: ['user rules must be a list'] };
  const rules: Rule[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  input.forEach((item, i) => {
    const v = validateRule(item);
    if (!v.ok) {
      errors.push(...v.errors.map((e) => `rule ${i + 1}: ${e}`));
      return;
    }
    if (builtinIds.has(v.rule.id) || seen.has(v.rule.id)) {
      errors.push(`rule ${i + 1}: id "${v.rule.id}" is already used`);
      return;
    }
    seen.add(v.rule.id);
    rules.push(v.rule);
  });
  return { rules, errors };
}
