import { addCapture } from '../evidence/store';
import { sha256Hex } from '../evidence/hash';
import type { CaptureRecord, ShutoutDB } from '../storage/db';
import type { CaptureResponse } from '../protocol/messages';
import type { TabStatusStore } from './tab-status';

export interface CaptureApis {
  /** tabs.captureVisibleTab for the tab's window, as a PNG data URL. */
  screenshot(tabId: number): Promise<{ dataUrl: string; url: string }>;
  /** pageCapture.saveAsMHTML (Chromium only). */
  mhtml?(tabId: number): Promise<Blob | undefined>;
}

function dataUrlBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  const bin = atob(dataUrl.slice(comma + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The snapshot's bytes. In Chromium the first MHTML Blob a service worker receives can be
 * unreadable — the call succeeds, reading it fails with NotFoundError ("A requested file or
 * directory could not be found"): its temporary file is already gone — while the next call's
 * Blob reads (seen in 3 of 4 fresh browsers, never twice in a row; tests/e2e/evidence.e2e.ts). So
 * the call and the read are tried together, a few times, at once: nothing to wait for.
 */
async function readMhtml(mhtml: (tabId: number) => Promise<Blob | undefined>, tabId: number): Promise<Uint8Array | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const blob = await mhtml(tabId);
      return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/**
 * Captures the tab as evidence: a screenshot and, where the browser can, an MHTML snapshot, each
 * stored with its SHA-256, chained, and linked to the newest finding of the tab's current page.
 */
export async function captureTab(db: ShutoutDB, tabs: TabStatusStore, apis: CaptureApis, tabId: number, newId: () => string): Promise<CaptureResponse> {
  const status = await tabs.get(tabId);
  const finding = status ? ((await db.findings.where('pageId').equals(status.pageId).reverse().sortBy('observedAt'))[0] ?? null) : null;
  const made: Extract<CaptureResponse, { ok: true }>['captures'] = [];
  const at = new Date().toISOString();
  const records: CaptureRecord[] = [];
  const errors: string[] = [];
  const pageUrl = status?.url ?? '';
  // Each kind of capture stands alone: a refused screenshot (no click on the toolbar button, so
  // no activeTab) must not lose the snapshot, and the other way round.
  try {
    const shot = await apis.screenshot(tabId);
    const png = dataUrlBytes(shot.dataUrl);
    records.push({ id: newId(), findingId: finding?.id ?? null, pageUrl: shot.url || pageUrl, at, type: 'screenshot', mime: 'image/png', size: png.length, sha256: sha256Hex(png), blob: new Blob([png as BlobPart], { type: 'image/png' }) });
  } catch (e) {
    errors.push(`screenshot: ${(e as Error).message}`);
  }
  try {
    const bytes = apis.mhtml ? await readMhtml(apis.mhtml, tabId) : undefined;
    if (bytes) {
      records.push({ id: newId(), findingId: finding?.id ?? null, pageUrl, at, type: 'mhtml', mime: 'multipart/related', size: bytes.length, sha256: sha256Hex(bytes), blob: new Blob([bytes as BlobPart], { type: 'multipart/related' }) });
    }
  } catch (e) {
    errors.push(`snapshot: ${(e as Error).message}`);
  }
  if (records.length === 0) return { ok: false, error: errors.join('; ') || 'nothing could be captured' };
  for (const r of records) {
    await addCapture(db, r);
    made.push({ id: r.id, type: r.type, sha256: r.sha256, size: r.size });
  }
  return { ok: true, captures: made, findingId: finding?.id ?? null, ...(errors.length ? { warnings: errors } : {}) };
}
