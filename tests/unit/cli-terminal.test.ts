/**
 * Nothing a page, a file name or a shared ledger holds may drive the user's terminal: control
 * characters (C0, C1, ESC sequences, OSC 8 links, bidi overrides) are stripped from everything
 * printed for humans, while --json stays exact.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { forTerminal } from '../../cli/terminal';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const root = mkdtempSync(join(tmpdir(), 'shutout-cli-terminal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CLEAR = '\x1b[2J\x1b[H';
const TITLE = '\x1b]0;pwned\x07';
const LINK = '\x1b]8;;https://evil.example/\x1b\\点这里\x1b]8;;\x1b\\';
const COLOUR = '\x1b[32mOK\x1b[0m';
const C1 = '\x9b31m\x9d0;t\x9c';
const BIDI = '\u202egpj.exe\u202c\u2066x\u2069';
const HOSTILE = CLEAR + TITLE + LINK + COLOUR + C1 + BIDI + '\x07\x08\x7f\r';
/** Anything a terminal acts on, other than the line breaks the CLI writes itself. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function expectClean(s: string) {
  const m = CONTROL.exec(s);
  expect(m, m ? `control U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${m.index} in ${JSON.stringify(s.slice(Math.max(0, m.index - 30), m.index + 30))}` : '').toBeNull();
}

const wallName = `wall${TITLE}\n${CLEAR}.html`;
const wall = `<!DOCTYPE html>\n<!-- saved from url=(0058)https://item.taobao.com/_____tmd_____/punish?x5secdata=abc -->\n<html><head><title>验证码拦截${TITLE}</title></head><body><div id="baxia-punish"><div class="warn">亲，访问被拒绝${HOSTILE}</div><p>请检查是否使用了代理软件或 VPN 哦~</p></div></body></html>`;

describe('terminal output', () => {
  it('forTerminal removes whole escape sequences, C0/C1 controls and bidi overrides, and keeps the text', () => {
    expect(forTerminal(`a${CLEAR}b${TITLE}c${LINK}d${COLOUR}e${C1}f${BIDI}`)).toBe('abc点这里dOKefgpj.exex');
    expect(forTerminal('line one\nline two\ttab')).toBe('line one line two tab');
    expect(forTerminal('unterminated \x1b]8;;https://evil.example/ link')).toBe('unterminated ');
    expect(forTerminal('普通文字 ordinary text ✓')).toBe('普通文字 ordinary text ✓');
    const long = '\x1b]'.repeat(200_000) + '\x1b['.repeat(200_000);
    const t0 = performance.now();
    forTerminal(long);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('scan: the table shows a hostile page and file name without a single control character; --json keeps them exactly', async () => {
    const dir = join(root, 'scan');
    mkdirSync(dir);
    writeFileSync(join(dir, wallName), wall);
    const table = await run(['scan', dir]);
    expect(table.code).toBe(0);
    expectClean(table.stdout);
    expect(table.stdout).toContain('blocked');
    expect(table.stdout).toContain('1 scanned, 1 blocked, 0 clear');
    // One header, one row, a blank line and the count: the newline in the file name made no extra row.
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(4);
    const json = await run(['scan', '--json', dir]);
    const line = JSON.parse(json.stdout) as { file: string };
    expect(line.file).toBe(join(dir, wallName));
  });

  it('error lines: a hostile file name and a parser message that quotes hostile content stay one clean line', async () => {
    const dir = join(root, 'errors');
    mkdirSync(dir);
    const har = join(dir, `cap${CLEAR}\n.har`);
    writeFileSync(har, `{"log": ${HOSTILE}`);
    const missing = join(dir, `gone${TITLE}.html`);
    const r = await run(['scan', '--json', har, missing]);
    expect(r.code).toBe(2);
    expectClean(r.stderr);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('not a HAR file');
    const v = await run(['verify', join(dir, `bundle${CLEAR}.zip`)]);
    expect(v.code).toBe(2);
    expectClean(v.stderr);
    const u = await run([`scan${TITLE}`]);
    expectClean(u.stderr);
    const o = await run(['scan', `--${CLEAR}x`, 'a.html']);
    expectClean(o.stderr);
    expect(o.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('coupons diff: labels and item keys from a shared ledger reach the terminal without control characters', async () => {
    const dir = join(root, 'coupons');
    mkdirSync(dir);
    const offer = (label: string) => ({
      platform: 'taobao',
      itemId: '1',
      label,
      type: 'shop',
      deal: { kind: 'threshold', threshold: 199, amount: 20, currency: 'CNY', repeating: false, upTo: false, label },
      currency: 'CNY',
      key: `taobao|1|${label}`,
    });
    const visit = (id: string, at: string, offers: unknown[]) => ({
      id,
      itemKey: `taobao:1${TITLE}`,
      at,
      source: 'visit',
      profileLabel: `me${CLEAR}`,
      scan: { platform: 'taobao', itemId: '1', url: 'https://item.taobao.com/item.htm?id=1', state: 'present', offers },
    });
    const ledger = (visits: unknown[]) => JSON.stringify({ format: 'shutout-coupon-ledger', version: 1, exportedAt: '2026-03-01T00:00:00Z', profileLabel: `x${TITLE}`, visits });
    const base = join(dir, `base${CLEAR}.json`);
    const cur = join(dir, 'cur.json');
    writeFileSync(base, ledger([visit('a', '2026-03-01T00:00:00Z', [offer(`店铺券 满199减20${HOSTILE}`), offer('满99减10')])]));
    writeFileSync(cur, ledger([visit('b', '2026-03-02T00:00:00Z', [offer('满99减10')])]));
    const r = await run(['coupons', 'diff', base, cur]);
    expect(r.code).toBe(0);
    expectClean(r.stdout);
    expect(r.stdout).toContain('1 missing');
    expect(r.stdout).toContain('店铺券 满199减20');
    const j = await run(['coupons', 'diff', '--json', base, cur]);
    expect((JSON.parse(j.stdout) as { missing: Array<{ label: string }> }).missing[0]!.label).toBe(`店铺券 满199减20${HOSTILE}`);
  });
});
