import { hostMatches, hostOf, MARKETPLACES } from './platforms';

/**
 * The hosts Shutout watches, from the descriptors' `watch` lists: the content script runs only
 * here and these are the extension's only host permissions (wxt.config.ts, both content scripts).
 */
export const MARKETPLACE_DOMAINS: readonly string[] = [...new Set(MARKETPLACES.flatMap((d) => d.watch ?? [...d.domains, ...(d.subdomains ?? [])]))];

/** `*://*.example.com/*` covers the domain itself and every subdomain. */
export const MARKETPLACE_MATCHES: string[] = MARKETPLACE_DOMAINS.map((d) => `*://*.${d}/*`);

/** Is the URL on a marketplace that Shutout watches? */
export function isMarketplaceUrl(url: string): boolean {
  const host = hostOf(url);
  return !!host && MARKETPLACE_DOMAINS.some((d) => hostMatches(host, d));
}
