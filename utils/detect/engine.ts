import { buildAutomaton, joinAutomata, type Automaton } from './automaton';
import { fold, foldToString, isWordUnit, type Folded } from './normalize';
import { hostMatches, hostOf, platformOf } from './platforms';
import type { Detection, NetworkInput, PageInput, Rule, Segment, Where } from './types';
import { extractUntil } from './until';
import type { GeneralLayer } from './general/index';
import { isContentPage } from './general/discourse';
import { bareWord, isStem } from './general/compose';

/** A detection is reported at or above this confidence. */
export const REPORT_THRESHOLD = 0.5;
/** Pages whose visible text is longer than this are "long": body-only matches weigh less. */
export const SHORT_PAGE_CHARS = 3000;
const PROMINENT_BONUS = 0.1;
/** Body-only matches on a long page (an article that quotes a notice) keep this share of their confidence. */
const LONG_PAGE_FACTOR = 0.5;
const SNIPPET_CONTEXT = 40;
export const SNIPPET_MAX = 200;
/** Occurrences kept per phrase: enough to find a prominent one, bounded on hostile pages. */
const MAX_HITS_PER_PHRASE = 16;

interface CompiledRule {
  rule: Rule;
  phraseIds: number[];
  allIds: number[];
  unlessIds: number[];
  patterns: RegExp[];
  urlPatterns: RegExp[];
  headerValue?: RegExp;
}

export interface RuleSet {
  readonly version: string;
  readonly rules: readonly Rule[];
  /** Rules that apply to a host, cached per host. */
  rulesFor(host: string): readonly CompiledRule[];
  readonly automaton: Automaton;
  /** Folded phrase strings, by phrase id (for English word-boundary checks). */
  readonly phraseIsWordStart: Uint8Array;
  readonly phraseIsWordEnd: Uint8Array;
  /** Phrases that can make a rule fire (a rule's `phrases`, not its `all` or `unless` words). */
  readonly triggers: Uint8Array;
  /** The general layer (general/index.ts); absent when the user switched it off. */
  readonly general?: GeneralLayer;
  /** The phrases behind the automaton. */
  readonly table: PhraseTable;
}

/** The phrases of a list of rules folded into one automaton, with each rule's phrase ids. */
export interface PhraseTable {
  automaton: Automaton;
  phraseIsWordStart: Uint8Array;
  phraseIsWordEnd: Uint8Array;
  /** For each rule, in the order given: ids of its `phrases`, `all` and `unless`. */
  ids: ReadonlyArray<{ phrases: readonly number[]; all: readonly number[]; unless: readonly number[] }>;
  /** Ids of the general layer's cues (see GeneralLayer.cues). */
  cueIds: readonly number[];
  /** Folded phrase strings, by id. */
  folded: readonly string[];
}

/** Fold the phrases of `rules` (and the general layer's cues) into one automaton. */
export function compilePhrases(rules: readonly Rule[], cues: readonly string[] = []): PhraseTable {
  const phraseIndex = new Map<string, number>();
  const codes: Uint16Array[] = [];
  const folded: string[] = [];
  const stems = new Set<number>();
  const idOf = (marked: string): number => {
    const phrase = bareWord(marked);
    const f = fold(phrase);
    const key = foldToString(phrase);
    let id = phraseIndex.get(key);
    if (id === undefined) {
      id = codes.length;
      phraseIndex.set(key, id);
      codes.push(f.codes.slice(0, f.length));
      folded.push(key);
    }
    if (isStem(marked)) stems.add(id);
    return id;
  };
  const ids = rules.map((rule) => ({ phrases: (rule.phrases ?? []).map(idOf), all: (rule.all ?? []).map(idOf), unless: (rule.unless ?? []).map(idOf) }));
  const cueIds = cues.filter((p) => foldToString(bareWord(p)).length >= 2).map(idOf);
  return {
    automaton: buildAutomaton(codes),
    phraseIsWordStart: Uint8Array.from(codes, (p) => (p.length > 0 && isWordUnit(p[0]!) ? 1 : 0)),
    // A frame's stem (zablokowan*) ends inside a word by design.
    phraseIsWordEnd: Uint8Array.from(codes, (p, id) => (p.length > 0 && !stems.has(id) && isWordUnit(p[p.length - 1]!) ? 1 : 0)),
    ids,
    cueIds,
    folded,
  };
}

/** Compile rules once (an automaton over every phrase, RegExps for patterns); reuse for every page. */
export function compileRules(rules: readonly Rule[], version: string, general?: GeneralLayer): RuleSet {
  return assembleRuleSet(rules, compilePhrases(rules, general?.cues ?? []), version, general);
}

/**
 * A rule set from rules whose phrases `table` holds (its `ids` in the same order as `rules`;
 * `keep` leaves some out without touching the automaton, whose other phrases then fire nothing).
 */
export function assembleRuleSet(rules: readonly Rule[], table: PhraseTable, version: string, general?: GeneralLayer, keep: (rule: Rule, index: number) => boolean = () => true): RuleSet {
  const compiled: CompiledRule[] = [];
  const kept: Rule[] = [];
  rules.forEach((rule, i) => {
    if (!keep(rule, i)) return;
    kept.push(rule);
    let patterns: RegExp[];
    let urlPatterns: RegExp[];
    let headerValue: RegExp | undefined;
    try {
      patterns = (rule.patterns ?? []).map((p) => new RegExp(p, 'i'));
      urlPatterns = (rule.urlPatterns ?? []).map((p) => new RegExp(p, 'i'));
      headerValue = rule.header?.value ? new RegExp(rule.header.value, 'i') : undefined;
    } catch {
      return; // a user rule stored before validation existed must not stop every other rule
    }
    const ids = table.ids[i]!;
    compiled.push({ rule, phraseIds: [...ids.phrases], allIds: [...ids.all], unlessIds: [...ids.unless], patterns, urlPatterns, headerValue });
  });
  // The general layer's predicates are cues too: a page that says one has headings and dialogs worth reading.
  const triggers = new Uint8Array(table.automaton.patternLengths.length);
  for (const c of compiled) for (const id of c.phraseIds) triggers[id] = 1;
  if (general) for (const id of table.cueIds) triggers[id] = 1;
  const byHost = new Map<string, CompiledRule[]>();
  return {
    version,
    rules: kept,
    general,
    automaton: table.automaton,
    phraseIsWordStart: table.phraseIsWordStart,
    phraseIsWordEnd: table.phraseIsWordEnd,
    triggers,
    table,
    rulesFor(host) {
      let list = byHost.get(host);
      if (!list) {
        list = compiled.filter((c) => c.rule.hosts.some((h) => hostMatches(host, h)));
        if (byHost.size > 256) byHost.clear();
        byHost.set(host, list);
      }
      return list;
    },
  };
}

/**
 * Two phrase tables as one (the built-in rules' and a user's own): the second's ids follow the
 * first's. Both automata read the text; hits come out in the order of their end.
 */
export function joinPhraseTables(a: PhraseTable, b: PhraseTable): PhraseTable {
  const offset = a.automaton.patternLengths.length;
  const shift = (xs: readonly number[]) => xs.map((x) => x + offset);
  const concat8 = (x: Uint8Array, y: Uint8Array) => {
    const out = new Uint8Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    automaton: joinAutomata(a.automaton, b.automaton),
    phraseIsWordStart: concat8(a.phraseIsWordStart, b.phraseIsWordStart),
    phraseIsWordEnd: concat8(a.phraseIsWordEnd, b.phraseIsWordEnd),
    ids: [...a.ids, ...b.ids.map((i) => ({ phrases: shift(i.phrases), all: shift(i.all), unless: shift(i.unless) }))],
    cueIds: [...a.cueIds, ...shift(b.cueIds)],
    folded: [...a.folded, ...b.folded],
  };
}

interface Hit {
  segment: number;
  /** Folded start and end (exclusive). */
  start: number;
  end: number;
}

interface ScannedSegment {
  segment: Segment;
  folded: Folded;
}

/** Every phrase occurrence in the folded texts, respecting English word boundaries. */
function findPhrases(set: RuleSet, texts: ScannedSegment[]): Map<number, Hit[]> {
  const hits = new Map<number, Hit[]>();
  texts.forEach(({ folded }, segment) => {
    const { codes, length } = folded;
    set.automaton.scan(codes, length, (pattern, end) => {
      const start = end - set.automaton.patternLengths[pattern]!;
      if (set.phraseIsWordStart[pattern] && start > 0 && isWordUnit(codes[start - 1]!)) return;
      if (set.phraseIsWordEnd[pattern] && end < length && isWordUnit(codes[end]!)) return;
      let list = hits.get(pattern);
      if (!list) hits.set(pattern, (list = []));
      if (list.length < MAX_HITS_PER_PHRASE) list.push({ segment, start, end });
    });
  });
  return hits;
}

/** The original words around a match, white space collapsed, bounded. */
export function snippetAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - SNIPPET_CONTEXT);
  const to = Math.min(text.length, end + SNIPPET_CONTEXT);
  let s = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (s.length > SNIPPET_MAX) s = s.slice(0, SNIPPET_MAX - 1) + '…';
  return s;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(1, Math.round(n * 100) / 100));
}

function placementConfidence(rule: Rule, where: Segment['where'] | 'block', longPage: boolean): number {
  if (where === 'title' || where === 'dialog') return clamp(rule.confidence + PROMINENT_BONUS);
  if (!longPage) return clamp(rule.confidence);
  if (rule.prominent) return 0;
  return clamp(rule.confidence * LONG_PAGE_FACTOR);
}

function detection(
  set: RuleSet,
  rule: Rule,
  url: string,
  where: Where,
  confidence: number,
  snippet: string,
  untilText: string,
  now: Date,
): Detection {
  const d: Detection = {
    kind: rule.kind,
    platform: platformOf(url) ?? rule.platform,
    ruleId: rule.id,
    rulesetVersion: set.version,
    snippet: snippet.slice(0, SNIPPET_MAX),
    where,
    confidence,
  };
  const until = extractUntil(untilText, now);
  if (until) d.until = until;
  return d;
}

/** The notice's own words make better evidence than its URL: dialogs and titles first. */
const WHERE_RANK: Record<Where, number> = { dialog: 4, title: 3, text: 2, network: 1, url: 0 };

/** A rule's exact wording is better evidence than the general layer's reading of the same notice. */
function rank(d: Detection): number {
  return (d.why ? 0 : 10) + WHERE_RANK[d.where];
}

/**
 * Several rules often describe one notice (its URL, its title, its text): keep one detection
 * per kind. Its snippet comes from the most prominent words on the page; its confidence is the
 * highest any rule gave, since agreeing signals do not make the block less certain.
 */
export function onePerKind(detections: Detection[]): Detection[] {
  const groups = new Map<string, Detection[]>();
  for (const d of detections) {
    const g = groups.get(d.kind);
    if (g) g.push(d);
    else groups.set(d.kind, [d]);
  }
  return [...groups.values()].map((g) => {
    const best = g.reduce((a, b) => (rank(b) > rank(a) || (rank(b) === rank(a) && b.confidence > a.confidence) ? b : a));
    const confidence = Math.max(...g.map((d) => d.confidence));
    const until = best.until ?? g.find((d) => d.until)?.until;
    return { ...best, confidence, ...(until ? { until } : {}) };
  });
}

/** Scan a page: its URL, title, headings, dialogs and body text. One detection per kind at most. */
export function scanPage(set: RuleSet, input: PageInput): Detection[] {
  // A long page of an issue tracker, forum, blog or help centre names notices in its title and
  // body as topics: there only its dialogs (and its URL) can show the visitor a notice.
  const talk = isContentPage(input.url, input.title) && input.segments.some((s) => s.where === 'text' && s.text.length > SHORT_PAGE_CHARS);
  const found = scanPageRules(set, input).filter((d) => !talk || d.where === 'dialog' || d.where === 'url');
  if (set.general) {
    // A rule's exact wording is the better reading of the notice it found: the general layer adds only other notices.
    // A page a rule already read as a wall needs no second reading of its structure either.
    const byRules = found.filter((d) => d.where !== 'url');
    const cores = byRules.map((d) => d.snippet.replace(/…$/, '').trim().slice(0, 16)).filter(Boolean);
    for (const g of set.general.readPage(input, platformOf(input.url), set.version)) {
      const structural = g.why?.startsWith('markup:') || g.why?.startsWith('widget:');
      if (structural ? byRules.length === 0 : !cores.some((c) => g.snippet.includes(c))) found.push(g);
    }
  }
  return onePerKind(found);
}

/** Every rule that fires on the page, one detection per rule (the corpus test checks rules one by one). */
export function scanPageRules(set: RuleSet, input: PageInput): Detection[] {
  const now = input.now ?? new Date();
  const host = hostOf(input.url);
  const rules = set.rulesFor(host);
  if (rules.length === 0) return [];
  const out: Detection[] = [];

  for (const c of rules) {
    if (c.rule.signal !== 'url') continue;
    const m = c.patterns.map((p) => p.exec(input.url)).find((x) => x);
    if (m) out.push(detection(set, c.rule, input.url, 'url', clamp(c.rule.confidence), input.url.slice(0, SNIPPET_MAX), '', now));
  }

  out.push(...scanDocumentBody(set, rules, input, now));

  const segments: ScannedSegment[] = input.segments
    .filter((s) => s.text.length > 0)
    .map((segment) => ({ segment, folded: fold(segment.text) }));
  const bodyLength = input.textChars ?? segments.reduce((n, s) => (s.segment.where === 'text' ? Math.max(n, s.folded.length) : n), 0);
  const longPage = bodyLength > SHORT_PAGE_CHARS;
  const hits = findPhrases(set, segments);
  if (hits.size === 0) return out;

  for (const c of rules) {
    if (c.rule.signal !== 'text' || c.phraseIds.length === 0) continue;
    if (!c.phraseIds.some((id) => hits.has(id))) continue;
    if (!c.allIds.every((id) => hits.has(id))) continue;
    if (c.unlessIds.some((id) => hits.has(id))) continue;
    let best: { hit: Hit; confidence: number } | undefined;
    for (const id of c.phraseIds) {
      for (const hit of hits.get(id) ?? []) {
        const confidence = placementConfidence(c.rule, segments[hit.segment]!.segment.where, longPage);
        if (!best || confidence > best.confidence) best = { hit, confidence };
      }
    }
    if (!best || best.confidence < REPORT_THRESHOLD) continue;
    const { segment, folded } = segments[best.hit.segment]!;
    const start = folded.origin[best.hit.start]!;
    const end = folded.origin[best.hit.end - 1]! + 1;
    const untilText = segment.text.slice(Math.max(0, start - 120), Math.min(segment.text.length, end + 120));
    out.push(detection(set, c.rule, input.url, segment.where === 'block' ? 'text' : segment.where, best.confidence, snippetAround(segment.text, start, end), untilText, now));
  }
  return out;
}

/**
 * Does a platform's rule read a document's body (its phrases or patterns), not only its status
 * and headers? Shared walls (hosts "*") are left out: on a page, the general layer reads their
 * markup, with its guards against wording a page only hides (corpus: negative/walls/hidden-wall-markup.html).
 */
const readsDocumentBody = (c: CompiledRule) =>
  c.rule.signal === 'network' &&
  !c.rule.hosts.includes('*') &&
  (!c.rule.resource || c.rule.resource.includes('document')) &&
  (c.phraseIds.length > 0 || c.patterns.length > 0);

/**
 * A wall-shaped page's markup is its document's answer body: a platform's network rules that read
 * a document's body (a punish page's inline `window._config_`, a comment, a redirecting script)
 * read it too, so that a page gets one verdict whether the browser shows it (the content script,
 * which never sees the response body) or `shutout scan` reads it, saved or as an answer. Reported
 * where the page shows them: `network` is what the page-world tap reports. Rules that also need
 * a status apply only when the status is known; header rules stay with the background.
 */
function scanDocumentBody(set: RuleSet, rules: readonly CompiledRule[], input: PageInput, now: Date): Detection[] {
  if (!input.markup || !rules.some(readsDocumentBody)) return [];
  const ids = new Set(rules.filter(readsDocumentBody).map((c) => c.rule.id));
  return scanNetworkRules(set, { url: input.url, status: input.status, resource: 'document', body: input.markup, now })
    .filter((d) => ids.has(d.ruleId))
    .map((d) => ({ ...d, where: 'text' as const }));
}

function headerLookup(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/**
 * Scan one HTTP response: status, headers, body and redirect target. URL rules also run on
 * the redirect target (a redirect to a wall is a wall), reported as `network`.
 */
export function scanNetwork(set: RuleSet, input: NetworkInput): Detection[] {
  const found = scanNetworkRules(set, input);
  // One answer is one notice: the general layer reads it only when no rule did.
  if (set.general && found.length === 0) found.push(...set.general.readAnswer(input, platformOf(input.pageUrl ?? input.url), set.version));
  return onePerKind(found);
}

export function scanNetworkRules(set: RuleSet, input: NetworkInput): Detection[] {
  const now = input.now ?? new Date();
  const pageUrl = input.pageUrl ?? input.url;
  const rules = set.rulesFor(hostOf(input.url));
  if (rules.length === 0) return [];
  const out: Detection[] = [];
  const targets = [input.redirectUrl, input.resource === 'document' ? input.url : undefined].filter(
    (u): u is string => !!u,
  );
  for (const c of rules) {
    if (c.rule.signal !== 'url') continue;
    for (const target of targets) {
      if (c.patterns.some((p) => p.test(target))) {
        out.push(detection(set, c.rule, pageUrl, 'network', clamp(c.rule.confidence), target.slice(0, SNIPPET_MAX), '', now));
        break;
      }
    }
  }

  const body = input.body ?? '';
  const bodyFolded: ScannedSegment[] = body ? [{ segment: { where: 'text', text: body }, folded: fold(body) }] : [];
  const hits = bodyFolded.length > 0 ? findPhrases(set, bodyFolded) : new Map<number, Hit[]>();

  for (const c of rules) {
    const r = c.rule;
    if (r.signal !== 'network') continue;
    if (r.resource && input.resource && !r.resource.includes(input.resource)) continue;
    if (c.urlPatterns.length > 0 && !c.urlPatterns.some((p) => p.test(input.url))) continue;
    if (r.status && (input.status === undefined || !r.status.includes(input.status))) continue;
    if (r.header) {
      const value = headerLookup(input.headers, r.header.name);
      if (value === undefined || (c.headerValue && !c.headerValue.test(value))) continue;
    }
    let snippet = '';
    let untilText = '';
    if (c.phraseIds.length > 0) {
      const hit = c.phraseIds.map((id) => hits.get(id)?.[0]).find((h) => h);
      if (!hit) continue;
      const f = bodyFolded[0]!.folded;
      const start = f.origin[hit.start]!;
      const end = f.origin[hit.end - 1]! + 1;
      snippet = snippetAround(body, start, end);
      untilText = body.slice(Math.max(0, start - 120), end + 120);
    }
    if (c.patterns.length > 0) {
      const m = c.patterns.map((p) => p.exec(body)).find((x) => x);
      if (!m) continue;
      if (!snippet) {
        snippet = snippetAround(body, m.index, m.index + m[0].length);
        untilText = body.slice(Math.max(0, m.index - 120), m.index + m[0].length + 120);
      }
    }
    if (!c.allIds.every((id) => hits.has(id))) continue;
    if (c.unlessIds.some((id) => hits.has(id))) continue;
    if (c.phraseIds.length === 0 && c.patterns.length === 0 && !r.status && !r.header) continue;
    if (!snippet) {
      const parts = [input.status !== undefined ? `HTTP ${input.status}` : '', r.header ? `${r.header.name}: ${headerLookup(input.headers, r.header.name) ?? ''}` : '', input.url];
      snippet = parts.filter(Boolean).join(' ').slice(0, SNIPPET_MAX);
    }
    out.push(detection(set, r, pageUrl, 'network', clamp(r.confidence), snippet, untilText, now));
  }
  return out;
}

/** "blocked" when any detection was reported. */
export function verdictOf(detections: readonly Detection[]): 'blocked' | 'clear' {
  return detections.length > 0 ? 'blocked' : 'clear';
}

/**
 * Where in `text` the phrases that can make a rule fire (or cue the general layer) start, in
 * order, at most `max`: the content script and the CLI read the blocks around these places.
 */
export function triggerOffsets(set: RuleSet, text: string, max = 64): number[] {
  if (text.length === 0) return [];
  const f = fold(text);
  const out: number[] = [];
  set.automaton.scan(f.codes, f.length, (pattern, end) => {
    if (!set.triggers[pattern] || out.length >= max) return;
    const start = end - set.automaton.patternLengths[pattern]!;
    out.push(f.origin[start]!);
  });
  return out;
}

/**
 * Cheap pre-check: does any phrase that can make a rule fire occur in the text? Lets the content
 * script skip reading headings and dialogs, and late mutations, on ordinary pages. A rule's
 * `all` and `unless` words ("帮助中心" in many footers) do not count: alone they fire nothing.
 */
export function hasAnyPhrase(set: RuleSet, text: string): boolean {
  if (text.length === 0) return false;
  const f = fold(text);
  let found = false;
  set.automaton.scan(f.codes, f.length, (pattern) => {
    if (set.triggers[pattern]) found = true;
  });
  return found;
}

/** Which phrases occur in the text (ids, any placement, word boundaries not checked, as hasAnyPhrase). */
export function phrasesIn(set: RuleSet, text: string): Set<number> {
  const out = new Set<number>();
  if (text.length === 0) return out;
  const f = fold(text);
  set.automaton.scan(f.codes, f.length, (pattern) => out.add(pattern));
  return out;
}
