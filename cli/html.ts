/** Saved pages as the CLI reads them: utils/dom/load-html.ts with linkedom as the parser (Node has no DOMParser). */
import { parseHTML } from 'linkedom';
import type { RuleSet } from '../utils/detect/engine';
import { readHtml, type LoadedPage, type ParseHtml } from '../utils/dom/load-html';

export { pageUrlOf, readHtml, type LoadedPage, type ParseHtml } from '../utils/dom/load-html';

/** What an HTML parser puts in the head when it meets it before any content. */
const HEAD_TAGS = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);
const ELEMENT = 1;
const TEXT = 3;

/** The few members of a linkedom node that reshaping reads (not the DOM's own `Node` type). */
interface ParsedNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<ParsedNode>;
  appendChild(n: ParsedNode): void;
}

/**
 * A browser's parser always makes html, head and body, and puts text that stands outside them in
 * the body ("403 Forbidden" alone, `<title>…</title><p>…`, `<html>text</html>`). linkedom makes
 * whatever the markup names: no document element at all for bare text (every property of the
 * document then throws), a `<title>` as the document element, text beside the head lost from the
 * body. Such a document is rebuilt in the browser's shape, so that the CLI reads what a browser
 * shows.
 */
function wellFormed(document: Document): boolean {
  const root = document.documentElement as unknown as ParsedNode | null;
  if (!root || root.tagName !== 'HTML') return false;
  let body = false;
  for (const n of Array.from(root.childNodes)) {
    if (n.nodeType === ELEMENT && n.tagName === 'BODY') body = true;
    else if (n.nodeType === ELEMENT && n.tagName !== 'HEAD') return false;
    else if (n.nodeType === TEXT && n.textContent?.trim()) return false;
  }
  return body;
}

function reshaped(document: Document): Document {
  const fresh = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document;
  const head = fresh.head as unknown as ParsedNode;
  const body = fresh.body as unknown as ParsedNode;
  let inBody = false;
  const place = (nodes: ArrayLike<ParsedNode>): void => {
    for (const n of Array.from(nodes)) {
      if (n.nodeType === ELEMENT && (n.tagName === 'HTML' || n.tagName === 'HEAD' || n.tagName === 'BODY')) {
        if (n.tagName === 'BODY') inBody = true;
        place(n.childNodes);
      } else if (n.nodeType === ELEMENT && HEAD_TAGS.has(n.tagName!) && (!inBody || n.tagName === 'TITLE')) {
        // A title anywhere is the document's title (a browser's `document.title` finds it in the body too).
        head.appendChild(n);
      } else if (n.nodeType === ELEMENT || n.nodeType === TEXT) {
        if (n.nodeType === ELEMENT || n.textContent?.trim()) inBody = true;
        body.appendChild(n);
      }
    }
  };
  place(document.childNodes as unknown as ArrayLike<ParsedNode>);
  return fresh as unknown as Document;
}

export const parseWithLinkedom: ParseHtml = (html) => {
  const document = parseHTML(html).document as unknown as Document;
  return wellFormed(document) ? document : reshaped(document);
};

export function loadHtml(html: string, url?: string | null, rules?: RuleSet): LoadedPage {
  return readHtml(html, parseWithLinkedom, url, rules);
}
