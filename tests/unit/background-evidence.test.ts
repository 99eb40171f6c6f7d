import { afterEach, describe, expect, it } from 'vitest';
import { BatchWriter, isQuotaError } from '../../utils/background/batch-writer';
import { captureTab } from '../../utils/background/capture';
import { browserName } from '../../utils/background/context';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { verifyEntries } from '../../utils/evidence/chain';
import { sha256Hex } from '../../utils/evidence/hash';
import { recordPages } from '../../utils/evidence/store';
import { CTX, databases, newId, page } from './evidence-helpers';

const dbs = databases('bg-evidence');
const fresh = dbs.fresh;
afterEach(dbs.remove);

const url = 'https://item.taobao.com/item.htm?id=1';
const report = (pageId: string) => ({
  type: 'page/report',
  pageId,
  url,
  title: 't',
  observedAt: '2026-03-20T08:00:00.000Z',
  detections: [{ kind: 'access-denied', platform: 'taobao', ruleId: 'r', rulesetVersion: '1', snippet: 's', where: 'text', confidence: 0.9 }],
});

describe('storage failures', () => {
  it('tells the popup when storage is full, refuses the report so it is retried, and harms nothing stored', async () => {
    const db = fresh();
    await recordPages(db, [page(1)], CTX, newId);
    const statuses: Array<string | null> = [];
    let full = true;
    const real = new BatchWriter(db, async () => CTX, newId);
    const deps: BackgroundDeps = {
      db,
      runtimeId: 'x',
      extensionOrigin: 'chrome-extension://x/',
      tabs: memoryTabStatusStore(),
      setBadge: async () => {},
      newId,
      writer: {
        write: (p) => (full ? Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })) : real.write(p)),
      },
      storageStatus: async (e) => void statuses.push(e),
    };
    const sender = { id: 'x', url, tab: { id: 3 } };
    expect(await handleMessage(report('page-full-0001'), sender, deps)).toEqual({ ok: false, error: 'storage is full' });
    expect(statuses).toEqual(['storage is full']);
    expect(await db.findings.count()).toBe(1);
    expect(verifyEntries(await db.chain.toArray())).toMatchObject({ ok: true, length: 1 });
    full = false;
    expect(await handleMessage(report('page-full-0001'), sender, deps)).toEqual({ ok: true, stored: 1 });
    expect(statuses).toEqual(['storage is full', null]);
  });

  it('recognises quota errors wrapped by Dexie', () => {
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
  });

  it('batches reports that arrive together into one transaction', async () => {
    const db = fresh();
    const w = new BatchWriter(db, async () => CTX, newId, { delayMs: 20 });
    const results = await Promise.all([1, 2, 3, 4].map((i) => w.write(page(i))));
    expect(results).toEqual([1, 1, 1, 1]);
    expect((await db.chain.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });
});

describe('capture', () => {
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
  const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

  it('stores a screenshot and a snapshot with their SHA-256, linked to the page\'s finding, in the chain', async () => {
    const db = fresh();
    const tabs = memoryTabStatusStore();
    await recordPages(db, [page(1)], CTX, newId);
    const finding = (await db.findings.toArray())[0]!;
    await tabs.set({ tabId: 5, pageId: finding.pageId, url: finding.pageUrl, platform: 'taobao', checkedAt: finding.observedAt, detections: [] });
    const res = await captureTab(db, tabs, { screenshot: async () => ({ dataUrl, url: finding.pageUrl }), mhtml: async () => new Blob(['MIME-Version: 1.0']) }, 5, newId);
    expect(res).toMatchObject({ ok: true, findingId: finding.id });
    if (!res.ok) return;
    expect(res.captures.find((c) => c.type === 'screenshot')!.sha256).toBe(sha256Hex(png));
    expect(res.captures.find((c) => c.type === 'mhtml')!.sha256).toBe(sha256Hex('MIME-Version: 1.0'));
    expect((await db.findings.get(finding.id))!.captureIds).toHaveLength(2);
    const chain = await db.chain.orderBy('seq').toArray();
    expect(chain.map((e) => e.type)).toEqual(['finding', 'capture', 'capture']);
    expect(verifyEntries(chain).ok).toBe(true);
  });

  it('keeps what it could capture and says what it could not', async () => {
    const db = fresh();
    const refused = await captureTab(db, memoryTabStatusStore(), { screenshot: async () => Promise.reject(new Error('activeTab required')) }, 5, newId);
    expect(refused).toEqual({ ok: false, error: 'screenshot: activeTab required' });
    const partial = await captureTab(db, memoryTabStatusStore(), { screenshot: async () => Promise.reject(new Error('no')), mhtml: async () => new Blob(['x']) }, 5, newId);
    expect(partial).toMatchObject({ ok: true, warnings: ['screenshot: no'] });
  });

  it('reads the snapshot again when the first Blob cannot be read, as Chromium\'s first one in a worker sometimes cannot', async () => {
    const db = fresh();
    let calls = 0;
    const gone = { size: 17, arrayBuffer: () => Promise.reject(new DOMException('A requested file or directory could not be found at the time an operation was processed.', 'NotFoundError')) } as unknown as Blob;
    const mhtml = async () => (++calls === 1 ? gone : new Blob(['MIME-Version: 1.0']));
    const res = await captureTab(db, memoryTabStatusStore(), { screenshot: async () => Promise.reject(new Error('activeTab required')), mhtml }, 5, newId);
    expect(res).toMatchObject({ ok: true, captures: [{ type: 'mhtml', sha256: sha256Hex('MIME-Version: 1.0') }] });
    expect(calls).toBe(2);
    const never = async () => gone;
    expect(await captureTab(db, memoryTabStatusStore(), { screenshot: async () => Promise.reject(new Error('no')), mhtml: never }, 5, newId)).toMatchObject({ ok: false, error: expect.stringContaining('snapshot: A requested file') });
  });
});

describe('observation context', () => {
  it('names the browser', () => {
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.79 Safari/537.36')).toBe('Chrome 156.0.8078.79');
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox 128.0');
    expect(browserName('Mozilla/5.0 ... Chrome/130.0 Safari/537.36 Edg/130.0.1')).toBe('Edge 130.0.1');
  });
});
