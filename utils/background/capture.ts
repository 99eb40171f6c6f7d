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
    // Chromium's snapshot now and then fails on a temporary file ("A requested file or directory
    // could not be found"), more often on a busy machine; it works on a later try.
    let mhtml: Blob | undefined;
    for (let attempt = 0; apis.mhtml && attempt < 4; attempt++) {
      try {
        mhtml = await apis.mhtml(tabId);
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
    if (mhtml) {
      const bytes = new Uint8Array(await mhtml.arrayBuffer());
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
