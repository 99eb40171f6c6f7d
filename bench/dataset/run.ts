/**
 * [9] `shutout dataset` at scale: participants' bundles generated here (bench/dataset/generate.ts,
 * one process per core), then merged by `shutout dataset` in a process of its own, timed, with its
 * peak resident memory. Default: 20 bundles × 10,000 findings; `--full`: 1,000 × 10,000 (10 M).
 * Every folder it makes is removed at the end, also when it fails.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/browser';
import { measureMerge, type MergeFigures } from './measure';

export interface DatasetFigures {
  bundles: number;
  findingsPerBundle: number;
  findings: number;
  bundlesGB: number;
  generateMs: number;
  merge: Omit<MergeFigures, 'stderr' | 'result'> & { counts: Record<string, number>; merged: number; refused: number };
  datasetGB: number;
  parquetGB: number;
  duckdbGB: number;
}

function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((n, name) => n + sizeOf(join(path, name)), 0);
}

function generate(dir: string, bundles: number, findings: number, first: number, step: number): Promise<void> {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/dataset/generate.ts'), dir, '--bundles', String(bundles), '--findings', String(findings), '--first', String(first), '--step', String(step)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (c) => (err += c));
    p.on('exit', (code) => (code === 0 ? res() : rej(new Error(`the bundle generator failed (exit ${code}): ${err.trim().split('\n').pop()}`))));
  });
}

export async function runDatasetBench(opts: { bundles: number; findingsPerBundle: number; note?: (s: string) => void }): Promise<DatasetFigures> {
  const note = opts.note ?? ((s: string) => process.stderr.write(`    … ${s}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'shutout-bench-dataset-'));
  try {
    const bundlesDir = join(dir, 'bundles');
    mkdirSync(bundlesDir);
    const t0 = performance.now();
    await Promise.all([0, 1].map((k) => generate(bundlesDir, opts.bundles, opts.findingsPerBundle, k, 2)));
    const generateMs = performance.now() - t0;
    const bundlesGB = sizeOf(bundlesDir) / 2 ** 30;
    note(`generated ${opts.bundles} bundles (${bundlesGB.toFixed(2)} GB) in ${(generateMs / 1000).toFixed(0)} s`);
    const out = join(dir, 'dataset');
    const m = await measureMerge([bundlesDir], out);
    if (m.exitCode !== 0 || !m.result) throw new Error(`shutout dataset failed (exit ${m.exitCode}): ${m.stderr.trim()}`);
    const expected = opts.bundles * opts.findingsPerBundle;
    if (m.result.counts.findings !== expected) throw new Error(`the dataset holds ${m.result.counts.findings} findings, not the ${expected} the bundles record`);
    const duckdbGB = sizeOf(join(out, 'shutout.duckdb')) / 2 ** 30;
    const datasetGB = sizeOf(out) / 2 ** 30;
    note(`merged in ${(m.ms / 1000).toFixed(0)} s, peak RSS ${m.peakRssMB.toFixed(0)} MB`);
    return {
      bundles: opts.bundles,
      findingsPerBundle: opts.findingsPerBundle,
      findings: expected,
      bundlesGB,
      generateMs,
      merge: { ms: m.ms, peakRssMB: m.peakRssMB, exitCode: m.exitCode, counts: m.result.counts, merged: m.result.merged, refused: m.result.refused.length },
      datasetGB,
      duckdbGB,
      parquetGB: datasetGB - duckdbGB,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const full = process.argv.includes('--full');
  const f = await runDatasetBench({ bundles: full ? 1000 : 20, findingsPerBundle: 10_000 });
  console.log(JSON.stringify(f, null, 2));
}
