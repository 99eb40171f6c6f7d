/**
 * axe-core on an extension page: the serious and critical violations, in light and dark mode.
 * (ui-popup.e2e.ts and ui-options.e2e.ts hold the same check inline.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from '../../scripts/lib/browser';
import { screenshot } from './screenshots';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

export async function axe(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  // Extension pages refuse inline scripts (CSP), so the source is evaluated rather than added as a tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Light and dark: no serious or critical violations; a dark screenshot too. */
export async function axeBothThemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await axe(page), `${name} (light)`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axe(page), `${name} (dark)`).toEqual([]);
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}
