/**
 * The scope check (issue 10): "is it my account, my network, or everyone?". The background
 * fetches the finding's page once without credentials (anonymous-view.ts: the same mechanism as
 * the coupons' logged-out control view), reads the answer as the CLI reads a saved page
 * (utils/scope/read-view.ts) and records, for every finding of that page load, a `scope` as a
 * chain amendment (utils/evidence/store.ts recordScope). Nothing is fetched for a page that is
 * not on a covered marketplace.
 */
import { isMarketplaceUrl } from '../detect/hosts';
import { recordScope } from '../evidence/store';
import type { ScopeCheckResponse } from '../protocol/messages';
import { decideScope } from '../scope/decide';
import type { ViewReading } from '../scope/read-view';
import { AUTO_SCOPE_KINDS } from '../scope/types';
import type { FindingRecord } from '../storage/db';
import { getSettings } from '../storage/settings';
import type { AnonymousView, OkView } from './anonymous-view';
import type { BackgroundDeps } from './deps';

export interface ScopeApis {
  /** The page as a visitor without this browser's cookies gets it (anonymous-view.ts). */
  anonymousView(url: string): Promise<AnonymousView>;
  /** The view read for blocks with the rules in force, the user's choices included (the page reader, utils/reader). */
  readView(view: OkView): Promise<ViewReading>;
  now?(): Date;
}

/** Is a finding's page one the check may fetch? Only http(s) pages of covered marketplaces. */
export function isCheckable(url: string): boolean {
  return /^https?:\/\//i.test(url) && isMarketplaceUrl(url);
}

/** One anonymous view per URL at a time: a manual check and an automatic one share it. */
const inflight = new Map<string, Promise<AnonymousView>>();

function viewOnce(url: string, apis: ScopeApis): Promise<AnonymousView> {
  let p = inflight.get(url);
  if (!p) {
    p = apis.anonymousView(url).finally(() => inflight.delete(url));
    inflight.set(url, p);
  }
  return p;
}

/**
 * Checks the page of `findingId` and records a scope for each finding of that page load (the
 * same page, the same anonymous view; a coupon-missing finding is judged by its own offer).
 */
export async function handleScopeCheck(findingId: string, deps: BackgroundDeps, apis: ScopeApis): Promise<ScopeCheckResponse> {
  const finding = await deps.db.findings.get(findingId);
  if (!finding) return { ok: false, error: 'no such finding' };
  if (!isCheckable(finding.pageUrl)) return { ok: false, error: 'not a page of a covered marketplace: nothing was fetched' };
  const siblings = (await deps.db.findings.where('pageId').equals(finding.pageId).toArray()).filter((f) => f.pageUrl === finding.pageUrl && f.origin === finding.origin);
  const view = await viewOnce(finding.pageUrl, apis);
  const reading = view.ok ? await apis.readView(view) : null;
  const at = (apis.now?.() ?? new Date()).toISOString();
  let mine: FindingRecord | null = null;
  for (const f of siblings.length ? siblings : [finding]) {
    const result = decideScope({ kind: f.kind, subject: f.subject }, view, reading, at);
    const stored = await recordScope(deps.db, f.id, result);
    if (f.id === findingId) mine = stored;
  }
  if (!mine?.scope || !mine.scopeCheck) return { ok: false, error: 'the finding was deleted meanwhile' };
  return { ok: true, scope: mine.scope, check: mine.scopeCheck, checked: siblings.length || 1 };
}

/** Automatic checks: at most this many a window, and one per page load. */
const AUTO_PER_WINDOW = 10;
const AUTO_WINDOW_MS = 10 * 60_000;

export class AutoScope {
  private recent: number[] = [];
  private pages = new Set<string>();

  constructor(
    private readonly deps: BackgroundDeps,
    private readonly apis: ScopeApis,
  ) {}

  /**
   * After a page load's findings were stored: when the setting is on (off by default) and one of
   * them is a kind the automatic mode checks, the page is checked once.
   */
  async afterStored(pageId: string, kinds: readonly string[]): Promise<ScopeCheckResponse | null> {
    if (!kinds.some((k) => (AUTO_SCOPE_KINDS as readonly string[]).includes(k)) || this.pages.has(pageId)) return null;
    if (!(await getSettings(this.deps.db)).autoScopeCheck) return null;
    const now = Date.now();
    this.recent = this.recent.filter((t) => now - t < AUTO_WINDOW_MS);
    if (this.recent.length >= AUTO_PER_WINDOW) return null;
    const first = (await this.deps.db.findings.where('pageId').equals(pageId).toArray()).find((f) => f.origin === 'local' && (AUTO_SCOPE_KINDS as readonly string[]).includes(f.kind));
    if (!first || first.scope || !isCheckable(first.pageUrl)) return null;
    this.pages.add(pageId);
    if (this.pages.size > 500) this.pages.delete(this.pages.values().next().value!);
    this.recent.push(now);
    return handleScopeCheck(first.id, this.deps, this.apis);
  }
}
