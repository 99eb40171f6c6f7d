/**
 * The service worker's data as the extension's build ships it (scripts/lib/shipped.ts) is what
 * Node computes from the sources: the same answer rules, the same is-antibot header rules, and
 * the same watched hosts for the page-world tap.
 */
import { describe, expect, it } from 'vitest';
import { antibotHeadModule, builtinNetworkModule, watchedDomainsModule } from '../../scripts/lib/shipped';
import { builtinNetworkFamilies } from '../../utils/detect/builtin-network';
import { headProviders } from '../../utils/detect/general/antibot-head-data';
import { MARKETPLACE_DOMAINS } from '../../utils/detect/watched-domains';

/** The JSON a generated module holds in `const NAME = "…";`. */
function constant(code: string, name: string): unknown {
  const m = new RegExp(`const ${name} = (".*");`).exec(code);
  if (!m) throw new Error(`no ${name} in the module`);
  return JSON.parse(JSON.parse(m[1]!) as string);
}

describe('the data shipped to the service worker', () => {
  it('holds the answer rules Node computes, without their sources and fixtures', () => {
    const expected = Object.fromEntries(Object.entries(builtinNetworkFamilies()).map(([f, rules]) => [f, rules.map(({ source: _s, fixtures: _f, ...r }) => r)]));
    expect(constant(builtinNetworkModule(), 'FAMILIES')).toEqual(expected);
    expect(Object.values(expected).flat().length).toBeGreaterThan(20);
  });

  it("holds is-antibot's header and cookie rules and no markup rule", () => {
    const shipped = constant(antibotHeadModule(), 'PROVIDERS') as ReturnType<typeof headProviders>;
    expect(shipped).toEqual(headProviders());
    const types = new Set(shipped.flatMap((p) => p.detections.filter((d) => d.rules.length).map((d) => d.type)));
    expect([...types].sort()).toEqual(['cookies', 'headers']);
  });
});

describe('the data shipped to the page-world tap', () => {
  it('is the watched hosts Node computes from the descriptors, as a literal that imports nothing', () => {
    const code = watchedDomainsModule();
    expect(code).not.toMatch(/\bimport\b/);
    const m = /^export const MARKETPLACE_DOMAINS = (\[.*\]);$/.exec(code);
    expect(m).not.toBeNull();
    expect(JSON.parse(m![1]!)).toEqual(MARKETPLACE_DOMAINS);
    expect(MARKETPLACE_DOMAINS).toContain('taobao.com');
  });
});
