/**
 * README's permission table is checked against the manifest wxt.config.ts builds, so that it
 * cannot drift: one row per API permission (and "Chromium only" where Firefox lacks it), and the
 * host row pointing at the descriptors that the host permissions come from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { MARKETPLACE_MATCHES } from '../../utils/detect/hosts';

type Manifest = { permissions?: string[]; host_permissions?: string[] };
const manifestFor = (browser: string): Manifest =>
  (config.manifest as (env: Record<string, unknown>) => Manifest)({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Permissions'), readme.indexOf('\n## ', readme.indexOf('## Permissions') + 1));
const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| permission') && !l.startsWith('|---'));
const firstCell = (row: string) => row.split('|')[1]!.trim();

describe('README permissions', () => {
  const chrome = manifestFor('chrome');
  const firefox = manifestFor('firefox');

  it('has one row for each API permission the manifest asks for, and no other', () => {
    const named = rows.filter((r) => !r.startsWith('| host permissions')).map((r) => /^`([^`]+)`/.exec(firstCell(r))?.[1]);
    const asked = [...new Set([...(chrome.permissions ?? []), ...(firefox.permissions ?? [])])];
    expect(named.sort()).toEqual(asked.sort());
  });

  it('says "Chromium only" exactly for the permissions Firefox is not asked for', () => {
    for (const r of rows.filter((row) => !row.startsWith('| host permissions'))) {
      const name = /^`([^`]+)`/.exec(firstCell(r))![1]!;
      expect(/Chromium only/.test(firstCell(r)), name).toBe(!(firefox.permissions ?? []).includes(name));
    }
  });

  it('derives the host permissions from the descriptors, as the host row says', () => {
    const hostRow = rows.find((r) => r.startsWith('| host permissions'));
    expect(hostRow).toMatch(/utils\/platforms\//);
    expect(hostRow).toMatch(/npm run hosts/);
    expect(chrome.host_permissions).toEqual(MARKETPLACE_MATCHES);
  });
});
