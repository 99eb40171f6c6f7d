import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'shutout-cli-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const page = join(dir, 'page.html');
writeFileSync(page, '<html><head><title>电动牙刷</title></head><body><h1>电动牙刷</h1></body></html>');
const dashed = join(dir, '-dashed.html');
writeFileSync(dashed, '<html><head><title>x</title></head><body><p>x</p></body></html>');

const oneLine = (s: string) => expect(s.trimEnd().split('\n'), s).toHaveLength(1);

describe('shutout arguments (node:util parseArgs, one table of commands)', () => {
  it('checks --url=VALUE exactly as --url VALUE: only http(s) URLs', async () => {
    for (const args of [
      ['scan', '--url=javascript:alert(1)', page],
      ['scan', '--url', 'javascript:alert(1)', page],
      ['scan', '--url=file:///etc/passwd', page],
      ['coupons', 'diff', '--url=javascript:alert(1)', page, page],
      ['coupons', 'diff', '--url', 'data:text/html,x', page, page],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      oneLine(r.stderr);
      expect(r.stderr).toContain('--url needs an http(s) URL');
    }
    const ok = await run(['scan', '--json', '--url=https://item.jd.com/1.html', page]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ url: 'https://item.jd.com/1.html', platform: 'jd' });
  });

  it('answers a missing option value, an unknown option and a value given to a flag in one line with exit 2', async () => {
    for (const args of [['scan', page, '--url'], ['scan', '--bogus', page], ['scan', '--json=yes', page], ['verify', '--bogus', page], ['coupons', 'diff', '--what', page, page]]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/^shutout (scan|verify|coupons): /);
    }
  });

  it('reads a file whose name starts with a dash after --', async () => {
    const r = await run(['scan', '--json', '--', dashed]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: dashed, verdict: 'clear' });
  });

  it('prints each command\'s usage with --help and exits 0', async () => {
    for (const [cmd, synopsis] of [
      [['scan', '--help'], 'usage: shutout scan'],
      [['verify', '-h'], 'usage: shutout verify'],
      [['coupons', '--help'], 'usage: shutout coupons diff'],
    ] as const) {
      const r = await run([...cmd]);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toContain(synopsis);
    }
    const all = await run(['--help']);
    for (const synopsis of ['usage: shutout scan', 'shutout verify', 'shutout coupons diff']) expect(all.stdout).toContain(synopsis);
  });

  it('names an unknown command in one line', async () => {
    const r = await run(['scna', page]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('shutout: unknown command "scna" (commands: scan, verify, report, disclose, coupons, dataset)');
  });
});
