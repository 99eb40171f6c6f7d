import type { PageReport, PageReportResponse } from '../protocol/messages';

/**
 * Delivers page reports to the background until each is acknowledged. A report carries every
 * detection of its page load so far, so a retry or a later report for the same page replaces
 * the earlier one instead of adding to it; the background turns duplicates into one record.
 */
export class Outbox {
  private pending = new Map<string, PageReport>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private sending = false;

  constructor(
    private readonly send: (report: PageReport) => Promise<PageReportResponse | undefined>,
    private readonly opts: { baseDelayMs?: number; maxDelayMs?: number } = {},
  ) {}

  push(report: PageReport): void {
    this.pending.set(report.pageId, report);
    this.attempt = 0;
    void this.flush();
  }

  get size(): number {
    return this.pending.size;
  }

  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (const [pageId, report] of [...this.pending]) {
        let ok = false;
        try {
          const res = await this.send(report);
          // Refused as invalid: it never will be accepted, and must not hold up the reports behind it.
          ok = !!res?.ok || (res?.ok === false && res.retry === false);
        } catch {
          ok = false; // the service worker was stopped or is starting: try again
        }
        if (ok) {
          if (this.pending.get(pageId) === report) this.pending.delete(pageId);
        } else {
          this.retryLater();
          return;
        }
      }
      // Reports pushed while sending are sent now, not on the next retry.
      if (this.pending.size > 0) queueMicrotask(() => void this.flush());
    } finally {
      this.sending = false;
    }
  }

  private retryLater(): void {
    if (this.timer !== undefined) return;
    const base = this.opts.baseDelayMs ?? 250;
    const max = this.opts.maxDelayMs ?? 5000;
    const delay = Math.min(max, base * 2 ** Math.min(this.attempt++, 10));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
