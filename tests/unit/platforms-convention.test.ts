/**
 * The platform convention (utils/platforms/README.md): one descriptor per platform, complete,
 * with fixtures and test URLs; no host claimed twice; the index generated from the folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { findPlatformFiles, writePlatformIndex } from '../../scripts/platform-index';
import { platformFiles, writePlatform } from '../../scripts/new-platform';
import { COUPON_PLATFORMS } from '../../utils/coupons/index';
import type { Descriptor, MarketplaceDescriptor } from '../../utils/detect/descriptor';
import { MARKETPLACE_DOMAINS } from '../../utils/detect/hosts';
import { DESCRIPTORS, MARKETPLACES, platformOf } from '../../utils/detect/platforms';
import { BUILTIN_RULES, RULE_FAMILIES } from '../../utils/detect/rules';
import { RULES_BY_PLATFORM } from '../../utils/platforms/_generated/rules';
import { loadCorpus } from '../corpus';

const corpus = loadCorpus();
const urlOf = (f: (typeof corpus)[number]) => (f.type === 'page' ? f.url : f.input.url);
const identifying = (d: MarketplaceDescriptor) => [...d.domains, ...(d.subdomains ?? [])];
const ALL_DOMAINS = new Set(MARKETPLACES.flatMap((d) => d.domains));
const under = (host: string, domain: string) => host === domain || host.endsWith('.' + domain);

/** What the convention asks of one descriptor; an empty list when it holds. */
export function conventionProblems(d: Descriptor, file: string): string[] {
  const problems: string[] = [];
  if (d.id !== file) problems.push(`id "${d.id}" is not its file name "${file}"`);
  if (!d.name.en.trim() || !d.name.zh.trim() || /TODO/.test(d.name.en + d.name.zh)) problems.push('needs names in English and Chinese');
  if (d.testUrls.length === 0) problems.push('needs a public test URL');
  for (const u of d.testUrls) {
    if (!/^https:\/\/[^/\s]+\//.test(u) || /TODO/.test(u)) problems.push(`test URL ${u} is not a public https URL`);
    else if (d.kind === 'marketplace' && platformOf(u) !== d.id) problems.push(`test URL ${u} is not on ${d.id}`);
  }
  if (d.kind === 'marketplace') {
    if (identifying(d).length === 0) problems.push('needs domains (or subdomains)');
    for (const domain of d.domains) {
      // A real domain, not a public suffix (amazon.com.be sits under com.be, which is not on the list).
      const registrable = getDomain(domain);
      if (!registrable || !domain.includes('.')) problems.push(`domain ${domain} is a public suffix, not a site (public-suffix list)`);
      else if (registrable !== domain && ALL_DOMAINS.has(registrable)) problems.push(`domain ${domain} is under ${registrable}: list it in subdomains`);
    }
    for (const sub of d.subdomains ?? []) if (getDomain(sub) === sub) problems.push(`subdomain ${sub} is a registrable domain: list it in domains`);
    for (const w of d.watch ?? []) if (!identifying(d).some((h) => under(w, h))) problems.push(`watched host ${w} is not one of its domains`);
    if (d.coupons && !COUPON_PLATFORMS.includes(d.id)) problems.push(`coupons '${d.coupons}' has no ${d.coupons}.coupons.ts`);
    const fixtures = corpus.filter((f) => platformOf(urlOf(f)) === d.id);
    if (!fixtures.some((f) => f.expect !== 'clear')) problems.push('needs a positive fixture on its hosts');
    if (!fixtures.some((f) => f.expect === 'clear')) problems.push('needs a negative fixture on its hosts');
  } else {
    const own = RULES_BY_PLATFORM[d.id] ?? [];
    if (!own.some((r) => r.fixtures.length > 0)) problems.push('needs rules with a positive fixture');
  }
  return problems;
}

describe('platform descriptors', () => {
  const files = findPlatformFiles();

  it('the generated index lists exactly the files in utils/platforms/', () => {
    expect(writePlatformIndex()).toEqual([]);
    expect(files.descriptors.map((f) => f.id).sort()).toEqual(DESCRIPTORS.map((d) => d.id).sort());
  });

  for (const d of DESCRIPTORS) {
    it(`${d.id} follows the convention`, () => {
      expect(conventionProblems(d, d.id)).toEqual([]);
    });
  }

  it('no host is claimed by two descriptors', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const d of MARKETPLACES) {
      for (const h of identifying(d)) {
        if (owner.has(h)) twice.push(`${h}: ${owner.get(h)} and ${d.id}`);
        owner.set(h, d.id);
      }
    }
    expect(twice).toEqual([]);
  });

  it('a rule file holds its own platform’s rules, and every rule file has a descriptor', () => {
    for (const [id, rules] of Object.entries(RULES_BY_PLATFORM)) {
      expect(DESCRIPTORS.some((d) => d.id === id), `${id}.rules.ts has no descriptor`).toBe(true);
      for (const r of rules) expect(r.platform, `${r.id} in ${id}.rules.ts`).toBe(id);
    }
    expect(Object.values(RULE_FAMILIES).flat().length).toBe(BUILTIN_RULES.length);
  });

  it('every watched host is some descriptor’s', () => {
    for (const h of MARKETPLACE_DOMAINS) expect(platformOf(`https://${h}/`), h).not.toBeNull();
  });
});

describe('the convention test catches an incomplete platform', () => {
  const base = MARKETPLACES.find((d) => d.id === 'jd')!;

  it('without names, a test URL or fixtures', () => {
    const bare: MarketplaceDescriptor = { ...base, id: 'newshop', name: { en: '', zh: '' }, domains: ['newshop-example.com'], watch: undefined, coupons: undefined, testUrls: [] };
    const problems = conventionProblems(bare, 'newshop');
    expect(problems).toContain('needs names in English and Chinese');
    expect(problems).toContain('needs a public test URL');
    expect(problems).toContain('needs a positive fixture on its hosts');
    expect(problems).toContain('needs a negative fixture on its hosts');
  });

  it('with a public suffix or another platform’s subdomain for a domain', () => {
    expect(conventionProblems({ ...base, domains: ['com.cn'] }, 'jd')).toContain('domain com.cn is a public suffix, not a site (public-suffix list)');
    expect(conventionProblems({ ...base, domains: ['co.uk'] }, 'jd')).toContain('domain co.uk is a public suffix, not a site (public-suffix list)');
    expect(conventionProblems({ ...base, domains: ['item.jd.com'] }, 'jd')).toContain('domain item.jd.com is under jd.com: list it in subdomains');
  });

  it('npm run new-platform writes a descriptor, a rule file and both fixtures, which fail until filled in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shutout-newplatform-'));
    try {
      const written = writePlatform({ id: 'newshop', domain: 'newshop-example.com', en: '', zh: '', company: 'newshop' }, dir);
      expect(written.sort()).toEqual(Object.keys(platformFiles({ id: 'newshop', domain: 'x', en: '', zh: '', company: 'x' })).sort());
      expect(written).toContain('tests/fixtures/corpus/positive/newshop/newshop-notice.html');
      expect(written).toContain('tests/fixtures/corpus/negative/newshop/newshop-ordinary.html');
      expect(readFileSync(join(dir, 'utils/platforms/newshop.ts'), 'utf8')).toContain("id: 'newshop'");
      expect(findPlatformFiles(join(dir, 'utils/platforms')).descriptors.map((f) => f.id)).toEqual(['newshop']);
      expect(() => writePlatform({ id: 'newshop', domain: 'x.com', en: 'x', zh: 'x', company: 'x' }, dir)).toThrow(/exists already/);
      expect(() => writePlatform({ id: 'New Shop', domain: 'x.com', en: 'x', zh: 'x', company: 'x' }, dir)).toThrow(/lower-case/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
