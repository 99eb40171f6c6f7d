/**
 * `shutout scan` reads what researchers really have: HAR captures with a broken entry, pages saved
 * in GBK, GB18030, Big5 or Shift_JIS, UTF-16 with a BOM, and markup that nests without end.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { undoMojibake } from '../../cli/decode';
import { MAX_ELEMENTS } from '../../utils/dom/markup-bounds';
import { loadCorpus, type PageFixture } from '../corpus';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'shutout-cli-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const jsonLines = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);

/** Bytes of `text` in a legacy double-byte encoding, from the inverse of Node's own TextDecoder. */
function encodeLegacy(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if ([...ch].length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        /* not a character in this encoding */
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`${ch} has no ${encoding} form`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

/** An ordinary item URL: the verdict must come from the decoded text, not from the address. */
const ITEM = 'https://item.taobao.com/item.htm?id=1';
const wallHtml = (head: string, notice = '亲，访问被拒绝', title = '淘宝') =>
  `<!DOCTYPE html>\n<!-- saved from url=(0036)${ITEM} -->\n<html><head>${head}<title>${title}</title></head><body><div id="baxia-punish"><div class="warn">${notice}</div><p>x</p></div></body></html>`;
const snippets = (line: Record<string, any> | undefined) => (line?.detections ?? []).map((d: { snippet: string }) => d.snippet).join(' | ');

describe('HAR captures with a malformed entry', () => {
  it('scans every well-formed entry and reports each malformed one in one line', async () => {
    const ok = (url: string, text: string) => ({ request: { url }, response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text } } });
    const har = {
      log: {
        entries: [
          ok('https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/', '{"ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试!"]}'),
          null,
          { request: { url: 5 }, response: {} },
          { request: { url: 'https://h5api.m.taobao.com/a' }, response: { status: 200, headers: 'x' } },
          { request: { url: 'https://h5api.m.taobao.com/b' }, response: { status: 200, content: { text: 7, encoding: 'base64' } } },
          { request: { url: 'not a url' }, response: { status: 200 } },
          ok('https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/', '{"ret":["SUCCESS::调用成功"]}'),
        ],
      },
    };
    const file = join(dir, 'mixed.har');
    writeFileSync(file, JSON.stringify(har));
    const r = await run(['scan', '--json', file]);
    expect(r.code).toBe(2);
    expect(jsonLines(r.stdout).map((l) => [l.entry, l.verdict])).toEqual([
      [0, 'blocked'],
      [6, 'clear'],
    ]);
    const errors = r.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(5);
    expect(errors.map((e) => /#(\d+): malformed entry/.exec(e)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    for (const e of errors) expect(e).not.toMatch(/Cannot read|undefined|TypeError/);
    expect(errors[1]).toContain('request.url');
    expect(errors[2]).toContain('response.headers');
  });
});

describe('saved pages in legacy encodings', () => {
  it('decodes GBK by <meta charset>', async () => {
    const file = join(dir, 'gbk.html');
    writeFileSync(file, encodeLegacy(wallHtml('<meta charset="gbk">'), 'gbk'));
    const [line] = jsonLines((await run(['scan', '--json', file])).stdout);
    expect(line).toMatchObject({ verdict: 'blocked', platform: 'taobao' });
    expect(snippets(line)).toContain('访问被拒绝');
  });

  it('decodes GB2312/GB18030 by <meta http-equiv="Content-Type">', async () => {
    for (const label of ['gb2312', 'GB18030']) {
      const file = join(dir, `${label}.htm`);
      writeFileSync(file, encodeLegacy(wallHtml(`<meta http-equiv="Content-Type" content="text/html; charset=${label}">`), 'gb18030'));
      const [line] = jsonLines((await run(['scan', '--json', file])).stdout);
      expect(line, label).toMatchObject({ verdict: 'blocked' });
      expect(snippets(line), label).toContain('访问被拒绝');
    }
  });

  it('decodes Big5 (Traditional) and Shift_JIS (Japanese)', async () => {
    const big5 = join(dir, 'big5.html');
    writeFileSync(big5, encodeLegacy(wallHtml('<meta charset="big5">', '親，訪問被拒絕', '淘寶'), 'big5'));
    const [b] = jsonLines((await run(['scan', '--json', big5])).stdout);
    expect(b).toMatchObject({ verdict: 'blocked' });
    expect(snippets(b)).toContain('訪問被拒絕');
    const sjis = join(dir, 'sjis.html');
    const page = '<html><head><meta http-equiv="content-type" content="text/html; charset=Shift_JIS"><title>Amazon.co.jp</title></head><body><h4>下に表示されている文字を入力してください</h4><form action="/errors/validateCaptcha"></form></body></html>';
    writeFileSync(sjis, encodeLegacy(page, 'shift_jis'));
    const [line] = jsonLines((await run(['scan', '--json', '--url', 'https://www.amazon.co.jp/errors/validateCaptcha', sjis])).stdout);
    expect(line).toMatchObject({ verdict: 'blocked', platform: 'amazon' });
    expect(snippets(line)).toContain('文字を入力');
  });

  it('decodes UTF-16 by its BOM, and a UTF-8 BOM wins over a wrong <meta charset>', async () => {
    const u16 = join(dir, 'utf16.html');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wallHtml(''), 'utf16le')]));
    expect(snippets(jsonLines((await run(['scan', '--json', u16])).stdout)[0])).toContain('访问被拒绝');
    const u8 = join(dir, 'utf8-bom.html');
    writeFileSync(u8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(wallHtml('<meta charset="gbk">'), 'utf8')]));
    expect(snippets(jsonLines((await run(['scan', '--json', u8])).stdout)[0])).toContain('访问被拒绝');
  });
});

describe('saved pages whose declaration is wrong or missing', () => {
  it('reads a page re-saved as UTF-8 that still declares <meta charset="gbk"> as UTF-8', async () => {
    const file = join(dir, 'resaved.html');
    writeFileSync(file, wallHtml('<meta charset="gbk">'), 'utf8');
    expect(snippets(jsonLines((await run(['scan', '--json', file])).stdout)[0])).toContain('访问被拒绝');
  });

  it('reads GBK bytes without any declaration as GB18030, the legacy encoding of the platforms Shutout covers', async () => {
    const file = join(dir, 'undeclared-gbk.html');
    writeFileSync(file, encodeLegacy(wallHtml(''), 'gbk'));
    expect(snippets(jsonLines((await run(['scan', '--json', file])).stdout)[0])).toContain('访问被拒绝');
  });
});

describe('pages a scraper decoded as Latin-1 and saved again as UTF-8', () => {
  /** What such a scraper writes: each UTF-8 byte of the page as one Latin-1 character, re-encoded as UTF-8. */
  const mojibake = (text: string) => Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8');

  it('reads the page the site served', async () => {
    const file = join(dir, 'mojibake.html');
    writeFileSync(file, mojibake(wallHtml('<meta charset="utf-8">')));
    expect(snippets(jsonLines((await run(['scan', '--json', file])).stdout)[0])).toContain('访问被拒绝');
    const answer = join(dir, 'mojibake.json');
    writeFileSync(answer, mojibake(JSON.stringify({ code: 429, msg: '操作太频繁，请稍后再试' })));
    expect(snippets(jsonLines((await run(['scan', '--json', `--url=${ITEM}`, answer])).stdout)[0])).toContain('操作太频繁');
  });

  it('leaves real Latin-1 text as it is', () => {
    for (const text of ['Größe und Preis: 12,50 €', 'café crème à la carte, déjà vu', 'Ã la carte', 'naïve Ð']) expect(undoMojibake(text)).toBe(text);
    expect(undoMojibake(mojibake('Почти готово...').toString('utf8'))).toBe('Почти готово...');
    expect(undoMojibake(mojibake('Доступ ограничен: Größe').toString('utf8'))).toBe('Доступ ограничен: Größe');
  });
});

describe('the fixture corpus as saved files', () => {
  it('gives every page of the corpus, saved as UTF-8 with its URL in a saved-from comment, the verdict the corpus expects', { timeout: 60_000 }, async () => {
    const sub = join(dir, 'corpus');
    mkdirSync(sub);
    const pages = loadCorpus().filter((f): f is PageFixture => f.type === 'page');
    const want = new Map<string, string>();
    for (const f of pages) {
      const name = join(sub, f.path.replace(/\//g, '_'));
      writeFileSync(name, `<!-- saved from url=(${String(f.url.length).padStart(4, '0')})${f.url} -->\n${f.html}`, 'utf8');
      want.set(name, f.path.startsWith('positive/') ? 'blocked' : 'clear');
    }
    const r = await run(['scan', '--json', sub]);
    const wrong = jsonLines(r.stdout)
      .filter((l) => l.verdict !== want.get(l.file))
      .map((l) => `${l.file.slice(sub.length + 1)}: ${l.verdict}`);
    expect(wrong).toEqual([]);
    expect(jsonLines(r.stdout)).toHaveLength(pages.length);
  });
});

describe('markup that nests without end', () => {
  it('scans 200,000 unclosed nested tags in bounded time, keeping the text inside them', { timeout: 30_000 }, async () => {
    const file = join(dir, 'deep.html');
    const open = ['<div>', '<b>', '<span class="x">', '<font>', '<li>', '<section>'].join('');
    writeFileSync(file, wallHtml('').replace('<div class="warn">', `${open.repeat(200_000 / 6)}<div class="warn">`));
    const t0 = performance.now();
    const r = await run(['scan', '--json', file]);
    const ms = performance.now() - t0;
    expect(r.code).toBe(0);
    expect(snippets(jsonLines(r.stdout)[0])).toContain('访问被拒绝');
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses a page of more elements than any real page in one line', { timeout: 30_000 }, async () => {
    const file = join(dir, 'many.html');
    writeFileSync(file, `<html><body>${'<i></i>'.repeat(MAX_ELEMENTS + 1)}</body></html>`);
    const r = await run(['scan', '--json', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shutout: .*many\.html: more than 500,000 elements; not scanned\n$/);
  });
});
