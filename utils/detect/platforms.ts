/**
 * The platforms Shutout covers, read from their descriptors (utils/platforms/<id>.ts, see
 * descriptor.ts), and the host lookups every context shares: which platform a URL is on, and
 * whether a host falls under a rule's host pattern. Pure data and string work, no browser API.
 */
import { DESCRIPTOR_FILES } from '../platforms/_generated/descriptors';
import type { Descriptor, MarketplaceDescriptor, Names } from './descriptor';

export interface Platform {
  id: string;
  name: Names;
  /** Hosts that identify the platform (domains and subdomains); empty for walls. */
  hosts: readonly string[];
  /** A wall vendor rather than a marketplace: never given as the platform of a page. */
  wall?: boolean;
  descriptor: Descriptor;
}

const rankOf = (d: Descriptor) => (d.kind === 'marketplace' ? (d.rank ?? 50) : 100);

/** Every descriptor: marketplaces by rank (the best-known first), then walls. */
export const DESCRIPTORS: readonly Descriptor[] = DESCRIPTOR_FILES.map((f) => f.descriptor).sort(
  (a, b) => rankOf(a) - rankOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
);

export const MARKETPLACES: readonly MarketplaceDescriptor[] = DESCRIPTORS.filter((d): d is MarketplaceDescriptor => d.kind === 'marketplace');

export const PLATFORMS: readonly Platform[] = DESCRIPTORS.map((d) =>
  d.kind === 'wall'
    ? { id: d.id, name: d.name, hosts: [], wall: true, descriptor: d }
    : { id: d.id, name: d.name, hosts: [...d.domains, ...(d.subdomains ?? [])], descriptor: d },
);

const byId = new Map(PLATFORMS.map((p) => [p.id, p]));

export function platformById(id: string): Platform | undefined {
  return byId.get(id);
}

/**
 * A brand's real domains: "amazon" → amazon.com, amazon.co.jp …, from the descriptors' domains
 * (each a registrable domain, so its first label is the brand; the convention test checks that
 * with the public-suffix list).
 */
const BRAND_DOMAINS = new Map<string, string[]>();
for (const d of MARKETPLACES) {
  for (const domain of d.domains) {
    const brand = domain.slice(0, domain.indexOf('.'));
    const list = BRAND_DOMAINS.get(brand);
    if (list) list.push(domain);
    else BRAND_DOMAINS.set(brand, [domain]);
  }
}

/** The real domains of a brand ("amazon"), or an empty list when no descriptor has it. */
export function brandDomains(brand: string): readonly string[] {
  return BRAND_DOMAINS.get(brand.toLowerCase()) ?? [];
}

/** Host of a URL in lower case without a trailing dot, or '' when the URL does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** `host` is `domain` or one of its subdomains. */
function under(host: string, domain: string): boolean {
  return host === domain || (host.length > domain.length && host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46);
}

/**
 * Does `host` fall under the host pattern? "taobao.com" covers the domain and its subdomains;
 * "amazon.*" covers the brand's real country domains (and their subdomains) and nothing else:
 * amazon.evil.io, amazon.com.evil.cn and a brand no descriptor names match nothing.
 */
export function hostMatches(host: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return brandDomains(pattern.slice(0, -2)).some((d) => under(host, d));
  return under(host, pattern);
}

/** Every identifying host, longest first, so that ju.taobao.com is Juhuasuan before taobao.com is Taobao. */
const HOST_INDEX: ReadonlyArray<{ host: string; id: string }> = MARKETPLACES.flatMap((d) =>
  [...d.domains, ...(d.subdomains ?? [])].map((host) => ({ host, id: d.id })),
).sort((a, b) => b.host.length - a.host.length);

/** The marketplace a URL belongs to, most specific host first (ju.taobao.com → juhuasuan). */
export function platformOf(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  for (const h of HOST_INDEX) if (under(host, h.host)) return h.id;
  return null;
}

/** The company that runs a marketplace (descriptor `company`), or undefined. */
export function companyOf(platformId: string): string | undefined {
  const d = byId.get(platformId)?.descriptor;
  return d?.kind === 'marketplace' ? d.company : undefined;
}
