import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../cli/dataset/merge';
import { TABLES } from '../../cli/dataset/schema';
import { Installation } from './dataset-helpers';
import { repack, run, tempDir, unpack } from './evidence-bundle-helpers';

const OFFER_SEEN_BY_BOB = 'taobao:shop:threshold:CNY:min=199:off=20';
const OFFER_OWN_HISTORY = 'taobao:shop:threshold:CNY:min=99:off=10';
const SCOPE_CHECK = { at: '2026-03-04T06:00:30.000Z', status: 200, verdict: 'clear', kinds: [], ruleIds: [], redirects: 0 };

/** The DuckDB queries of docs/dataset.md, by their first line (`-- Q1 (DuckDB)` …). */
function docQueries(): Record<string, string> {
  const doc = readFileSync(join(__dirname, '../../docs/dataset.md'), 'utf8');
  const out: Record<string, string> = {};
  for (const m of doc.matchAll(/```sql\n-- (Q\d) \(DuckDB\)\n([\s\S]*?)```/g)) out[m[1]!] = m[2]!;
  return out;
}

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

describe('shutout dataset: bundles of three participants, one tampered, one given twice, one exported twice', () => {
  const tmp = tempDir('dataset');
  const bundles = join(tmp.dir, 'bundles');
  const out = join(tmp.dir, 'study');
  const reportPath = join(tmp.dir, 'study-report.html');
  let alice: Installation;
  let bob: Installation;
  let carol: Installation;
  let result: Awaited<ReturnType<typeof run>>;
  let instance: DuckDBInstance;
  let con: DuckDBConnection;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

  beforeAll(async () => {
    mkdirSync(bundles);
    alice = await Installation.create('alice');
    bob = await Installation.create('bob');
    carol = await Installation.create('carol');

    alice.finding({ id: 'a1', platform: 'taobao', kind: 'access-denied', observedAt: '2026-03-02T02:00:00.000Z', basis: 'url-only', initiator: 'https://www.taobao.com', confidence: 0.45 });
    const a2 = alice.finding({ id: 'a2', platform: 'jd', kind: 'risk-challenge', observedAt: '2026-03-03T03:00:00.000Z', until: '2026-03-10T00:00:00.000Z' });
    alice.couponMissing('a3', '2026-03-05T04:00:00.000Z', '600000000001', 'import', 'bob', OFFER_SEEN_BY_BOB, '满199减20');
    alice.capture('cap-a1', 'a1', '2026-03-02T02:00:01.000Z', png);
    await alice.bundle(join(bundles, 'alice-early.zip'));
    // The same installation, exported again a week later: an append-only chain, so every entry of the first export again.
    alice.amend('a1', '2026-03-06T00:00:00.000Z', { review: 'confirmed' });
    alice.finding({ id: 'a4', platform: 'taobao', kind: 'access-denied', observedAt: '2026-03-09T05:00:00.000Z' });
    await alice.bundle(join(bundles, 'alice-late.zip'));
    copyFileSync(join(bundles, 'alice-late.zip'), join(bundles, 'alice-late-again.zip'));

    bob.finding({ id: 'b1', platform: 'jd', kind: 'account-restricted', observedAt: '2026-03-04T06:00:00.000Z', until: '2026-03-20T00:00:00.000Z', ruleId: 'general.account-restricted', why: 'pattern: 账号 异常 限制' });
    bob.amend('b1', '2026-03-04T06:01:00.000Z', { scope: 'account', scopeCheck: SCOPE_CHECK });
    bob.finding({ id: 'b2', platform: 'pinduoduo', kind: 'access-denied', observedAt: '2026-03-04T07:00:00.000Z' });
    bob.amend('b2', '2026-03-04T08:00:00.000Z', { review: 'false-positive' });
    bob.couponMissing('b3', '2026-03-05T05:00:00.000Z', '600000000002', 'history', '', OFFER_OWN_HISTORY, '满99减10');
    bob.finding({ id: 'b4', platform: 'taobao', kind: 'link-blocked', observedAt: '2026-03-11T00:00:00.000Z' });
    bob.tombstone('b4', '2026-03-12T00:00:00.000Z');
    bob.imported(alice, a2, '2026-03-07T00:00:00.000Z');
    await bob.bundle(join(bundles, 'bob.zip'));

    carol.finding({ id: 'c1', platform: 'meituan', kind: 'access-denied', observedAt: '2026-03-02T09:00:00.000Z' });
    await carol.bundle(join(bundles, 'carol.zip'));
    const files = unpack(join(bundles, 'carol.zip'));
    files['records.ndjson'] = strToU8(new TextDecoder().decode(files['records.ndjson']!).replace('meituan', 'dianping'));
    repack(join(bundles, 'carol.zip'), files);

    result = await run(['dataset', '-o', out, '--report', reportPath, bundles]);
    instance = await DuckDBInstance.create(join(out, 'shutout.duckdb'), { access_mode: 'READ_ONLY' });
    con = await instance.connect();
  }, 120_000);

  afterAll(() => {
    con?.closeSync();
    instance?.closeSync();
    tmp.remove();
  });

  it('refuses the tampered bundle with its reason, merges the rest once, and says so', async () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^merged 3 of 4 bundles into /);
    expect(result.stdout).toContain(`refused: ${join(bundles, 'carol.zip')}: file records.ndjson does not match its SHA-256 in the manifest`);
    expect(result.stdout).toContain(`duplicate: ${join(bundles, 'alice-late.zip')} is the same file as ${join(bundles, 'alice-late-again.zip')}`);
    const b = await rows(con, `SELECT file_name, verdict, problem, participant, also_as, profile_label FROM bundles ORDER BY file_name`);
    expect(b.map((r) => [r.file_name, r.verdict])).toEqual([
      ['alice-early.zip', 'merged'],
      ['alice-late-again.zip', 'merged'],
      ['bob.zip', 'merged'],
      ['carol.zip', 'refused'],
    ]);
    expect(b[1]!.also_as).toEqual(['alice-late.zip']);
    expect(b[3]!.problem).toBe('file records.ndjson does not match its SHA-256 in the manifest');
    expect(b[0]!.participant).toBe(alice.fingerprint);
    // Nothing of the refused bundle is in the data.
    expect(await rows(con, `SELECT count(*)::INT AS n FROM findings WHERE platform IN ('meituan', 'dianping')`)).toEqual([{ n: 0 }]);
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('shutout-dataset-partial-'))).toEqual([]);
  });

  it('never gives a row twice: the same file, a later export of one chain, an imported finding', async () => {
    const f = await rows(con, `SELECT count(*)::INT AS n, count(DISTINCT origin_hash)::INT AS keys, count(DISTINCT hash)::INT AS hashes FROM findings`);
    expect(f).toEqual([{ n: 8, keys: 8, hashes: 8 }]);
    const ids = await rows(con, `SELECT id, participant = '${alice.fingerprint}' AS alice, review, deleted_at::VARCHAR AS deleted_at, deleted_reason FROM findings ORDER BY id`);
    expect(ids.map((r) => r.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4']);
    // a1 as it stands in the later export; a2 is alice's own, not bob's import of it.
    expect(ids[0]).toMatchObject({ alice: true, review: 'confirmed' });
    expect(ids[1]).toMatchObject({ alice: true });
    expect(ids[7]).toMatchObject({ deleted_at: '2026-03-12 00:00:00', deleted_reason: 'user' });
    const e = await rows(con, `SELECT count(*)::INT AS n, count(DISTINCT hash)::INT AS hashes FROM chain_entries`);
    // alice (7): key, a1, a2, a3, capture, amendment, a4; bob (9): key, b1, scope amendment, b2, amendment, b3, b4, tombstone, import.
    expect(e).toEqual([{ n: 16, hashes: 16 }]);
    const c = await rows(con, `SELECT capture_id, file, sha256 FROM captures`);
    expect(c).toHaveLength(1);
    expect(c[0]!.file).toBe(`capture-files/${c[0]!.sha256}.png`);
    expect(new Uint8Array(readFileSync(join(out, String(c[0]!.file))))).toEqual(png);
  });

  it("carries the records' why, basis and initiator, and the scope a scope amendment recorded (null before)", async () => {
    const f = await rows(con, `SELECT id, rule_id, why, basis, initiator, confidence, scope, scope_check FROM findings WHERE id IN ('a1', 'b1', 'b2') ORDER BY id`);
    expect(f).toEqual([
      { id: 'a1', rule_id: 'taobao.test', why: null, basis: 'url-only', initiator: 'https://www.taobao.com', confidence: 0.45, scope: null, scope_check: null },
      { id: 'b1', rule_id: 'general.account-restricted', why: 'pattern: 账号 异常 限制', basis: null, initiator: null, confidence: 0.9, scope: 'account', scope_check: JSON.stringify(SCOPE_CHECK) },
      { id: 'b2', rule_id: 'pinduoduo.test', why: null, basis: null, initiator: null, confidence: 0.9, scope: null, scope_check: null },
    ]);
    const parquet = await rows(con, `SELECT id, why, basis, initiator FROM read_parquet('${join(out, 'findings')}/*/*.parquet', hive_partitioning = true) WHERE id IN ('a1', 'b1') ORDER BY id`);
    expect(parquet).toEqual([
      { id: 'a1', why: null, basis: 'url-only', initiator: 'https://www.taobao.com' },
      { id: 'b1', why: 'pattern: 账号 异常 限制', basis: null, initiator: null },
    ]);
  });

  it('answers the three questions of docs/dataset.md', async () => {
    const q = docQueries();
    expect(Object.keys(q).sort()).toEqual(['Q1', 'Q2', 'Q3']);

    const q1 = await rows(con, q.Q1!);
    expect(q1.map((r) => [r.profile_label, r.participant, r.platform, String(r.blocked_from), String(r.blocked_to), Number(r.findings)])).toEqual([
      ['alice', alice.fingerprint, 'jd', '2026-03-03 03:00:00', '2026-03-10 00:00:00', 1],
      ['alice', alice.fingerprint, 'taobao', '2026-03-02 02:00:00', '2026-03-09 05:00:00', 2],
      ['bob', bob.fingerprint, 'jd', '2026-03-04 06:00:00', '2026-03-20 00:00:00', 1],
    ]);

    const q2 = await rows(con, q.Q2!);
    expect(q2.map((r) => [String(r.week).slice(0, 10), r.platform, r.kind, Number(r.findings)])).toEqual([
      ['2026-03-02', 'jd', 'account-restricted', 1],
      ['2026-03-02', 'jd', 'risk-challenge', 1],
      ['2026-03-02', 'taobao', 'access-denied', 1],
      ['2026-03-02', 'taobao', 'coupon-missing', 2],
      ['2026-03-09', 'taobao', 'access-denied', 1],
    ]);

    const q3 = await rows(con, q.Q3!);
    expect(q3.map((r) => [r.item_key, r.offer_key, r.offer_label, r.seen_by, r.missing_for])).toEqual([
      ['taobao:600000000001', OFFER_SEEN_BY_BOB, '满199减20', [bob.fingerprint], [alice.fingerprint]],
    ]);
  });

  it('writes month-partitioned Parquet files holding the same rows', async () => {
    for (const t of TABLES) {
      const n = await rows(con, `SELECT (SELECT count(*) FROM read_parquet('${join(out, t.name)}/*/*.parquet', hive_partitioning = true))::INT AS parquet, (SELECT count(*) FROM ${t.name})::INT AS db`);
      expect(n[0]!.parquet, t.name).toBe(n[0]!.db);
    }
    expect(readdirSync(join(out, 'findings')).sort()).toEqual(['month=2026-03']);
    const months = await rows(con, `SELECT DISTINCT month FROM read_parquet('${join(out, 'bundles')}/*/*.parquet', hive_partitioning = true) ORDER BY month`);
    expect(months.map((m) => m.month)).toEqual(['2026-03', 'unknown']);
  });

  it('builds the same tables and Parquet files bucket by bucket as in one statement', async () => {
    const small = join(tmp.dir, 'study-in-buckets');
    // Two staged rows per bucket: every table in several buckets, each key's copies in one of them.
    await buildDataset([bundles], { output: small, rowsPerBucket: 2 });
    const other = await DuckDBInstance.create(join(small, 'shutout.duckdb'), { access_mode: 'READ_ONLY' });
    const con2 = await other.connect();
    try {
      for (const t of TABLES) {
        const all = `SELECT * FROM ${t.name} ORDER BY ALL`;
        const [a, b] = [await rows(con, all), await rows(con2, all)];
        expect(b.length, t.name).toBeGreaterThan(0);
        expect(b, t.name).toEqual(a);
        const parquet = `SELECT * FROM read_parquet('${join(small, t.name)}/*/*.parquet', hive_partitioning = true) ORDER BY ALL`;
        expect((await rows(con2, parquet)).length, t.name).toBe(a.length);
      }
      expect(readdirSync(join(small, 'findings')).sort()).toEqual(['month=2026-03']);
    } finally {
      con2.closeSync();
      other.closeSync();
    }
  });

  it('writes a self-contained report with the refused bundle', () => {
    const html = readFileSync(reportPath, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain(join(bundles, 'carol.zip'));
    expect(html).toContain('file records.ndjson does not match its SHA-256 in the manifest');
    expect(html).toContain('<svg class="timeline"');
    expect(html).toContain('alice');
    // Counts by platform and kind, by week, by participant, in both languages.
    for (const heading of ['按平台和类型', 'By platform and kind', '按周', 'By week', '按参与者', 'By participant']) expect(html).toContain(heading);
    expect(html).toContain('2026-03-02');
    expect(html).toContain('2026-03-09');
    expect(html).toContain('bob');
  });
});

describe('shutout dataset: options and bad input', () => {
  const tmp = tempDir('dataset-errors');
  afterAll(() => tmp.remove());
  const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('shutout-dataset-partial-') || n === 'out');

  it('--drop-captures leaves the screenshots out and keeps their metadata; a redacted bundle stays withheld', async () => {
    const a = await Installation.create('dana 13800138000');
    a.finding({ id: 'd1', platform: 'taobao', kind: 'access-denied', observedAt: '2026-04-01T00:00:00.000Z', pageUrl: 'https://item.taobao.com/item.htm?id=600000000009&sid=secret-session' });
    a.capture('cap-d1', 'd1', '2026-04-01T00:00:01.000Z', new Uint8Array([1, 2, 3]));
    const dir = join(tmp.dir, 'drop');
    mkdirSync(dir);
    await a.bundle(join(dir, 'plain.zip'));
    const out = join(tmp.dir, 'dropped');
    const r = await run(['dataset', '--drop-captures', '-o', out, join(dir, 'plain.zip')]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'capture-files'))).toBe(false);
    const i = await DuckDBInstance.create(join(out, 'shutout.duckdb'), { access_mode: 'READ_ONLY' });
    const c = await i.connect();
    try {
      expect(await rows(c, `SELECT capture_id, file FROM captures`)).toEqual([{ capture_id: 'cap-d1', file: null }]);
    } finally {
      c.closeSync();
      i.closeSync();
    }

    await a.bundle(join(dir, 'redacted.zip'), { redact: true });
    const out2 = join(tmp.dir, 'redacted');
    expect((await run(['dataset', '-o', out2, join(dir, 'redacted.zip')])).code).toBe(0);
    const i2 = await DuckDBInstance.create(join(out2, 'shutout.duckdb'), { access_mode: 'READ_ONLY' });
    const c2 = await i2.connect();
    try {
      const [f] = await rows(c2, `SELECT page_url, profile_label, withheld FROM findings`);
      expect(String(f!.page_url)).not.toContain('secret-session');
      expect(String(f!.profile_label)).not.toContain('13800138000');
      expect(f!.withheld).toEqual(expect.arrayContaining(['pageUrl', 'profileLabel']));
      const all = JSON.stringify(await rows(c2, `SELECT * FROM chain_entries`)) + JSON.stringify(await rows(c2, `SELECT * FROM bundles`));
      expect(all).not.toContain('secret-session');
      expect(all).not.toContain('13800138000');
    } finally {
      c2.closeSync();
      i2.closeSync();
    }
  }, 60_000);

  it('refuses a bundle whose manifest no longer matches its signature, merges the other, exit 1', async () => {
    const dir = join(tmp.dir, 'signed');
    mkdirSync(dir);
    const g = await Installation.create('gus');
    g.finding({ id: 'g1', platform: 'jd', kind: 'access-denied', observedAt: '2026-04-03T00:00:00.000Z' });
    await g.bundle(join(dir, 'gus.zip'));
    const h = await Installation.create('hana');
    h.finding({ id: 'h1', platform: 'taobao', kind: 'access-denied', observedAt: '2026-04-03T01:00:00.000Z' });
    await h.bundle(join(dir, 'hana.zip'));
    // Only the manifest is edited (every file still matches its listed SHA-256): the signature no longer covers it.
    const files = unpack(join(dir, 'hana.zip'));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']!)) as Record<string, unknown>;
    manifest.profileLabel = 'someone else';
    files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
    repack(join(dir, 'hana.zip'), files);
    const out = join(tmp.dir, 'signed-out');
    const r = await run(['dataset', '--json', '-o', out, dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as { merged: number; refused: Array<{ file: string; problem: string }> };
    expect(result.merged).toBe(1);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]!.file).toBe(join(dir, 'hana.zip'));
    expect(result.refused[0]!.problem).toMatch(/signature/i);
    const i = await DuckDBInstance.create(join(out, 'shutout.duckdb'), { access_mode: 'READ_ONLY' });
    const c = await i.connect();
    try {
      expect(await rows(c, `SELECT id, participant FROM findings`)).toEqual([{ id: 'g1', participant: g.fingerprint }]);
      expect(await rows(c, `SELECT file_name, verdict, problem FROM bundles ORDER BY file_name`)).toEqual([
        { file_name: 'gus.zip', verdict: 'merged', problem: null },
        { file_name: 'hana.zip', verdict: 'refused', problem: result.refused[0]!.problem },
      ]);
    } finally {
      c.closeSync();
      i.closeSync();
    }
  }, 60_000);

  it('a folder without bundles: one line, exit 2, nothing written', async () => {
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'not a bundle');
    const r = await run(['dataset', '-o', join(tmp.dir, 'out'), empty]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`shutout dataset: ${empty}: no bundles (.zip files) in this folder (nothing was written)\n`);
    expect(leftovers(tmp.dir)).toEqual([]);
  });

  it('an unreadable ZIP: one line, exit 2, nothing written', async () => {
    const dir = join(tmp.dir, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'broken.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    const r = await run(['dataset', '-o', join(tmp.dir, 'out'), dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(new RegExp(`^shutout dataset: ${join(dir, 'broken.zip')}: .*not .*ZIP.* \\(nothing was written\\)\\n$`, 'i'));
    expect(leftovers(tmp.dir)).toEqual([]);
  });

  it('a ZIP that is not a bundle, among good ones: one line, exit 2, nothing written', async () => {
    const dir = join(tmp.dir, 'mixed');
    mkdirSync(dir);
    const a = await Installation.create('erin');
    a.finding({ id: 'e1', platform: 'jd', kind: 'access-denied', observedAt: '2026-04-02T00:00:00.000Z' });
    await a.bundle(join(dir, 'a-good.zip'));
    writeFileSync(join(dir, 'b-photos.zip'), zipSync({ 'holiday.txt': strToU8('not evidence') }));
    const r = await run(['dataset', '-o', join(tmp.dir, 'out'), dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`shutout dataset: ${join(dir, 'b-photos.zip')}: a ZIP file without manifest.json, not a Shutout bundle (nothing was written)\n`);
    expect(leftovers(tmp.dir)).toEqual([]);
  }, 60_000);

  it('an OUTDIR that exists is never written into', async () => {
    const dir = join(tmp.dir, 'one');
    mkdirSync(dir);
    const a = await Installation.create('fay');
    a.finding({ id: 'f1', platform: 'jd', kind: 'access-denied', observedAt: '2026-04-02T00:00:00.000Z' });
    await a.bundle(join(dir, 'f.zip'));
    const existing = join(tmp.dir, 'existing');
    mkdirSync(existing);
    writeFileSync(join(existing, 'thesis.tex'), 'mine');
    const r = await run(['dataset', '-o', existing, dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`shutout dataset: ${existing}: already exists; the dataset goes into a new folder (nothing was written)\n`);
    expect(readdirSync(existing)).toEqual(['thesis.tex']);
  });
});

describe('docs/dataset.md', () => {
  it('documents every column of every table', () => {
    const doc = readFileSync(join(__dirname, '../../docs/dataset.md'), 'utf8');
    for (const t of TABLES) {
      const section = doc.split(`### \`${t.name}\``)[1]?.split('\n### ')[0] ?? '';
      for (const c of t.columns) expect(section, `${t.name}.${c.name}`).toContain(`| \`${c.name}\` | ${c.type.replace('[]', '\\[\\]')} |`);
    }
  });
});
