import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, ROOT } from '../../scripts/lib/browser';

describe('the Firefox build', () => {
  it('passes web-ext lint with no errors', () => {
    expect(existsSync(join(FIREFOX_BUILD, 'manifest.json')), 'run "wxt build -b firefox" first').toBe(true);
    let out: string;
    try {
      out = execFileSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--self-hosted'], {
        encoding: 'utf8',
      });
    } catch (e) {
      // web-ext exits non-zero when it finds errors; the report is still on stdout.
      out = (e as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as { errors: Array<{ code: string; message: string; file?: string }>; warnings: unknown[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
  });
});
