/**
 * A header-only wall (bxpunish) is seen only by webRequest in the background; the page's own report
 * carries nothing. The two arrive close together and are handled by async code over async stores
 * (storage.session, IndexedDB). These tests run both against stores whose every operation completes
 * only when the test says so, and try every order in which those completions can come: in each,
 * the finding must be stored, once, under the page's record.
 */
import { describe, expect, it } from 'vitest';
import { handleMessage, type BackgroundDeps } from '../../utils/background/handlers';
import { NetworkWatch, type PendingNavigation } from '../../utils/background/network';
import type { KeyedStore } from '../../utils/background/session-store';
import type { TabStatusStore } from '../../utils/background/tab-status';
import { RulesLoader } from '../../utils/background/rules-loader';
import { memoryStore } from '../../utils/background/session-store';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { builtinRuleSet } from '../../utils/detect/index';
import type { PageFindings } from '../../utils/evidence/store';
import type { TabStatus } from '../../utils/protocol/messages';

const URL_ = 'https://detail.1688.com/offer/600000000005.html';
const TAB = 7;
const RESPONSE_AT = Date.parse('2026-03-20T08:00:00.000Z');

/** Async operations that complete, one at a time, in the order the test picks. */
class Scheduler {
  pending: Array<{ label: string; complete(): void }> = [];
  op<T>(label: string, effect: () => T): Promise<T> {
    return new Promise((resolve) => this.pending.push({ label, complete: () => resolve(effect()) }));
  }
}

const clone = <T>(v: T): T => (v === null || v === undefined ? v : structuredClone(v));

function world(s: Scheduler) {
  const nav = new Map<number, PendingNavigation>();
  const tabs = new Map<number, TabStatus>();
  const written: PageFindings[] = [];
  const pending: KeyedStore<PendingNavigation> = {
    get: (id) => s.op('nav.get', () => clone(nav.get(id) ?? null)),
    set: (id, v) => s.op('nav.set', () => void nav.set(id, clone(v))),
    remove: (id) => s.op('nav.remove', () => void nav.delete(id)),
  };
  const tabStore: TabStatusStore = {
    get: (id) => s.op('tab.get', () => clone(tabs.get(id) ?? null)),
    set: (st) => s.op('tab.set', () => void tabs.set(st.tabId, clone(st))),
    remove: (id) => s.op('tab.remove', () => void tabs.delete(id)),
  };
  const deps: BackgroundDeps = {
    db: undefined as never,
    runtimeId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    tabs: tabStore,
    setBadge: async () => {},
    newId: () => 'id',
    writer: { write: (page) => s.op('write', () => (written.push(clone(page)), page.detections.length)) },
  };
  const rules = builtinRuleSet();
  const network = new NetworkWatch(deps, () => rules, pending);
  deps.network = network;
  const response = () =>
    network.onResponse({
      requestId: 'r1',
      tabId: TAB,
      type: 'main_frame',
      url: URL_,
      statusCode: 200,
      responseHeaders: [{ name: 'content-type', value: 'text/html' }, { name: 'bxpunish', value: '1' }],
      timeStamp: RESPONSE_AT,
    });
  const report = () =>
    handleMessage(
      { type: 'page/report', pageId: 'page-0000-0001', url: URL_, title: '', observedAt: new Date(RESPONSE_AT + 150).toISOString(), detections: [] },
      { id: 'ext', url: URL_, tab: { id: TAB, url: URL_ } },
      deps,
    );
  return { written, response, report, nav, tabs };
}

const turn = () => new Promise<void>((r) => setImmediate(r));

/**
 * Runs both handlers: the second event arrives after `later` completions of store operations, and
 * completions are picked by `choices` (index into the pending list, 0 beyond its end).
 */
async function run(first: 'response' | 'report', later: number, choices: number[]) {
  const s = new Scheduler();
  const w = world(s);
  const labels: string[] = [];
  const flows = [first === 'response' ? w.response() : w.report()];
  const second = () => {
    if (flows.length > 1) return;
    labels.push('(second event)');
    flows.push(first === 'response' ? w.report() : w.response());
  };
  const branching: number[] = [];
  for (let step = 0; ; step++) {
    if (step === later) second();
    await turn();
    if (s.pending.length === 0) {
      if (flows.length === 1) {
        second();
        continue;
      }
      break;
    }
    if (step > 200) throw new Error('the handlers never finish');
    branching.push(s.pending.length);
    const [picked] = s.pending.splice(Math.min(choices[step] ?? 0, s.pending.length - 1), 1);
    labels.push(picked!.label);
    picked!.complete();
  }
  await Promise.all(flows);
  return { ...w, branching, labels };
}

/**
 * Every arrival point of the second event and every order of completions, depth first: the
 * choice vectors of an odometer whose wheel sizes the runs reveal.
 */
async function everySchedule(first: 'response' | 'report', check: (r: Awaited<ReturnType<typeof run>>) => void): Promise<number> {
  let count = 0;
  for (let later = 0; later <= 12; later++) {
    let choices: number[] = [];
    for (;;) {
      const r = await run(first, later, choices);
      count++;
      try {
        check(r);
      } catch (e) {
        throw new Error(`${first} first, second after ${later} completions, completions ${r.labels.join(' → ')}: ${(e as Error).message}`);
      }
      const full = r.branching.map((_, i) => choices[i] ?? 0);
      let i = full.length - 1;
      while (i >= 0 && full[i]! + 1 >= r.branching[i]!) i--;
      if (i < 0) break;
      choices = [...full.slice(0, i), full[i]! + 1];
    }
  }
  return count;
}

function storedOnce(r: Awaited<ReturnType<typeof run>>): void {
  const header = r.written.flatMap((p) => p.detections.map((d) => ({ pageId: p.pageId, ruleId: d.ruleId })));
  expect(header).toEqual([{ pageId: 'page-0000-0001', ruleId: 'alibaba.baxia.bxpunish-header' }]);
  expect(r.nav.get(TAB)).toMatchObject({ detections: [], claimedBy: 'page-0000-0001' });
  expect(r.tabs.get(TAB)?.detections.map((d) => d.ruleId)).toEqual(['alibaba.baxia.bxpunish-header']);
}

describe('a header-only wall and its page report, in every order', () => {
  it('stores the wall once under the page when the response event comes first', async () => {
    const n = await everySchedule('response', storedOnce);
    expect(n).toBeGreaterThan(1);
  });

  it('stores the wall once under the page when the page report comes first', async () => {
    const n = await everySchedule('report', storedOnce);
    expect(n).toBeGreaterThan(1);
  });
});

describe('an event that wakes the worker before its rules are read', () => {
  const wall = {
    requestId: 'r2',
    tabId: TAB,
    type: 'xmlhttprequest',
    url: 'https://detail.1688.com/api/x',
    statusCode: 200,
    responseHeaders: [{ name: 'bxpunish', value: '1' }],
    timeStamp: RESPONSE_AT,
  };

  function deps(written: PageFindings[]): BackgroundDeps {
    const tabs = memoryTabStatusStore();
    void tabs.set({ tabId: TAB, pageId: 'page-0000-0001', url: URL_, platform: '1688', checkedAt: new Date(RESPONSE_AT).toISOString(), detections: [] });
    return { db: undefined as never, runtimeId: 'ext', extensionOrigin: 'x', tabs, setBadge: async () => {}, newId: () => 'id', writer: { write: async (p) => (written.push(p), 1) } };
  }

  it('waits for them and is judged by them: rules the user turned off record nothing', async () => {
    let release!: (v: Record<string, unknown>) => void;
    const loader = new RulesLoader(() => new Promise((r) => (release = r)));
    const written: PageFindings[] = [];
    const network = new NetworkWatch(deps(written), () => loader.current(), memoryStore());
    const judged = network.onResponse(wall);
    await turn();
    expect(written).toEqual([]);
    release({ disabledPlatforms: ['taobao'] });
    expect(await judged).toEqual([]);
    expect(written).toEqual([]);
  });

  it('keeps the event and judges it by the built-in rules when storage cannot be read', async () => {
    const loader = new RulesLoader(() => Promise.reject(new Error('storage is gone')));
    const written: PageFindings[] = [];
    const network = new NetworkWatch(deps(written), () => loader.current(), memoryStore());
    expect((await network.onResponse(wall)).map((d) => d.ruleId)).toEqual(['alibaba.baxia.bxpunish-header']);
    expect(written.map((p) => p.pageId)).toEqual(['page-0000-0001']);
  });
});
