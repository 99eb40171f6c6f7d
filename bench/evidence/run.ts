/**
 * Evidence store benchmarks: insert throughput (batched) and export of 100,000 records in Chromium
 * on real IndexedDB, verify time for that bundle, and a 1 GB-of-screenshots bundle streamed in
 * Node with its peak memory.
 */
import { build } from 'esbuild';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { newKeyPair, signerFor } from '../../utils/evidence/signing';
import { writeBigExport } from './big-import';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyFile } from '../../cli/verify';
import { launch, ROOT, serveBody } from '../../scripts/lib/browser';
import { watchFrameGaps } from '../../scripts/lib/frame-gaps';
import { chainAfter } from '../../utils/evidence/chain';
import { writeBundle } from '../../utils/evidence/bundle';
import { findingContentOf } from '../../utils/evidence/content';
import { committed } from '../../utils/evidence/store';
import { createHash, randomBytes } from 'node:crypto';
import type { FindingRecord } from '../../utils/storage/db';

export interface EvidenceFigures {
  records: number;
  insertMs: number;
  insertPerSecond: number;
  /** Export of the signed ZIP bundle (chain, CSV, report, manifest, ECDSA signature). */
  exportMs: number;
  /** The same, redacted (commitments withheld). */
  exportRedactedMs: number;
  report10k: { findings: number; renderMs: number[]; bytes: number; bundleBytes: number; loadMs: number; verifyMs: number };
  /** A JSON export of 1,000,000 chain entries imported in the options page: planned in the worker. */
  import1m: { entries: number; fileMB: number; planMs: number; applyMs: number; maxFrameGapMs: number };
  exportPeakHeapMB: number;
  bundleMB: number;
  verifyMs: number;
  bigBundleGB: number;
  bigBundleWriteMs: number;
  bigBundlePeakRssMB: number;
  bigBundleVerifyMs: number;
}

async function bundleForPage(): Promise<string> {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const r = await build({ entryPoints: [join(ROOT, 'bench/evidence/entry.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent', define: { __SHUTOUT_VERSION__: JSON.stringify(version) } });
  return r.outputFiles[0]!.text;
}

export async function runEvidenceBench(opts: { records?: number; bigGB?: number; batch?: number; reportFindings?: number; importEntries?: number } = {}): Promise<EvidenceFigures> {
  const note = (s: string) => process.stderr.write(`    … ${s}\n`);
  const total = opts.records ?? 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'shutout-bench-evidence-'));
  const session = await launch({ withExtension: false });
  try {
    await serveBody(session.context, 'https://bench.taobao.com/', '<!doctype html><title>bench</title>');
    const page = await session.context.newPage();
    await page.goto('https://bench.taobao.com/');
    await page.evaluate(await bundleForPage());
    const insertMs = await page.evaluate(([t, b]) => (globalThis as any).shutoutBench.insert(t, b), [total, opts.batch ?? 100] as const);

    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { metrics } = await cdp.send('Performance.getMetrics');
        peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const exp = (await page.evaluate(() => (globalThis as any).shutoutBench.exportZip())) as { ms: number; size: number };
    sampling = false;
    await sampler;
    const expRedacted = (await page.evaluate(() => (globalThis as any).shutoutBench.exportZip('shutout-bench', true))) as { ms: number; size: number };
    await page.evaluate(() => (globalThis as any).shutoutBench.exportZip());

    const bundlePath = join(dir, 'bundle-100k.zip');
    await saveExport(page, exp.size, bundlePath);
    const v0 = performance.now();
    const report = await verifyFile(bundlePath);
    const verifyMs = performance.now() - v0;
    if (!report.ok) throw new Error(`the benchmark bundle does not verify: ${report.problem}`);

    note(`inserted ${total} in ${(insertMs / 1000).toFixed(1)} s; export ${(exp.ms / 1000).toFixed(1)} s, redacted ${(expRedacted.ms / 1000).toFixed(1)} s; verify ${(verifyMs / 1000).toFixed(1)} s`);
    const report10k = await reportOf10k(page, dir, session.context, opts.reportFindings ?? 10_000);
    note(`report of ${report10k.findings}: ${JSON.stringify(report10k)}`);
    const big = await bigBundle(dir, opts.bigGB ?? 1);
    note(`big bundle: ${JSON.stringify(big)}`);
    const import1m = await importMillion(dir, opts.importEntries ?? 1_000_000);
    note(`import: ${JSON.stringify(import1m)}`);
    return {
      import1m,
      records: total,
      insertMs,
      insertPerSecond: total / (insertMs / 1000),
      exportMs: exp.ms,
      exportRedactedMs: expRedacted.ms,
      report10k,
      exportPeakHeapMB: peak / 2 ** 20,
      bundleMB: exp.size / 2 ** 20,
      verifyMs,
      ...big,
    };
  } finally {
    await session.close();
    if (!process.env.KEEP_BENCH) rmSync(dir, { recursive: true, force: true });
  }
}

async function saveExport(page: Page, size: number, path: string): Promise<void> {
  const parts: Buffer[] = [];
  for (let at = 0; at < size; at += 4 << 20) parts.push(Buffer.from((await page.evaluate(([a, l]) => (globalThis as any).shutoutBench.chunk(a, l), [at, 4 << 20] as const)) as string, 'base64'));
  writeFileSync(path, Buffer.concat(parts));
}

/** report.html for 10,000 findings: render time in the page, size, Chromium's load of it, verify of its bundle. */
async function reportOf10k(page: Page, dir: string, context: BrowserContext, findings: number): Promise<EvidenceFigures['report10k']> {
  await page.evaluate(([t]) => (globalThis as any).shutoutBench.insert(t, 100, 'shutout-bench-10k'), [findings] as const);
  const render = (await page.evaluate(() => (globalThis as any).shutoutBench.renderReport('shutout-bench-10k', 5))) as { ms: number[]; bytes: number };
  const exp = (await page.evaluate(() => (globalThis as any).shutoutBench.exportZip('shutout-bench-10k'))) as { ms: number; size: number };
  const bundlePath = join(dir, 'bundle-10k.zip');
  await saveExport(page, exp.size, bundlePath);
  const reportPath = join(dir, 'report-10k.html');
  writeFileSync(reportPath, unzipSync(new Uint8Array(readFileSync(bundlePath)), { filter: (f) => f.name === 'report.html' })['report.html']!);
  const viewer = await context.newPage();
  await viewer.goto(`file://${reportPath}`, { waitUntil: 'load', timeout: 120_000 });
  const loadMs = await viewer.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await viewer.close();
  const v0 = performance.now();
  const report = await verifyFile(bundlePath);
  const verifyMs = performance.now() - v0;
  if (!report.ok) throw new Error(`the 10,000-finding bundle does not verify: ${report.problem}`);
  return { findings, renderMs: render.ms, bytes: render.bytes, bundleBytes: exp.size, loadMs, verifyMs };
}

/** The options page imports 1,000,000 entries: time to plan (in the worker) and to add, and the longest frame gap meanwhile. */
async function importMillion(dir: string, entries: number): Promise<EvidenceFigures['import1m']> {
  const file = join(dir, 'export-1m.json');
  const { bytes } = await writeBigExport(file, entries, await signerFor(await newKeyPair()));
  const session = await launch();
  try {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.waitForSelector('#import [data-testid="import-file"]');
    const maxFrameGap = await watchFrameGaps(page);
    const t0 = performance.now();
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-plan"], [data-testid="import-error"]', { timeout: 900_000 });
    const planMs = performance.now() - t0;
    if (await page.$('[data-testid="import-error"]')) throw new Error(`the million-entry import failed: ${await page.textContent('[data-testid="import-error"]')}`);
    const t1 = performance.now();
    await page.click('[data-testid="import-apply"]');
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 300_000 });
    const applyMs = performance.now() - t1;
    const maxFrameGapMs = await maxFrameGap();
    return { entries, fileMB: bytes / 2 ** 20, planMs, applyMs, maxFrameGapMs };
  } finally {
    await session.close();
  }
}

/** A bundle with `gb` GiB of screenshot-sized captures (5 MiB each), streamed to disk from Node. */
async function bigBundle(dir: string, gb: number): Promise<Pick<EvidenceFigures, 'bigBundleGB' | 'bigBundleWriteMs' | 'bigBundlePeakRssMB' | 'bigBundleVerifyMs'>> {
  const captures = Math.round((gb * 1024) / 5);
  const records: FindingRecord[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `big-${i}`, key: `p${i}|access-denied`, pageId: `p${i}`, observedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), tzOffsetMinutes: 480,
    pageUrl: `https://item.taobao.com/item.htm?id=${i}`, pageTitle: '访问被拒绝', platform: 'taobao', kind: 'access-denied', ruleId: 'alibaba.baxia.deny-zh',
    rulesetVersion: 'bench', snippet: '亲，访问被拒绝', where: 'text', confidence: 0.85, extensionVersion: 'bench', browser: 'Chromium', uiLanguage: 'zh-CN',
    profileLabel: 'bench', origin: 'local', count: 1, review: 'unreviewed', captureIds: [], seq: 0, hash: '',
  }));
  // Random bytes, as incompressible as a real PNG; each capture differs in its first byte; the
  // chain records each one's SHA-256, as addCapture does.
  const block = new Uint8Array(randomBytes(5 << 20));
  const capSha = (i: number) => {
    block[0] = i & 0xff;
    return createHash('sha256').update(block).digest('hex');
  };
  const shas = Array.from({ length: 256 }, (_, i) => capSha(i));
  const entries = chainAfter(null, [
    ...records.map((r) => committed('finding', r.id, r.observedAt, { ...findingContentOf(r as unknown as Record<string, unknown>), count: 1, review: 'unreviewed' })),
    ...Array.from({ length: captures }, (_, i) => committed('capture', `cap-${i}`, records[0]!.observedAt, { id: `cap-${i}`, findingId: `big-${i % 1000}`, pageUrl: '', at: '', type: 'screenshot', mime: 'image/png', size: block.length, sha256: shas[i & 0xff] })),
  ]);
  const path = join(dir, 'bundle-1g.zip');
  const out = createWriteStream(path);
  out.on('error', (e) => {
    throw e;
  });
  let peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  await writeBundle(
    {
      meta: { generator: { name: 'Shutout', version: 'bench' }, profileLabel: 'bench', exportedAt: new Date().toISOString() },
      redact: false,
      includeCaptures: true,
      async *entries() {
        yield entries;
      },
      async *captures() {
        for (let i = 0; i < captures; i++) {
          block[0] = i & 0xff; // each capture differs
          // A Blob per capture, as IndexedDB hands them out; made lazily, so only one exists at a time.
          yield { id: `cap-${i}`, findingId: `big-${i % 1000}`, pageUrl: '', at: '', type: 'screenshot' as const, mime: 'image/png', size: block.length, sha256: '', blob: new Blob([block]) };
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
        }
      },
      async captureBlob(id) {
        block[0] = Number(id.slice(4)) & 0xff;
        return new Blob([block]);
      },
    },
    (c) =>
      new Promise<void>((res) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (out.write(c)) res();
        else out.once('drain', res);
      }),
    await signerFor(await newKeyPair()),
  );
  await new Promise((r) => out.end(r));
  const writeMs = performance.now() - t0;
  const size = statSync(path).size;
  const v0 = performance.now();
  const report = await verifyFile(path);
  const verifyMs = performance.now() - v0;
  if (!report.ok) throw new Error(`the 1 GB bundle does not verify: ${report.problem}`);
  return { bigBundleGB: size / 2 ** 30, bigBundleWriteMs: writeMs, bigBundlePeakRssMB: peakRss / 2 ** 20, bigBundleVerifyMs: verifyMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await runEvidenceBench();
  console.log(JSON.stringify(f, null, 2));
}
