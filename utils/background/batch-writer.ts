import type { ShutoutDB } from '../storage/db';
import { recordPages, type ObservationContext, type PageFindings } from '../evidence/store';

/**
 * Coalesces the reports that arrive within a few milliseconds into one IndexedDB transaction.
 * A report is acknowledged only after its transaction committed, so a worker stopped mid-write
 * leaves the content script retrying, and the retry is absorbed by the `pageId|kind` key.
 */
export class BatchWriter {
  private queue: Array<{ page: PageFindings; resolve(n: number): void; reject(e: unknown): void }> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: ShutoutDB,
    private readonly context: () => Promise<ObservationContext>,
    private readonly newId: () => string,
    private readonly opts: { delayMs?: number; maxBatch?: number } = {},
  ) {}

  write(page: PageFindings): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ page, resolve, reject });
      if (this.queue.length >= (this.opts.maxBatch ?? 100)) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.opts.delayMs ?? 15);
    });
  }

  async flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue.splice(0);
    if (batch.length === 0) return;
    try {
      const stored = await recordPages(this.db, batch.map((b) => b.page), await this.context(), this.newId);
      batch.forEach((b, i) => b.resolve(stored[i] ?? 0));
    } catch (e) {
      batch.forEach((b) => b.reject(e));
    }
  }
}

/** Is this error IndexedDB running out of space? */
export function isQuotaError(e: unknown): boolean {
  for (let err = e as { name?: string; inner?: unknown } | undefined; err; err = err.inner as typeof err) {
    if (err.name === 'QuotaExceededError') return true;
  }
  return false;
}
