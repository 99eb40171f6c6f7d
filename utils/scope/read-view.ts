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

/**
 * The first ANSWER_BODY_LIMIT of `html` read as `shutout scan` reads a saved page, with its
 * findings; null beyond the markup bounds (load-html.ts), where other readings must stand alone.
 * The anonymous view and a page handed over at pagehide (utils/reader/read.ts) are read so.
 */
export function scanBoundedHtml(html: string, parse: ParseHtml, url: string, rules: RuleSet, opts: { status?: number; now: Date }): { page: LoadedPage; detections: Detection[] } | null {
  let page: LoadedPage;
  try {
    page = readHtml(html.slice(0, ANSWER_BODY_LIMIT), parse, url, rules);
  } catch {
    return null;
  }
  return { page, detections: scanPage(rules, { url, title: page.title, segments: page.segments, markup: page.markup, widgets: page.widgets, ...opts }) };
}

/** `parse`: the browser's DOMParser in the extension (utils/reader), linkedom in Node. */
export function readAnonymousView(view: OkView, rules: RuleSet, parse: ParseHtml, now = new Date()): ViewReading {
  const found: Detection[] = [];
  for (const hop of view.redirects) {
    found.push(...scanNetwork(rules, { url: hop.url, pageUrl: view.url, status: hop.status, headers: hop.headers, redirectUrl: hop.location, resource: 'document', now }));
  }
  found.push(...scanNetwork(rules, { url: view.finalUrl, pageUrl: view.url, status: view.status, headers: view.headers, body: view.text.slice(0, ANSWER_BODY_LIMIT), resource: 'document', now }));
  let offerKeys: string[] | null = null;
  // Beyond the markup bounds the network reading stands alone.
  const read = looksLikeHtml(view) ? scanBoundedHtml(view.text, parse, view.finalUrl, rules, { status: view.status, now }) : null;
  if (read) {
    found.push(...read.detections);
    offerKeys = extractCoupons(read.page.document as ParentNode, view.finalUrl)?.offers.map((o) => o.key) ?? null;
  }
  return { detections: onePerKind(found), offerKeys };
}
