/**
 * The page reader's work (protocol.ts), the same in the offscreen document, the Firefox background
 * page and the tests: only the HTML parser differs (DOMParser in the browser, linkedom in Node).
 */
import { extractCoupons } from '../coupons/index';
import type { CouponScan } from '../coupons/types';
import type { RuleSet } from '../detect/engine';
import { ruleSetWith } from '../detect/rule-sets';
import type { ParseHtml } from '../dom/load-html';
import { readAnonymousView, scanBoundedHtml, type ViewReading } from '../scope/read-view';
import type { ReportedDetection } from '../protocol/messages';
import { acceptTap, tapFindings } from '../content/tap-protocol';
import { ruleChoicesFrom } from '../storage/rule-choices';
import { readerOf, type PageReader, type ReaderRequest, type SavedPage } from './protocol';

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

/**
 * A page the tab left before the engine loaded (utils/content/boot.ts): its HTML read as
 * `shutout scan` reads a saved page, and the tap's answers checked as the watch script checks
 * them (acceptTap: the page can post those messages too), each finding naming its answer.
 */
export function scanSavedPage(page: SavedPage, rules: RuleSet, parse: ParseHtml, now = new Date()): ReportedDetection[] {
  // Beyond the markup bounds (load-html.ts) the tap's answers are still read.
  const found: ReportedDetection[] = [...(scanBoundedHtml(page.html, parse, page.url, rules, { now })?.detections ?? [])];
  for (const tap of page.taps.slice(0, 50)) {
    const input = acceptTap(tap.data, tap.url);
    if (input) found.push(...tapFindings(rules, input, now));
  }
  return found;
}

export function answerReader(req: ReaderRequest, parse: ParseHtml): ViewReading | CouponScan | ReportedDetection[] | null {
  if (req.op === 'read-view') return readAnonymousView(req.view, rulesFromStorage(req.rules), parse);
  if (req.op === 'scan-page') return scanSavedPage(req.page, rulesFromStorage(req.rules), parse);
  return extractCoupons(parse(req.html) as unknown as ParentNode, req.url);
}

/** A reader that works in this context (a page with DOMParser, or Node with linkedom). */
export function directReader(parse: ParseHtml): PageReader {
  return readerOf(async (request) => answerReader(request, parse));
}

/** The browser's parser: an inert document (no scripts run, nothing is fetched). */
export const parseWithDomParser: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html');
