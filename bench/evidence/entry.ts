/** Bundled for the page: the evidence store and export, on the browser's real IndexedDB. */
import { ShutoutDB } from '../../utils/storage/db';
import { exportDatabase } from '../../utils/evidence/export-browser';
import { recordPages, type PageFindings } from '../../utils/evidence/store';

const CTX = { extensionVersion: 'bench', browser: 'Chromium', uiLanguage: 'zh-CN', profileLabel: 'bench', tzOffsetMinutes: 480 };
let n = 0;
const newId = () => `b-${(++n).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function pageOf(i: number): PageFindings {
  return {
    pageId: `bench-page-${i}`,
    url: `https://item.taobao.com/item.htm?id=${600000000000 + i}`,
    title: '访问被拒绝 - 淘宝网',
    observedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    platform: 'taobao',
    detections: [{ kind: 'access-denied', platform: 'taobao', ruleId: 'alibaba.baxia.deny-zh', rulesetVersion: 'bench', snippet: `亲，访问被拒绝 请检查是否使用了代理软件或 VPN 哦~ 反馈码：${i.toString(16)}`, where: 'text', confidence: 0.85 }],
  };
}

let db: ShutoutDB;
(globalThis as Record<string, unknown>).shutoutBench = {
  async insert(total: number, batch: number): Promise<number> {
    db = new ShutoutDB('shutout-bench');
    await db.delete();
    db = new ShutoutDB('shutout-bench');
    const t0 = performance.now();
    for (let i = 0; i < total; i += batch) {
      await recordPages(db, Array.from({ length: Math.min(batch, total - i) }, (_, k) => pageOf(i + k)), CTX, newId);
    }
    return performance.now() - t0;
  },
  async exportZip(): Promise<{ ms: number; size: number }> {
    const t0 = performance.now();
    const r = await exportDatabase(db, 'zip', { generator: { name: 'Shutout', version: 'bench' }, profileLabel: 'bench', exportedAt: new Date().toISOString() }, { redact: false });
    (globalThis as Record<string, unknown>).lastExport = r.blob;
    return { ms: performance.now() - t0, size: r.blob.size };
  },
  async chunk(at: number, len: number): Promise<string> {
    const blob = (globalThis as Record<string, unknown>).lastExport as Blob;
    const bytes = new Uint8Array(await blob.slice(at, at + len).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  },
};
