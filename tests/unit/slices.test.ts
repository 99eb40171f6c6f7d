/**
 * Long work in short tasks (utils/content/slices.ts): a generator runs until its slice of time is
 * used, then lets the page run; it stops between two steps when it is no longer wanted.
 */
import { describe, expect, it } from 'vitest';
import { pageClock, runNow, runSliced, SLICE_MS, type SliceClock, type Work } from '../../utils/content/slices';

/** Work of `steps` steps, each taking `stepMs` on the fake clock. */
function* steps(n: number, clock: { t: number }, stepMs: number, log: string[]): Work<string> {
  try {
    for (let i = 0; i < n; i++) {
      clock.t += stepMs;
      log.push(`step ${i}`);
      yield;
    }
    return 'done';
  } finally {
    log.push('closed');
  }
}

function fakeClock() {
  const state = { t: 0 };
  const log: string[] = [];
  const clock: SliceClock = {
    now: () => state.t,
    pause: async () => void log.push(`pause at ${state.t}`),
  };
  return { state, log, clock };
}

describe('runSliced', () => {
  it('pauses once a slice’s time is used, and not before', async () => {
    const { state, log, clock } = fakeClock();
    expect(await runSliced(steps(6, state, 1, log), clock, () => true, 3)).toBe('done');
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'pause at 3', 'step 3', 'step 4', 'step 5', 'pause at 6', 'closed']);
  });

  it('slices 4 ms by default', async () => {
    expect(SLICE_MS).toBe(4);
    const { state, log, clock } = fakeClock();
    await runSliced(steps(5, state, 1, log), clock);
    expect(log.filter((l) => l.startsWith('pause'))).toEqual(['pause at 4']);
  });

  it('stops between two steps when no longer wanted, closing the work', async () => {
    const { state, log, clock } = fakeClock();
    let wanted = 2;
    expect(await runSliced(steps(6, state, 1, log), clock, () => wanted-- > 0, 100)).toBeUndefined();
    expect(log).toEqual(['step 0', 'step 1', 'closed']);
  });
});

describe('runNow', () => {
  it('runs the work to its end at once', () => {
    const log: string[] = [];
    expect(runNow(steps(3, { t: 0 }, 5, log))).toBe('done');
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'closed']);
  });
});

describe('pageClock', () => {
  it('pauses with scheduler.yield where the page has it, else with a zero-delay timer', async () => {
    const calls: string[] = [];
    const perf = { now: () => 42 };
    const withYield = pageClock({ performance: perf, scheduler: { yield: async () => void calls.push('yield') }, setTimeout: () => calls.push('timer') } as unknown as Window);
    expect(withYield.now()).toBe(42);
    await withYield.pause();
    const without = pageClock({ performance: perf, setTimeout: (fn: () => void, ms: number) => (calls.push(`timer ${ms}`), fn()) } as unknown as Window);
    await without.pause();
    const oldScheduler = pageClock({ performance: perf, scheduler: {}, setTimeout: (fn: () => void, ms: number) => (calls.push(`timer ${ms}`), fn()) } as unknown as Window);
    await oldScheduler.pause();
    expect(calls).toEqual(['yield', 'timer 0', 'timer 0']);
  });
});
