/**
 * The page reader's work (protocol.ts), the same in the offscreen document, the Firefox background
 * page and the tests: only the HTML parser differs (DOMParser in the browser, linkedom in Node).
 */
import { extractCoupons } from '../coupons/index';
import type { CouponScan } from '../coupons/types';
import type { RuleSet } from '../detect/engine';
import { ruleSetWith } from '../detect/rule-sets';
import type { ParseHtml } from '../dom/load-html';
import { readAnonymousView, type ViewReading } from '../scope/read-view';
import { ruleChoicesFrom } from '../storage/rule-choices';
import { readerOf, type PageReader, type ReaderRequest } from './protocol';

let cached: { key: string; rules: RuleSet } | undefined;

/**
 * The rules in force for these storage.local values: the built-in ones with the user's rules and
 * choices, read as the content script and the worker read them (rule-choices.ts: the options page
 * validated the rules when it stored them), so that all three judge alike.
 */
export function rulesFromStorage(stored: Record<string, unknown>): RuleSet {
  const key = JSON.stringify(stored);
  if (cached?.key !== key) {
    const { userRules, choices } = ruleChoicesFrom(stored);
    cached = { key, rules: ruleSetWith(userRules, choices) };
  }
  return cached.rules;
}

export function answerReader(req: ReaderRequest, parse: ParseHtml): ViewReading | CouponScan | null {
  if (req.op === 'read-view') return readAnonymousView(req.view, rulesFromStorage(req.rules), parse);
  return extractCoupons(parse(req.html) as unknown as ParentNode, req.url);
}

/** A reader that works in this context (a page with DOMParser, or Node with linkedom). */
export function directReader(parse: ParseHtml): PageReader {
  return readerOf(async (request) => answerReader(request, parse));
}

/** The browser's parser: an inert document (no scripts run, nothing is fetched). */
export const parseWithDomParser: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html');
