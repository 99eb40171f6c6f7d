/**
 * Blind evaluation of detection on the notice corpus (tests/notices.ts): leave one source group
 * out, build the rules, the frames and the model without it, and test the group's items. Used by
 * tests/unit/blind.test.ts and scripts/eval-notices.ts.
 */
import { loadHtml } from '../cli/html';
import { compileRules, scanNetwork, scanPage, type RuleSet } from '../utils/detect/engine';
import type { Detection } from '../utils/detect/types';
import { FRAMES } from '../utils/detect/general/frames';
import { generalLayer } from '../utils/detect/general/index';
import { OWN_MARKERS } from '../utils/detect/general/structure';
import { fromTrained, type Model } from '../utils/detect/general/model';
import { fnv1a, train } from '../utils/detect/general/train';
import { featuresOf } from '../utils/detect/general/features';
import { foldToString } from '../utils/detect/normalize';
import { BUILTIN_RULES, RULESET_VERSION } from '../utils/detect/rules';
import type { Rule } from '../utils/detect/types';
import { bareWord, conceptsOf, type Frame } from '../utils/detect/general/compose';
import { isNetworkItem, itemPage, itemResponse, sourceGroup, sourceGroups, type Item } from './notices';
import { trainingSamples } from './training';

export const NOW = new Date('2026-03-20T08:00:00Z');

export function detectItem(set: RuleSet, item: Item): Detection[] {
  if (isNetworkItem(item)) return scanNetwork(set, { ...itemResponse(item), now: NOW });
  const page = loadHtml(itemPage(item), item.url, set);
  return scanPage(set, { url: item.url, title: page.title, segments: page.segments, now: NOW, markup: page.markup, widgets: page.widgets, status: item.status });
}

export interface Outcome {
  item: Item;
  detections: Detection[];
}

/** Rules, frames and vendor markers whose every source lies in the held-out groups are left out. */
function without<T extends { source?: string }>(list: readonly T[], held: ReadonlySet<string>): T[] {
  return list.filter((x) => {
    const groups = sourceGroups(x.source ?? '');
    return groups.length === 0 || groups.some((g) => !held.has(g));
  });
}

export interface BlindOptions {
  items: readonly Item[];
  rules?: readonly Rule[];
  frames?: readonly Frame[];
  /** Train a model per fold (slower); without it only rules and frames run. */
  model?: boolean;
  threshold?: number;
  /** Models already trained per fold (a sweep over thresholds trains once). */
  models?: Map<number, Model | undefined>;
}

/** For each frame predicate, the source groups of the positive items whose text shows it. */
function phraseEvidence(frames: readonly Frame[], items: readonly Item[]): Map<string, Set<string>> {
  const texts = items.filter((i) => i.label === 'positive').map((i) => ({ text: foldToString(`${i.title ?? ''} ${i.text}`), group: sourceGroup(i.source) }));
  const out = new Map<string, Set<string>>();
  for (const f of frames) {
    for (const p of f.learnt ?? []) {
      const folded = foldToString(bareWord(p));
      if (!folded || out.has(folded)) continue;
      out.set(folded, new Set(texts.filter((t) => t.text.includes(folded)).map((t) => t.group)));
    }
  }
  return out;
}

/**
 * A frame's wording added after reading the corpus (`learnt`) counts in a fold only if an item
 * outside the held-out groups shows it (or no item shows it), so that wording learnt from a
 * held-out item cannot find that item. A frame whose every source lies in the held-out groups is
 * left out.
 */
function framesWithout(frames: readonly Frame[], held: ReadonlySet<string>, evidence: Map<string, Set<string>>): Frame[] {
  return without(frames, held)
    .map((f) => ({
      ...f,
      learnt: (f.learnt ?? []).filter((p) => {
        const groups = evidence.get(foldToString(bareWord(p)));
        return !groups || groups.size === 0 || [...groups].some((g) => !held.has(g));
      }),
    }))
    .filter((f) => f.predicates.length + f.learnt.length > 0);
}

/** Folds of the blind evaluation: every source group is held out whole in exactly one fold. */
export const FOLDS = 20;

/** A stable fold for a group (FNV-1a of its name), so that runs and machines agree. */
export function foldOf(group: string): number {
  return fnv1a(group) % FOLDS;
}

/**
 * Leave source groups out: the items of each fold's groups are tested by rules, frames and a
 * model built without those groups (a rule or frame whose every source lies there is left out).
 */
export function blindOutcomes(opts: BlindOptions): Outcome[] {
  const rules = opts.rules ?? BUILTIN_RULES;
  const evidence = phraseEvidence(opts.frames ?? FRAMES, opts.items);
  const frames = opts.frames ?? FRAMES;
  const folds: Item[][] = Array.from({ length: FOLDS }, () => []);
  for (const item of opts.items) folds[foldOf(sourceGroup(item.source))]!.push(item);
  const out: Outcome[] = [];
  // Which frames' concepts each sample shows, once: a fold keeps those of its own frames.
  const allConcepts = conceptsOf(frames);
  const allSamples = opts.model
    ? trainingSamples(opts.items).map((s) => {
        const folded = foldToString(s.text.slice(0, 2000));
        return { ...s, features: featuresOf(s.text), concepts: allConcepts.filter((c) => c.re.test(folded)) };
      })
    : [];
  folds.forEach((items, fold) => {
    if (items.length === 0) return;
    const held = new Set(items.map((i) => sourceGroup(i.source)));
    const foldFrames = framesWithout(frames, held, evidence);
    const kept = new Set(foldFrames.map((f) => f.id));
    const trainFold = () => {
      const samples = allSamples.filter((s) => !held.has(s.group)).map((s) => ({ ...s, features: [...s.features, ...new Set(s.concepts.filter((c) => kept.has(c.frameId)).map((c) => c.key))] }));
      return fromTrained(train(samples));
    };
    let model: Model | undefined;
    if (opts.models?.has(fold)) model = opts.models.get(fold);
    else {
      model = opts.model ? trainFold() : undefined;
      opts.models?.set(fold, model);
    }
    const set = compileRules(without(rules, held), `${RULESET_VERSION}+blind${fold}`, generalLayer(foldFrames, model, opts.threshold, without(OWN_MARKERS, held)));
    for (const item of items) out.push({ item, detections: detectItem(set, item) });
  });
  return out;
}

/** Everything built from everything: the in-corpus figure. */
export function seenOutcomes(set: RuleSet, items: readonly Item[]): Outcome[] {
  return items.map((item) => ({ item, detections: detectItem(set, item) }));
}

export interface Figures {
  positives: number;
  found: number;
  rightKind: number;
  negatives: number;
  falseAlarms: number;
  recall: number;
  fpr: number;
  kindAccuracy: number;
}

export function figures(outcomes: readonly Outcome[]): Figures {
  let positives = 0, found = 0, rightKind = 0, negatives = 0, falseAlarms = 0;
  for (const { item, detections } of outcomes) {
    if (item.label === 'positive') {
      positives++;
      if (detections.length > 0) {
        found++;
        if (detections.some((d) => d.kind === item.kind)) rightKind++;
      }
    } else {
      negatives++;
      if (detections.length > 0) falseAlarms++;
    }
  }
  return {
    positives, found, rightKind, negatives, falseAlarms,
    recall: positives ? found / positives : 1,
    fpr: negatives ? falseAlarms / negatives : 0,
    kindAccuracy: found ? rightKind / found : 1,
  };
}

/** Figures per value of a facet (family, language, placement). */
export function breakdown(outcomes: readonly Outcome[], facet: (item: Item) => string): Array<[string, Figures]> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const k = facet(o.item);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(o);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, figures(list)]);
}

export function formatFigures(label: string, f: Figures): string {
  return `${label.padEnd(22)} recall ${f.recall.toFixed(3)} (${f.found}/${f.positives})  false alarms ${f.fpr.toFixed(3)} (${f.falseAlarms}/${f.negatives})  kind ${f.kindAccuracy.toFixed(3)}`;
}
