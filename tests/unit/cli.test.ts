import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { parseMhtml } from '../../cli/mhtml';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'shutout-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const wall = '<!DOCTYPE html>\n<!-- saved from url=(0058)https://item.taobao.com/_____tmd_____/punish?x5secdata=abc -->\n<html><head><title>验证码拦截</title></head><body><div id="baxia-punish"><div class="warn">亲，访问被拒绝</div><p>请检查是否使用了代理软件或 VPN 哦~</p></div></body></html>';
const clean = '<html><head><link rel="canonical" href="https://item.jd.com/100012043978.html"><title>电动牙刷 - 京东</title></head><body><h1>电动牙刷</h1><p>￥199.00 满199减20</p></body></html>';
writeFileSync(join(dir, 'wall.html'), wall);
mkdirSync(join(dir, 'nested'));
writeFileSync(join(dir, 'nested', 'clean.htm'), clean);
writeFileSync(join(dir, 'nested', 'notes.txt'), 'ignored in directories');

const qp = (s: string) => Array.from(Buffer.from(s, 'utf8')).map((b) => (b > 126 || b === 61 ? '=' + b.toString(16).toUpperCase().padStart(2, '0') : String.fromCharCode(b))).join('').replace(/(.{70})/g, '$1=\r\n');
const mhtml = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: https://www.amazon.com/errors/validateCaptcha',
  'Subject: Amazon.com',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;',
  '\ttype="text/html";',
  '\tboundary="----MultipartBoundary--abc----"',
  '',
  '',
  '------MultipartBoundary--abc----',
  'Content-Type: text/html',
  'Content-ID: <frame-1@mhtml.blink>',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Location: https://www.amazon.com/errors/validateCaptcha',
  '',
  qp(clean.replace('电动牙刷', '电动牙刷 ✓')),
  '',
  '------MultipartBoundary--abc------',
  '',
].join('\r\n');
writeFileSync(join(dir, 'page.mhtml'), mhtml);
const har = {
  log: {
    version: '1.2',
    pages: [{ id: 'page_1', title: 'https://item.taobao.com/item.htm?id=1' }],
    entries: [
      { pageref: 'page_1', _resourceType: 'document', request: { url: 'https://item.taobao.com/item.htm?id=1' }, response: { status: 200, headers: [], content: { mimeType: 'text/html', text: '<html></html>' } } },
      { pageref: 'page_1', _resourceType: 'xhr', request: { url: 'https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/' }, response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text: '{"api":"mtop.taobao.detail.getdetail","ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试!"]}' } } },
    ],
  },
};
writeFileSync(join(dir, 'capture.har'), JSON.stringify(har));
writeFileSync(join(dir, 'broken.har'), '{"log": ');

describe('shutout scan', () => {
  it('prints one JSON object per file, walking directories', async () => {
    const { code, stdout } = await run(['scan', '--json', join(dir, 'wall.html'), join(dir, 'nested')]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ url: 'https://item.taobao.com/_____tmd_____/punish?x5secdata=abc', platform: 'taobao', verdict: 'blocked', coupons: [] });
    expect(lines[0].detections[0]).toMatchObject({ ruleId: expect.any(String), where: expect.any(String), confidence: expect.any(Number), snippet: expect.any(String) });
    expect(lines[1]).toMatchObject({ url: 'https://item.jd.com/100012043978.html', platform: 'jd', verdict: 'clear', detections: [] });
  });

  it('prints a readable table', async () => {
    const { code, stdout } = await run(['scan', join(dir, 'wall.html'), join(dir, 'nested')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^FILE\s+PLATFORM\s+VERDICT\s+KINDS\s+SNIPPET/);
    expect(stdout).toContain('blocked');
    expect(stdout).toContain('2 scanned, 1 blocked, 1 clear');
  });

  it('uses --url when the file does not record it', async () => {
    const { stdout } = await run(['scan', '--json', '--url', 'https://item.jd.com/1.html', join(dir, 'nested', 'clean.htm')]);
    expect(JSON.parse(stdout)).toMatchObject({ url: 'https://item.jd.com/1.html', platform: 'jd' });
  });

  it('reads MHTML saved by Chrome', async () => {
    const page = parseMhtml(mhtml);
    expect(page.url).toBe('https://www.amazon.com/errors/validateCaptcha');
    expect(page.html).toContain('电动牙刷 ✓');
    const { stdout } = await run(['scan', '--json', join(dir, 'page.mhtml')]);
    expect(JSON.parse(stdout)).toMatchObject({ url: 'https://www.amazon.com/errors/validateCaptcha', platform: 'amazon' });
  });

  it('checks every response of a HAR capture with the network rules', async () => {
    const { code, stdout } = await run(['scan', '--json', join(dir, 'capture.har')]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ entry: 0, verdict: 'clear' });
    expect(lines[1]).toMatchObject({ entry: 1, platform: 'taobao', verdict: 'blocked' });
    expect(lines[1].detections[0]).toMatchObject({ kind: 'risk-challenge', where: 'network' });
  });

  it('reports unreadable input in one line, exits 2, and still scans the rest', async () => {
    const { code, stdout, stderr } = await run(['scan', '--json', join(dir, 'missing.html'), join(dir, 'broken.har'), join(dir, 'wall.html')]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(stderr).toContain('missing.html: no such file or directory');
    expect(stderr).toMatch(/broken\.har: not a HAR file/);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('explains its usage', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['scan'])).stderr).toContain('no PATH given');
    expect((await run(['scan', '--bogus', 'x'])).code).toBe(2);
    expect((await run(['--help'])).stdout).toContain('usage: shutout scan');
  });
});
