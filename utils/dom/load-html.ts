/**
 * A saved page (or a fetched answer's HTML) as the detection reads it: parsed within the markup
 * bounds, its segments, title, wall markup and widgets. The CLI scans saved pages with it
 * (linkedom, cli/html.ts) and the extension judges the anonymous view with it (the browser's
 * DOMParser, utils/reader), so both read a page alike.
 */
import { collectStaticSegments, staticWidgets } from './collect-static';
import { boundedMarkup, WALL_TEXT_MAX } from '../detect/general/structure';
import { CHALLENGE_TITLE } from '../detect/general/widgets';
import type { Segment } from '../detect/types';
import { builtinRuleSet, triggerOffsets, type RuleSet } from '../detect/index';
import { boundMarkup } from './markup-bounds';

export interface LoadedPage {
  url: string | null;
  title: string;
  segments: Segment[];
  /** The parsed document, for extractors that need markup (coupons). */
  document: unknown;
  /** Markup of a wall-shaped page, for vendor markers (utils/detect/general/structure.ts). */
  markup?: string;
  widgets: Array<{ id: string; inForm: boolean }>;
}

const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;

/** The page's own URL as the saved file records it: Chrome's "saved from url" comment, canonical link, og:url. */
export function pageUrlOf(html: string, doc: { querySelector(sel: string): { getAttribute(n: string): string | null } | null }): string | null {
  const saved = SAVED_FROM.exec(html.slice(0, 4096));
  const candidates = [
    saved?.[1],
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      const u = new URL(c);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      /* not a URL: try the next hint */
    }
  }
  return null;
}

/** Parses HTML into a document (linkedom in Node, DOMParser in a page); scripts never run. */
export type ParseHtml = (html: string) => Document;

export function readHtml(html: string, parse: ParseHtml, url?: string | null, rules: RuleSet = builtinRuleSet()): LoadedPage {
  const document = parse(boundMarkup(html));
  const segments = collectStaticSegments(document as never, { hitOffsets: (text) => triggerOffsets(rules, text) });
  const chars = segments.reduce((n, s) => (s.where === 'text' ? n + s.text.length : n), 0);
  const cueText = segments.map((s) => (s.where === 'text' && s.text.length > 4000 ? s.text.slice(0, 4000) : s.text)).join('\n');
  return {
    url: url ?? pageUrlOf(html, document as never),
    title: document.title ?? '',
    segments,
    document,
    markup: chars <= WALL_TEXT_MAX || CHALLENGE_TITLE.test(document.title ?? '') ? boundedMarkup(html) : undefined,
    widgets: staticWidgets(document as never, chars, cueText),
  };
}
