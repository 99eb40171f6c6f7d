import { hostMatches, hostOf } from './platforms';
import { MARKETPLACE_DOMAINS } from './watched-domains';

export { MARKETPLACE_DOMAINS };

/** `*://*.example.com/*` covers the domain itself and every subdomain. */
export const MARKETPLACE_MATCHES: string[] = MARKETPLACE_DOMAINS.map((d) => `*://*.${d}/*`);

/** Is the URL on a marketplace that Shutout watches? */
export function isMarketplaceUrl(url: string): boolean {
  const host = hostOf(url);
  return !!host && MARKETPLACE_DOMAINS.some((d) => hostMatches(host, d));
}
