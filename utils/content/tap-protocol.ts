/**
 * Messages from the page-world tap (entrypoints/tap.ts) to the content script. The page can
 * post the same messages, so nothing in them is trusted: the content script checks that the
 * API URL belongs to the page's own company, bounds the sizes, and files findings only under
 * the page's own URL.
 */
import { scanNetwork, type RuleSet } from '../detect/engine';
import { sameFamily } from '../detect/families';
import type { Detection, NetworkInput } from '../detect/types';
import { TAP_MAX_BODY, TAP_MAX_URL, TAP_SOURCE } from './tap-constants';

export { TAP_MAX_BODY, TAP_MAX_READ, TAP_MAX_URL, TAP_SHADOW_EVENT, TAP_SOURCE } from './tap-constants';

export interface TapMessage {
  source: typeof TAP_SOURCE;
  url: string;
  status: number;
  body: string;
}

export function acceptTap(data: unknown, pageUrl: string): NetworkInput | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Partial<TapMessage>;
  if (m.source !== TAP_SOURCE || typeof m.url !== 'string' || typeof m.body !== 'string' || typeof m.status !== 'number') return null;
  // An HTTP status is a whole number below 1000 (0 for an answer the page could not read).
  if (!Number.isInteger(m.status) || m.status < 0 || m.status > 999) return null;
  if (m.url.length > TAP_MAX_URL || !/^https:\/\//i.test(m.url)) return null;
  if (!sameFamily(pageUrl, m.url)) return null;
  return { url: m.url, pageUrl, status: m.status, body: m.body.slice(0, TAP_MAX_BODY), resource: 'api' };
}

/**
 * The findings of an accepted tap answer: each names the answer it came from, which the
 * background checks against what it saw (utils/background/trust.ts). The watch script and the
 * page reader (a page handed over at pagehide) both file them so.
 */
export function tapFindings(rules: RuleSet, input: NetworkInput, now?: Date): Array<Detection & { answer: { url: string; status?: number } }> {
  const answer = { url: input.url, ...(input.status !== undefined ? { status: input.status } : {}) };
  return scanNetwork(rules, { ...input, ...(now ? { now } : {}) }).map((d) => ({ ...d, answer }));
}
