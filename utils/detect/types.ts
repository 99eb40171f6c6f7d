import type { Kind } from './kinds';

/** Which input a rule reads. */
export type Signal = 'url' | 'text' | 'network';

/** Where on the page (or off it) a detection matched. */
export type Where = 'url' | 'title' | 'text' | 'dialog' | 'network';

/**
 * A detection rule. Rules are data: they carry no functions so that users can write
 * their own in the same shape and so that they can be validated, listed and exported.
 */
export interface Rule {
  /** Stable id, `family.platform.slug`; never reused for a different meaning. */
  id: string;
  kind: Kind;
  /** Platform id from platforms.ts that ships this notice (for shared walls: the wall vendor). */
  platform: string;
  /**
   * Hosts the rule applies to: domain suffixes ("taobao.com" also covers "item.taobao.com"),
   * "amazon.*" for every country site of a brand, or "*" for walls that any site can sit behind.
   */
  hosts: string[];
  signal: Signal;
  /**
   * Literal phrases (any one fires). Matched on normalised text: case, full/half width,
   * punctuation and spacing, Traditional/Simplified and variant characters are folded.
   */
  phrases?: string[];
  /** Regular expressions (source strings, matched case-insensitively) on the URL, or on the network body. */
  patterns?: string[];
  /** Every one of these phrases must also occur somewhere on the page (or in the body). */
  all?: string[];
  /** The rule stays silent when any of these phrases occurs on the page. */
  unless?: string[];
  /** Network rules: HTTP statuses that fire (alone, or together with phrases/patterns/header). */
  status?: number[];
  /** Network rules: a response header whose presence (and value, if `value` is given) fires. */
  header?: { name: string; value?: string };
  /** Network rules: only responses to requests whose URL matches one of these (regex sources). */
  urlPatterns?: string[];
  /** Network rules: restrict to these resource types. */
  resource?: Array<'document' | 'api'>;
  /** Base confidence 0..1 before placement on the page is weighed. */
  confidence: number;
  /**
   * Generic wording ("Access Denied") that only counts as a block when it is the page's main
   * content: in the title, a heading, a dialog or toast, or a short page.
   */
  prominent?: boolean;
  /** Where the wording comes from: a public source (URL or repository path) for reviewers. */
  source?: string;
  /** Fixture files (relative to tests/fixtures/corpus) that prove the rule fires. */
  fixtures: string[];
}

/**
 * A piece of page text with where it was found. `block`: the short block of a long page around a
 * phrase (a results area that says searching is refused); its findings are reported as `text`.
 */
export interface Segment {
  where: Exclude<Where, 'url' | 'network'> | 'block';
  text: string;
}

export interface PageInput {
  url: string;
  /** document.title */
  title?: string;
  /** Visible text: title, headings and dialogs first, then the body. */
  segments: Segment[];
  /** Time of observation, used to resolve relative "until" phrases. Defaults to now. */
  now?: Date;
  /** HTTP status of the page's document, when known. */
  status?: number;
  /** Markup of a wall-shaped page (little visible text), bounded; read for vendor markers. */
  markup?: string;
  /** Visible challenge widgets (general/widgets.ts) the page shows. */
  widgets?: Array<{ id: string; inForm: boolean }>;
  /**
   * The body's length when its 'text' segments are only the blocks around its phrases (a long
   * page the content script read without innerText); absent: the 'text' segments are the body.
   */
  textChars?: number;
}

export interface NetworkInput {
  /** URL of the request (or of the final URL after redirects). */
  url: string;
  /** URL of the page that made the request, if known. */
  pageUrl?: string;
  /** Redirect target, for 3xx responses. */
  redirectUrl?: string;
  status?: number;
  headers?: Record<string, string>;
  /** Response body (bounded by the caller). */
  body?: string;
  resource?: 'document' | 'api';
  now?: Date;
}

export interface Detection {
  kind: Kind;
  /** Platform of the page (or of the rule for shared walls on unknown hosts). */
  platform: string | null;
  ruleId: string;
  rulesetVersion: string;
  /** The matched words with a little context, bounded length. */
  snippet: string;
  where: Where;
  confidence: number;
  /** ISO 8601 time until which the notice says the block lasts. */
  until?: string;
  /**
   * What the finding is about when one page load can have several of the same kind: for
   * coupon-missing, the baseline and the offer's key. Part of the record's key.
   */
  subject?: string;
  /** Why a finding of the general layer fired: the pattern's words, or the model's strongest words. */
  why?: string;
}
