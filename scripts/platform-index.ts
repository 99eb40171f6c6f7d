/**
 * Writes the platform registry's index: the list of descriptor, rule and coupon files in
 * utils/platforms/, so that adding a platform is adding its files and nothing else.
 *
 * Vite's import.meta.glob would do this in the extension and in vitest, but the CLI runs the
 * same modules through tsx, where it does not exist; a plain generated module works in all
 * three. It is not committed (.gitignore): wxt.config.ts, both vitest configs and bin/shutout.js
 * call writePlatformIndex() before anything imports the registry, and `npm ci` runs it through
 * `wxt prepare`. Files are rewritten only when their text changes.
 *
 * Run by hand: node --import tsx scripts/platform-index.ts
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PLATFORMS_DIR = fileURLToPath(new URL('../utils/platforms/', import.meta.url));
const OUT_DIR = join(PLATFORMS_DIR, '_generated');
const ID = /^[a-z0-9][a-z0-9-]*$/;

interface Found {
  id: string;
  /** Import path from _generated/, without extension. */
  from: string;
}

export interface PlatformFiles {
  descriptors: Found[];
  rules: Found[];
  coupons: Found[];
}

/** The descriptor, rule and coupon files, sorted by path; a file that fits no pattern is an error. */
export function findPlatformFiles(dir = PLATFORMS_DIR): PlatformFiles {
  const out: PlatformFiles = { descriptors: [], rules: [], coupons: [] };
  for (const sub of ['', 'walls']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('_') || name.startsWith('.') || name.endsWith('.md') || name === 'walls') continue;
      const m = /^(.+?)(\.rules|\.coupons)?\.ts$/.exec(name);
      if (!m || !ID.test(m[1]!)) throw new Error(`utils/platforms/${sub ? sub + '/' : ''}${name}: expected <id>.ts, <id>.rules.ts or <id>.coupons.ts with a lower-case id`);
      const found = { id: m[1]!, from: `../${sub ? sub + '/' : ''}${name.slice(0, -3)}` };
      if (m[2] === '.rules') out.rules.push(found);
      else if (m[2] === '.coupons') out.coupons.push(found);
      else out.descriptors.push(found);
    }
  }
  return out;
}

const HEAD = '// Written by scripts/platform-index.ts from the files in utils/platforms/. Not committed; do not edit.\n';

function render(files: PlatformFiles): Record<string, string> {
  const q = (s: string) => JSON.stringify(s);
  return {
    'descriptors.ts':
      HEAD +
      "import type { Descriptor } from '../../detect/descriptor';\n" +
      files.descriptors.map((f, i) => `import d${i} from ${q(f.from)};\n`).join('') +
      `\nexport const DESCRIPTOR_FILES: readonly { file: string; descriptor: Descriptor }[] = [\n` +
      files.descriptors.map((f, i) => `  { file: ${q(f.id)}, descriptor: d${i} },\n`).join('') +
      '];\n',
    'rules.ts':
      HEAD +
      "import type { Rule } from '../../detect/types';\n" +
      files.rules.map((f, i) => `import { rules as r${i} } from ${q(f.from)};\n`).join('') +
      `\n/** Each platform's own rules, by the id in its file name. */\nexport const RULES_BY_PLATFORM: Readonly<Record<string, readonly Rule[]>> = {\n` +
      files.rules.map((f, i) => `  ${q(f.id)}: r${i},\n`).join('') +
      '};\n',
    'coupons.ts':
      HEAD +
      "import type { CouponAdapter } from '../../coupons/adapter';\n" +
      files.coupons.map((f, i) => `import { adapter as c${i} } from ${q(f.from)};\n`).join('') +
      `\n/** Coupon readers, by the id of the platform whose file holds them. */\nexport const ADAPTERS_BY_PLATFORM: Readonly<Record<string, CouponAdapter>> = {\n` +
      files.coupons.map((f, i) => `  ${q(f.id)}: c${i},\n`).join('') +
      '};\n',
  };
}

/** Writes utils/platforms/_generated/*.ts; returns the names of the files whose text changed. */
export function writePlatformIndex(dir = PLATFORMS_DIR): string[] {
  const outDir = join(dir, '_generated');
  mkdirSync(outDir, { recursive: true });
  const changed: string[] = [];
  for (const [name, text] of Object.entries(render(findPlatformFiles(dir)))) {
    const path = join(outDir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    changed.push(name);
  }
  return changed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const changed = writePlatformIndex();
  console.log(changed.length ? `platform index: wrote ${changed.join(', ')} in ${dirname(join(OUT_DIR, 'x'))}` : 'platform index: up to date');
}
