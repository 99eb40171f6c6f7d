/**
 * How far the background trusts what a page reports (issue 14, items 4 and 7). A page's own
 * scripts can post messages in the tap's format, and any site can send the browser to a wall's
 * address: such findings are kept, marked with what they rest on, at a lower confidence.
 */
import { sameFamily } from '../detect/families';
import type { Detection } from '../detect/types';
import type { NavigationSeen } from './network';

/** Share of its confidence a finding keeps when only the address says "blocked". */
export const URL_ONLY_FACTOR = 0.5;
/** Share of its confidence a tap finding keeps when the browser did not see the answer it names. */
export const PAGE_SUPPLIED_FACTOR = 0.5;

/**
 * - `url-only`: only the page's address says "blocked"; the page did not show it, no answer of
 *   the server did, and the browser was not sent there by the page's own company.
 * - `page-supplied`: an API answer only the page's scripts told of (the tap); the browser did not
 *   see an answer from that address with that status in this tab.
 */
export type Basis = 'url-only' | 'page-supplied';

/** A detection with what the background learned about it, as it is stored. */
export type WeighedDetection = Detection & {
  basis?: Basis;
  /** For address findings: the origin of the page that sent the browser there, when known. */
  initiator?: string;
};

/** The answer a tap detection names (the content script adds it; see messages.ts). */
export interface TapAnswer {
  url: string;
  status?: number;
}

const lowered = (confidence: number, factor: number) => Math.round(confidence * factor * 100) / 100;

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * Tap detections (a report's `network` ones: the content script has no other source) become
 * page-supplied unless `sawAnswer` says the browser saw that answer. `answer` is dropped: it is
 * the tap's claim, not part of the finding.
 */
export function weighTap(detections: Array<Detection & { answer?: TapAnswer }>, sawAnswer: (answer: TapAnswer) => boolean): WeighedDetection[] {
  return detections.map(({ answer, ...d }) => {
    if (d.where !== 'network') return d;
    if (answer && sawAnswer(answer)) return d;
    return { ...d, basis: 'page-supplied' as const, confidence: lowered(d.confidence, PAGE_SUPPLIED_FACTOR) };
  });
}

/**
 * Address findings carry the origin that sent the browser to the page, when it is known: webRequest's
 * initiator (Chrome gives it only for origins the extension has host access to, so a link on another
 * site shows none), else the document's referrer as the content script read it (a site can withhold
 * it). When nothing but the address says "blocked" — no text, no server answer — and the page's own
 * company did not send the browser there, they become url-only. A page that changed its own address
 * (in-app navigation) is its company's doing.
 */
export function weighUrlOnly(pageUrl: string, detections: WeighedDetection[], nav: NavigationSeen, referrer?: string): WeighedDetection[] {
  const initiator = nav.how === 'in-app' ? originOf(pageUrl) : (nav.how === 'load' && nav.initiator) || (referrer ? originOf(referrer) : '') || undefined;
  const agrees = detections.some((d) => d.where !== 'url' && d.basis !== 'page-supplied');
  const own = nav.how === 'in-app' || (!!initiator && sameFamily(pageUrl, initiator));
  return detections.map((d) => {
    if (d.where !== 'url') return d;
    const withInitiator = initiator ? { ...d, initiator } : d;
    return agrees || own ? withInitiator : { ...withInitiator, basis: 'url-only' as const, confidence: lowered(d.confidence, URL_ONLY_FACTOR) };
  });
}
