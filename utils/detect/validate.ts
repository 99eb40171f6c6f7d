/**
 * Validation of user rules: the same schema as the built-in ones (types.ts), checked with zod so
 * that a rule typed in the options page, or imported from a file, is either whole or refused with
 * a message that names the field.
 */
import { parse } from 'tldts';
import { z } from 'zod';
import { KINDS } from './kinds';
import { brandDomains } from './platforms';
import type { Rule } from './types';

const regex = z.string().min(1).max(500).refine(
  (p) => {
    try {
      new RegExp(p, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const phrase = z.string().trim().min(2, 'phrases need at least 2 characters').max(200);
const host = z
  .string()
  .regex(/^(\*|[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?)$/i, 'a host is "*", a domain such as taobao.com, or brand.* such as amazon.*')
  .superRefine((h, ctx) => {
    if (h === '*') return;
    if (h.endsWith('.*')) {
      // A brand wildcard stands for the brand's real country domains (its descriptor); a brand
      // Shutout does not know has none, and "brand.*" must not mean brand.evil.io.
      if (brandDomains(h.slice(0, -2)).length === 0) ctx.addIssue({ code: 'custom', message: `${h}: no platform Shutout knows has this brand; name the site's domains instead` });
      return;
    }
    // "com", "co.uk" or "github.io" would cover every site under that suffix (public-suffix list).
    const p = parse(h, { allowPrivateDomains: true });
    if (p.publicSuffix === h.toLowerCase() && (p.isIcann || p.isPrivate)) ctx.addIssue({ code: 'custom', message: `${h}: a public suffix, not a site's domain` });
  });

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,99}$/i, 'ids use letters, digits, ".", "_" and "-" (3–100 characters)'),
    kind: z.enum(KINDS),
    platform: z.string().min(1).max(64),
    hosts: z.array(host).min(1).max(100),
    signal: z.enum(['url', 'text', 'network']),
    phrases: z.array(phrase).max(200).optional(),
    patterns: z.array(regex).max(50).optional(),
    all: z.array(phrase).max(20).optional(),
    unless: z.array(phrase).max(20).optional(),
    status: z.array(z.number().int().min(100).max(599)).max(20).optional(),
    header: z.object({ name: z.string().min(1).max(100), value: regex.optional() }).optional(),
    urlPatterns: z.array(regex).max(20).optional(),
    resource: z.array(z.enum(['document', 'api'])).max(2).optional(),
    confidence: z.number().min(0).max(1),
    prominent: z.boolean().optional(),
    source: z.string().max(2000).optional(),
    fixtures: z.array(z.string().max(300)).max(100),
  })
  .strict()
  .superRefine((r, ctx) => {
    const hasMatcher = (r.phrases?.length ?? 0) > 0 || (r.patterns?.length ?? 0) > 0 || !!r.status || !!r.header;
    if (!hasMatcher) ctx.addIssue({ code: 'custom', message: 'a rule needs phrases, patterns, a status or a header' });
    if (r.signal === 'url' && !(r.patterns?.length ?? 0)) ctx.addIssue({ code: 'custom', path: ['patterns'], message: 'URL rules match with patterns' });
    if (r.signal === 'text' && !(r.phrases?.length ?? 0)) ctx.addIssue({ code: 'custom', path: ['phrases'], message: 'text rules match with phrases' });
  });

export type RuleValidation = { ok: true; rule: Rule } | { ok: false; errors: string[] };

export function validateRule(input: unknown): RuleValidation {
  const r = RuleSchema.safeParse(input);
  if (r.success) return { ok: true, rule: r.data as Rule };
  return { ok: false, errors: r.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)) };
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
