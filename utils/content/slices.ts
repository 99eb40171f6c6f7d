/**
 * Long work in short tasks. A scan is written as a generator that yields at points where it may
 * pause; `runSliced` runs it until its slice of time is used, then gives the page its turn
 * (`scheduler.yield()` where the browser has it, a zero-delay timer elsewhere) and goes on. The
 * result is the same however it was sliced: the order of the work never depends on the clock.
 */

/** A unit of sliced work: yields where it may pause, returns its result. */
export type Work<T> = Generator<void, T, void>;

export interface SliceClock {
  now(): number;
  /** Lets the page run (input, rendering, its own tasks), then resumes. */
  pause(): Promise<void>;
}

/** Time used before pausing. Steps between two yields are bounded well under it, so no task of ours reaches 8 ms. */
export const SLICE_MS = 4;

export function pageClock(win: Window): SliceClock {
  const scheduler = (win as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const perf = win.performance;
  return {
    now: () => perf.now(),
    pause: typeof scheduler?.yield === 'function' ? () => scheduler.yield!() : () => new Promise((resolve) => win.setTimeout(resolve, 0)),
  };
}

/**
 * Runs `work` in slices of about `sliceMs`. Stops (returning undefined) when `alive()` turns false
 * between two steps: the page went away, or a newer scan replaced this one.
 */
export async function runSliced<T>(work: Work<T>, clock: SliceClock, alive: () => boolean = () => true, sliceMs = SLICE_MS): Promise<T | undefined> {
  let start = clock.now();
  for (;;) {
    if (!alive()) {
      work.return(undefined as T);
      return undefined;
    }
    const step = work.next();
    if (step.done) return step.value;
    if (clock.now() - start >= sliceMs) {
      await clock.pause();
      start = clock.now();
    }
  }
}

/** Runs `work` to the end at once (the page is going away: there is no later). */
export function runNow<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
