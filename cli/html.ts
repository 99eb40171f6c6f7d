/** Saved pages as the CLI reads them: utils/dom/load-html.ts with linkedom as the parser (Node has no DOMParser). */
import { parseHTML } from 'linkedom';
import type { RuleSet } from '../utils/detect/engine';
import { readHtml, type LoadedPage, type ParseHtml } from '../utils/dom/load-html';

export { pageUrlOf, readHtml, type LoadedPage, type ParseHtml } from '../utils/dom/load-html';

export const parseWithLinkedom: ParseHtml = (html) => parseHTML(html).document as unknown as Document;

export function loadHtml(html: string, url?: string | null, rules?: RuleSet): LoadedPage {
  return readHtml(html, parseWithLinkedom, url, rules);
}
