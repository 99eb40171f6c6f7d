/**
 * What an answer's head alone says (structure.ts reads the rest): a vendor's challenge header,
 * its cookie with a refusing status, a 429. All the service worker can read of an answer
 * (webRequest shows no body), so it carries this and not the markup readers.
 */
import type { Detection, NetworkInput } from '../types';
import { headMarkers, type HeaderMarker } from './antibot-head';

/** A finding of the structural layer (here and structure.ts): its snippet bounded, its reason given. */
export function structuralFinding(kind: Detection['kind'], platform: string | null, ruleId: string, version: string, where: Detection['where'], confidence: number, snippet: string, why: string): Detection {
  return { kind, platform, ruleId, rulesetVersion: version, snippet: snippet.slice(0, 200), where, confidence, why };
}

function headerValue(headers: Record<string, string> | undefined, m: HeaderMarker): string | undefined {
  if (!headers) return undefined;
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    if ((m.name && name === m.name) || (m.namePattern && m.namePattern.test(name))) return v;
  }
  return undefined;
}

function cookieNames(headers: Record<string, string> | undefined): string[] {
  if (!headers) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== 'set-cookie') continue;
    for (const part of v.split(/,(?=\s*[^;=\s]+=)|\n/)) {
      const name = part.split('=')[0]?.trim().toLowerCase();
      if (name) out.push(name);
    }
  }
  return out;
}

/** Vendors' challenge headers, and their cookies with a refusing status. */
export function scanAnswerMarkers(input: NetworkInput, platform: string | null, version: string, markers = headMarkers()): Detection[] {
  const out: Detection[] = [];
  const status = input.status;
  const { headers, cookies } = markers;
  for (const m of headers) {
    const v = headerValue(input.headers, m);
    if (v === undefined || (m.value && !m.value(v))) continue;
    if (!m.challenge && (status === undefined || !m.statuses?.includes(status))) continue;
    out.push(structuralFinding(m.kind, platform ?? m.platform, m.id, version, 'network', m.challenge ? 0.8 : 0.7, `HTTP ${status ?? ''} ${m.name ?? 'header'}: ${v}`.trim(), `header: ${m.platform}`));
  }
  const names = cookieNames(input.headers);
  for (const m of cookies) {
    if (status === undefined || !m.statuses?.includes(status)) continue;
    if (!names.some((n) => n.startsWith(m.name!))) continue;
    out.push(structuralFinding(m.kind, platform ?? m.platform, m.id, version, 'network', 0.65, `HTTP ${status} cookie ${m.name}`, `cookie: ${m.platform} with HTTP ${status}`));
  }
  return out;
}

/**
 * A paid API out of the caller's credit ("余额不足或无可用资源包,请充值。") answers 429 too: that is a bill
 * to pay, not a refusal of the visitor.
 */
const UNPAID = /余额不足|请充值|餘額不足|請充值|insufficient (?:balance|credits?|funds)|top up your (?:balance|account)/i;

/** A 429 refuses whatever else the body says. */
export function scanAnswerStatus(input: NetworkInput, platform: string | null, version: string): Detection[] {
  if (input.status !== 429 || UNPAID.test((input.body ?? '').slice(0, 4096))) return [];
  return [structuralFinding('access-denied', platform, 'general.status.429', version, 'network', 0.6, `HTTP 429 ${input.url}`, 'status: 429 Too Many Requests')];
}
