/**
 * Peak resident memory (Linux's VmHWM) of the web-page renderers of one Chromium profile, read
 * from /proc, for tests that bound what a page costs: the peak is kept by the kernel, so a
 * burst between two readings is not missed.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** pid → peak resident memory in bytes, for each page renderer (not extension process) of the profile. */
export function rendererPeaks(userDataDir: string): Map<number, number> {
  const peaks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd: string;
    let status: string;
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      status = readFileSync(`/proc/${entry}/status`, 'utf8');
    } catch {
      continue; // The process ended meanwhile.
    }
    // Chromium rewrites its command line in place: arguments may be split by NULs or by spaces.
    const args = cmd.split(/[\0 ]/);
    if (!args.includes('--type=renderer') || args.includes('--extension-process')) continue;
    if (!args.includes(`--user-data-dir=${userDataDir}`)) continue;
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    if (kb) peaks.set(Number(entry), Number(kb[1]) * 1024);
  }
  return peaks;
}

/** The largest rise of any renderer's peak between two readings (a new renderer counts from zero). */
export function peakRise(before: Map<number, number>, after: Map<number, number>): number {
  let rise = 0;
  for (const [pid, peak] of after) rise = Math.max(rise, peak - (before.get(pid) ?? 0));
  return rise;
}
