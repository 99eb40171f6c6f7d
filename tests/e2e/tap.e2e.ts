/**
 * The page-world tap in Chromium: invisible to the page, harmless to its scripts, and bounded in
 * memory on an endless stream — while it still sees an API block answer.
 */
import { rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { launch, storedRows, waitForRecords, type Session } from '../../scripts/lib/browser';
import { startHttps, type LocalHttps } from '../../scripts/lib/https-server';
import { newRenderers, peakRise, rendererPeaks, resetPeaks } from '../../scripts/lib/process-memory';

const MiB = 1024 * 1024;
const PAGE = 'https://item.taobao.com/item.htm?id=600000000008';
const API = 'https://h5api.m.taobao.com/h5/mtop.taobao.detail.getdetail/6.0/';
const BLOCK = '{"api":"mtop.taobao.detail.getdetail","v":"6.0","ret":["RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试!"],"data":{}}';

let session: Session | undefined;
let server: LocalHttps | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  if (session) rmSync(session.userDataDir, { recursive: true, force: true });
  session = undefined;
  server = undefined;
});

const cors = { 'access-control-allow-origin': 'https://item.taobao.com' };

/** Write `total` bytes of JSON-looking text in 1 MiB chunks, without a Content-Length (chunked). */
async function streamChunked(res: ServerResponse, total: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...cors });
  const chunk = Buffer.alloc(MiB, 'a');
  for (let sent = 0; sent < total && !res.destroyed; sent += MiB) {
    if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
  }
  res.end();
}

async function startSite(page: string, args: string[] = []): Promise<Session> {
  server = await startHttps((req, res) => {
    if (req.headers.host === 'item.taobao.com') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (req.url?.startsWith('/stream')) void streamChunked(res, 256 * MiB);
    else res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(BLOCK);
  });
  const hosts = ['item.taobao.com', 'h5api.m.taobao.com'];
  session = await launch({ args: [...server.chromiumArgs(hosts), ...args], passthrough: hosts });
  return session;
}

describe('the page-world tap in Chromium', () => {
  it('leaves no global, looks native, lets a page declare `const tap`, and still sees an API block', async () => {
    // The page's first script declares what the tap's old bundle put on window.
    const s = await startSite(`<!doctype html><html><head><meta charset="utf-8"><title>宝贝详情</title>
      <script>const tap = 1; const __shutoutTap = 2; window.pageScriptRan = tap + __shutoutTap;</script></head>
      <body><h1>宝贝详情</h1></body></html>`);
    const page = await s.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(PAGE);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pageScriptRan?: number }).pageScriptRan)).toBe(3);

    const seen = await page.evaluate(() => ({
      tap: 'tap' in window,
      shutoutTap: Object.getOwnPropertyNames(window).filter((n) => /shutout|tap/i.test(n)),
      fetch: fetch.toString(),
      fetchName: fetch.name,
      send: XMLHttpRequest.prototype.send.toString(),
      attachShadow: Function.prototype.toString.call(Element.prototype.attachShadow),
      toString: Function.prototype.toString.toString(),
      scripts: document.scripts.length,
    }));
    expect(seen).toEqual({
      tap: false,
      shutoutTap: [],
      fetch: 'function fetch() { [native code] }',
      fetchName: 'fetch',
      send: 'function send() { [native code] }',
      attachShadow: 'function attachShadow() { [native code] }',
      toString: 'function toString() { [native code] }',
      scripts: 1,
    });

    // The disguised tap is still there: the page's API call is read and its block recorded.
    await page.evaluate((api) => fetch(api).then((r) => r.text()), API);
    const records = await waitForRecords(s, (r) => r.length > 0);
    expect(records[0]).toMatchObject({ kind: 'risk-challenge', platform: 'taobao', where: 'network', pageUrl: PAGE });
  });

  it('reads a 256 MiB chunked answer without the page holding it', async () => {
    // The page collects its garbage as it reads (gc() every 4 MiB), so that the peak shows what is
    // held, not what waits for collection. The tap cancels its copy within 40 ms and 2 MiB (timed
    // with a logging build), yet a renderer's peak still jumps now and then by up to the whole
    // stream on a read made just after load (1 run in 7 here; it also does without the tap's
    // cancel being late). Such jumps only add, while a tap that held the stream would add 256 MiB
    // to every read: so five fresh pages, each in its own renderer, read it and the least rise is
    // what is held. (One page reading five times would not do: after its first read the renderer
    // keeps the memory it took, and a tap that reads the whole stream raised the later reads by
    // 0-25 MiB.) The tap that copied whole streams (clone().text()) made it rise 331-531 MiB.
    const s = await startSite('<!doctype html><html><head><meta charset="utf-8"><title>宝贝详情</title></head><body></body></html>', ['--js-flags=--expose-gc']);
    const rises: number[] = [];
    const spare: string[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await s.context.newPage();
      await page.goto(PAGE);
      // The content script's first scan has run once the background stored this visit: its
      // start-up is not what is measured.
      await expect.poll(async () => (await storedRows(s, 'visits')).length, { timeout: 15_000 }).toBeGreaterThan(run);
      const before = resetPeaks(rendererPeaks(s.userDataDir));
      expect(before.size).toBeGreaterThan(0);
      // The page reads the stream as it comes and keeps nothing of it.
      const read = await page.evaluate(async () => {
        const res = await fetch('https://h5api.m.taobao.com/stream');
        const reader = res.body!.getReader();
        let n = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return n;
          const before = n;
          n += value.byteLength;
          if (Math.floor(n / 2 ** 22) > Math.floor(before / 2 ** 22)) (globalThis as unknown as { gc(): void }).gc();
        }
      });
      expect(read).toBe(256 * MiB);
      const after = rendererPeaks(s.userDataDir);
      rises.push(peakRise(before, after));
      spare.push(...newRenderers(before, after).map((p) => `${(p / MiB).toFixed(1)} MiB`));
      await page.close();
    }
    const held = Math.min(...rises);
    const each = rises.map((r) => (r / MiB).toFixed(1)).join(', ');
    console.log(`tap: page renderer peak rose by ${(held / MiB).toFixed(1)} MiB at least over five 256 MiB streamed answers (each: ${each} MiB)${spare.length ? ` (renderers started meanwhile, not counted: ${spare.join(', ')})` : ''}`);
    expect(held).toBeLessThan(128 * MiB);
  });
});
