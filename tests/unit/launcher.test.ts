/**
 * The browser launcher removes the profile folder it made, even when the browser never starts:
 * a test that fails at launch must leave nothing in the temporary folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launch } from '../../scripts/lib/browser';

let root = '';
const saved = { TMPDIR: process.env.TMPDIR, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shutout-launcher-'));
  process.env.TMPDIR = root;
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(root, { recursive: true, force: true });
});

describe('launch()', () => {
  it('removes the profile it made when the browser cannot start', { timeout: 60_000 }, async () => {
    process.env.CHROMIUM_PATH = '/bin/false';
    await expect(launch({ withExtension: false })).rejects.toThrow();
    expect(readdirSync(root)).toEqual([]);
  });
});
