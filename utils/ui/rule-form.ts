/**
 * The custom rule form of the options page: what the user typed → a rule for validateRule, and
 * validateRule's errors → a localised message next to each field.
 */
import { validateRule } from '../detect/validate';
import type { Rule } from '../detect/types';
import type { MessageKey } from './i18n';

export interface RuleDraft {
  id: string;
  kind: string;
  platform: string;
  /** Hosts separated by commas, spaces or new lines. */
  hosts: string;
  signal: 'text' | 'url';
  /** One phrase per line (text rules). */
  phrases: string;
  /** One regular expression per line (URL rules). */
  patterns: string;
  confidence: string;
  prominent: boolean;
}

export const EMPTY_DRAFT: RuleDraft = {
  id: 'user.',
  kind: 'access-denied',
  platform: 'taobao',
  hosts: 'taobao.com',
  signal: 'text',
  phrases: '',
  patterns: '',
  confidence: '0.8',
  prominent: false,
};

export type RuleField = 'id' | 'kind' | 'platform' | 'hosts' | 'signal' | 'phrases' | 'patterns' | 'confidence' | 'form';

export interface FieldError {
  key: MessageKey;
  /** 1-based line of a multi-line field. */
  line?: number;
  /** The offending item of a list field (a host). */
  value?: string;
}

export type FieldErrors = Partial<Record<RuleField, FieldError[]>>;

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export function draftToRule(d: RuleDraft): Record<string, unknown> {
  const confidence = d.confidence.trim() === '' ? Number.NaN : Number(d.confidence);
  return {
    id: d.id.trim(),
    kind: d.kind,
    platform: d.platform,
    hosts: d.hosts.split(/[\s,，、]+/).map((h) => h.trim()).filter(Boolean),
    signal: d.signal,
    ...(d.signal === 'text' ? { phrases: lines(d.phrases) } : { patterns: lines(d.patterns) }),
    confidence,
    ...(d.prominent ? { prominent: true } : {}),
    fixtures: [],
  };
}

export function ruleToDraft(r: Rule): RuleDraft {
  return {
    id: r.id,
    kind: r.kind,
    platform: r.platform,
    hosts: r.hosts.join(', '),
    signal: r.signal === 'url' ? 'url' : 'text',
    phrases: (r.phrases ?? []).join('\n'),
    patterns: (r.patterns ?? []).join('\n'),
    confidence: String(r.confidence),
    prominent: !!r.prominent,
  };
}

/** One of validateRule's messages ("hosts.1: a host is …") as a field and a localised message. */
export function fieldOf(message: string, signal: RuleDraft['signal']): [RuleField, FieldError] {
  const m = /^([a-zA-Z]+)(?:\.(\d+))?: (.*)$/.exec(message);
  const path = m?.[1] ?? '';
  const line = m?.[2] !== undefined ? Number(m[2]) + 1 : undefined;
  const text = m?.[3] ?? message;
  const at = (key: MessageKey): FieldError => (line !== undefined ? { key, line } : { key });
  switch (path) {
    case 'id':
      return ['id', at('ruleErrId')];
    case 'kind':
      return ['kind', at('ruleErrKind')];
    case 'platform':
      return ['platform', at('ruleErrPlatform')];
    case 'hosts':
      return ['hosts', at(line === undefined ? 'ruleErrHostsEmpty' : 'ruleErrHost')];
    case 'signal':
      return ['signal', at('ruleErrSignal')];
    case 'phrases':
      return ['phrases', at(/2 characters/.test(text) ? 'ruleErrPhraseShort' : line === undefined ? 'ruleErrPhrasesEmpty' : 'ruleErrPhraseLong')];
    case 'patterns':
      return ['patterns', at(/regular expression/.test(text) ? 'ruleErrPattern' : 'ruleErrPatternsEmpty')];
    case 'confidence':
      return ['confidence', at('ruleErrConfidence')];
    default:
      // "a rule needs phrases, patterns, a status or a header"
      return signal === 'text' ? ['phrases', { key: 'ruleErrPhrasesEmpty' }] : ['patterns', { key: 'ruleErrPatternsEmpty' }];
  }
}

export type DraftCheck = { ok: true; rule: Rule } | { ok: false; errors: FieldErrors };

/** Validate with the same schema as every rule (validateRule); ids must also be new. */
export function checkDraft(d: RuleDraft, takenIds: ReadonlySet<string>): DraftCheck {
  const v = validateRule(draftToRule(d));
  const errors: FieldErrors = {};
  const add = (field: RuleField, e: FieldError) => {
    const list = (errors[field] ??= []);
    if (!list.some((x) => x.key === e.key && x.line === e.line && x.value === e.value)) list.push(e);
  };
  const hosts = (draftToRule(d).hosts as string[]) ?? [];
  if (!v.ok)
    for (const message of v.errors) {
      const [field, e] = fieldOf(message, d.signal);
      // Hosts are one line: name the host rather than its position.
      if (field === 'hosts' && e.line !== undefined) add(field, { key: e.key, value: hosts[e.line - 1] ?? '' });
      else add(field, e);
    }
  if (takenIds.has(d.id.trim())) add('id', { key: 'ruleErrIdTaken' });
  if (v.ok && Object.keys(errors).length === 0) return { ok: true, rule: v.rule };
  return { ok: false, errors };
}
