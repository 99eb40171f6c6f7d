/**
 * `npm run new-platform <id> [-- --domain vip.com --en Vipshop --zh 唯品会 --company vipshop]`
 *
 * Writes a new platform's files from a template: its descriptor (utils/platforms/<id>.ts), its
 * rule file with one rule to rewrite (utils/platforms/<id>.rules.ts), and a positive and a
 * negative fixture (tests/fixtures/corpus/{positive,negative}/<id>/). Nothing else needs an
 * edit: the registry finds the files by their names. The convention test
 * (tests/unit/platforms-convention.test.ts) fails until the placeholders are real: names, a
 * public test URL, a notice's wording with a source a reader can follow.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface NewPlatform {
  id: string;
  domain: string;
  en: string;
  zh: string;
  company: string;
}

/** The files of a new platform, by path relative to the repository. */
export function platformFiles(p: NewPlatform): Record<string, string> {
  const host = `www.${p.domain}`;
  return {
    [`utils/platforms/${p.id}.ts`]: `import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: '${p.id}',
  name: { en: '${p.en}', zh: '${p.zh}' },
  company: '${p.company}',
  // The options page's rule group; its label is the platforms' names unless the locales name it.
  family: '${p.id}',
  // Every real domain (country sites too); each a registrable domain.
  domains: ['${p.domain}'],
  testUrls: ['https://${host}/'],
});
`,
    [`utils/platforms/${p.id}.rules.ts`]: `import type { Rule } from '../detect/types';

/**
 * ${p.en}: TODO say which notices these rules read and where they appear.
 *
 * Text rules keep confidence <= 0.75, so a long page that only quotes a notice in its body
 * (0.75 - 0.3) is never reported; in a title, heading or dialog they reach 0.85.
 */
const HOSTS = ['${p.domain}'];

export const rules: Rule[] = [
  {
    // Ids are recorded in users' evidence: choose it once, never reuse it for another meaning.
    id: '${p.id}.risk.TODO',
    kind: 'risk-challenge',
    platform: '${p.id}',
    hosts: HOSTS,
    signal: 'text',
    phrases: ['TODO the notice, word for word'],
    confidence: 0.75,
    source: 'TODO a URL, or owner/repo:path@commit, where the wording can be read',
    fixtures: ['positive/${p.id}/${p.id}-notice.html'],
  },
];
`,
    [`tests/fixtures/corpus/positive/${p.id}/${p.id}-notice.html`]: `<!-- shutout-fixture
url: https://${host}/TODO
expect: risk-challenge
source: TODO a URL, or owner/repo:path@commit, where the wording can be read
-->
<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>TODO the notice page's title</title></head>
<body>
  <div class="dialog" role="dialog">
    <p>TODO the notice, word for word</p>
  </div>
</body>
</html>
`,
    [`tests/fixtures/corpus/negative/${p.id}/${p.id}-ordinary.html`]: `<!-- shutout-fixture
url: https://${host}/TODO
expect: clear
about: an ordinary ${p.en} page written for Shutout, with the everyday words that look like the notice
-->
<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>TODO an ordinary page's title</title></head>
<body>
  <h1>TODO</h1>
  <p>TODO everyday wording (limits, coupons, help) that must not count as a block</p>
</body>
</html>
`,
  };
}

/** Writes the files; refuses to overwrite any of them. Returns the paths written. */
export function writePlatform(p: NewPlatform, root = ROOT): string[] {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(p.id)) throw new Error(`"${p.id}": an id is lower-case letters, digits and "-"`);
  const files = platformFiles(p);
  for (const path of Object.keys(files)) if (existsSync(join(root, path))) throw new Error(`${path} exists already`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return Object.keys(files);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { domain: { type: 'string' }, en: { type: 'string' }, zh: { type: 'string' }, company: { type: 'string' } },
  });
  const id = positionals[0];
  if (!id || positionals.length > 1) {
    console.error('usage: npm run new-platform <id> [-- --domain example.com --en Name --zh 名称 --company id]');
    process.exit(2);
  }
  try {
    const written = writePlatform({ id, domain: values.domain ?? `${id}.com`, en: values.en ?? '', zh: values.zh ?? '', company: values.company ?? id });
    console.log(`wrote:\n${written.map((p) => `  ${relative(process.cwd(), join(ROOT, p))}`).join('\n')}\nnext: fill in the TODOs, then npx vitest run tests/unit/platforms-convention.test.ts tests/unit/corpus.test.ts`);
  } catch (e) {
    console.error(`new-platform: ${(e as Error).message}`);
    process.exit(1);
  }
}
