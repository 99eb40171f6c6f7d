/**
 * `shutout scan` against hostile file systems: symlink cycles, FIFOs, devices, huge files. Each
 * must end in bounded time with one line per refused input and every other page still scanned.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { SCAN_FILE_LIMIT } from '../../cli/read-input';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const root = mkdtempSync(join(tmpdir(), 'shutout-cli-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const page = '<html><head><link rel="canonical" href="https://item.jd.com/1.html"><title>电动牙刷</title></head><body><h1>电动牙刷</h1></body></html>';
const jsonLines = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { file: string });

describe('shutout scan on hostile file systems', () => {
  it('scans each page once in a directory with two self-links (a cycle of 2^n paths)', { timeout: 10_000 }, async () => {
    const dir = join(root, 'cycle2');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'page.html'), page);
    writeFileSync(join(dir, 'sub', 'other.html'), page);
    symlinkSync('.', join(dir, 'a'));
    symlinkSync('.', join(dir, 'b'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    const t0 = performance.now();
    const r = await run(['scan', '--json', dir]);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((l) => l.file)).toEqual([join(dir, 'page.html'), join(dir, 'sub', 'other.html')]);
  });

  it('counts a page once when a self-link and a file link reach it again', async () => {
    const dir = join(root, 'cycle1');
    mkdirSync(dir);
    writeFileSync(join(dir, 'page.html'), page);
    symlinkSync('.', join(dir, 'self'));
    symlinkSync('page.html', join(dir, 'same.html'));
    const r = await run(['scan', '--json', dir, join(dir, 'page.html')]);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toHaveLength(1);
  });

  it('refuses a FIFO named .html in one line instead of waiting for a writer, and scans the rest', { timeout: 10_000 }, async () => {
    const dir = join(root, 'fifo');
    mkdirSync(dir);
    const fifo = join(dir, 'pipe.html');
    execFileSync('mkfifo', [fifo]);
    writeFileSync(join(dir, 'page.html'), page);
    const r = await run(['scan', '--json', fifo, dir]);
    expect(r.code).toBe(2);
    // Named and reached again through the directory: reported once.
    expect(r.stderr.trim().split('\n')).toEqual([`shutout: ${fifo}: not a regular file (a FIFO)`]);
    expect(jsonLines(r.stdout).map((l) => l.file)).toEqual([join(dir, 'page.html')]);
  });

  it('refuses a device, named directly or linked as a page', { timeout: 10_000 }, async () => {
    const dir = join(root, 'dev');
    mkdirSync(dir);
    symlinkSync('/dev/zero', join(dir, 'zero.html'));
    const named = await run(['scan', '--json', '/dev/zero']);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe('shutout: /dev/zero: not a regular file (a character device)\n');
    const linked = await run(['scan', '--json', dir]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toBe(`shutout: ${join(dir, 'zero.html')}: not a regular file (a character device)\n`);
    expect(named.stdout + linked.stdout).toBe('');
  });

  it('refuses a file above the size cap in one line without reading it', { timeout: 10_000 }, async () => {
    const dir = join(root, 'big');
    mkdirSync(dir);
    const big = join(dir, 'big.html');
    writeFileSync(big, '');
    truncateSync(big, SCAN_FILE_LIMIT + 1); // sparse: takes no disk space
    writeFileSync(join(dir, 'page.html'), page);
    const before = process.memoryUsage().rss;
    const r = await run(['scan', '--json', dir]);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`shutout: ${big}: larger than ${SCAN_FILE_LIMIT / 1024 / 1024} MiB (${SCAN_FILE_LIMIT + 1} bytes); not scanned\n`);
    expect(jsonLines(r.stdout)).toHaveLength(1);
  });

  it('coupons diff refuses a device or a FIFO as a ledger in one line', { timeout: 10_000 }, async () => {
    const dir = join(root, 'coupons');
    mkdirSync(dir);
    const fifo = join(dir, 'ledger.json');
    execFileSync('mkfifo', [fifo]);
    for (const [bad, kind] of [['/dev/zero', 'a character device'], [fifo, 'a FIFO']] as const) {
      const r = await run(['coupons', 'diff', bad, bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`shutout: ${bad}: not a regular file (${kind})\n`);
    }
  });
});
