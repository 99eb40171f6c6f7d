import type { ShutoutDB, FindingRecord } from '../db';
import { platformOf } from '../detect/platforms';
import { isMarketplaceUrl } from '../hosts';
import { MessageSchema, type PageReport, type PageReportResponse, type TabStatusResponse } from '../messages';
import type { TabStatusStore } from './tab-status';

/** What the background knows of a message's sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface BackgroundDeps {
  db: ShutoutDB;
  runtimeId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  tabs: TabStatusStore;
  setBadge(tabId: number, text: string): Promise<void>;
  newId(): string;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Stores a page's findings. The page URL must be the sender frame's own origin, on a
 * marketplace: a page cannot file findings under another site's name.
 */
export async function handlePageReport(msg: PageReport, sender: SenderInfo, deps: BackgroundDeps): Promise<PageReportResponse> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return { ok: false, error: 'page reports come from a tab' };
  if (originOf(sender.url) !== originOf(msg.url) || !isMarketplaceUrl(msg.url)) {
    return { ok: false, error: 'page URL does not match the sender' };
  }
  const platform = platformOf(msg.url);
  const records: FindingRecord[] = msg.detections.map((d) => ({
    id: deps.newId(),
    key: `${msg.pageId}|${d.kind}`,
    pageId: msg.pageId,
    observedAt: msg.observedAt,
    pageUrl: msg.url,
    pageTitle: msg.title,
    platform: platform ?? d.platform,
    kind: d.kind,
    ruleId: d.ruleId,
    rulesetVersion: d.rulesetVersion,
    snippet: d.snippet,
    where: d.where,
    confidence: d.confidence,
    ...(d.until ? { until: d.until } : {}),
    count: 1,
  }));
  let stored = 0;
  if (records.length > 0) {
    await deps.db.transaction('rw', deps.db.findings, async () => {
      const existing = new Set(
        (await deps.db.findings.where('key').anyOf(records.map((r) => r.key)).toArray()).map((r) => r.key),
      );
      const fresh = records.filter((r) => !existing.has(r.key));
      await deps.db.findings.bulkAdd(fresh);
      stored = fresh.length;
    });
  }
  await deps.tabs.set({
    tabId,
    pageId: msg.pageId,
    url: msg.url,
    platform,
    checkedAt: msg.observedAt,
    detections: msg.detections,
  });
  await deps.setBadge(tabId, msg.detections.length > 0 ? String(msg.detections.length) : '');
  return { ok: true, stored };
}

export async function handleTabStatus(tabId: number, deps: BackgroundDeps): Promise<TabStatusResponse> {
  return { ok: true, status: await deps.tabs.get(tabId) };
}

/** The background's single entry point: checks the sender, validates the message, dispatches. */
export async function handleMessage(
  raw: unknown,
  sender: SenderInfo,
  deps: BackgroundDeps,
): Promise<PageReportResponse | TabStatusResponse> {
  if (sender.id !== deps.runtimeId) return { ok: false, error: 'unknown sender' };
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `invalid message: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
  const msg = parsed.data;
  switch (msg.type) {
    case 'page/report':
      return handlePageReport(msg, sender, deps);
    case 'tab/status':
      // Only the extension's own pages may read tab status (a content script's URL is its page's).
      if (!sender.url?.startsWith(deps.extensionOrigin)) return { ok: false, error: 'not an extension page' };
      return handleTabStatus(msg.tabId, deps);
  }
}
