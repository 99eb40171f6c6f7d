/**
 * What the extension's build ships instead of computing it in every tab (wxt.config.ts): the
 * fold tables (utils/detect/fold-tables.ts) and the built-in detectors (utils/detect/builtin.ts:
 * rules, frames and cues as JSON, the model as its packed strings, the phrase automaton and its
 * separator-free twin as typed arrays), and the service worker's share of them (its rules,
 * builtin-network.ts; is-antibot's header rules, general/antibot-head-data.ts), and the page-world
 * tap's watched hosts (detect/watched-domains.ts). Each entry replaces a module of the same path with code
 * that has the same exports; Node (CLI, tests) keeps computing them from the sources.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { encodeFoldTables } from '../../utils/detect/fold-codec';
import { foldTables } from '../../utils/detect/fold-tables';
import { builtinLoose, builtinTable } from '../../utils/detect/builtin';
import { builtinNetworkFamilies } from '../../utils/detect/builtin-network';
import { headProviders } from '../../utils/detect/general/antibot-head-data';
import { FRAMES } from '../../utils/detect/general/frames';
import { cuesOf, foldCues } from '../../utils/detect/general/index';
import { MODEL } from '../../utils/detect/general/model-data';
import { RULE_FAMILIES } from '../../utils/detect/rules';
import { BUILTIN_DATA_FILE, type BuiltinData } from '../../utils/detect/shipped-builtin';

export { BUILTIN_DATA_FILE };
import type { Rule } from '../../utils/detect/types';
import { MARKETPLACE_DOMAINS } from '../../utils/detect/watched-domains';
import { shipLoose, shipTable } from '../../utils/detect/shipped-codec';

const ROOT = join(import.meta.dirname, '../..');
const PLATFORMS = join(ROOT, 'utils/platforms/');
const lit = (v: unknown) => JSON.stringify(v);
/** JSON parsed when first needed: a string is one token for the script's parser, objects are thousands. */
const json = (v: unknown) => lit(JSON.stringify(v));

export function foldTablesModule(): string {
  return [
    "import { decodeFoldTables } from './fold-codec';",
    'export const SEP = 0;',
    'export const WORD = 1;',
    'export const CJK = 2;',
    `const PACKED = ${lit(encodeFoldTables(foldTables()))};`,
    'export function foldTables() { return decodeFoldTables(PACKED); }',
  ].join('\n');
}

/** Rules by family as the extension ships them: without their sources and fixtures, which only the tests read. */
function shippedFamilies(families: Readonly<Record<string, readonly Rule[]>>): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(families).map(([f, rules]) => [f, rules.map(({ source: _s, fixtures: _f, ...r }) => r)]));
}

/** The built-in detectors' data (utils/detect/shipped-builtin.ts says what each field holds). */
export function builtinData(): BuiltinData {
  return {
    FAMILIES: JSON.stringify(shippedFamilies(RULE_FAMILIES)),
    FRAMES: JSON.stringify(FRAMES),
    CUES: JSON.stringify({ words: cuesOf(FRAMES), folded: foldCues(cuesOf(FRAMES)) }),
    MODEL,
    TABLE: JSON.stringify(shipTable(builtinTable())),
    LOOSE: JSON.stringify(shipLoose(builtinLoose())),
  };
}

/**
 * builtin.ts as the extension ships it: `inline` carries the data as string literals (the pages
 * and the page reader); `provided` reads what the watch script was handed (shipped-builtin.ts),
 * so that the content script compiles no data.
 */
export function builtinModule(data: 'inline' | 'provided' = 'inline'): string {
  return [
    "import { lazyGeneralLayer } from './general/index';",
    "import { unpack } from './general/model';",
    "import { looseFromShipped, tableFromShipped } from './shipped-codec';",
    "import { RULESET_VERSION } from './version';",
    data === 'inline' ? `const DATA = ${lit(builtinData())};\nconst data = () => DATA;` : "import { builtinData as data } from './shipped-builtin';",
    'export const BUILTIN_VERSION = RULESET_VERSION;',
    'let families, table, general, loose;',
    'export function builtinFamilies() { return (families ??= JSON.parse(data().FAMILIES)); }',
    'export function builtinTable() { return (table ??= tableFromShipped(JSON.parse(data().TABLE))); }',
    // The cues travel folded as well (foldCues): a tab need not fold 2,000 words.
    'function generalOf(cues) { return lazyGeneralLayer({ frames: () => JSON.parse(data().FRAMES), cues: cues.words, foldedCues: cues.folded, model: () => unpack(data().MODEL) }); }',
    'export function builtinGeneral() { return (general ??= generalOf(JSON.parse(data().CUES))); }',
    'export function builtinLoose() { return (loose ??= looseFromShipped(JSON.parse(data().LOOSE))); }',
  ].join('\n');
}

/** The service worker's answer rules (utils/detect/builtin-network.ts), without sources and fixtures. */
export function builtinNetworkModule(): string {
  return [
    `const FAMILIES = ${json(shippedFamilies(builtinNetworkFamilies()))};`,
    'let families;',
    'export function builtinNetworkFamilies() { return (families ??= JSON.parse(FAMILIES)); }',
  ].join('\n');
}

/** is-antibot's header and cookie rules (utils/detect/general/antibot-head-data.ts). */
export function antibotHeadModule(): string {
  return [`const PROVIDERS = ${json(headProviders())};`, 'export function headProviders() { return JSON.parse(PROVIDERS); }'].join('\n');
}

/** The watched hosts as a literal: the page-world tap, at document_start, carries no descriptor. */
export function watchedDomainsModule(): string {
  return `export const MARKETPLACE_DOMAINS = ${lit(MARKETPLACE_DOMAINS)};`;
}

/**
 * The tap's build only (wxt.config.ts): the other bundles carry the descriptors anyway, and there
 * the list computed from them costs fewer bytes than the literal (the service worker is at its cap).
 */
export function watchedDomainsLiteral(): Plugin {
  const file = join(ROOT, 'utils/detect/watched-domains.ts');
  return { name: 'shutout:watched-domains', enforce: 'pre', load: (id) => (id.split('?')[0] === file ? watchedDomainsModule() : null) };
}

/** A platform descriptor's `testUrls`: pages for the tests to visit, never read by the extension. */
const TEST_URLS = /\n[ \t]*testUrls:\s*\[[^\]]*\],?/g;

/** A descriptor file without its `testUrls` (the extension's build: the service worker is at its size cap). */
export function withoutTestUrls(code: string): string {
  return code.replace(TEST_URLS, '');
}

/** The Vite plugin that swaps the modules (the extension's build only; `provided` for the watch script, wxt.config.ts). */
export function shippedData(builtin: 'inline' | 'provided' = 'inline'): Plugin {
  const replaced = new Map<string, () => string>([
    [join(ROOT, 'utils/detect/fold-tables.ts'), foldTablesModule],
    [join(ROOT, 'utils/detect/builtin.ts'), () => builtinModule(builtin)],
    [join(ROOT, 'utils/detect/builtin-network.ts'), builtinNetworkModule],
    [join(ROOT, 'utils/detect/general/antibot-head-data.ts'), antibotHeadModule],
  ]);
  const made = new Map<string, string>();
  return {
    name: 'shutout:shipped-data',
    enforce: 'pre',
    load(id) {
      const make = replaced.get(id.split('?')[0]!);
      if (!make) return null;
      let code = made.get(id);
      if (code === undefined) made.set(id, (code = make()));
      return code;
    },
    transform(code, id) {
      return id.startsWith(PLATFORMS) && code.includes('testUrls') ? { code: withoutTestUrls(code), map: null } : null;
    },
  };
}
