/**
 * Training samples for the learned layer, from the notice corpus (tests/notices.ts) and the
 * fixture corpus (tests/corpus.ts): notices with their kind, and ordinary candidates — the
 * lines of real ordinary pages, the pages around notices, and every candidate of the negative
 * fixtures. Each sample keeps its source group so that the blind evaluation can leave it out.
 */
import { loadHtml } from '../cli/html';
import { builtinRuleSet, scanPageRules, type Kind } from '../utils/detect/index';
import { apiCandidates, pageCandidates } from '../utils/detect/general/candidates';
import type { Sample } from '../utils/detect/general/train';
import { loadCorpus } from './corpus';
import { isNetworkItem, sourceGroup, type Item } from './notices';

export interface GroupedSample extends Sample {
  group: string;
}

/** Lines of ordinary text, bounded: short ones read like the candidates the model will judge. */
function ordinaryLines(text: string): string[] {
  return text
    .split(/\n+|(?<=[。！？!?])\s*/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 4 && l.length <= 300);
}

/** At most this many samples per source group weigh in full; more share the weight. */
const GROUP_BUDGET = 40;

function itemSamples(item: Item): Sample[] {
  const out: Sample[] = [];
  if (item.label === 'positive') {
    const text = isNetworkItem(item) ? apiCandidates(item.text).map((c) => c.text).join(' ') : item.text;
    if (text.trim()) out.push({ text, kind: item.kind as Kind });
    if (item.context) for (const l of ordinaryLines(item.context)) out.push({ text: l, kind: null });
  } else {
    if (isNetworkItem(item)) {
      for (const c of apiCandidates(item.text)) out.push({ text: c.text, kind: null });
    } else {
      if (item.title) out.push({ text: item.title, kind: null });
      for (const l of ordinaryLines(item.text)) out.push({ text: l, kind: null });
      if (item.text.length <= 1200) out.push({ text: item.text, kind: null });
    }
  }
  return out;
}

function fixtureSamples(): GroupedSample[] {
  const out: GroupedSample[] = [];
  const set = builtinRuleSet();
  for (const f of loadCorpus()) {
    const group = sourceGroup((f.source ?? '').split(';')[0] || f.path);
    if (f.type === 'network') {
      const text = apiCandidates(f.input.body ?? '').map((c) => c.text).join(' ');
      if (text) out.push({ text, kind: f.expect === 'clear' ? null : (f.expect as Kind), group });
      continue;
    }
    const page = loadHtml(f.html, f.url);
    const candidates = pageCandidates(page.title, page.segments);
    if (f.expect === 'clear') {
      for (const c of candidates) out.push({ text: c.text, kind: null, group });
      continue;
    }
    // A positive page's notice is the candidate where a rule of the expected kind found its words.
    const snippets = scanPageRules(set, { url: f.url, title: page.title, segments: page.segments }).filter((d) => d.kind === f.expect && d.where !== 'url');
    for (const c of candidates) {
      if (snippets.some((d) => c.text.includes(d.snippet.replace(/…$/, '').slice(0, 20)))) out.push({ text: c.text, kind: f.expect as Kind, group });
    }
  }
  return out;
}

export function trainingSamples(items: readonly Item[], withFixtures = true): GroupedSample[] {
  const out: GroupedSample[] = [];
  for (const item of items) {
    const group = sourceGroup(item.source);
    for (const s of itemSamples(item)) out.push({ ...s, group });
  }
  if (withFixtures) out.push(...fixtureSamples());
  const perGroup = new Map<string, number>();
  for (const s of out) perGroup.set(s.group, (perGroup.get(s.group) ?? 0) + 1);
  return out.map((s) => ({ ...s, weight: Math.min(1, GROUP_BUDGET / perGroup.get(s.group)!) }));
}
