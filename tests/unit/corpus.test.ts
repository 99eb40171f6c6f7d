import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../cli/html';
import { BUILTIN_RULES, builtinRuleSet, isKind, scanNetworkRules, scanPageRules, type Detection } from '../../utils/detect/index';
import { loadCorpus, type Fixture } from '../corpus';

const NOW = new Date('2026-03-20T08:00:00Z');
const corpus = loadCorpus();
const byPath = new Map(corpus.map((f) => [f.path, f]));

function detect(f: Fixture): Detection[] {
  const set = builtinRuleSet();
  if (f.type === 'network') return scanNetworkRules(set, { ...f.input, now: NOW });
  const page = loadHtml(f.html, f.url);
  // The markup of a wall-shaped page, as both readers pass it: network rules that read a document body read it too.
  return scanPageRules(set, { url: f.url, title: page.title, segments: page.segments, markup: page.markup, now: NOW });
}

const results = new Map(corpus.map((f) => [f.path, detect(f)]));
const positives = corpus.filter((f) => f.expect !== 'clear');
const negatives = corpus.filter((f) => f.expect === 'clear');

describe('fixture corpus', () => {
  it('has well-formed fixtures', () => {
    for (const f of corpus) {
      expect(f.expect === 'clear' || isKind(f.expect), `${f.path}: expect ${f.expect}`).toBe(true);
      expect(f.path.startsWith(f.expect === 'clear' ? 'negative/' : 'positive/'), f.path).toBe(true);
    }
  });

  it('meets recall >= 0.95 and false-positive rate <= 0.02', () => {
    const missed = positives.filter((f) => !results.get(f.path)!.some((d) => d.kind === f.expect));
    const falseAlarms = negatives.filter((f) => results.get(f.path)!.length > 0);
    const recall = positives.length ? (positives.length - missed.length) / positives.length : 0;
    const fpr = negatives.length ? falseAlarms.length / negatives.length : 0;
    console.log(
      `corpus: ${positives.length} positive, ${negatives.length} negative; recall ${recall.toFixed(3)}, false-positive rate ${fpr.toFixed(3)}` +
        (missed.length ? `\n  missed: ${missed.map((f) => `${f.path} (${f.expect}; got ${results.get(f.path)!.map((d) => d.kind).join(',') || 'nothing'})`).join('\n          ')}` : '') +
        (falseAlarms.length ? `\n  false alarms: ${falseAlarms.map((f) => `${f.path} (${results.get(f.path)!.map((d) => d.ruleId).join(',')})`).join(', ')}` : ''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(fpr).toBeLessThanOrEqual(0.02);
  });
});

describe('every rule has evidence', () => {
  for (const rule of BUILTIN_RULES) {
    it(`${rule.id} fires on its positive fixtures`, () => {
      expect(rule.fixtures.length, `${rule.id} names no fixture`).toBeGreaterThan(0);
      for (const path of rule.fixtures) {
        const f = byPath.get(path);
        expect(f, `${rule.id}: fixture ${path} does not exist`).toBeDefined();
        expect(f!.expect, `${rule.id}: ${path} is not a positive fixture`).not.toBe('clear');
        const ids = results.get(path)!.map((d) => d.ruleId);
        expect(ids, `${rule.id} does not fire on ${path}`).toContain(rule.id);
      }
    });
  }

  it('rule ids are unique', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('no rule fires on an ordinary page', () => {
  for (const f of negatives) {
    it(f.path, () => {
      expect(results.get(f.path)!.map((d) => `${d.ruleId}: ${d.snippet}`)).toEqual([]);
    });
  }
});
