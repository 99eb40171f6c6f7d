/**
 * Benchmark: how fast the service worker answers when it has been stopped (issue 13). MV3 stops
 * an idle worker after 30 s and starts it again for the next event, parsing its bundle each time.
 *
 * A tab shows a covered page (a demo item page) with the content script in it. From the content
 * script's own world (CDP Runtime.evaluate in its isolated context) a page report with one finding
 * is sent, as the content script sends it, and timed there until the worker's answer, which comes
 * once the finding is stored. Cold: the worker was stopped first (CDP ServiceWorker.stopAllWorkers,
 * waited until the browser says it stopped). Warm: it was running. Runs alternate cold and warm.
 */
import type { CDPSession } from 'playwright-core';
import { launch, storedRecords } from '../scripts/lib/browser';
import { serveDemoPages } from '../scripts/lib/demo-pages';
import { median } from './lib/stats';

export interface WorkerStartResult {
  runs: number;
  coldMs: number;
  warmMs: number;
  coldRunsMs: number[];
  warmRunsMs: number[];
  stored: number;
}

export async function benchWorkerStart(runs = 7): Promise<WorkerStartResult> {
  const session = await launch();
  try {
    const pages = await serveDemoPages(session.context);
    const item = pages.find((p) => p.expect.length === 0 && p.url.includes('taobao.com'))!;
    const page = await session.context.newPage();
    const cdp: CDPSession = await session.context.newCDPSession(page);
    const contexts = new Map<number, string>();
    cdp.on('Runtime.executionContextCreated', (e) => {
      const c = e.context as { id: number; origin: string; auxData?: { type?: string } };
      if (c.auxData?.type === 'isolated') contexts.set(c.id, c.origin);
    });
    cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
    let status = '';
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of (e as { versions: Array<{ scriptURL: string; runningStatus: string }> }).versions) if (v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) status = v.runningStatus;
    });
    await cdp.send('Runtime.enable');
    await cdp.send('ServiceWorker.enable');
    await page.goto(item.url);
    /** Whether `ok()` came true within `ms`. */
    const within = async (ok: () => boolean, ms: number): Promise<boolean> => {
      const deadline = Date.now() + ms;
      while (!ok()) {
        if (Date.now() > deadline) return false;
        await new Promise((r) => setTimeout(r, 5));
      }
      return true;
    };
    // A stop asked while the worker is still starting can be dropped: ask again until it is stopped.
    const stopWorker = async () => {
      for (let tries = 0; tries < 8; tries++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        if (await within(() => status === 'stopped', 2_000)) return;
      }
      throw new Error('worker-start bench: the worker did not stop');
    };
    if (!(await within(() => [...contexts.values()].some((o) => o.includes(session.extensionId)), 15_000))) throw new Error("worker-start bench: the content script's world did not appear in 15 s");
    const world = [...contexts].find(([, o]) => o.includes(session.extensionId))![0];

    const send = async (i: number): Promise<number> => {
      const report = {
        type: 'page/report',
        pageId: `bench-worker-${String(i).padStart(4, '0')}`,
        url: item.url,
        title: 'bench',
        observedAt: new Date().toISOString(),
        detections: [{ kind: 'access-denied', platform: 'taobao', ruleId: 'bench.worker-start', rulesetVersion: 'bench', snippet: `访问被拒绝 #${i}`, where: 'dialog', confidence: 0.9 }],
      };
      const r = await cdp.send('Runtime.evaluate', {
        contextId: world,
        awaitPromise: true,
        returnByValue: true,
        expression: `(async () => { const t = performance.now(); const a = await chrome.runtime.sendMessage(${JSON.stringify(report)}); return { ms: performance.now() - t, a }; })()`,
      });
      const v = (r.result as { value?: { ms: number; a: { ok: boolean; stored?: number; error?: string } } }).value;
      if (!v?.a?.ok) throw new Error(`worker-start bench: the report was refused: ${JSON.stringify(v?.a ?? r)}`);
      return v.ms;
    };

    const cold: number[] = [];
    const warm: number[] = [];
    // One report first: the database and the signing key are made on first use, not at a start.
    await send(0);
    for (let i = 1; i <= runs; i++) {
      await stopWorker();
      cold.push(await send(2 * i - 1));
      warm.push(await send(2 * i));
    }
    const stored = (await storedRecords(session)).filter((r) => r.ruleId === 'bench.worker-start').length;
    await cdp.detach();
    return { runs, coldMs: median(cold), warmMs: median(warm), coldRunsMs: cold, warmRunsMs: warm, stored };
  } finally {
    await session.close();
  }
}
