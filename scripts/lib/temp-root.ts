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

/** Points TMPDIR at a fresh `shutout-run-*` folder for this process and the ones it starts. */
export function privateTempRoot(): TempRoot {
  const previous = process.env.TMPDIR;
  const path = mkdtempSync(join(tmpdir(), 'shutout-run-'));
  process.env.TMPDIR = path;
  return {
    path,
    finish() {
      let left: string[] = [];
      try {
        left = readdirSync(path).filter((n) => n.startsWith('shutout-'));
      } finally {
        if (previous === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = previous;
        // Chromium's own leftovers (.org.chromium.*) go with the folder.
        rmSync(path, { recursive: true, force: true });
      }
      return left;
    },
  };
}
