import type { Segment } from '../types';
import { apiText } from './api-text';

/**
 * Where the general layer looks: the places a notice is the page's main content. A long page's
 * body is never a candidate (articles and help pages quote notices there); its title, headings,
 * dialogs and toasts are.
 */
export type Placement = 'title' | 'heading' | 'dialog' | 'block' | 'page' | 'api';

export interface Candidate {
  placement: Placement;
  text: string;
}

/** A page whose whole visible text is at most this long is itself a candidate (a wall, a small error page). */
export const SHORT_PAGE_MAX = 1200;
/** Longer titles, headings and dialogs are content, not notices. */
const TITLE_MAX = 200;
const DIALOG_MAX = 500;
/** Bounded work on hostile pages. */
const MAX_CANDIDATES = 48;

/** Whitespace collapsed, as candidates hold their text. */
const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Candidates of a page, from the segments the collectors read (title first, then headings and dialogs, then a short body). */
export function pageCandidates(title: string | undefined, segments: readonly Segment[], textChars?: number): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (placement: Placement, text: string, max: number) => {
    const t = tidy(text);
    if (!t || t.length > max || seen.has(t) || out.length >= MAX_CANDIDATES) return;
    seen.add(t);
    out.push({ placement, text: t });
  };
  if (title) add('title', title, TITLE_MAX);
  let first = true;
  for (const s of segments) {
    if (s.where === 'title') {
      // The collectors put document.title first, then headings.
      if (first && s.text === title) {
        first = false;
        continue;
      }
      first = false;
      add('heading', s.text, TITLE_MAX);
    } else if (s.where === 'dialog') add('dialog', s.text, DIALOG_MAX);
    else if (s.where === 'block') add('block', s.text, DIALOG_MAX);
  }
  const bodies = segments.filter((s) => s.where === 'text');
  const total = textChars ?? bodies.reduce((n, s) => n + s.text.length, 0);
  if (total > 0 && total <= SHORT_PAGE_MAX) {
    const text = bodies.map((s) => s.text).join('\n');
    // A block or dialog that holds the page's whole text is the page (a wall of one paragraph, a
    // page that is one toast): judged as a page, which a forum's or help centre's blocks are not,
    // and as the browser judges it, whose reader takes a dialog without a cue word for page text.
    const same = out.find((c) => (c.placement === 'block' || c.placement === 'dialog') && c.text === tidy(text));
    if (same) same.placement = 'page';
    else add('page', text, SHORT_PAGE_MAX);
  }
  return out;
}

/** The candidate of an API answer: its message fields (codes stay out: they are not words a reader sees). */
export function apiCandidates(body: string): Candidate[] {
  const { messages } = apiText(body);
  if (messages.length === 0) return [];
  return [{ placement: 'api', text: messages.join(' | ').slice(0, DIALOG_MAX) }];
}
