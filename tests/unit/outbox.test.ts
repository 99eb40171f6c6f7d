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

