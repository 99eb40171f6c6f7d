/**
 * What the detection finds in an anonymous view: the same reading the CLI gives a saved answer
 * and a saved page. Each redirect is read as a HAR entry is (status, headers, redirect target:
 * `scanNetwork`), the final answer too (status, headers, body), and its HTML as `shutout scan`
 * reads a saved page (utils/dom/load-html.ts, `scanPage`).
 *
 * Both read the first ANSWER_BODY_LIMIT of the body, as the CLI reads a HAR entry's document: a
 * notice sits at the top of a page, and linkedom takes about 2 s a MiB here (8 MiB, the anonymous
 * view's cap, took 19 s), which the reader must not spend on one check.
 */
import { extractCoupons } from '../coupons/index';
import { onePerKind, scanNetwork, scanPage, type RuleSet } from '../detect/engine';
import type { Detection } from '../detect/types';
import { readHtml, type LoadedPage, type ParseHtml } from '../dom/load-html';
import type { OkView } from '../background/anonymous-view';

/** Bodies are read up to this size, as the CLI reads a HAR entry's body (cli/har.ts). */
export const ANSWER_BODY_LIMIT = 1024 * 1024;


export interface ViewReading {
  detections: Detection[];
  /** The offers the anonymous page shows in what was read, for coupon-missing findings (null: Shutout reads no coupons there). */
  offerKeys: string[] | null;
}

function looksLikeHtml(view: OkView): boolean {
  const type = view.headers['content-type'] ?? '';
  return /html|xml/i.test(type) || (!type && /^\s*(?:<!doctype|<html|<head|<body|<meta|<title|<div)/i.test(view.text));
}

/** `parse`: the browser's DOMParser in the extension (utils/reader), linkedom in Node. */
export function readAnonymousView(view: OkView, rules: RuleSet, parse: ParseHtml, now = new Date()): ViewReading {
  const found: Detection[] = [];
  for (const hop of view.redirects) {
    found.push(...scanNetwork(rules, { url: hop.url, pageUrl: view.url, status: hop.status, headers: hop.headers, redirectUrl: hop.location, resource: 'document', now }));
  }
  found.push(...scanNetwork(rules, { url: view.finalUrl, pageUrl: view.url, status: view.status, headers: view.headers, body: view.text.slice(0, ANSWER_BODY_LIMIT), resource: 'document', now }));
  let offerKeys: string[] | null = null;
  if (looksLikeHtml(view)) {
    let page: LoadedPage | null = null;
    try {
      page = readHtml(view.text.slice(0, ANSWER_BODY_LIMIT), parse, view.finalUrl, rules);
    } catch {
      page = null; // beyond the markup bounds: the network reading stands alone
    }
    if (page) {
      found.push(...scanPage(rules, { url: view.finalUrl, title: page.title, segments: page.segments, markup: page.markup, widgets: page.widgets, status: view.status, now }));
      offerKeys = extractCoupons(page.document as ParentNode, view.finalUrl)?.offers.map((o) => o.key) ?? null;
    }
  }
  return { detections: onePerKind(found), offerKeys };
}
