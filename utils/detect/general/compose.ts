import type { Kind } from '../kinds';
import { foldToString } from '../normalize';

/**
 * Compositional patterns: a notice says *what* is refused or limited (the subject: 账号, 访问,
 * "your account"), *how* (the predicate: 被冻结, 频繁, "has been suspended") and often *what to do*
 * (the remedy: 请稍后再试, "try again later"). A frame fires when a subject and a predicate stand
 * close together in one prominent candidate, so that wordings no rule has seen are still caught.
 * Frames are data (frames.ts) with the sources where their wording was seen.
 */
export interface Frame {
  /** Stable id, `general.<lang>.<slug>`; recorded with each finding. */
  id: string;
  kind: Kind;
  lang: string;
  /** What is refused or limited. Empty: the predicates are whole notices on their own. */
  subjects: readonly string[];
  /** The restriction, as written before the notice corpus existed. */
  predicates: readonly string[];
  /**
   * More of it, added after reading the corpus: the blind evaluation counts each such phrase only in
   * folds where a source group outside the fold shows it (tests/blind.ts).
   */
  learnt?: readonly string[];
  /** Folded characters allowed between the end of a subject and the start of a predicate. */
  gap?: number;
  /** The predicate may also come first ("Blocked: your account"). */
  either?: boolean;
  /** Words of a remedy; with `needRemedy` the frame fires only when one is present. */
  remedies?: readonly string[];
  needRemedy?: boolean;
  /** The frame stays silent when any of these occurs in the candidate (a help question, a connectivity error). */
  unless?: readonly string[];
  confidence: number;
  /** Only in these places (words such as 风控 or "captcha" are notices in an API answer, topics in an article). */
  only?: ReadonlyArray<'title' | 'heading' | 'dialog' | 'block' | 'page' | 'api'>;
  /**
   * `false`: the subjects are everyday words ("a visit", "a limit") that name no notice by themselves, so
   * they make no feature for the learned layer (conceptsOf); the frame still reads them with its predicates.
   */
  concept?: boolean;
  /** Where the wording was seen: URLs or `owner/repo:path@commit`, `;`-separated. */
  source: string;
}

export interface CompiledFrame {
  frame: Frame;
  /** Subject then predicate (or the predicate alone). */
  re: RegExp;
  /**
   * Predicate then subject, for a frame read in `either` order: a second expression rather than an
   * alternation in one, so that each compiles in a step of its own (the largest frames' halves are
   * 6,000 characters each).
   */
  reverse?: RegExp;
  remedy?: RegExp;
  unless?: RegExp;
}

/** A literal string as a regular expression source. */
export function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A word that ends in `*` is a stem: it matches any ending (zablokowan* for zablokowana,
 * zablokowane, zablokowany), where a whole word must end at a word's end.
 */
export function isStem(word: string): boolean {
  return word.endsWith('*');
}

/** The word without its stem mark. */
export function bareWord(word: string): string {
  return isStem(word) ? word.slice(0, -1) : word;
}

/**
 * Folded alternation, longest first so that the reported words are the fullest. Latin words must
 * not start inside a longer word ("locked" in "unlocked"); with `wholeWords` they must not end
 * inside one either, unless they are stems.
 */
function alternation(words: readonly string[], wholeWords = false): string {
  const byText = new Map<string, boolean>();
  for (const w of words) {
    const f = foldToString(bareWord(w));
    if (f) byText.set(f, (byText.get(f) ?? false) || isStem(w));
  }
  return [...byText]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([w, stem]) => {
      const e = escape(w);
      const start = /^[a-z0-9]/.test(w) ? '(?<![a-z0-9])' : '';
      const end = wholeWords && !stem && /[a-z0-9]$/.test(w) ? '(?![a-z0-9])' : '';
      return start + e + end;
    })
    .join('|');
}

export function compileFrames(frames: readonly Frame[]): CompiledFrame[] {
  return frames.map((frame) => {
    const all = [...frame.predicates, ...(frame.learnt ?? [])];
    const pred = `(?:${alternation(all, true)})`;
    let source: string;
    let reverse: string | undefined;
    if (frame.subjects.length === 0) source = pred;
    else {
      const subj = `(?:${alternation(frame.subjects, true)})`;
      const gap = `[^]{0,${frame.gap ?? 8}}?`;
      source = `${subj}${gap}${pred}`;
      if (frame.either) reverse = `${pred}${gap}${subj}`;
    }
    return {
      frame,
      re: new RegExp(source),
      ...(reverse ? { reverse: new RegExp(reverse) } : {}),
      remedy: frame.remedies?.length ? new RegExp(`(?:${alternation(frame.remedies, true)})`) : undefined,
      unless: frame.unless?.length ? new RegExp(`(?:${alternation(frame.unless)})`) : undefined,
    };
  });
}

/**
 * What a frame's roles say, for the learned layer: a feature for the subject of every frame of a
 * kind of notice (`k:rate-limit:s`) and one for its remedy (`:r`), whatever the language, so that
 * weights learnt from notices in one language carry over to the same thing said in another.
 * Frames of one slug (general.en.rate-limit, general.xl.rate-limit) share their features.
 * Predicates stay out: most are `learnt`, and alone a restriction word is as often a setting's
 * label ("Blocked users") as a notice; the frames read them.
 */
export interface Concept {
  key: string;
  /** The frame whose role this is (the blind evaluation leaves out a held-out group's frames). */
  frameId: string;
  re: RegExp;
}

export function conceptsOf(frames: readonly Frame[]): Concept[] {
  const out: Concept[] = [];
  for (const f of frames) {
    if (f.concept === false) continue;
    const slug = f.id.split('.').slice(2).join('.') || f.id;
    if (f.subjects.length) out.push({ key: `k:${slug}:s`, frameId: f.id, re: new RegExp(alternation(f.subjects)) });
    if (f.remedies?.length) out.push({ key: `k:${slug}:r`, frameId: f.id, re: new RegExp(alternation(f.remedies, true)) });
  }
  return out;
}

export interface FrameHit {
  frame: Frame;
  /** The folded words that matched (subject … predicate), for "why". */
  words: string;
  /** Folded start/end of the match in the candidate's folded text. */
  start: number;
  end: number;
  remedy: boolean;
}

/** Every frame that fires on one candidate's folded text. */
export function matchFrames(frames: readonly CompiledFrame[], folded: string): FrameHit[] {
  const out: FrameHit[] = [];
  for (const c of frames) {
    // The leftmost match of either order, subject first where both start at the same place (as `a|b` would).
    let m = c.re.exec(folded);
    const r = c.reverse?.exec(folded);
    if (r && (!m || r.index < m.index)) m = r;
    if (!m) continue;
    if (c.unless?.test(folded)) continue;
    const remedy = !!c.remedy?.test(folded);
    if (c.frame.needRemedy && !remedy) continue;
    out.push({ frame: c.frame, words: m[0], start: m.index, end: m.index + m[0].length, remedy });
  }
  return out;
}
