import { afterAll, describe, expect, it } from 'vitest';
import { chainAfter, GENESIS, type ChainEntry, type NewEntry } from '../../utils/evidence/chain';
import { buildJsonExport, exportFileName, fileStamp, toNdjsonLines } from '../../utils/evidence/export';
import { recordPages } from '../../utils/evidence/store';
import { ShutoutDB } from '../../utils/storage/db';
import { META } from './evidence-bundle-helpers';
import { CTX, databases, detection, newId, page } from './evidence-helpers';

const dbs = databases('export-fields');
afterAll(() => dbs.remove());

const AT = '2026-03-20T08:00:00.000Z';

/** Three findings whose addresses and snippets redaction masks, as the extension records them (format 2). */
async function seeded(): Promise<ShutoutDB> {
  const d = dbs.fresh();
  await recordPages(
    d,
    [
      page(1, [detection({ snippet: '手机 13812345678 账号受限' })], { url: 'https://www.zhihu.com/people/zhang-san?uid=42' }),
      page(2, [detection({ snippet: '手机 13900001111 账号受限' })], { url: 'https://www.zhihu.com/people/li-si?uid=43' }),
      page(3),
    ],
    CTX,
    newId,
  );
  return d;
}

/** A chain written by version 2 of the database (format 1: values hashed in the clear). */
function format1(bodies: Array<Record<string, unknown>>): ChainEntry[] {
  return chainAfter(
    null,
    bodies.map((data, i): NewEntry => ({ type: 'finding', recordId: `old-${i + 1}`, at: AT, data })),
  );
}

describe('export file names', () => {
  const when = new Date('2026-03-21T08:30:05.123Z');

  it('stamps the UTC time to the second, without separators inside the date or time', () => {
    expect(fileStamp(when)).toBe('20260321-083005');
    expect(fileStamp(new Date('1999-12-31T23:59:59.999Z'))).toBe('19991231-235959');
  });

  it('names a bundle “bundle” and every other export “export”, with the format as extension', () => {
    expect(exportFileName('json', when)).toBe('shutout-export-20260321-083005.json');
    expect(exportFileName('ndjson', when)).toBe('shutout-export-20260321-083005.ndjson');
    expect(exportFileName('csv', when)).toBe('shutout-export-20260321-083005.csv');
    expect(exportFileName('zip', when)).toBe('shutout-bundle-20260321-083005.zip');
  });

  it('uses the current time when none is given', () => {
    expect(exportFileName('csv')).toMatch(/^shutout-export-\d{8}-\d{6}\.csv$/);
  });
});

describe('JSON export: the chain summary', () => {
  it('describes a whole chain by its length and head alone, with no starting point', async () => {
    const d = await seeded();
    const entries = await d.chain.orderBy('seq').toArray();
    for (const redact of [false, true]) {
      const data = buildJsonExport(META, entries, await d.findings.orderBy('seq').toArray(), redact);
      expect(data.chain, `redact=${redact}`).toEqual({ length: 3, head: entries[2]!.hash, hashedOver: 'original' });
    }
  });

  it('names where a redacted export starts when it leaves out the entries before an upgrade', async () => {
    const d = await seeded();
    const entries = await d.chain.orderBy('seq').toArray();
    const data = buildJsonExport(META, entries, [], true, 2);
    expect(data.entries.map((e) => e.seq)).toEqual([2, 3]);
    expect(data.chain).toEqual({ length: 3, head: entries[2]!.hash, hashedOver: 'original', from: { seq: 2, prevHash: entries[0]!.hash } });
  });

  it('describes an empty chain as length 0 with no head', () => {
    expect(buildJsonExport(META, [], [], false).chain).toEqual({ length: 0, head: null, hashedOver: 'original' });
  });
});

describe('redacted JSON export: which fields were withheld', () => {
  it('names each withheld field once, however many entries it was withheld from', async () => {
    const d = await seeded();
    const entries = await d.chain.orderBy('seq').toArray();
    // The chain alone: what the entries withhold.
    const chainOnly = buildJsonExport(META, entries, [], true);
    expect(chainOnly.redaction.fields).toEqual(['pageUrl', 'snippet', 'profileLabel']);
    expect(chainOnly.entries.filter((e) => e.withheld?.pageUrl)).toHaveLength(2);
    expect(chainOnly.entries.every((e) => e.withheld?.profileLabel === '[profile-1]')).toBe(true);
    // With the records, which withhold the same fields.
    const full = buildJsonExport(META, entries, await d.findings.orderBy('seq').toArray(), true);
    expect([...full.redaction.fields].sort()).toEqual(['pageUrl', 'profileLabel', 'snippet']);
  });

  it('withholds nothing and names no field when nothing is personal', async () => {
    const d = dbs.fresh();
    await recordPages(d, [page(7, [detection()], { url: 'https://item.taobao.com/item.htm?id=1' })], { ...CTX, profileLabel: '' }, newId);
    const data = buildJsonExport({ ...META, profileLabel: '' }, await d.chain.orderBy('seq').toArray(), [], true);
    expect(data.redaction).toMatchObject({ applied: true, fields: [] });
    expect(data.entries[0]!.withheld).toBeUndefined();
  });
});

describe('redacted exports of a format-1 chain', () => {
  it('refuses an entry that holds personal values in the clear, naming the entry and its fields', () => {
    const entries = format1([
      { kind: 'access-denied', platform: 'taobao' },
      { kind: 'account-restricted', snippet: '手机 13812345678', pageUrl: 'https://www.zhihu.com/people/zhang-san', platform: 'zhihu' },
    ]);
    expect(() => buildJsonExport(META, entries, [], true)).toThrow(new Error('chain entry 2 is in format 1 with snippet, pageUrl in the clear: it cannot be redacted'));
    // Unredacted, the same chain exports as stored.
    expect(buildJsonExport(META, entries, [], false).entries).toEqual(entries);
  });

  it('keeps format-1 entries whose personal fields are empty, as they are', () => {
    const entries = format1([
      { kind: 'access-denied', platform: 'taobao', snippet: '', note: null },
      { kind: 'access-denied', platform: 'jd' },
    ]);
    const data = buildJsonExport(META, entries, [], true);
    expect(data.entries).toEqual(entries);
    expect(data.redaction).toMatchObject({ applied: true, fields: [] });
  });

  it('leaves out the format-1 entries before the upgrade instead of refusing', () => {
    const entries = format1([{ kind: 'access-denied', snippet: '手机 13812345678' }, { kind: 'access-denied' }]);
    const data = buildJsonExport(META, entries, [], true, 2);
    expect(data.entries).toEqual([entries[1]]);
    expect(data.chain).toEqual({ length: 2, head: entries[1]!.hash, hashedOver: 'original', from: { seq: 2, prevHash: entries[0]!.hash } });
    expect(entries[0]!.prevHash).toBe(GENESIS);
  });
});

describe('NDJSON header', () => {
  it('names the head of the chain it was given, and its length', async () => {
    const d = await seeded();
    const entries = await d.chain.orderBy('seq').toArray();
    const records = await d.findings.orderBy('seq').toArray();
    const lines = toNdjsonLines(META, records, false, entries);
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'shutout-evidence-ndjson', count: 3, chain: { length: 3, head: entries[2]!.hash, hashedOver: 'original' } });
    // Only the last entry matters: the extension passes just the head.
    expect(JSON.parse(toNdjsonLines(META, records, true, [entries[2]!])[0]!).chain).toEqual({ length: 3, head: entries[2]!.hash, hashedOver: 'original' });
    expect(JSON.parse(toNdjsonLines(META, records, false)[0]!).chain).toEqual({ length: 0, head: null, hashedOver: 'original' });
  });
});
