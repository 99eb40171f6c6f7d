import { describe, expect, it } from 'vitest';
import { chainAfter, type ChainEntry, type NewEntry } from '../../utils/evidence/chain';
import { Replay, recordDifference, type ReplayRecord } from '../../utils/evidence/replay';
import { commitData } from '../../utils/evidence/commit';

/**
 * The replay on its own: which entries it accepts, the state it builds from them, and the entry
 * and reason it names when a chain cannot be what the browser wrote (`shutout verify` and import
 * print that reason). Entries are format 1 (plain data), chained as the store chains them.
 */

const AT = '2026-03-20T08:00:00.000Z';
const SHA = 'ab'.repeat(32);
const CHECK = { at: '2026-03-20T09:00:00.000Z', status: 403, verdict: 'blocked', kinds: ['access-denied'], ruleIds: ['r1'], redirects: 0 };

const finding = (id: string, over: Record<string, unknown> = {}): NewEntry => ({
  type: 'finding',
  recordId: id,
  at: AT,
  data: { id, kind: 'access-denied', observedAt: AT, pageUrl: `https://item.taobao.com/item.htm?id=${id}`, ...over },
});
const amend = (id: string, data: Record<string, unknown>): NewEntry => ({ type: 'amendment', recordId: id, at: AT, data });
const capture = (id: string, data: Record<string, unknown>): NewEntry => ({ type: 'capture', recordId: id, at: AT, data: { id, sha256: SHA, size: 10, ...data } });
/** A capture entry whose data leaves its id out (the entry's recordId names it). */
const bareCapture = (id: string): NewEntry => ({ type: 'capture', recordId: id, at: AT, data: { sha256: SHA, size: 10 } });

/** Chain the bodies from seq 1 (or after `last`) and replay them; `ok` is what each push returned. */
function replayed(bodies: NewEntry[], replay = new Replay(), last: { seq: number; hash: string } | null = null): { replay: Replay; ok: boolean[]; entries: ChainEntry[] } {
  const entries = chainAfter(last, bodies);
  return { replay, ok: entries.map((e) => replay.push(e)), entries };
}

/** The problem the replay names for a chain whose last entry is `bad`, after the good ones before it. */
function refusal(good: NewEntry[], bad: NewEntry): string | null {
  const { replay, ok } = replayed([...good, bad]);
  expect(ok.slice(0, -1).every(Boolean), replay.problem ?? '').toBe(true);
  expect(ok.at(-1)).toBe(false);
  return replay.problem;
}

describe('replaying findings', () => {
  it('builds each live finding with its defaults, content and chain position', () => {
    const { replay, ok, entries } = replayed([finding('f1'), finding('f2', { count: 4, review: 'confirmed', note: 'seen twice', captureIds: ['c0'] })]);
    expect(ok).toEqual([true, true]);
    const [a, b] = replay.records();
    expect(a).toMatchObject({ id: 'f1', kind: 'access-denied', count: 1, review: 'unreviewed', captureIds: [], seq: 1, hash: entries[0]!.hash, countKnown: false });
    expect(a!.note).toBeUndefined();
    expect(b).toMatchObject({ id: 'f2', count: 4, review: 'confirmed', note: 'seen twice', captureIds: ['c0'], seq: 2, countKnown: true });
    // An empty note is no note.
    const empty = replayed([finding('f1', { note: '' })]).replay.records()[0]!;
    expect(empty.note).toBeUndefined();
    expect(recordDifference({ ...empty, note: '' }, empty)).toBeNull();
  });

  it.each([
    ['its id differs from its recordId', { id: 'f9' }, /chain entry 1: its recordId f1 differs from the id in its data \(f9\)/],
    ['it has no kind', { kind: undefined }, /chain entry 1: it is not a finding \(kind or observedAt missing\)/],
    ['its kind is not text', { kind: 7 }, /not a finding/],
    ['it has no observation time', { observedAt: undefined }, /not a finding/],
    ['its count is a fraction', { count: 1.5 }, /chain entry 1: its count is not a whole number ≥ 0 \(1\.5\)/],
    ['its count is negative', { count: -1 }, /count is not a whole number ≥ 0 \(-1\)/],
    ['its count is text', { count: '3' }, /count is not a whole number ≥ 0 \("3"\)/],
    ['its review is unknown', { review: 'maybe' }, /chain entry 1: its review is not valid/],
    ['its note is not text', { note: 5 }, /chain entry 1: its note is not text/],
    ['its scope is unknown', { scope: 'everyone', scopeCheck: CHECK }, /chain entry 1: its scope is not valid/],
    ['its scope check is malformed', { scope: 'network', scopeCheck: { at: 'soon' } }, /chain entry 1: its scope check is not valid/],
    ['it has a scope without its check', { scope: 'network' }, /chain entry 1: it records a scope without its check/],
    ['it has a check without its scope', { scopeCheck: CHECK }, /a check without its scope/],
    ['its captureIds are not a list', { captureIds: 'c1' }, /chain entry 1: its captureIds are not a list of ids/],
    ['its captureIds are not ids', { captureIds: ['c1', 2] }, /captureIds are not a list of ids/],
  ])('refuses a finding when %s', (_what, over, problem) => {
    expect(refusal([], finding('f1', over))).toMatch(problem);
  });

  it('refuses a finding recorded twice, or again after its deletion', () => {
    expect(refusal([finding('f1'), finding('f2')], finding('f1'))).toMatch(/chain entry 3: finding f1 is recorded twice \(entries 1 and 3\)/);
    const deleted = replayed([finding('f1')]);
    const tombstone: NewEntry = { type: 'tombstone', recordId: 'f1', at: AT, data: { reason: 'user', hash: deleted.entries[0]!.hash } };
    expect(refusal([finding('f1'), tombstone], finding('f1'))).toMatch(/chain entry 3: finding f1 is recorded again after it was deleted/);
  });

  it('accepts an upgrade of the entry that recorded the finding, and no other', () => {
    const first = replayed([finding('f1')]);
    const from = { seq: 1, hash: first.entries[0]!.hash };
    const { replay, ok } = replayed([finding('f1'), { type: 'upgrade', recordId: 'all', at: AT, data: {} }, finding('f1', { upgradedFrom: from, review: 'confirmed' })]);
    expect(ok).toEqual([true, true, true]);
    expect(replay.records()).toHaveLength(1);
    expect(replay.records()[0]).toMatchObject({ id: 'f1', seq: 3, review: 'confirmed' });
    expect(refusal([finding('f1')], finding('f1', { upgradedFrom: { seq: 1, hash: 'f'.repeat(64) } }))).toMatch(/finding f1 is recorded twice/);
    expect(refusal([finding('f1'), finding('f2')], finding('f1', { upgradedFrom: { seq: 2, hash: from.hash } }))).toMatch(/finding f1 is recorded twice/);
    expect(refusal([], finding('f1', { upgradedFrom: { seq: 0, hash: 'f'.repeat(64) } }))).toMatch(/chain entry 1: it upgrades entry 0, which does not record this finding/);
  });

  it('gives the live findings in the order of the entries that recorded them, an upgraded one where its upgrade stands', () => {
    const first = replayed([finding('f1'), finding('f2')]);
    const from = { seq: 1, hash: first.entries[0]!.hash };
    const { replay, ok } = replayed([finding('f1'), finding('f2'), { type: 'upgrade', recordId: 'all', at: AT, data: {} }, finding('f1', { upgradedFrom: from })]);
    expect(ok).toEqual([true, true, true, true]);
    expect(replay.records().map((r) => [r.id, r.seq])).toEqual([['f2', 2], ['f1', 4]]);
  });

  it('accepts an upgrade of an entry left out only when replaying a partial chain', () => {
    // A redacted export of an upgraded chain starts at its upgrade entry (seq 4 here): the findings
    // it upgrades are in the entries left out.
    const start = { seq: 3, hash: 'c'.repeat(64) };
    const bodies = [{ type: 'upgrade' as const, recordId: 'all', at: AT, data: {} }, finding('f1', { upgradedFrom: { seq: 2, hash: 'd'.repeat(64) } })];
    const partial = replayed(bodies, new Replay(true), start);
    expect(partial.ok, partial.replay.problem ?? '').toEqual([true, true]);
    expect(partial.replay.records().map((r) => r.id)).toEqual(['f1']);
    const whole = replayed(bodies, new Replay(), start);
    expect(whole.ok).toEqual([true, false]);
    expect(whole.replay.problem).toMatch(/chain entry 5: it upgrades entry 2, which does not record this finding/);
    // Even in a partial chain, an entry it holds cannot be upgraded by a finding it does not record.
    const inside = replayed([...bodies.slice(0, 1), finding('f1', { upgradedFrom: { seq: 4, hash: 'd'.repeat(64) } })], new Replay(true), start);
    expect(inside.ok).toEqual([true, false]);
  });
});

describe('replaying amendments', () => {
  it('applies review, note, count and scope to the live finding', () => {
    const { replay, ok } = replayed([
      finding('f1', { note: 'first' }),
      amend('f1', { review: 'false-positive', note: 'a test page' }),
      amend('f1', { count: 0 }),
      amend('f1', { scope: 'network', scopeCheck: CHECK }),
    ]);
    expect(ok).toEqual([true, true, true, true]);
    expect(replay.records()[0]).toMatchObject({ review: 'false-positive', note: 'a test page', count: 0, countKnown: true, scope: 'network', scopeCheck: CHECK });
  });

  it('clears the note when an amendment sets it to null or to nothing', () => {
    for (const cleared of [null, '']) {
      const { replay, ok } = replayed([finding('f1', { note: 'first' }), amend('f1', { note: cleared })]);
      expect(ok, replay.problem ?? '').toEqual([true, true]);
      expect(replay.records()[0]!.note).toBeUndefined();
    }
  });

  it.each([
    ['a count given as text', { count: '3' }, /chain entry 2: the amended count is not valid \("3"\)/],
    ['a fractional count', { count: 2.5 }, /the amended count is not valid \(2\.5\)/],
    ['a negative count', { count: -2 }, /the amended count is not valid \(-2\)/],
    ['an unknown review', { review: 'maybe' }, /chain entry 2: the amended review is not valid/],
    ['a review that is not text', { review: 1 }, /the amended review is not valid/],
    ['a note that is not text', { note: 5 }, /the amended note is not valid/],
    ['a change to the finding’s content', { kind: 'risk-challenge' }, /chain entry 2: an amendment cannot change kind/],
    ['a change to its page', { pageUrl: 'https://example.com/' }, /an amendment cannot change pageUrl/],
  ])('refuses %s', (_what, data, problem) => {
    expect(refusal([finding('f1')], amend('f1', data))).toMatch(problem);
  });

  it('keeps the finding\'s other withheld fields when an amendment discloses its note', () => {
    const committed = commitData({ id: 'f1', kind: 'access-denied', observedAt: AT, pageUrl: 'https://www.zhihu.com/people/someone' });
    const f1 = { type: 'finding', recordId: 'f1', at: AT, data: committed.data, withheld: { pageUrl: 'https://www.zhihu.com/people/[user-1]' } } as NewEntry;
    const withheldNote = { type: 'amendment', recordId: 'f1', at: AT, data: commitData({ note: 'the seller’s phone number' }).data, withheld: { note: '[withheld]' } } as NewEntry;
    const disclosed = { type: 'amendment', recordId: 'f1', at: AT, ...commitData({ note: 'checked again' }) } as NewEntry;
    const { replay, ok } = replayed([f1, withheldNote, disclosed]);
    expect(ok).toEqual([true, true, true]);
    expect(replay.records()[0]).toMatchObject({ note: 'checked again', withheld: ['pageUrl'], pageUrl: 'https://www.zhihu.com/people/[user-1]' });
  });

  it('marks a note that a redacted export withholds, until a later amendment discloses one', () => {
    const withheld = { type: 'amendment', recordId: 'f1', at: AT, data: commitData({ note: 'the seller’s phone number' }).data, withheld: { note: '[withheld]' } } as NewEntry;
    const disclosed = { type: 'amendment', recordId: 'f1', at: AT, ...commitData({ note: 'checked again' }) } as NewEntry;
    const { replay, ok } = replayed([finding('f1'), withheld]);
    expect(ok, replay.problem ?? '').toEqual([true, true]);
    expect(replay.records()[0]).toMatchObject({ note: '[withheld]', withheld: ['note'] });
    expect(replay.withheld.get('note')).toBe(1);
    const later = replayed([finding('f1'), withheld, disclosed]);
    expect(later.ok).toEqual([true, true, true]);
    expect(later.replay.records()[0]).toMatchObject({ note: 'checked again', withheld: [] });
  });

  it('quotes at most 40 characters of a value it refuses', () => {
    const problem = refusal([finding('f1')], amend('f1', { count: 'x'.repeat(500) }));
    expect(problem).toContain(`the amended count is not valid (${`"${'x'.repeat(500)}"`.slice(0, 40)})`);
    // A value JSON cannot write (an entry held in memory) is refused all the same.
    expect(refusal([finding('f1')], amend('f1', { review: undefined }))).toMatch(/the amended review is not valid \(undefined\)/);
  });

  it('refuses an amendment of a finding that is not live', () => {
    expect(refusal([finding('f1')], amend('f2', { review: 'confirmed' }))).toMatch(/chain entry 2: it amends f2, which is not a live finding at that point/);
  });
});

describe('replaying deletions, captures, keys and other entries', () => {
  it('deletes a finding by a tombstone that names its hash, and refuses one that names another', () => {
    const { replay, ok, entries } = replayed([finding('f1'), finding('f2')]);
    expect(ok).toEqual([true, true]);
    expect(replay.push(chainAfter(entries[1]!, [{ type: 'tombstone', recordId: 'f1', at: AT, data: { reason: 'user', hash: entries[0]!.hash } }])[0]!)).toBe(true);
    expect(replay.records().map((r) => r.id)).toEqual(['f2']);

    const wrongHash: NewEntry = { type: 'tombstone', recordId: 'f1', at: AT, data: { reason: 'user', hash: 'e'.repeat(64) } };
    expect(refusal([finding('f1')], wrongHash)).toMatch(new RegExp(`chain entry 2: it names hash ${'e'.repeat(64)}, not the hash of the finding it deletes`));
    // A format-1 redacted copy recomputed its hashes: its tombstones name the original ones.
    const copy = replayed([finding('f1'), wrongHash], new Replay(false, true));
    expect(copy.ok).toEqual([true, true]);
    expect(copy.replay.records()).toEqual([]);
  });

  it('refuses a tombstone of a finding that is not live', () => {
    expect(refusal([finding('f1')], { type: 'tombstone', recordId: 'f2', at: AT, data: { reason: 'user', hash: SHA } })).toMatch(
      /chain entry 2: it deletes f2, which is not a live finding at that point/,
    );
  });

  it('records a capture with its hash and links it to its live finding', () => {
    const { replay, ok } = replayed([finding('f1'), capture('c1', { findingId: 'f1', type: 'screenshot', mime: 'image/png', at: '2026-03-20T08:00:01.000Z' }), bareCapture('c2')]);
    expect(ok, replay.problem ?? '').toEqual([true, true, true]);
    expect(replay.captures.get('c1')).toEqual({ id: 'c1', seq: 2, sha256: SHA, size: 10, type: 'screenshot', mime: 'image/png', findingId: 'f1', at: '2026-03-20T08:00:01.000Z' });
    // A capture that says nothing of its id, type, file type, finding or time: its entry's id, empty, none, the entry's time.
    expect(replay.captures.get('c2')).toEqual({ id: 'c2', seq: 3, sha256: SHA, size: 10, type: '', mime: '', findingId: null, at: AT });
    expect(replay.records()[0]!.captureIds).toEqual(['c1']);
    // An empty file is a capture too.
    expect(replayed([capture('c0', { size: 0 })]).ok).toEqual([true]);
  });

  it.each([
    ['its id differs from its recordId', capture('c1', { id: 'c2' }), /chain entry 2: its recordId differs from the id in its data/],
    ['its SHA-256 is missing', capture('c1', { sha256: undefined }), /chain entry 2: it is not a capture \(SHA-256 or size missing\)/],
    ['its SHA-256 is not hex', capture('c1', { sha256: 'AB'.repeat(32) }), /it is not a capture/],
    ['its SHA-256 is too long', capture('c1', { sha256: `${SHA}0` }), /it is not a capture/],
    ['its SHA-256 has something before it', capture('c1', { sha256: `sha256:${SHA}` }), /it is not a capture/],
    ['its size is negative', capture('c1', { size: -1 }), /it is not a capture/],
    ['its size is a fraction', capture('c1', { size: 1.5 }), /it is not a capture/],
  ])('refuses a capture when %s', (_what, bad, problem) => {
    expect(refusal([finding('f1')], bad)).toMatch(problem);
  });

  it('refuses a capture recorded twice', () => {
    expect(refusal([finding('f1'), capture('c1', {})], capture('c1', {}))).toMatch(/chain entry 3: capture c1 is recorded twice/);
  });

  it('keeps the key fingerprints in chain order and refuses a malformed one', () => {
    const fp = (c: string) => c.repeat(64);
    const { replay, ok } = replayed([
      { type: 'key', recordId: 'key', at: AT, data: { fingerprint: fp('1') } },
      { type: 'key', recordId: 'key', at: AT, data: { fingerprint: fp('2') } },
    ]);
    expect(ok).toEqual([true, true]);
    expect(replay.keys).toEqual([fp('1'), fp('2')]);
    expect(refusal([], { type: 'key', recordId: 'key', at: AT, data: { fingerprint: 'F'.repeat(64) } })).toMatch(/chain entry 1: its key fingerprint is malformed/);
    expect(refusal([], { type: 'key', recordId: 'key', at: AT, data: {} })).toMatch(/key fingerprint is malformed/);
    expect(refusal([], { type: 'key', recordId: 'key', at: AT, data: { fingerprint: `${fp('1')}0` } })).toMatch(/key fingerprint is malformed/);
    expect(refusal([], { type: 'key', recordId: 'key', at: AT, data: { fingerprint: `x${fp('1')}` } })).toMatch(/key fingerprint is malformed/);
  });

  it('accepts a wipe only as the first entry, and refuses entry types it does not know', () => {
    const wipe: NewEntry = { type: 'wipe', recordId: 'all', at: AT, data: { previousHead: null, previousLength: 0, key: null } };
    expect(replayed([wipe, finding('f1')]).ok).toEqual([true, true]);
    expect(refusal([finding('f1')], wipe)).toMatch(/chain entry 2: a wipe can only start a chain/);
    expect(refusal([finding('f1')], { type: 'note' as never, recordId: 'x', at: AT, data: {} })).toMatch(/chain entry 2: unknown entry type "note"/);
  });

  it('refuses every entry after the first problem, and names that first one', () => {
    const { replay, ok } = replayed([finding('f1'), amend('f2', { review: 'confirmed' }), finding('f3'), amend('f1', { kind: 'x' })]);
    expect(ok).toEqual([true, false, false, false]);
    expect(replay.problem).toMatch(/^chain entry 2: it amends f2/);
    expect(replay.records().map((r) => r.id)).toEqual(['f1']);
  });
});

describe('recordDifference', () => {
  const replayedRecord = (over: Record<string, unknown> = {}): ReplayRecord => {
    const { replay, ok } = replayed([finding('f1', { count: 2, ...over })]);
    expect(ok).toEqual([true]);
    return replay.records()[0]!;
  };
  /** A stored record as the database holds it: the replayed fields, an empty note, none of the absent ones. */
  const stored = (r: ReplayRecord): Record<string, unknown> => {
    const { withheld: _w, countKnown: _c, ...rest } = r;
    return { ...rest, note: '' };
  };

  it('finds no difference between a record and the state its chain records', () => {
    const r = replayedRecord();
    expect(recordDifference(stored(r), r)).toBeNull();
    expect(recordDifference({ ...stored(r), until: null, scope: undefined }, r)).toBeNull();
  });

  it('treats null as absent, and an empty text as a value except for the note', () => {
    // The chain records no platform (null) where the record has none.
    const r = replayedRecord({ platform: null, pageTitle: '' });
    const { platform: _p, ...noPlatform } = stored(r);
    expect(recordDifference(noPlatform, r)).toBeNull();
    expect(recordDifference({ ...stored(r), platform: 'taobao' }, r)).toBe('platform');
    // An empty title is what the page had; a record that lacks it differs.
    expect(recordDifference({ ...stored(r), pageTitle: undefined }, r)).toBe('pageTitle');
    const titled = replayedRecord();
    expect(recordDifference({ ...stored(titled), pageTitle: '' }, titled)).toBe('pageTitle');
  });

  it('names the first field that differs, or that one side lacks', () => {
    const r = replayedRecord({ note: 'kept' });
    expect(recordDifference({ ...stored(r), note: 'kept' }, r)).toBeNull();
    expect(recordDifference({ ...stored(r), note: '' }, r)).toBe('note');
    expect(recordDifference({ ...stored(r), note: 'kept', pageUrl: 'https://example.com/' }, r)).toBe('pageUrl');
    expect(recordDifference({ ...stored(r), note: 'kept', count: 3 }, r)).toBe('count');
    expect(recordDifference({ ...stored(r), note: 'kept', why: 'added' }, r)).toBe('why');
    expect(recordDifference({ ...stored(r), note: 'kept', kind: undefined }, r)).toBe('kind');
  });

  it('names a field whose value cannot be compared as JSON', () => {
    const r = replayedRecord({ confidence: 0.9 });
    expect(recordDifference({ ...stored(r), confidence: Number.NaN }, r)).toBe('confidence');
    expect(recordDifference({ ...stored(r), confidence: Number.POSITIVE_INFINITY }, r)).toBe('confidence');
  });

  it('accepts any whole count for a finding whose first count the chain does not hold', () => {
    const { replay } = replayed([finding('f1')]);
    const r = replay.records()[0]!;
    expect(r.countKnown).toBe(false);
    expect(recordDifference({ ...stored(r), count: 7 }, r)).toBeNull();
    expect(recordDifference({ ...stored(r), count: 0 }, r)).toBeNull();
    expect(recordDifference({ ...stored(r), count: -1 }, r)).toBe('count');
    expect(recordDifference({ ...stored(r), count: 1.5 }, r)).toBe('count');
  });
});
