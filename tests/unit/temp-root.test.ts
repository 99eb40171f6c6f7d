/**
 * The private temporary folder of a test or benchmark run (scripts/lib/temp-root.ts) goes away
 * however the run ends: finished, or stopped by a signal before it could finish.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateTempRoot } from '../../scripts/lib/temp-root';

const ROOT = join(import.meta.dirname, '../..');

/** A child that makes its private folder, a file in it, prints the folder, and waits for a signal. */
function child(parent: string): { proc: ReturnType<typeof spawn>; folder: Promise<string> } {
  const code = `
    import { writeFileSync } from 'node:fs';
    import { join } from 'node:path';
    import { privateTempRoot } from './scripts/lib/temp-root.ts';
    const root = privateTempRoot();
    writeFileSync(join(root.path, 'shutout-left'), 'x');
    console.log(root.path);
    setInterval(() => {}, 1000);
  `;
  const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, env: { ...process.env, TMPDIR: parent }, stdio: ['ignore', 'pipe', 'inherit'] });
  const folder = new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) resolve(out.trim());
    });
    proc.on('exit', (c) => reject(new Error(`child ended (${c}) before printing its folder`)));
  });
  return { proc, folder };
}

describe('the private temporary folder', () => {
  it('names what a run left and removes it with the folder', () => {
    const root = privateTempRoot();
    try {
      mkdtempSync(join(root.path, 'shutout-x-'));
      expect(root.finish()).toHaveLength(1);
      expect(existsSync(root.path)).toBe(false);
    } finally {
      rmSync(root.path, { recursive: true, force: true });
    }
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`is removed when the run is stopped by ${signal}, and the run still ends by it`, async () => {
      const parent = mkdtempSync(join(tmpdir(), 'shutout-signal-'));
      try {
        const { proc, folder } = child(parent);
        const path = await folder;
        expect(existsSync(path)).toBe(true);
        const ended = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_c, s) => resolve(s)));
        proc.kill(signal);
        expect(await ended).toBe(signal);
        expect(existsSync(path)).toBe(false);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    }, 20_000);
  }
});
