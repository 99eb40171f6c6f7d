/**
 * The built-in detectors' data on its way to the watch script, whose bundle does not carry it:
 * the background reads the extension's file once and hands it to watched pages only
 * (`rules/builtin`), and the watch script asks again while the background starts, takes a refusal
 * as final and checks what it gets (utils/content/builtin-data.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinData as dataOf } from '../../scripts/lib/shipped';
import { builtinDataReader } from '../../utils/background/builtin-data';
import { handleMessage, type BackgroundDeps, type SenderInfo } from '../../utils/background/handlers';
import { memoryTabStatusStore } from '../../utils/background/tab-status';
import { loadBuiltinData } from '../../utils/content/builtin-data';
import { builtinData } from '../../utils/detect/shipped-builtin';
import { ShutoutDB } from '../../utils/storage/db';

const TEXT = JSON.stringify(dataOf());

describe('the background', () => {
  let deps: BackgroundDeps;
  let reads: number;
  beforeEach(() => {
    reads = 0;
    deps = {
      db: new ShutoutDB('builtin-data'),
      writer: { write: async () => 0 },
      runtimeId: 'ext-id',
      extensionOrigin: 'chrome-extension://ext-id/',
      tabs: memoryTabStatusStore(),
      setBadge: async () => {},
      newId: () => 'id',
      builtinData: builtinDataReader(async () => (reads++, TEXT)),
    };
  });
  afterEach(() => deps.db.delete());
  const page = 'https://item.taobao.com/item.htm?id=1';
  const fromPage: SenderInfo = { id: 'ext-id', url: page, tab: { id: 3, url: page } };

  it('hands the data to a watched page, reading its file once', async () => {
    expect(await handleMessage({ type: 'rules/builtin' }, fromPage, deps)).toEqual({ ok: true, data: TEXT });
    expect(await handleMessage({ type: 'rules/builtin' }, fromPage, deps)).toEqual({ ok: true, data: TEXT });
    expect(reads).toBe(1);
  });

  it('refuses another extension, a page it does not watch, a sender without a tab, and says why', async () => {
    expect(await handleMessage({ type: 'rules/builtin' }, { ...fromPage, id: 'other' }, deps)).toEqual({ ok: false, error: 'unknown sender' });
    const elsewhere = 'https://example.com/';
    expect(await handleMessage({ type: 'rules/builtin' }, { id: 'ext-id', url: elsewhere, tab: { id: 3, url: elsewhere } }, deps)).toEqual({ ok: false, error: 'not a watched page' });
    expect(await handleMessage({ type: 'rules/builtin' }, { id: 'ext-id', url: page }, deps)).toEqual({ ok: false, error: 'not a watched page' });
    expect(await handleMessage({ type: 'rules/builtin' }, { id: 'ext-id', tab: { id: 3 } }, deps)).toEqual({ ok: false, error: 'not a watched page' });
    expect(reads).toBe(0);
  });

  it('reads the file again after a failed read, and says what failed', async () => {
    let fail = true;
    deps.builtinData = builtinDataReader(async () => {
      reads++;
      if (fail) throw new Error('HTTP 404');
      return TEXT;
    });
    expect(await handleMessage({ type: 'rules/builtin' }, fromPage, deps)).toEqual({ ok: false, error: 'could not read the built-in rules: HTTP 404' });
    fail = false;
    expect(await handleMessage({ type: 'rules/builtin' }, fromPage, deps)).toEqual({ ok: true, data: TEXT });
    expect(reads).toBe(2);
    delete deps.builtinData;
    expect(await handleMessage({ type: 'rules/builtin' }, fromPage, deps)).toEqual({ ok: false, error: 'the built-in rules are not available' });
  });
});

describe('the watch script', () => {
  const waits: number[] = [];
  const wait = async (ms: number) => void waits.push(ms);
  beforeEach(() => void waits.splice(0));

  it('asks again while the background starts, then hands the data to the engine', async () => {
    let calls = 0;
    const send = async (m: { type: string }) => {
      expect(m).toEqual({ type: 'rules/builtin' });
      if (++calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, data: TEXT };
    };
    expect(await loadBuiltinData(send, wait)).toBeNull();
    expect(waits).toEqual([100, 300]);
    expect(builtinData()).toEqual(dataOf());
  });

  it('gives up after five tries, with the last error', async () => {
    const send = async () => {
      throw new Error('gone');
    };
    expect(await loadBuiltinData(send, wait)).toBe('no answer from the background: gone');
    expect(waits).toEqual([100, 300, 1000, 3000]);
  });

  it('takes a refusal, an empty answer or data that is not the rules as final', async () => {
    expect(await loadBuiltinData(async () => ({ ok: false, error: 'not a watched page' }), wait)).toBe('not a watched page');
    expect(await loadBuiltinData(async () => undefined, wait)).toBe('no answer from the background');
    expect(await loadBuiltinData(async () => 'ok', wait)).toBe('no answer from the background');
    expect(await loadBuiltinData(async () => ({ ok: true }), wait)).toBe('the background sent no rules');
    expect(await loadBuiltinData(async () => ({ ok: true, data: '{"FAMILIES":"{}"}' }), wait)).toBe('the built-in rules lack FRAMES');
    expect(waits).toEqual([]);
  });
});

describe('the data before it came', () => {
  it('is refused with a reason, not read as empty', async () => {
    vi.resetModules();
    const fresh = await import('../../utils/detect/shipped-builtin');
    expect(() => fresh.builtinData()).toThrow('the built-in rules have not come from the background');
  });

  it('waits a tenth of a second before asking again when no wait is given', async () => {
    let calls = 0;
    const t0 = performance.now();
    const problem = await loadBuiltinData(async () => {
      if (++calls === 1) throw new Error('waking');
      return { ok: true, data: TEXT };
    });
    expect(problem).toBeNull();
    expect(calls).toBe(2);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(95);
  });
});
