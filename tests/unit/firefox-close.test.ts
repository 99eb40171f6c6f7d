import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeWithin, type Closable } from '../../scripts/lib/firefox';

/** A browser whose close() answers (or never does), and whose process exits when killed. */
function fakeBrowser(answers: boolean): Closable & { killedWith: string[] } {
  const proc = Object.assign(new EventEmitter(), {
    exitCode: null as number | null,
    signalCode: null as string | null,
    kill(signal?: NodeJS.Signals) {
      fake.killedWith.push(signal ?? 'SIGTERM');
      setTimeout(() => {
        proc.signalCode = signal ?? 'SIGTERM';
        proc.emit('exit');
      }, 5);
      return true;
    },
  });
  const fake = {
    killedWith: [] as string[],
    close: () => (answers ? Promise.resolve() : new Promise<void>(() => {})),
    process: () => proc,
  };
  return fake;
}

describe('closing a test browser (scripts/lib/firefox.ts closeWithin)', () => {
  it('closes a browser that answers, without killing it', async () => {
    const b = fakeBrowser(true);
    expect(await closeWithin(b, 1000)).toBe('closed');
    expect(b.killedWith).toEqual([]);
  });

  it('kills the process of a browser that never answers the close, and returns once it has exited', async () => {
    const b = fakeBrowser(false);
    const t0 = Date.now();
    expect(await closeWithin(b, 50)).toBe('killed');
    expect(b.killedWith).toEqual(['SIGKILL']);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
