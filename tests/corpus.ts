/** Reads the fixture corpus (docs/fixtures.md) for the tests and benchmarks. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NetworkInput } from '../utils/detect/types';

export const CORPUS_DIR = fileURLToPath(new URL('./fixtures/corpus/', import.meta.url));

export interface PageFixture {
  type: 'page';
  path: string;
  url: string;
  expect: string;
  source: string;
  /** What a negative fixture written for Shutout is (instead of a source). */
  about?: string;
  html: string;
}
export interface NetworkFixture {
  type: 'network';
  path: string;
  expect: string;
  source: string;
  about?: string;
  input: NetworkInput;
}
export type Fixture = PageFixture | NetworkFixture;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(html|json)$/.test(name)) out.push(p);
  }
  return out;
}

const HEADER = /<!--\s*shutout-fixture([\s\S]*?)-->/;

export function parseFixture(file: string): Fixture {
  const path = relative(CORPUS_DIR, file).split('\\').join('/');
  const raw = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    const j = JSON.parse(raw) as NetworkInput & { expect: string; source: string; about?: string };
    const { expect, source, about, ...input } = j;
    return { type: 'network', path, expect, source, ...(about ? { about } : {}), input };
  }
  const m = HEADER.exec(raw);
  if (!m) throw new Error(`${path}: no shutout-fixture header`);
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) fields[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  if (!fields.url || !fields.expect) throw new Error(`${path}: header needs url and expect`);
  return { type: 'page', path, url: fields.url, expect: fields.expect, source: fields.source ?? '', ...(fields.about ? { about: fields.about } : {}), html: raw };
}

export function loadCorpus(): Fixture[] {
  let files: string[] = [];
  try {
    files = walk(CORPUS_DIR);
  } catch {
    return [];
  }
  return files.sort().map(parseFixture);
}
