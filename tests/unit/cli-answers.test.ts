/**
 * `shutout scan` reads saved API answers (.json, or a .txt holding one answer: JSON, JSONP or
 * text; a .txt of several lines of prose is a page's text, read as a page) with the network rules, as the answer to --url or to the URL its envelope records, and
 * gives the verdict the page-world tap gives in the browser for the same answer.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { isPageText } from '../../cli/scan';
import { acceptTap, TAP_SOURCE } from '../../utils/content/tap-protocol';
import { builtinRuleSet, scanNetwork, verdictOf } from '../../utils/detect/index';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'shutout-cli-answers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const jsonLines = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const MTOP = 'https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/';
const RGV587 = '{"api":"mtop.taobao.detail.getdetail","v":"6.0","ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试!"],"data":{"url":"https://h5api.m.taobao.com:443//h5/_____tmd_____/punish"}}';
const OK = '{"api":"mtop.taobao.detail.getdetail","v":"6.0","ret":["SUCCESS::调用成功"],"data":{"item":{"title":"电动牙刷"}}}';

/** What the extension's content script files for the same answer (tap message → acceptTap → scanNetwork). */
function tapVerdict(url: string, body: string, status = 200) {
  const input = acceptTap({ source: TAP_SOURCE, url, status, body }, 'https://item.taobao.com/item.htm?id=1')!;
  const detections = scanNetwork(builtinRuleSet(), input);
  return { verdict: verdictOf(detections), kinds: detections.map((d) => d.kind), ruleIds: detections.map((d) => d.ruleId) };
}

describe('saved API answers', () => {
  it('checks a raw .json answer with --url, with the same verdict and rules as the tap', async () => {
    for (const body of [RGV587, OK]) {
      const file = write('answer.json', body);
      const r = await run(['scan', '--json', '--url', MTOP, file]);
      expect(r.code).toBe(0);
      const [line] = jsonLines(r.stdout);
      const tap = tapVerdict(MTOP, body);
      expect(line).toMatchObject({ file, url: MTOP, platform: 'taobao', verdict: tap.verdict });
      expect(line!.detections.map((d: { ruleId: string }) => d.ruleId)).toEqual(tap.ruleIds);
      expect(line!.detections.every((d: { where: string }) => d.where === 'network')).toBe(true);
    }
    expect(tapVerdict(MTOP, RGV587).verdict).toBe('blocked');
  });

  it('reads a .txt holding JSONP or plain text as one answer', async () => {
    const jsonp = write('dump.txt', `mtopjsonp3(${RGV587})`);
    const [line] = jsonLines((await run(['scan', '--json', '--url', MTOP, jsonp])).stdout);
    expect(line).toMatchObject({ verdict: 'blocked', url: MTOP });
    expect(line!.detections[0]).toMatchObject({ kind: 'risk-challenge', where: 'network' });
  });

  it("reads a .txt that holds a page's lines of prose as that page, not as one answer", async () => {
    const policy = [
      'From July 10, a rate limit policy applies to every call of the Open API, so that the service stays stable for everyone who uses it.',
      '- More than 10 calls per second from one vendor ID are turned away.',
      '- The limit may change with the system load.',
      '- Above it, the API answers with a 429 error.',
      '- Calls work again within minutes once the rate falls.',
    ].join('\n');
    expect(isPageText(policy)).toBe(true);
    // As one answer its words "rate limit" would be a refusal; as a page it is a notice about the policy.
    expect(verdictOf(scanNetwork(builtinRuleSet(), { url: 'https://developers.example.com/notice', body: policy, resource: 'api' }))).toBe('blocked');
    const [line] = jsonLines((await run(['scan', '--json', '--url', 'https://developers.example.com/notice', write('policy.txt', policy)])).stdout);
    expect(line).toMatchObject({ verdict: 'clear' });
    // One answer stays one answer, however it is laid out: a JSON printout, a short text, markup.
    for (const answer of [JSON.stringify({ code: 429, msg: 'Too many requests' }, null, 2).repeat(4), 'Too many requests.\nRetry later.\n1\n2', `<html>\n${'<p>x</p>\n'.repeat(80)}</html>`, `cb(${RGV587})\n`.repeat(5)]) {
      expect(isPageText(answer)).toBe(false);
    }
  });

  it('reads the URL, status and headers from an envelope {url, status, headers, body}; the body may be text or parsed JSON', async () => {
    const text = write('envelope-text.json', JSON.stringify({ url: MTOP, status: 200, headers: { 'content-type': 'application/json' }, body: RGV587 }));
    const parsed = write('envelope-parsed.json', JSON.stringify({ url: MTOP, status: 200, body: JSON.parse(RGV587) }));
    const r = await run(['scan', '--json', text, parsed]);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((l) => [l.url, l.verdict])).toEqual([
      [MTOP, 'blocked'],
      [MTOP, 'blocked'],
    ]);
  });

  it('gives every envelope of the fixture corpus (tests/fixtures/corpus/**/*.json) the verdict and kind the corpus expects', async () => {
    const root = join(import.meta.dirname, '../fixtures/corpus');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d).sort()) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.json')) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(50);
    const r = await run(['scan', '--json', root]);
    const byFile = new Map(jsonLines(r.stdout).map((l) => [l.file as string, l]));
    const wrong: string[] = [];
    for (const f of files) {
      // `expect` is "clear" or the kind the answer must be found as.
      const expected = (JSON.parse(readFileSync(f, 'utf8')) as { expect: string }).expect;
      const line = byFile.get(f);
      const got = !line ? 'not scanned' : line.verdict === 'clear' ? 'clear' : (line.detections as Array<{ kind: string }>).map((d) => d.kind).join(',');
      if (expected === 'clear' ? got !== 'clear' : !got.split(',').includes(expected)) wrong.push(`${relative(root, f)}: ${got} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
  });

  it('asks for the URL of a raw answer in one line, and skips answers without one when walking a directory', async () => {
    const raw = write('no-url.json', RGV587);
    const r = await run(['scan', '--json', raw]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`shutout: ${raw}: an API answer needs its URL: give --url URL, or save it as an envelope {"url", "status", "headers", "body"} (docs/cli.md)\n`);
    const sub = join(dir, 'walk');
    mkdirSync(sub);
    writeFileSync(join(sub, 'raw.json'), RGV587);
    writeFileSync(join(sub, 'notes.txt'), 'ordinary notes');
    writeFileSync(join(sub, 'ledger.json'), JSON.stringify({ format: 'shutout-coupon-ledger', version: 1, exportedAt: '2026-01-01T00:00:00Z', profileLabel: '', visits: [] }));
    writeFileSync(join(sub, 'env.json'), JSON.stringify({ url: MTOP, status: 200, body: RGV587 }));
    const w = await run(['scan', '--json', sub]);
    expect(w.code).toBe(0);
    expect(jsonLines(w.stdout).map((l) => l.file)).toEqual([join(sub, 'env.json')]);
  });

  it('refuses a non-http(s) URL in an envelope in one line', async () => {
    const bad = write('bad-url.json', JSON.stringify({ url: 'javascript:alert(1)', status: 200, body: RGV587 }));
    const r = await run(['scan', '--json', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('an API answer needs its URL');
  });
});
