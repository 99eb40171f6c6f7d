/**
 * is-antibot's header and cookie markers (antibot-head-data.ts) in Shutout's terms: a header that
 * itself says "challenged" fires with any status; other headers, and the session or clearance
 * cookies set on ordinary visits too, only with a refusing status.
 */
import type { Kind } from '../kinds';
import { headProviders, type HeadProvider } from './antibot-head-data';
import type { ProviderRule } from './antibot';

export interface HeaderMarker {
  id: string;
  kind: Kind;
  platform: string;
  name?: string;
  namePattern?: RegExp;
  value?: (v: string) => boolean;
  statuses?: readonly number[];
  /** A header that itself says "challenged" fires with any status. */
  challenge: boolean;
}

const BLOCK_STATUSES = [403, 429, 503];

function valueTest(r: ProviderRule): ((v: string) => boolean) | undefined {
  if (r.equals !== undefined) return (v) => v.trim().toLowerCase() === r.equals!.toLowerCase();
  if (r.startsWith !== undefined) return (v) => v.trim().toLowerCase().startsWith(r.startsWith!.toLowerCase());
  if (r.oneOf) return (v) => r.oneOf!.includes(v.trim());
  if (r.except !== undefined) return (v) => v.trim().toLowerCase() !== r.except!.toLowerCase();
  return undefined;
}

/** The markers of some providers (the package's, or a test's). */
export function buildHeadMarkers(providers: readonly HeadProvider[]): { headers: HeaderMarker[]; cookies: HeaderMarker[] } {
  const headers: HeaderMarker[] = [];
  const cookies: HeaderMarker[] = [];
  for (const p of providers) {
    p.detections.forEach((d, di) => {
      d.rules.forEach((r, ri) => {
        const id = `antibot.${p.name}.${d.type}.${di}.${ri}`;
        if (d.type === 'headers') {
          let namePattern: RegExp | undefined;
          try {
            namePattern = r.headerNamePattern ? new RegExp(r.headerNamePattern, (r.flags ?? '').replace(/[^imsu]/g, '')) : undefined;
          } catch {
            return;
          }
          const challenge = /challenge|mitigated|waf-action/i.test(`${r.header ?? ''} ${r.equals ?? ''}`);
          headers.push({ id, kind: p.kind, platform: p.platform, name: r.header?.toLowerCase(), namePattern, value: valueTest(r), statuses: d.statusCodes ?? BLOCK_STATUSES, challenge });
        } else if (d.type === 'cookies' && r.cookie) {
          const name = r.cookie.replace(/=$/, '').toLowerCase();
          cookies.push({ id, kind: p.kind, platform: p.platform, name, statuses: d.statusCodes ?? BLOCK_STATUSES, challenge: false });
        }
      });
    });
  }
  return { headers, cookies };
}

let built: ReturnType<typeof buildHeadMarkers> | undefined;
/** The package's markers, built once when first needed. */
export function headMarkers(): ReturnType<typeof buildHeadMarkers> {
  return (built ??= buildHeadMarkers(headProviders()));
}
