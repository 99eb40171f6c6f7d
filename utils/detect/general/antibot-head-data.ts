/**
 * The is-antibot providers (antibot.ts) whose answers' heads say "challenged" or "refused":
 * each provider Shutout reads as a wall (ROLE), with its header and cookie rules only, at their
 * places in the provider's list (the markers' ids count them). The service worker reads these and
 * no markup. Node computes them from the package; the extension's build replaces this module with
 * the same export over the data (scripts/lib/shipped.ts), so the worker does not carry the
 * package's markup rules.
 */
import providers from 'is-antibot/providers.json';
import type { Kind } from '../kinds';
import { ROLE, type Provider, type ProviderRule } from './antibot';

export interface HeadProvider {
  name: string;
  kind: Kind;
  platform: string;
  /** Every detection of the provider, in order; those that read markup have no rules here. */
  detections: Array<{ type: string; statusCodes?: number[]; rules: ProviderRule[] }>;
}

export function headProviders(): HeadProvider[] {
  const out: HeadProvider[] = [];
  for (const p of (providers as { providers: Provider[] }).providers) {
    const role = ROLE[p.name];
    if (!role || role === 'presence') continue;
    const detections = p.detections.map((d) => ({ type: d.type, ...(d.statusCodes ? { statusCodes: d.statusCodes } : {}), rules: d.type === 'headers' || d.type === 'cookies' ? d.rules : [] }));
    if (detections.some((d) => d.rules.length)) out.push({ name: p.name, kind: role.kind, platform: role.platform, detections });
  }
  return out;
}
