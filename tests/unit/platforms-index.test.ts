/**
 * The platform index every context shares (utils/detect/platforms.ts): the descriptors' order, the
 * walls' empty host lists, a brand's country domains and which marketplace a host belongs to.
 */
import { describe, expect, it } from 'vitest';
import { brandDomains, DESCRIPTORS, hostOf, MARKETPLACES, platformById, platformOf, PLATFORMS } from '../../utils/detect/platforms';

describe('the platform index', () => {
  it('lists marketplaces by rank, unranked ones by id, then the walls by id', () => {
    const rank = (d: (typeof DESCRIPTORS)[number]) => (d.kind === 'marketplace' ? (d.rank ?? 50) : 100);
    for (let i = 1; i < DESCRIPTORS.length; i++) {
      const a = DESCRIPTORS[i - 1]!;
      const b = DESCRIPTORS[i]!;
      expect(rank(a) < rank(b) || (rank(a) === rank(b) && a.id < b.id), `${a.id} before ${b.id}`).toBe(true);
    }
    expect(DESCRIPTORS[0]!.id).toBe('taobao');
    expect(DESCRIPTORS.at(-1)!.kind).toBe('wall');
    expect(MARKETPLACES.every((d) => d.kind === 'marketplace')).toBe(true);
  });

  it("gives walls no hosts and marketplaces their domains and subdomains", () => {
    for (const p of PLATFORMS) {
      if (p.descriptor.kind === 'wall') expect(p).toMatchObject({ hosts: [], wall: true });
      else {
        expect(p.wall).toBeUndefined();
        expect(p.hosts).toEqual([...p.descriptor.domains, ...(p.descriptor.subdomains ?? [])]);
      }
    }
    expect(platformById('taobao')?.hosts).toContain('taobao.com');
  });

  it("knows every country domain of a brand, in any case, and none of a brand it does not know", () => {
    const amazon = brandDomains('amazon');
    expect(amazon).toEqual(expect.arrayContaining(['amazon.com', 'amazon.co.jp', 'amazon.de', 'amazon.com.br']));
    expect(amazon.length).toBeGreaterThan(10);
    expect(brandDomains('AMAZON')).toEqual(amazon);
    expect(brandDomains('nope')).toEqual([]);
  });

  it('takes the most specific host first, and reads hosts in lower case without a trailing dot', () => {
    expect(platformOf('https://ju.taobao.com/tg/home.htm')).toBe('juhuasuan');
    expect(platformOf('https://item.taobao.com/item.htm?id=1')).toBe('taobao');
    expect(hostOf('https://Item.Taobao.com./x')).toBe('item.taobao.com');
    expect(hostOf('not a url')).toBe('');
    expect(platformOf('not a url')).toBeNull();
  });
});
