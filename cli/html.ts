import { parseHTML } from 'linkedom';
import { collectStaticSegments } from '../utils/dom/collect-static';
import type { Segment } from '../utils/detect/types';
import { boundMarkup } from './markup-bounds';

export interface LoadedPage {
  url: string | null;
  title: string;
  segments: Segment[];
  /** The parsed document, for extractors that need markup (coupons). */
  document: unknown;
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

export function loadHtml(html: string, url?: string | null): LoadedPage {
  const { document } = parseHTML(boundMarkup(html));
  const segments = collectStaticSegments(document as never);
  return { url: url ?? pageUrlOf(html, document as never), title: document.title ?? '', segments, document };
}
