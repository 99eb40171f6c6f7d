import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../utils/content/outbox';
import type { PageReport } from '../../utils/protocol/messages';

const report = (pageId: string, n = 0): PageReport => ({
  type: 'page/report',
  pageId,
  url: 'https://item.taobao.com/',
  title: '',
  observedAt: new Date(0).toISOString(),
  detections: Array.from({ length: n }, (_, i) => ({
    kind: 'access-denied' as const,
    platform: 'taobao',
    ruleId: `r${i}`,
    rulesetVersion: '1',
    snippet: '',
    where: 'text' as const,
    confidence: 0.9,
  })),
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Outbox', () => {
  it('retries with backoff until the background acknowledges', async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error('Could not establish connection')).mockResolvedValueOnce(undefined).mockResolvedValue({ ok: true, stored: 1 });
    const box = new Outbox(send, { baseDelayMs: 100 });
    box.push(report('page-0001', 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(box.size).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(send).toHaveBeenCalledTimes(3);
    expect(box.size).toBe(0);
  });

  it('sends only the newest report of a page', async () => {
    const sent: PageReport[] = [];
    let release: () => void = () => {};
    const send = vi.fn(async (r: PageReport) => {
      sent.push(r);
      if (sent.length === 1) await new Promise<void>((res) => (release = res));
      return { ok: true as const, stored: r.detections.length };
    });
    const box = new Outbox(send);
    box.push(report('page-0001', 1));
    box.push(report('page-0001', 2));
    box.push(report('page-0001', 3));
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((r) => r.detections.length)).toEqual([1, 3]);
    expect(box.size).toBe(0);
  });

  it('drops a report the background refuses as invalid, and sends the ones behind it', async () => {
    const sent: string[] = [];
    const send = vi.fn(async (r: PageReport) => {
      sent.push(r.pageId);
      return r.pageId === 'page-bad1' ? { ok: false as const, error: 'invalid message: observedAt: not a date and time', retry: false as const } : { ok: true as const, stored: 0 };
    });
    const box = new Outbox(send, { baseDelayMs: 100 });
    box.push(report('page-bad1'));
    box.push(report('page-0002'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual(['page-bad1', 'page-0002']);
    expect(box.size).toBe(0);
  });

  it('keeps and retries a report the background refuses without saying it never will accept it', async () => {
    for (const answer of [{ ok: false as const, error: 'busy' }, { ok: false as const, error: 'starting', retry: true as const }]) {
      const send = vi.fn().mockResolvedValueOnce(answer).mockResolvedValue({ ok: true, stored: 0 });
      const box = new Outbox(send, { baseDelayMs: 100 });
      box.push(report('page-0001'));
      await vi.advanceTimersByTimeAsync(0);
      expect(send).toHaveBeenCalledTimes(1);
      expect(box.size, answer.error).toBe(1);
      await vi.advanceTimersByTimeAsync(100);
      expect(send).toHaveBeenCalledTimes(2);
      expect(box.size, answer.error).toBe(0);
    }
  });
});


describe('Outbox backoff', () => {
  it('doubles the wait after each failure up to its longest, and starts again from the shortest after a push', async () => {
    const times: number[] = [];
    let fail = true;
    const send = vi.fn(async () => {
      times.push(Date.now());
      if (fail) throw new Error('Could not establish connection');
      return { ok: true as const, stored: 0 };
    });
    const start = Date.now();
    const box = new Outbox(send, { baseDelayMs: 100, maxDelayMs: 700 });
    box.push(report('page-0001'));
    await vi.advanceTimersByTimeAsync(100 + 200 + 400 + 700 + 700);
    expect(times.map((t) => t - start)).toEqual([0, 100, 300, 700, 1400, 2100]);
    // Delivered at last; a new report that fails waits the shortest time again.
    fail = false;
    await vi.advanceTimersByTimeAsync(700);
    expect(box.size).toBe(0);
    fail = true;
    times.length = 0;
    const pushed = Date.now();
    box.push(report('page-0002'));
    await vi.advanceTimersByTimeAsync(100 + 200);
    expect(times.map((t) => t - pushed)).toEqual([0, 100, 300]);
    box.dispose();
  });

  it('uses 250 ms and 5 s when not told, and keeps one timer however often it fails', async () => {
    const times: number[] = [];
    const send = vi.fn(async () => {
      times.push(Date.now());
      throw new Error('no');
    });
    const start = Date.now();
    const box = new Outbox(send);
    box.push(report('page-0001'));
    box.push(report('page-0002'));
    await vi.advanceTimersByTimeAsync(250 + 500 + 1000 + 2000 + 4000 + 5000);
    expect(times.map((t) => t - start)).toEqual([0, 250, 750, 1750, 3750, 7750, 12750]);
  });

  it('sends nothing more once disposed', async () => {
    const send = vi.fn().mockRejectedValue(new Error('no'));
    const box = new Outbox(send, { baseDelayMs: 100 });
    box.push(report('page-0001'));
    await vi.advanceTimersByTimeAsync(0);
    box.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends a report pushed while another was being sent right after it, not at the next retry', async () => {
    const sent: string[] = [];
    let release: () => void = () => {};
    const send = vi.fn(async (r: PageReport) => {
      sent.push(r.pageId);
      if (sent.length === 1) await new Promise<void>((res) => (release = res));
      return { ok: true as const, stored: 0 };
    });
    const box = new Outbox(send, { baseDelayMs: 10_000 });
    box.push(report('page-0001'));
    box.push(report('page-0002'));
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['page-0001', 'page-0002']);
    expect(box.size).toBe(0);
  });
});
