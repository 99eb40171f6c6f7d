/**
 * What Shutout knows about one platform, in one file: `utils/platforms/<id>.ts` exports a
 * descriptor made with `definePlatform` (a marketplace) or `defineWall` (a wall vendor that any
 * site can sit behind, in `utils/platforms/walls/`). Its rules are `<id>.rules.ts` beside it and
 * its coupon reader, if it has one, `<id>.coupons.ts`. Nothing else lists platforms: the
 * manifest's host permissions, the content scripts' matches, the host lookup, the same-company
 * test and the options page are all derived from the descriptors (utils/platforms/README.md).
 *
 * Pure data: no browser API and no imports, so that every bundle can read it cheaply.
 */

export interface Names {
  en: string;
  zh: string;
}

export interface MarketplaceDescriptor {
  kind: 'marketplace';
  /** Stable id, recorded with every finding; the descriptor's file name. */
  id: string;
  name: Names;
  /**
   * Who runs the platform. Platforms of one company share API hosts (a Tmall page calls
   * h5api.m.taobao.com), so the network tap accepts answers from the page's own company only.
   */
  company: string;
  /**
   * The rule group the options page turns on and off (stored in `disabledFamilies`, so keep the
   * value once users have it). A group's label is `family_<id>` in the locales when there is one,
   * else the names of its platforms.
   */
  family: string;
  /**
   * Registrable domains the platform runs, every subdomain included: for a brand with country
   * sites, each real country domain (amazon.com, amazon.co.jp …). A rule host "amazon.*" means
   * exactly these, so that amazon.evil.io is never Amazon.
   */
  domains: readonly string[];
  /** Hosts under another platform's domain that belong to this one (ju.taobao.com is Juhuasuan). */
  subdomains?: readonly string[];
  /**
   * Hosts the content script runs on: the manifest's host permissions. Each is one of, or under,
   * `domains` / `subdomains`. Defaults to all of them.
   */
  watch?: readonly string[];
  /** The platform whose `<id>.coupons.ts` reads this platform's item pages, if any. */
  coupons?: string;
  /** Where the platform is named as an example (empty state, lists): lower first. */
  rank?: number;
  /** Public pages of the platform, to try Shutout by hand. */
  testUrls: readonly string[];
}

export interface WallDescriptor {
  kind: 'wall';
  id: string;
  name: Names;
  /** Rule group on the options page; every wall is in "walls". */
  family: string;
  /** Public pages of the vendor that describe the wall (what a reader can check the rules against). */
  testUrls: readonly string[];
}

export type Descriptor = MarketplaceDescriptor | WallDescriptor;

export function definePlatform(d: Omit<MarketplaceDescriptor, 'kind'>): MarketplaceDescriptor {
  return { kind: 'marketplace', ...d };
}

export function defineWall(d: Omit<WallDescriptor, 'kind' | 'family'> & { family?: string }): WallDescriptor {
  return { kind: 'wall', family: 'walls', ...d };
}
