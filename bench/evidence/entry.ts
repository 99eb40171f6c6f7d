/** Bundled for the page: the evidence store, export and report, on the browser's real IndexedDB. */
import { ShutoutDB } from '../../utils/storage/db';
import { exportDatabase } from '../../utils/evidence/export-browser';
import { Replay } from '../../utils/evidence/replay';
import { platformName } from '../../utils/evidence/report/platform-names';
import { renderReport } from '../../utils/evidence/report/render';
import { newKeyPair, signerFor, type Signer } from '../../utils/evidence/signing';
import { recordPages, type PageFindings } from '../../utils/evidence/store';

const CTX = { extensionVersion: 'bench', browser: 'Chromium', uiLanguage: 'zh-CN', profileLabel: 'bench', tzOffsetMinutes: 480 };
let n = 0;
const newId = () => `b-${(++n).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function pageOf(i: number): PageFindings {
  return {
    pageId: `bench-page-${i}`,
    url: `https://item.taobao.com/item.htm?id=${600000000000 + i}&spm=a1z10.1`,
    title: '访问被拒绝 - 淘宝网',
    observedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    platform: 'taobao',
    detections: [{ kind: i % 7 === 0 ? 'risk-challenge' : 'access-denied', platform: 'taobao', ruleId: 'alibaba.baxia.deny-zh', rulesetVersion: 'bench', snippet: `亲，访问被拒绝 请检查是否使用了代理软件或 VPN 哦~ 反馈码：${i.toString(16)}`, where: 'text', confidence: 0.85 }],
  };
}

const dbs = new Map<string, ShutoutDB>();
let signer: Signer | null = null;
declare const __SHUTOUT_VERSION__: string;
// The package's version, so that verify renders the report again, as it does for a real export.
const meta = () => ({ generator: { name: 'Shutout', version: __SHUTOUT_VERSION__ }, profileLabel: 'bench', exportedAt: new Date().toISOString(), language: 'zh' as const });

(globalThis as Record<string, unknown>).shutoutBench = {
  async insert(total: number, batch: number, name = 'shutout-bench'): Promise<number> {
    let db = new ShutoutDB(name);
    await db.delete();
    db = new ShutoutDB(name);
    dbs.set(name, db);
    const t0 = performance.now();
    for (let i = 0; i < total; i += batch) {
      await recordPages(db, Array.from({ length: Math.min(batch, total - i) }, (_, k) => pageOf(i + k)), CTX, newId);
    }
    return performance.now() - t0;
  },
  /** Export as a signed ZIP bundle (report included), as the popup does. */
  async exportZip(name = 'shutout-bench', redact = false): Promise<{ ms: number; size: number }> {
    signer ??= await signerFor(await newKeyPair());
    const t0 = performance.now();
    const r = await exportDatabase(dbs.get(name)!, 'zip', meta(), { redact, signer });
    (globalThis as Record<string, unknown>).lastExport = r.blob;
    return { ms: performance.now() - t0, size: r.blob.size };
  },
  /** The report alone: the chain replayed and rendered (median of `runs`). */
  async renderReport(name: string, runs: number): Promise<{ ms: number[]; bytes: number }> {
    const db = dbs.get(name)!;
    const entries = await db.chain.orderBy('seq').toArray();
    const times: number[] = [];
    let bytes = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const replay = new Replay();
      for (const e of entries) replay.push(e);
      const enc = new TextEncoder();
      bytes = 0;
      for await (const chunk of renderReport({
        language: 'zh',
        exportedAt: new Date().toISOString(),
        generator: 'Shutout bench',
        profileLabel: 'bench',
        format: 2,
        chain: { head: entries.at(-1)!.hash, length: entries.length },
        fingerprint: 'f'.repeat(64),
        timestamp: null,
        redaction: { applied: false, withheld: [] },
        records: replay.records(),
        captures: new Map(),
        platformName,
        thumbnail: async () => null,
      }))
        bytes += enc.encode(chunk).length;
      times.push(performance.now() - t0);
    }
    return { ms: times, bytes };
  },
  async chunk(at: number, len: number): Promise<string> {
    const blob = (globalThis as Record<string, unknown>).lastExport as Blob;
    const bytes = new Uint8Array(await blob.slice(at, at + len).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  },
};
