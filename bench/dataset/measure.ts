/**
 * Runs `shutout dataset` as a researcher does (node bin/shutout.js, a process of its own) and
 * measures it: wall time, and the process's peak resident memory (VmHWM in /proc, the kernel's
 * own high-water mark, read until the process exits; worker threads are in the same process).
 *
 *   node --import tsx bench/dataset/measure.ts BUNDLES_DIR OUTDIR [shutout dataset options]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/browser';

export interface MergeFigures {
  ms: number;
  peakRssMB: number;
  exitCode: number;
  result: { bundles: number; merged: number; refused: Array<{ file: string; problem: string }>; duplicates: unknown[]; counts: Record<string, number> } | null;
  stderr: string;
}

function hwmKB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** `onChild`: the merge process, for a caller that must be able to stop it. */
export async function measureMerge(inputs: string[], outDir: string, extra: string[] = [], onChild?: (child: ChildProcess) => void): Promise<MergeFigures> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/shutout.js'), 'dataset', '--json', '-o', outDir, ...extra, ...inputs], { stdio: ['ignore', 'pipe', 'pipe'] });
  onChild?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  let peak = 0;
  const sample = () => {
    const kb = child.pid ? hwmKB(child.pid) : null;
    if (kb !== null) peak = Math.max(peak, kb);
  };
  const timer = setInterval(sample, 100);
  const exitCode = await new Promise<number>((res) => child.on('exit', (code) => res(code ?? -1)));
  clearInterval(timer);
  const ms = performance.now() - t0;
  let result: MergeFigures['result'] = null;
  try {
    result = JSON.parse(stdout) as MergeFigures['result'];
  } catch {
    result = null;
  }
  return { ms, peakRssMB: peak / 1024, exitCode, result, stderr };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, out, ...extra] = process.argv.slice(2);
  const f = await measureMerge([dir!], out!, extra);
  console.log(JSON.stringify({ ...f, result: f.result ? { ...f.result, refused: f.result.refused.length } : null }, null, 2));
}
