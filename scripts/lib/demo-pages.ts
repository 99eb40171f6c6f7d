/** The bundled demo pages (tests/fixtures/demo/pages.json), served at their real marketplace URLs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ROOT, serveFile } from './browser';

export interface DemoPage {
  name: string;
  file: string;
  url: string;
  expect: string[];
}

export const DEMO_DIR = join(ROOT, 'tests/fixtures/demo');

export function demoPages(): DemoPage[] {
  return JSON.parse(readFileSync(join(DEMO_DIR, 'pages.json'), 'utf8')) as DemoPage[];
}

export async function serveDemoPages(context: BrowserContext): Promise<DemoPage[]> {
  const pages = demoPages();
  for (const p of pages) await serveFile(context, p.url, join(DEMO_DIR, p.file));
  return pages;
}
