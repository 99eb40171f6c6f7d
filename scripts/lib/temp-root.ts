/**
 * Tests and benchmarks must leave nothing in the temporary folder, also when they fail. A run
 * gets a private temporary folder (TMPDIR, which os.tmpdir() and Chromium follow): whatever is
 * left in it at the end is named, and removed with it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempRoot {
  path: string;
  /** Removes the folder; returns the `shutout-*` entries that were still in it. */
  finish(): string[];
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Points TMPDIR at a fresh `shutout-run-*` folder for this process and the ones it starts. A run
 * stopped by a signal (Ctrl-C, a CI timeout, a stopped mutation run) or ended without `finish`
 * removes the folder too.
 */
export function privateTempRoot(): TempRoot {
  const previous = process.env.TMPDIR;
  const path = mkdtempSync(join(tmpdir(), 'shutout-run-'));
  process.env.TMPDIR = path;
  const remove = () => {
    try {
      // Chromium's own leftovers (.org.chromium.*) go with the folder.
      rmSync(path, { recursive: true, force: true });
    } catch {
      /* a browser still writing into it: nothing more can be done on the way out */
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    detach();
    // Without another listener Node would ignore the signal now that one was heard: end as it would have.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const detach = () => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.removeListener('exit', remove);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', remove);
  return {
    path,
    finish() {
      let left: string[] = [];
      try {
        left = readdirSync(path).filter((n) => n.startsWith('shutout-'));
      } finally {
        if (previous === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = previous;
        detach();
        remove();
      }
      return left;
    },
  };
}
