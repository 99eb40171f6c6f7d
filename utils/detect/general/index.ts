import type { Kind } from '../kinds';
import { foldToString } from '../normalize';
import type { Detection, NetworkInput, PageInput, Where } from '../types';
import { apiCandidates, pageCandidates, type Candidate, type Placement } from './candidates';
import { HANDED_OUT } from './api-text';
import { bareWord, compileFrames, conceptsOf, matchFrames, type CompiledFrame, type Concept, type Frame } from './compose';
import { score, type Model } from './model';
import { scanStructureNetwork, scanStructurePage, type OwnMarker } from './structure';
import { aboutAnotherPerson, addressesVisitor, isNarration, isQuestion, isContentPage, isContentSiteTitle, isBackendFailure, isBareDenial, isCredentialError, isDiscussion, isOrdinaryOutcome, isMalformedRequest, isSucceededAnswer, isProfilePage, isNotARefusal, isServerFault, isTalk, quotedSpans, sentences, withoutLoading } from './discourse';

/**
 * The general layer: recognises a notice by what it says (compositional frames and a learned
 * model) in the places a notice is the main content, not by one exact sentence. Every finding
 * says why it fired.
 */
export interface GeneralLayer {
  /** Compiled on first use (a page whose prominent text holds no cue never needs them). */
  readonly frames: readonly CompiledFrame[];
  /** Decoded on first use; without it only the frames run. */
  readonly model?: Model;
  /** What the frames' roles say, as features of the model; compiled on first use. */
  readonly concepts: readonly Concept[];
  /** Probability at or above which the model alone reports. */
  threshold: number;
  /** Shutout's own vendor markers (structure.ts); the blind evaluation leaves out those of the held-out sources. */
  readonly markers?: readonly OwnMarker[];
  /** Words whose presence on a page makes its headings, dialogs and late text worth reading (the frames' predicates). */
  cues: readonly string[];
  /** Does folded text hold a cue? The model judges only such candidates, so that the browser, which reads regions only around cues, agrees with the CLI. */
  cueTest: (folded: string) => boolean;
  /**
   * The layer's reading of a page (scanGeneralPage) and of an answer (scanGeneralNetwork). Methods,
   * so that the engine does not import them: a rule set that reads no text (the service worker's,
   * network-rule-set.ts) carries none of the layer's code.
   */
  readPage(input: PageInput, platform: string | null, version: string): Detection[];
  readAnswer(input: NetworkInput, platform: string | null, version: string): Detection[];
  /**
   * Compiles the frames (those not compiled yet) and the frames' and guards' regular expressions
   * before a page's first judgement, a few frames per step (each yield is a step of the caller's);
   * once done, it does nothing. V8 compiles a regular expression at its first match, once for
   * one-byte and once for two-byte text; the frames' alternations are large, and the first
   * judgement of a page paid for all of them in one task.
   */
  warm(): Generator<void, void, void>;
}

export const MODEL_RULE_ID = 'general.model';
/**
 * The model's bar. 0.91 since round 11 (stop 33): blind, it found 1895 of 2769 notices with 17 of
 * 1793 false alarms where 0.93 found 1865 with 14, and the crawl's held-out half had fewer false alarms than
 * at 0.93 before (17 against 19). docs/notices.md keeps the sweep.
 */
export const DEFAULT_THRESHOLD = 0.91;
/** Three or more headings that read as notices make a list of notices (a help centre), not a notice. */
const LIST_OF_NOTICES = 3;

/** The words of the frames that cue the layer: every predicate, written or learnt. */
export function cuesOf(frames: readonly Frame[]): string[] {
  return [...new Set(frames.flatMap((f) => [...f.predicates, ...(f.learnt ?? [])]))];
}

/**
 * The cues as cueTest reads them: folded, stems bare, two characters or more. The extension's build
 * ships them so (scripts/lib/shipped.ts): folding 2,000 words cost each page load 15–35 ms.
 */
export function foldCues(cues: readonly string[]): string[] {
  return [...new Set(cues.map((c) => foldToString(bareWord(c))).filter((c) => c.length >= 2))];
}

export function generalLayer(frames: readonly Frame[], model?: Model | (() => Model | undefined), threshold = DEFAULT_THRESHOLD, markers?: readonly OwnMarker[]): GeneralLayer {
  return lazyGeneralLayer({ frames: () => frames, cues: cuesOf(frames), model: typeof model === 'function' ? model : () => model, threshold, ...(markers ? { markers } : {}) });
}

/** The layer with its frames and model made only when first needed (the content script: most pages need neither). */
export function lazyGeneralLayer(opts: { frames: () => readonly Frame[]; cues: readonly string[]; foldedCues?: readonly string[]; model: () => Model | undefined; threshold?: number; markers?: readonly OwnMarker[] }): GeneralLayer {
  const folded = opts.foldedCues ?? foldCues(opts.cues);
  let frames: readonly CompiledFrame[] | undefined;
  // Frames compiled one by one by warm(), before the whole list is asked for.
  const partial: CompiledFrame[] = [];
  let warmed = false;
  let concepts: readonly Concept[] | undefined;
  let model: Model | undefined | null = null;
  const layer: GeneralLayer = {
    get frames() {
      return (frames ??= [...partial, ...compileFrames(opts.frames().slice(partial.length))]);
    },
    get model() {
      if (model === null) model = opts.model();
      return model;
    },
    get concepts() {
      return (concepts ??= conceptsOf(opts.frames()));
    },
    threshold: opts.threshold ?? DEFAULT_THRESHOLD,
    ...(opts.markers ? { markers: opts.markers } : {}),
    cues: opts.cues,
    cueTest: (text) => folded.some((c) => text.includes(c)),
    readPage: (input, platform, version) => scanGeneralPage(layer, input, platform, version),
    readAnswer: (input, platform, version) => scanGeneralNetwork(layer, input, platform, version),
    *warm() {
      if (warmed) return;
      const source = opts.frames();
      for (let i = 0; i < source.length; i++) {
        const f = frames ? frames[i]! : (partial[i] ??= compileFrames([source[i]!])[0]!);
        // One-byte text, then two-byte text, each order of a frame: each is a compile of its own, and
        // each is compiled twice (bytecode at its first run, machine code at its second).
        for (const sample of WARM_INPUTS) {
          f.re.test(sample);
          f.remedy?.test(sample);
          f.unless?.test(sample);
          yield;
        }
        if (f.reverse) {
          for (const sample of WARM_INPUTS) {
            f.reverse.test(sample);
            yield;
          }
        }
      }
      frames ??= partial;
      // The guards' expressions, one guard a step (the largest, isNotARefusal's, hold thousands of words).
      for (const guard of WARM_GUARDS) {
        for (const sample of WARM_INPUTS) {
          yield;
          guard(sample);
        }
      }
      warmed = true;
    },
  };
  return layer;
}

const WARM_GUARDS: ReadonlyArray<(text: string) => unknown> = [
  isNotARefusal,
  isOrdinaryOutcome,
  isServerFault,
  isMalformedRequest,
  addressesVisitor,
  aboutAnotherPerson,
  isDiscussion,
  (text) => isContentPage(`https://${text}/`, text),
  withoutLoading,
];
/** One-byte and two-byte text: V8 keeps a compiled expression for each. */
const WARM_SAMPLES = ['x', 'x中'];
/**
 * V8 runs a regular expression's first match in its bytecode interpreter and compiles it to machine
 * code at the next (`--regexp-tier-up`): a large alternation's second match, in a page's first
 * judgement, took 100–165 ms of one step. Each sample twice, one run a step, moves both compiles
 * into warm()'s steps.
 */
const WARM_INPUTS = WARM_SAMPLES.flatMap((sample) => [sample, sample]);

const WHERE: Record<Placement, Where> = { title: 'title', heading: 'title', dialog: 'dialog', block: 'text', page: 'text', api: 'network' };
const PLACEMENT_BONUS: Record<Placement, number> = { title: 0.1, heading: 0.05, dialog: 0.1, block: -0.05, page: 0, api: 0 };

interface Found {
  kind: Kind;
  ruleId: string;
  confidence: number;
  why: string;
  candidate: Candidate;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(1, Math.round(n * 100) / 100));
}

/** Folded words of the URL's query and fragment: a phrase that is only there was searched for, not shown. */
function queryWords(url: string): string {
  try {
    const u = new URL(url);
    let q = u.search + ' ' + u.hash;
    try {
      q = decodeURIComponent(q.replace(/\+/g, ' '));
    } catch {
      /* keep it encoded */
    }
    return foldToString(q);
  } catch {
    return '';
  }
}

/** The stricter bar of a short page without a cue word: 0.91 → 0.982. */
const UNCUED_THRESHOLD = (t: number) => t + (1 - t) * 0.8;

/** A site's own message to the visitor is short ("抱歉，您的账号被禁用，暂无法访问本站点。"). */
const SITE_MESSAGE_MAX = 80;

/** A question that is a notice ("Are you a human?") is mostly the frame's words. */
const QUESTION_NOTICE_SHARE = 0.8;

/** A notice leads: on a page, only its first sentences are read for frames. */
const LEAD_SENTENCES = 4;

interface Scene {
  /** Folded words of the URL's query. */
  query: string;
  /** A person's profile page: "this account is banned" is said of its owner. */
  profile?: boolean;
  /** An API answer the model does not judge: the caller's credentials are wrong, or the platform's own services failed. */
  noModel?: boolean;
}

function judge(layer: GeneralLayer, c: Candidate, scene: Scene): Found[] {
  const out = judgeWords(layer, c, scene);
  if (addressesVisitor(c.text)) return out;
  if (aboutAnotherPerson(c.text)) return [];
  // On a profile the model's guess, of whatever kind, is about the profile's owner too.
  if (scene.profile) return out.filter((f) => f.kind !== 'account-restricted' && f.ruleId !== MODEL_RULE_ID);
  return out;
}

function judgeWords(layer: GeneralLayer, c: Candidate, { query, noModel }: Scene): Found[] {
  if ((c.placement === 'page' || c.placement === 'block') && isDiscussion(c.text)) return [];
  if (c.placement === 'title' && isContentSiteTitle(c.text)) return [];
  if (isNotARefusal(c.text)) return [];
  // Every frame needs one of its predicates, and every predicate is a cue: without a cue no frame
  // can match; the model judges cued candidates, answers, and short pages (at a stricter bar).
  const cued = c.placement === 'api' || layer.cueTest(foldToString(c.text));
  if (!cued && c.placement !== 'page') return [];
  const out: Found[] = [];
  const seen = new Set<string>();
  const all = sentences(c.text);
  const lead = c.placement === 'page' || c.placement === 'api' ? all.slice(0, LEAD_SENTENCES) : all;
  const candidateLength = foldToString(c.text).length;
  for (const sentence of cued ? lead : []) {
    if (c.placement !== 'api' && isNarration(sentence)) continue;
    const question = c.placement !== 'api' && isQuestion(sentence);
    const folded = foldToString(sentence);
    if (!folded) continue;
    const quoted = quotedSpans(sentence).map(foldToString);
    for (const hit of matchFrames(layer.frames, folded)) {
      // A question hides its sentence ("Why is my account locked?"), unless the question is the
      // notice itself: a wall's "Are you a human?" is all its title says (a product named
      // "Robot or Human? Party Card Game" is not).
      if (question && hit.words.length < QUESTION_NOTICE_SHARE * candidateLength) continue;
      if (hit.frame.only && !hit.frame.only.includes(c.placement)) continue;
      if (query && query.includes(hit.words)) continue;
      // A notice quoted in an article: the hit lies in the quote, or the quote is most of the hit. A
      // short quoted name inside the notice (the coupon "%s", «SPRING10») is not a quotation of it.
      if (quoted.some((q) => q.includes(hit.words) || (hit.words.includes(q) && q.length * 2 >= hit.words.length))) continue;
      if (seen.has(hit.frame.id)) continue;
      seen.add(hit.frame.id);
      out.push({
        kind: hit.frame.kind,
        ruleId: hit.frame.id,
        confidence: clamp(hit.frame.confidence + PLACEMENT_BONUS[c.placement] + (hit.remedy ? 0.05 : 0)),
        why: `pattern: ${hit.words}`,
        candidate: c,
      });
    }
  }
  // A short page without a cue word is judged too (walls say "Forbidden", "Failed to verify your
  // browser"), at a stricter bar: most such pages are small ordinary ones.
  // A candidate that only asks ("不是您的账号？", a link's label) is no guess for the model; a wall's title may ask ("Are you a robot?").
  const asksOnly = c.placement !== 'title' && all.length > 0 && all.every(isQuestion);
  if (layer.model && !noModel && !asksOnly && (cued || c.placement === 'page') && !isMalformedRequest(c.text) && !isOrdinaryOutcome(c.text) && !isServerFault(c.text)) {
    const s = score(layer.model, withoutLoading(c.text), layer.concepts);
    // A block of a long page (the words around a phrase) is the model's weakest guess: a form's hidden
    // error, an article's teaser, a sign-in page's checkbox. It needs the stricter bar there too.
    const bar = cued && c.placement !== 'block' ? layer.threshold : UNCUED_THRESHOLD(layer.threshold);
    if (s.p >= bar && !(query && s.why.length > 0 && s.why.every((w) => query.includes(foldToString(w))))) {
      out.push({
        kind: s.kind,
        ruleId: MODEL_RULE_ID,
        // threshold → 0.55 … 1.0 → 0.75: a learned guess never outranks a rule's exact wording.
        confidence: clamp(0.55 + ((s.p - layer.threshold) / (1 - layer.threshold)) * 0.2 + PLACEMENT_BONUS[c.placement] / 2),
        why: `words: ${s.why.join(', ')}`,
        candidate: c,
      });
    }
  }
  return out;
}

function toDetection(f: Found, platform: string | null, version: string, where?: Where): Detection {
  const snippet = f.candidate.text.length > 200 ? f.candidate.text.slice(0, 199) + '…' : f.candidate.text;
  return { kind: f.kind, platform, ruleId: f.ruleId, rulesetVersion: version, snippet, where: where ?? WHERE[f.candidate.placement], confidence: f.confidence, why: f.why };
}

export function scanGeneralPage(layer: GeneralLayer, input: PageInput, platform: string | null, version: string): Detection[] {
  const query = queryWords(input.url);
  const found: Found[] = [];
  const content = isContentPage(input.url, input.title);
  const candidates = pageCandidates(input.title, input.segments, input.textChars);
  const scene: Scene = { query, profile: isProfilePage(input.url) };
  // A short page whose text is people talking (a post that narrates and asks) is titled by its
  // topic: "谷歌提示检测到网络异常流量" heads a blog post about the wall, not the wall.
  const talkPage = candidates.some((c) => c.placement === 'page' && isDiscussion(c.text));
  for (const c of candidates) {
    if (talkPage && (c.placement === 'title' || c.placement === 'heading')) continue;
    // On a forum, blog or help page only dialogs are notices; and the site's own short message
    // that addresses the visitor ("您的账号被禁用"), which people quoting a notice do not write as a
    // block of its own; and a page that is short as a whole: such a site's wall or error page, not
    // a thread (whose chrome alone is long; narration is still left out as discussion).
    if (content && c.placement !== 'dialog' && c.placement !== 'page' && !(c.placement === 'block' && c.text.length <= SITE_MESSAGE_MAX && addressesVisitor(c.text) && !sentences(c.text).some(isTalk))) continue;
    found.push(...judge(layer, c, scene));
  }
  // Several different notices in the headings and dialogs of one page are a list of notices (a help
  // centre) or a page's hidden templates, not a notice shown to this visitor.
  const regionWords = new Set(found.filter((f) => f.candidate.placement === 'heading' || f.candidate.placement === 'dialog').map((f) => f.candidate.text));
  const kept = regionWords.size >= LIST_OF_NOTICES ? found.filter((f) => f.candidate.placement !== 'heading' && f.candidate.placement !== 'dialog') : found;
  // A page that says nobody was refused (the site is down, the page is missing) is no wall, whatever
  // its markup, nor is a line of it ("Please try again in a few minutes" under "Connection timed out").
  if (candidates.some((c) => c.placement === 'page' && isNotARefusal(c.text))) return kept.filter((f) => f.candidate.placement === 'dialog').map((f) => toDetection(f, platform, version));
  const out = kept.map((f) => toDetection(f, platform, version));
  const cueText = [input.title ?? '', ...input.segments.filter((s) => s.where === 'title' || s.where === 'dialog').map((s) => s.text), ...candidates.filter((c) => c.placement === 'page').map((c) => c.text)].join('\n');
  out.push(...scanStructurePage(input, platform, version, cueText, layer.markers));
  return out;
}

export function scanGeneralNetwork(layer: GeneralLayer, input: NetworkInput, platform: string | null, version: string): Detection[] {
  const found: Found[] = [];
  const body = input.body ?? '';
  // A developer's credential error or a backend failure: the model does not judge it; an answer
  // that says it succeeded is not read at all, unless it hands out a captcha to solve first (its
  // "success" is the captcha service's).
  const credential = isCredentialError(body);
  const scene: Scene = { query: '', noModel: credential || isBackendFailure(body) };
  // Most answers a page fetches say they succeeded: they are parsed only when they name Geetest's `gt`.
  const succeeded = isSucceededAnswer(body);
  const candidates = body && input.resource !== 'document' && (!succeeded || /\bgt\b/.test(body)) ? apiCandidates(body) : [];
  if (!succeeded || candidates.some((c) => c.text.includes(HANDED_OUT))) for (const c of candidates) found.push(...judge(layer, c, scene));
  const kept = credential ? found.filter((f) => !(f.why.startsWith('pattern: ') && isBareDenial(f.why.slice(9)))) : found;
  return [...kept.map((f) => toDetection(f, platform, version, 'network')), ...scanStructureNetwork(input, platform, version)];
}
