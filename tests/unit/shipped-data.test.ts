/**
 * The service worker's data as the extension's build ships it (scripts/lib/shipped.ts) is what
 * Node computes from the sources: the same answer rules, the same is-antibot header rules, and
 * the same watched hosts for the page-world tap.
 */
import { describe, expect, it } from 'vitest';
import { antibotHeadModule, builtinData, builtinModule, builtinNetworkModule, watchedDomainsModule, withoutTestUrls } from '../../scripts/lib/shipped';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBuiltinData } from '../../utils/detect/shipped-builtin';
import { builtinNetworkFamilies } from '../../utils/detect/builtin-network';
import { headProviders } from '../../utils/detect/general/antibot-head-data';
import { MARKETPLACE_DOMAINS } from '../../utils/detect/watched-domains';
import { cuesOf, foldCues, lazyGeneralLayer } from '../../utils/detect/general/index';
import { FRAMES } from '../../utils/detect/general/frames';

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
    // Every entry a domain name: the descriptors' domains, subdomains or watch lists, nothing else.
    for (const d of MARKETPLACE_DOMAINS) expect(d).toMatch(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/);
  });
});

describe('the built-in detectors as the extension ships them', () => {
  it('carries the data in the pages and the page reader, and only reads what it was handed in the watch script', () => {
    const inline = builtinModule('inline');
    const provided = builtinModule('provided');
    const data = builtinData();
    expect(inline).toContain(`const DATA = ${JSON.stringify(data)};`);
    expect(provided).not.toContain(data.TABLE.slice(0, 200));
    expect(provided).toContain("import { builtinData as data } from './shipped-builtin';");
    expect(provided.length).toBeLessThan(2000);
    // Both define the same exports over the same data.
    const exportsOf = (code: string) => [...code.matchAll(/export (?:const|function) (\w+)/g)].map((m) => m[1]).sort();
    expect(exportsOf(provided)).toEqual(exportsOf(inline));
    expect(exportsOf(inline)).toEqual(['BUILTIN_VERSION', 'builtinFamilies', 'builtinGeneral', 'builtinLoose', 'builtinTable']);
  });

  it('carries the cues folded, as the layer would fold them, so that a tab folds none', () => {
    const cues = JSON.parse(builtinData().CUES) as { words: string[]; folded: string[] };
    expect(cues.words).toEqual(cuesOf(FRAMES));
    expect(cues.folded).toEqual(foldCues(cuesOf(FRAMES)));
    expect(cues.folded.length).toBeGreaterThan(1000);
    // A layer handed the folded cues reads text as one that folds its own.
    const shipped = lazyGeneralLayer({ frames: () => FRAMES, cues: cues.words, foldedCues: cues.folded, model: () => undefined });
    const own = lazyGeneralLayer({ frames: () => FRAMES, cues: cues.words, model: () => undefined });
    for (const text of ['konto zablokowane', 'ваш аккаунт заблокирован', '操作过于频繁', 'nothing to see here', 'access denied']) expect(shipped.cueTest(text), text).toBe(own.cueTest(text));
    expect(shipped.cueTest('konto zablokowane')).toBe(true);
  });

  it('is data the watch script accepts, and anything else is refused with a reason', () => {
    const data = builtinData();
    expect(parseBuiltinData(JSON.stringify(data))).toEqual(data);
    expect(parseBuiltinData('{"FAMILIES":')).toBe('the built-in rules are not JSON');
    expect(parseBuiltinData('null')).toBe('the built-in rules are not an object');
    expect(parseBuiltinData('1')).toBe('the built-in rules are not an object');
    expect(parseBuiltinData(JSON.stringify({ ...data, MODEL: null }))).toBe('the built-in rules lack MODEL');
    expect(parseBuiltinData(JSON.stringify({ ...data, TABLE: 1 }))).toBe('the built-in rules lack TABLE');
    expect(parseBuiltinData(JSON.stringify({ ...data, MODEL: 'x' }))).toBe('the built-in rules lack MODEL');
  });
});

describe('platform descriptors in the extension', () => {
  it('lose their testUrls and nothing else', () => {
    const dir = join(import.meta.dirname, '../../utils/platforms');
    const files = [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(join(dir, 'walls')).map((f) => join(dir, 'walls', f))].filter((f) => /(?<!\.rules)(?<!\.coupons)\.ts$/.test(f));
    let stripped = 0;
    for (const f of files) {
      const code = readFileSync(f, 'utf8');
      const out = withoutTestUrls(code);
      expect(out, f).not.toContain('testUrls');
      if (out === code) continue;
      stripped++;
      // What went is exactly the property, a list of quoted URLs, as a strict reading finds it.
      expect(out, f).toBe(code.replace(/\n[ \t]*testUrls:\s*\[\s*(?:'https?:\/\/[^'\s]+'\s*,?\s*)+\],?/g, ''));
    }
    expect(stripped).toBeGreaterThan(20);
  });
});
