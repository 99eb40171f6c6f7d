/**
 * Benchmark 5: `shutout scan` throughput over 1,000 saved pages.
 *
 * The pages go to a temporary directory: 80 % ordinary marketplace pages (page-100k.ts's
 * generator, 50–200 KB each) and 20 % walls (the corpus's positive page fixtures, cycled,
 * padded to 50–200 KB with an inline state script as real wall pages carry), each starting
 * with Chrome's `<!-- saved from url=(NNNN)URL -->` comment. Timed:
 * - end to end: `node bin/shutout.js scan --json DIR`, process start included;
 * - in process: cli/scan.ts `scanFile` over every third file (334 pages, the same mix), one
 *   after the other: a rate, and a third of the time of a second full pass.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scanFile, type ScanResult } from '../cli/scan';
import { ROOT } from '../scripts/lib/browser';
import { loadCorpus, type PageFixture } from '../tests/corpus';
import { Rand } from './lib/rand';
import { savedPage } from './page-100k';

export const PAGES = 1000;
/** The in-process pass takes every IN_PROCESS_STRIDE-th file. */
const IN_PROCESS_STRIDE = 3;
const WALL_SHARE = 0.2;

const ORDINARY_URLS = [
  (i: number) => `https://item.taobao.com/item.htm?id=${600000000000 + i}`,
  (i: number) => `https://detail.tmall.com/item.htm?id=${700000000000 + i}`,
  (i: number) => `https://item.jd.com/${100000000000 + i}.html`,
  (i: number) => `https://mobile.yangkeduo.com/goods.html?goods_id=${i}`,
  (i: number) => `https://www.amazon.com/dp/B0${String(i).padStart(8, '0')}`,
  (i: number) => `https://s.taobao.com/search?q=item${i}`,
];

function savedFrom(url: string): string {
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n`;
}

/** A wall fixture padded to about `targetKb` KB with an inline script (invisible text). */
function paddedWall(f: PageFixture, targetKb: number, r: Rand): string {
  const html = f.html.replace(/<!--\s*shutout-fixture[\s\S]*?-->\s*/, '');
  const need = Math.max(0, targetKb * 1024 - html.length);
  const items: string[] = [];
  let size = 0;
  for (let i = 0; size < need; i++) {
    const s = JSON.stringify({ k: `cfg_${i}`, v: r.next().toString(36).repeat(3), t: Date.UTC(2026, 0, 1) + i, on: i % 3 === 0 });
    items.push(s);
    size += s.length + 1;
  }
  const script = `<script>window.__CONFIG__=[${items.join(',')}];</script>`;
  const at = html.search(/<\/head>/i);
  const body = at >= 0 ? html.slice(0, at) + script + html.slice(at) : script + html;
  return savedFrom(f.url) + body;
}

export interface CliResult {
  pages: number;
  walls: number;
  totalMB: number;
  endToEnd: { ms: number; pagesPerSec: number; results: number; blocked: number; exitCode: number | null };
  startupMs: number;
  inProcess: { pages: number; walls: number; ms: number; pagesPerSec: number; blocked: number; wallsDetected: number; ordinaryBlocked: number };
}

function runCli(args: string[]): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/shutout.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', () => {});
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, stdout: Buffer.concat(out).toString('utf8'), code }));
  });
}

export async function benchCli(log: (s: string) => void): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), 'shutout-bench-pages-'));
  try {
    const walls = loadCorpus().filter((f): f is PageFixture => f.type === 'page' && f.path.startsWith('positive/'));
    const r = new Rand(5);
    const wallFiles = new Set<string>();
    let bytes = 0;
    let w = 0;
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < PAGES; i++) {
      const kb = r.int(50, 200);
      const name = `page-${String(i).padStart(4, '0')}.html`;
      let html: string;
      if (walls.length > 0 && r.chance(WALL_SHARE)) {
        html = paddedWall(walls[w++ % walls.length]!, kb, r);
        wallFiles.add(name);
      } else {
        html = savedPage(1000 + i, kb, ORDINARY_URLS[i % ORDINARY_URLS.length]!(i));
      }
      writeFileSync(join(dir, name), html);
      bytes += Buffer.byteLength(html);
    }
    log(`  ${PAGES} pages (${wallFiles.size} walls), ${(bytes / 1048576).toFixed(0)} MB in ${dir}`);

    const startup = await runCli(['--help']);
    const e2e = await runCli(['scan', '--json', dir]);
    const lines = e2e.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ScanResult);
    log(`  end to end: ${(e2e.ms / 1000).toFixed(1)} s`);

    const files = readdirSync(dir)
      .sort()
      .filter((_, i) => i % IN_PROCESS_STRIDE === 0);
    const t0 = performance.now();
    const results: Array<{ name: string; r: ScanResult }> = [];
    for (const name of files) for (const res of await scanFile(join(dir, name))) results.push({ name, r: res });
    const inMs = performance.now() - t0;
    const blocked = results.filter((x) => x.r.verdict === 'blocked');
    return {
      pages: PAGES,
      walls: wallFiles.size,
      totalMB: bytes / 1048576,
      startupMs: startup.ms,
      endToEnd: {
        ms: e2e.ms,
        pagesPerSec: (PAGES / e2e.ms) * 1000,
        results: lines.length,
        blocked: lines.filter((l) => l.verdict === 'blocked').length,
        exitCode: e2e.code,
      },
      inProcess: {
        pages: files.length,
        walls: files.filter((f) => wallFiles.has(f)).length,
        ms: inMs,
        pagesPerSec: (files.length / inMs) * 1000,
        blocked: blocked.length,
        wallsDetected: blocked.filter((x) => wallFiles.has(x.name)).length,
        ordinaryBlocked: blocked.filter((x) => !wallFiles.has(x.name)).length,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
