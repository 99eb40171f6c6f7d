/**
 * The page reader's work (protocol.ts), the same in the offscreen document, the Firefox background
 * page and the tests: only the HTML parser differs (DOMParser in the browser, linkedom in Node).
 */
import { extractCoupons } from '../coupons/index';
import type { CouponScan } from '../coupons/types';
import { BUILTIN_RULES, ruleSetWith, type RuleSet } from '../detect/index';
import { validateUserRules } from '../detect/validate';
import type { ParseHtml } from '../dom/load-html';
import { readAnonymousView, type ViewReading } from '../scope/read-view';
import { ruleChoicesFrom } from '../storage/rule-choices';
import type { PageReader, ReaderRequest } from './protocol';

let cached: { key: string; rules: RuleSet } | undefined;

/** The rules in force for these storage.local values: the built-in ones with the user's (validated) rules and choices. */
export function rulesFromStorage(stored: Record<string, unknown>): RuleSet {
  const key = JSON.stringify(stored);
  if (cached?.key !== key) {
    const { choices } = ruleChoicesFrom(stored);
    const builtinIds = new Set(BUILTIN_RULES.map((r) => r.id));
    cached = { key, rules: ruleSetWith(validateUserRules(stored.userRules ?? [], builtinIds).rules, choices) };
  }
  return cached.rules;
}

export function answerReader(req: ReaderRequest, parse: ParseHtml): ViewReading | CouponScan | null {
  if (req.op === 'read-view') return readAnonymousView(req.view, rulesFromStorage(req.rules), parse);
  return extractCoupons(parse(req.html) as unknown as ParentNode, req.url);
}

/** A reader that works in this context (a page with DOMParser, or Node with linkedom). */
export function directReader(parse: ParseHtml): PageReader {
  return {
    readView: async (view, rules) => answerReader({ target: 'shutout-reader', op: 'read-view', view, rules }, parse) as ViewReading,
    extractCoupons: async (html, url) => answerReader({ target: 'shutout-reader', op: 'coupons', html, url }, parse) as CouponScan | null,
  };
}

/** The browser's parser: an inert document (no scripts run, nothing is fetched). */
export const parseWithDomParser: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html');
