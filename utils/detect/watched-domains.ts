import { MARKETPLACES } from './platforms';

/**
 * The hosts Shutout watches, from the descriptors' `watch` lists: the content script runs only
 * here and these are the extension's only host permissions (wxt.config.ts, both content scripts).
 * A module of its own because the page-world tap needs this list and nothing else of the
 * descriptors: the extension's build ships it as a literal (scripts/lib/shipped.ts), which keeps
 * the descriptors out of the document_start scripts.
 */
export const MARKETPLACE_DOMAINS: readonly string[] = [...new Set(MARKETPLACES.flatMap((d) => d.watch ?? [...d.domains, ...(d.subdomains ?? [])]))];
