/**
 * [9] `shutout dataset` at scale: participants' bundles generated here (bench/dataset/generate.ts,
 * one process per core), then merged by `shutout dataset` in a process of its own, timed, with its
 * peak resident memory. Default: 20 bundles × 10,000 findings; `--bundles N`; `--full`: 1,000 × 10,000 (10 M).
 * Every folder it makes is removed at the end, also when it fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

/** The generator processes still running: stopped when one fails or the benchmark is interrupted, so that none writes into a removed folder. */
const generators = new Set<ChildProcess>();

function generate(dir: string, bundles: number, findings: number, first: number, step: number): Promise<void> {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/dataset/generate.ts'), dir, '--bundles', String(bundles), '--findings', String(findings), '--first', String(first), '--step', String(step)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    generators.add(p);
    let err = '';
    p.stderr.on('data', (c) => (err += c));
    p.on('exit', (code, signal) => {
      generators.delete(p);
      if (code === 0) return res();
      // Node ends an uncaught error with its version line: the error itself is the first line naming one.
      const lines = err.trim().split('\n');
      const line = lines.find((l) => /Error\b/.test(l)) ?? lines.pop() ?? '';
      rej(new Error(`the bundle generator failed (${signal ?? `exit ${code}`}): ${line.trim()}`));
    });
  });
}

/** The benchmark's child processes (generators, the merge), stopped at once when it fails or is interrupted. */
function stopChildren(extra: ChildProcess | null = null): void {
  for (const p of [...generators, ...(extra ? [extra] : [])]) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
}

/** How many bundles of 10,000 findings: 20 by default, `--bundles N`, or `--full` (1,000: the issue's 10,000,000 findings). */
export function datasetBundlesAsked(argv: string[]): number {
  if (argv.includes('--full')) return 1000;
  const i = argv.indexOf('--bundles');
  if (i < 0) return 20;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error('--bundles is a whole number from 1 to 10,000');
  return n;
}

export async function runDatasetBench(opts: { bundles: number; findingsPerBundle: number; note?: (s: string) => void }): Promise<DatasetFigures> {
  const note = opts.note ?? ((s: string) => process.stderr.write(`    … ${s}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'shutout-bench-dataset-'));
  let merge: ChildProcess | null = null;
  // Interrupted (Ctrl-C, a timeout's SIGTERM): the children stop and the folder goes before the process ends
  // (process.exit also runs bench/run.ts's removal of its private temporary folder).
  const interrupted = (signal: NodeJS.Signals) => {
    stopChildren(merge);
    rmSync(dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const bundlesDir = join(dir, 'bundles');
    mkdirSync(bundlesDir);
    const t0 = performance.now();
    await Promise.all([0, 1].map((k) => generate(bundlesDir, opts.bundles, opts.findingsPerBundle, k, 2))).catch((e) => {
      stopChildren();
      throw e;
    });
    const generateMs = performance.now() - t0;
    const bundlesGB = sizeOf(bundlesDir) / 2 ** 30;
    note(`generated ${opts.bundles} bundles (${bundlesGB.toFixed(2)} GB) in ${(generateMs / 1000).toFixed(0)} s`);
    const out = join(dir, 'dataset');
    const m = await measureMerge([bundlesDir], out, [], (child) => (merge = child));
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
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    stopChildren(merge);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await runDatasetBench({ bundles: datasetBundlesAsked(process.argv), findingsPerBundle: 10_000 });
  console.log(JSON.stringify(f, null, 2));
}
