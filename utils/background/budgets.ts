/**
 * What one page can make the background store (issue 14, item 4). A page's own scripts can change
 * its address in a loop (each change is a new page id: a visit row, and findings) and post messages
 * in the tap's format (findings at a rule's confidence). Measured before these budgets: 2,000
 * findings in 1.6 s, 5,000 visit rows from address changes alone.
 *
 * Budgets are kept in the worker's memory: a worker stopped and started again starts afresh, which
 * a flood (that keeps the worker busy) does not get to use.
 */

/** Page loads (page ids, in-app navigations included) recorded per tab in any minute. */
export const PAGE_LOADS_PER_MINUTE = 30;
/** Findings from the page-world tap (API answers) recorded per page load: distinct kinds. */
export const TAP_FINDINGS_PER_PAGE = 3;

const MINUTE = 60_000;
/** Page ids remembered as admitted, per tab; older ones count again if they report again. */
const ADMITTED_PER_TAB = 256;
/** Page loads whose tap findings are remembered. */
const TAP_PAGES = 1024;

export class Budgets {
  private tabs = new Map<number, { times: number[]; admitted: Set<string> }>();
  private tap = new Map<string, Set<string>>();

  /**
   * May this page load be recorded? Once admitted, always (its later reports repeat it); a new one
   * only while the tab recorded fewer than PAGE_LOADS_PER_MINUTE in the last minute.
   */
  admitPage(tabId: number, pageId: string, now = Date.now()): boolean {
    let tab = this.tabs.get(tabId);
    if (!tab) this.tabs.set(tabId, (tab = { times: [], admitted: new Set() }));
    if (tab.admitted.has(pageId)) return true;
    while (tab.times.length > 0 && now - tab.times[0]! >= MINUTE) tab.times.shift();
    if (tab.times.length >= PAGE_LOADS_PER_MINUTE) return false;
    tab.times.push(now);
    tab.admitted.add(pageId);
    if (tab.admitted.size > ADMITTED_PER_TAB) tab.admitted.delete(tab.admitted.values().next().value!);
    return true;
  }

  /** May a tap finding of this kind be recorded for this page load? The first TAP_FINDINGS_PER_PAGE kinds may. */
  allowTap(pageId: string, kind: string): boolean {
    let kinds = this.tap.get(pageId);
    if (!kinds) {
      this.tap.set(pageId, (kinds = new Set()));
      if (this.tap.size > TAP_PAGES) this.tap.delete(this.tap.keys().next().value!);
    }
    if (kinds.has(kind)) return true;
    if (kinds.size >= TAP_FINDINGS_PER_PAGE) return false;
    kinds.add(kind);
    return true;
  }

  forgetTab(tabId: number): void {
    this.tabs.delete(tabId);
  }
}
