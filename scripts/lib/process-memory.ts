/**
 * Peak resident memory (Linux's VmHWM) of the web-page renderers of one Chromium profile, read
 * from /proc, for tests that bound what a page costs: the peak is kept by the kernel, so a
 * burst between two readings is not missed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

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

/**
 * The largest rise of the peak of a renderer that was there at the first reading (the loaded
 * page's is). A renderer started meanwhile holds none of that page: Chromium keeps a spare one
 * ready for the next navigation, at a moment of its choosing, and counting its whole peak as a
 * rise made the figure jump by about 65 MiB from run to run.
 */
export function peakRise(before: Map<number, number>, after: Map<number, number>): number {
  let rise = 0;
  for (const [pid, peak] of after) {
    const was = before.get(pid);
    if (was !== undefined) rise = Math.max(rise, peak - was);
  }
  return rise;
}

/** Renderers that started between two readings, with their peaks (printed beside the rise). */
export function newRenderers(before: Map<number, number>, after: Map<number, number>): number[] {
  return [...after].filter(([pid]) => !before.has(pid)).map(([, peak]) => peak);
}

/**
 * Resets the peak of each of these renderers to its present size (Linux: `5` to
 * /proc/PID/clear_refs) and returns those sizes, so that a later reading's peak shows what
 * happened after this moment only, not a higher peak from the page's start-up.
 */
export function resetPeaks(peaks: Map<number, number>): Map<number, number> {
  const now = new Map<number, number>();
  for (const pid of peaks.keys()) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (kb) now.set(pid, Number(kb[1]) * 1024);
    } catch {
      // The process ended meanwhile.
    }
  }
  return now;
}
