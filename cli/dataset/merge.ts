/**
 * `shutout dataset`: many participants' bundles, each verified by `shutout verify`'s own code,
 * merged into one dataset — a DuckDB database and month-partitioned Parquet files (docs/dataset.md).
 *
 * Streaming: worker threads (cli/dataset/worker.ts; one unless --jobs) verify bundles, one each at a time, and stage
 * rows through DuckDB appenders as verify reads the chain line by line; no thread holds more than
 * the bundle it is verifying. The main thread then builds the published tables with DuckDB under
 * a memory limit (spilling to disk). Everything is written into a `shutout-*` folder beside
 * OUTDIR, renamed to OUTDIR only when complete, and removed on any failure.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { UnreadableInput } from '../verify';
import { readZipStructure, ZipUnreadable } from '../zip-structure';
import { BUNDLES, CAPTURES, COUPONS, ENTRIES, FINDINGS, finalSelect, TABLES, type Table } from './schema';
import { sqlString, Stager, STAGE, type Value } from './stage';
import { VIEWS } from './views';
import type { ToMain, ToWorker } from './worker-protocol';

export { UnreadableInput };

export interface DatasetOptions {
  output: string;
  dropCaptures?: boolean;
  /** Renders the report from the finished database; written to reportPath with the dataset. */
  report?: (con: DuckDBConnection, refused: Refusal[]) => Promise<string>;
  reportPath?: string;
  /** Worker threads verifying bundles at once (default 1: each holds one bundle's findings; 2 stay under 1 GB for bundles of 10,000 findings). */
  jobs?: number;
  /** DuckDB's memory limit when the tables are built (it spills to the temporary folder beyond it). */
  memoryLimit?: string;
  /** Each worker's DuckDB memory limit while staging. */
  workerMemoryLimit?: string;
  threads?: number;
  /** Staged rows per bucket when the tables are built (each bucket is one statement); tests make it small. */
  rowsPerBucket?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Refusal {
  file: string;
  problem: string;
}

export interface DatasetResult {
  bundles: number;
  merged: number;
  refused: Refusal[];
  duplicates: Array<{ file: string; sameAs: string }>;
  counts: Record<string, number>;
}

/** Bundle files named by the arguments: files as given, folders' `.zip` files (not recursive), in name order. */
export async function bundleFiles(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    let st;
    try {
      st = await stat(a);
    } catch (e) {
      throw new UnreadableInput(`${a}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
    }
    if (!st.isDirectory()) {
      out.push(a);
      continue;
    }
    const names = (await readdir(a, { withFileTypes: true })).filter((d) => d.isFile() && /\.zip$/i.test(d.name)).map((d) => d.name).sort();
    if (names.length === 0) throw new UnreadableInput(`${a}: no bundles (.zip files) in this folder`);
    out.push(...names.map((n) => join(a, n)));
  }
  return out;
}

async function digestOf(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * A bundle at all? A complete ZIP holding a manifest.json (read from its central directory);
 * anything else is unreadable input, not a refused bundle. Whether it is intact is verify's to say.
 */
async function checkBundle(path: string): Promise<void> {
  const st = await stat(path);
  if (!st.isFile()) throw new UnreadableInput(`${path}: not a regular file`);
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    if (head[0] !== 0x50 || head[1] !== 0x4b) throw new UnreadableInput(`${path}: not a ZIP file (the dataset is made from bundles: shutout-bundle-*.zip)`);
    let names: string[];
    try {
      names = (await readZipStructure(fh, st.size)).map((e) => e.name);
    } catch (e) {
      // A layout that does not add up is verify's to report (altered); no directory at all is unreadable.
      if (e instanceof ZipUnreadable) throw new UnreadableInput(`${path}: ${e.message}`);
      return;
    }
    if (!names.includes('manifest.json')) throw new UnreadableInput(`${path}: a ZIP file without manifest.json, not a Shutout bundle`);
  } finally {
    await fh.close();
  }
}

/** OUTDIR must be new (or an empty folder): nothing of a researcher's is overwritten. */
async function checkOutput(output: string): Promise<void> {
  const st = await stat(output).catch(() => null);
  if (st && !(st.isDirectory() && (await readdir(output)).length === 0)) throw new UnreadableInput(`${output}: already exists; the dataset goes into a new folder`);
  const parent = await stat(dirname(resolve(output))).catch(() => null);
  if (!parent?.isDirectory()) throw new UnreadableInput(`${output}: its parent folder does not exist`);
}

interface BundleRow {
  no: number;
  values: Value[];
  alsoAs: string[];
}

/** A worker thread running cli/dataset/worker.ts (TypeScript, through tsx as the CLI itself runs). */
function startWorker(): Worker {
  // The package's ESM entry (what `import 'tsx/esm/api'` loads), found from here whatever the worker's folder.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}

/** Worker threads, each answering one request at a time. */
class Pool {
  private waiting = new Map<Worker, (m: ToMain) => void>();
  readonly workers: Worker[];
  private broken: Error | null = null;

  constructor(n: number) {
    this.workers = Array.from({ length: n }, () => startWorker());
    for (const w of this.workers) {
      w.on('message', (m: ToMain) => {
        const r = this.waiting.get(w);
        this.waiting.delete(w);
        r?.(m);
      });
      w.on('error', (e) => this.fail(w, e));
      w.on('exit', (code) => this.fail(w, new Error(`a worker thread stopped (exit ${code})`)));
    }
  }

  private fail(w: Worker, e: Error): void {
    this.broken ??= e;
    const r = this.waiting.get(w);
    this.waiting.delete(w);
    r?.({ type: 'failed', message: e.message });
  }

  ask(w: Worker, m: ToWorker): Promise<ToMain> {
    if (this.broken) return Promise.resolve({ type: 'failed', message: this.broken.message });
    return new Promise((res) => {
      this.waiting.set(w, res);
      w.postMessage(m);
    });
  }

  async end(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function expect<T extends ToMain['type']>(m: ToMain, type: T): Extract<ToMain, { type: T }> {
  if (m.type === 'failed') throw new Error(m.message);
  if (m.type !== type) throw new Error(`a worker answered ${m.type} where ${type} was expected`);
  return m as Extract<ToMain, { type: T }>;
}

export async function buildDataset(inputs: string[], opts: DatasetOptions): Promise<DatasetResult> {
  const files = await bundleFiles(inputs);
  await checkOutput(opts.output);
  const out = resolve(opts.output);
  const temp = await mkdtemp(join(dirname(out), 'shutout-dataset-partial-'));
  const reportTemp = opts.reportPath ? join(temp, 'report.html.partial') : null;
  const jobs = Math.max(1, Math.min(opts.jobs ?? 1, files.length));
  let pool: Pool | null = null;
  let instance: DuckDBInstance | null = null;
  let con: DuckDBConnection | null = null;
  try {
    await mkdir(join(temp, 'spill'));
    pool = new Pool(jobs);
    const p = pool;
    const stages = p.workers.map((_, k) => join(temp, `stage-${k}.duckdb`));
    await Promise.all(
      p.workers.map(async (w, k) => expect(await p.ask(w, { type: 'init', stagePath: stages[k]!, memoryLimit: opts.workerMemoryLimit ?? '128MB', spill: join(temp, 'spill') }), 'ready')),
    );

    const bundles = new Map<string, BundleRow>();
    const refused: Refusal[] = [];
    const duplicates: DatasetResult['duplicates'] = [];
    const byDigest = new Map<string, string>();
    let merged = 0;
    let next = 0;
    let done = 0;
    let stop = false;
    // Each worker takes the next file when it is free.
    const run = async (w: Worker) => {
      while (!stop) {
        const i = next++;
        if (i >= files.length) return;
        const file = files[i]!;
        const no = i + 1;
        await checkBundle(file);
        const digest = await digestOf(file);
        const first = byDigest.get(digest);
        if (first !== undefined) {
          duplicates.push({ file, sameAs: first });
          bundles.get(digest)!.alsoAs.push(basename(file));
        } else {
          byDigest.set(digest, file);
          const row: BundleRow = { no, alsoAs: [], values: [] };
          bundles.set(digest, row);
          const m = await p.ask(w, { type: 'bundle', no, file, outDir: opts.dropCaptures ? null : temp });
          if (m.type === 'unreadable') throw new UnreadableInput(`${file}: ${m.message}`);
          const r = expect(m, 'done').result;
          if (r.ok) {
            merged++;
            const g = r.merged;
            row.values = [digest, basename(file), null, 'merged', null, g.participant, g.profileLabel, g.format, g.chainHead, g.chainLength, g.findings, g.redacted, g.capturesIncluded, g.generator, g.exportedAt, g.notes];
          } else {
            refused.push({ file, problem: r.problem });
            row.values = [digest, basename(file), null, 'refused', r.problem, null, null, r.format, null, null, null, null, null, null, null, null];
          }
        }
        opts.onProgress?.(++done, files.length);
      }
    };
    // The first failure stops the others; all are awaited so that nothing writes after the cleanup.
    const settled = await Promise.allSettled(
      p.workers.map((w) =>
        run(w).catch((e) => {
          stop = true;
          throw e;
        }),
      ),
    );
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    await Promise.all(p.workers.map(async (w) => expect(await p.ask(w, { type: 'close' }), 'closed')));
    await p.end();
    pool = null;
    const order = (f: string) => files.indexOf(f);
    refused.sort((a, b) => order(a.file) - order(b.file));
    duplicates.sort((a, b) => order(a.file) - order(b.file));

    instance = await DuckDBInstance.create(join(temp, 'shutout.duckdb'), {
      // One thread: each thread of a table build or a Parquet write holds a row group of its own in memory.
      threads: String(opts.threads ?? 1),
      // DuckDB's own memory beyond its limit grows with the rows (3,000,000 findings: 1.2 GB of RSS
      // under a 512 MB limit, under 1 GB with 256 MB; BENCHMARKS.md section 9): the limit is kept low.
      memory_limit: opts.memoryLimit ?? '256MB',
      temp_directory: join(temp, 'spill'),
      preserve_insertion_order: 'false',
      // Nothing is fetched: Parquet and JSON are built in; an extension DuckDB would download is refused.
      autoinstall_known_extensions: 'false',
    });
    con = await instance.connect();
    const stager = await Stager.open(con, join(temp, 'stage-bundles.duckdb'), [BUNDLES]);
    for (const b of [...bundles.values()].sort((x, y) => x.no - y.no)) stager.row(BUNDLES, b.no, [...b.values.slice(0, 2), b.alsoAs, ...b.values.slice(3)]);
    stager.flush();
    stager.close();
    const counts = await publish(con, temp, stages, opts.rowsPerBucket ?? ROWS_PER_BUCKET);
    if (opts.report && reportTemp) await writeFile(reportTemp, await opts.report(con, refused));
    con.closeSync();
    con = null;
    instance.closeSync();
    instance = null;
    for (const f of [...stages, join(temp, 'stage-bundles.duckdb')]) {
      await rm(f, { force: true });
      await rm(`${f}.wal`, { force: true });
    }
    await rm(join(temp, 'spill'), { recursive: true, force: true });
    if (reportTemp) await rename(reportTemp, resolve(opts.reportPath!));
    if (existsSync(out)) await rmdir(out);
    await rename(temp, out);
    return { bundles: bundles.size, merged, refused, duplicates, counts };
  } catch (e) {
    try {
      await pool?.end();
      con?.closeSync();
      instance?.closeSync();
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    throw e;
  }
}

/** Staged rows per key bucket when the tables are built (BENCHMARKS.md section 9). */
export const ROWS_PER_BUCKET = 500_000;

/**
 * Staged rows → the published tables (one row per key), the views, and the Parquet files.
 *
 * Bounded by the bucket, not by the dataset: each table is built bucket by bucket (the rows whose
 * key hashes to it; every copy of a key falls in the same bucket), and each Parquet folder is
 * written month by month. DuckDB's memory beyond its limit grew with the rows of one statement
 * (1.2 GB of RSS for 3,000,000 findings in one statement under a 512 MB limit).
 */
async function publish(con: DuckDBConnection, temp: string, stages: string[], rowsPerBucket: number): Promise<Record<string, number>> {
  for (const [k, path] of stages.entries()) await con.run(`ATTACH ${sqlString(path)} AS w${k} (READ_ONLY)`);
  // Each staged row gets an id of its own: the worker's stage (6 bits) and the row's rowid there (40 bits).
  const union = (t: Table) => stages.map((_, k) => `SELECT ((${k}::BIGINT << 40) + rowid) AS rid, * FROM w${k}.${t.name}`).join(' UNION ALL ');
  const from = (t: Table) => `FROM (${union(t)}) s JOIN ${STAGE}.bundles b ON b.bundle_no = s.bundle_no`;
  const staged = async (t: Table) => {
    let n = 0;
    for (const k of stages.keys()) n += Number((await con.runAndReadAll(`SELECT count(*)::BIGINT FROM w${k}.${t.name}`)).getRows()[0]![0]);
    return n;
  };
  const bucketsOf = async (t: Table) => Math.max(1, Math.ceil((await staged(t)) / rowsPerBucket));
  const inBucket = (expr: string, i: number, n: number) => (n === 1 ? 'true' : `hash(${expr}) % ${n} = ${i}`);
  /**
   * One row per key, the first by `rank` (small non-negative integers, most significant first):
   * the rows' ranks and ids are packed into one HUGEINT, and a grouped min() picks each key's row.
   * A grouped aggregate over a key and a number spills to disk under the memory limit; a window
   * over whole rows (QUALIFY row_number() …) did not — 1,000,000 findings ran out of 512 MB.
   * Returns how many buckets it took.
   */
  const pick = async (t: Table, key: string, rank: Array<[expr: string, bits: number]>): Promise<number> => {
    let shift = 46;
    const terms = ['s.rid::HUGEINT'];
    for (const [expr, bits] of [...rank].reverse()) {
      terms.push(`(least(greatest((${expr})::BIGINT, 0), ${2n ** BigInt(bits) - 1n})::HUGEINT << ${shift})`);
      shift += bits;
    }
    if (shift > 126) throw new Error(`${t.name}: the rank does not fit in 126 bits`);
    await con.run(`CREATE TABLE ${t.name} AS SELECT ${finalSelect(t)} ${from(t)} LIMIT 0`);
    const n = await bucketsOf(t);
    for (let i = 0; i < n; i++) {
      const where = inBucket(`s.${key}`, i, n);
      await con.run(`CREATE TEMP TABLE keep AS SELECT (min(${terms.join(' + ')}) & ${2n ** 46n - 1n})::BIGINT AS rid ${from(t)} WHERE ${where} GROUP BY s.${key}`);
      await con.run(`INSERT INTO ${t.name} SELECT ${finalSelect(t)} ${from(t)} SEMI JOIN keep k ON k.rid = s.rid WHERE ${where}`);
      await con.run('DROP TABLE keep');
    }
    return n;
  };
  await con.run(`CREATE TABLE bundles AS SELECT ${finalSelect(BUNDLES)} FROM ${STAGE}.bundles s ORDER BY s.bundle_no`);
  // The same observation in several bundles: the original over an import of it, then the longest
  // chain (the latest state of an append-only chain), then the first bundle given.
  const LONGEST = 2 ** 40 - 1;
  const findingBuckets = await pick(FINDINGS, 'origin_hash', [
    [`(coalesce(s.origin, '') = 'import')::INT`, 1],
    [`${LONGEST} - least(coalesce(b.chain_length, 0), ${LONGEST})`, 40],
    ['s.bundle_no', 32],
  ]);
  await pick(ENTRIES, 'hash', [['s.bundle_no', 32]]);
  await pick(CAPTURES, 'hash', [
    ['(s.file IS NULL)::INT', 1],
    ['s.bundle_no', 32],
  ]);
  // Coupon observations follow the findings row that was kept (bucketed by that row's hash).
  await con.run(`CREATE TABLE coupon_observations AS SELECT ${finalSelect(COUPONS)} ${from(COUPONS)} LIMIT 0`);
  const n = Math.max(await bucketsOf(COUPONS), findingBuckets);
  for (let i = 0; i < n; i++) {
    await con.run(
      `INSERT INTO coupon_observations SELECT ${finalSelect(COUPONS)} ${from(COUPONS)} SEMI JOIN (SELECT hash, bundle FROM findings WHERE ${inBucket('hash', i, n)}) f ON f.hash = s.finding_hash AND f.bundle = b.bundle WHERE ${inBucket('s.finding_hash', i, n)}`,
    );
  }
  await con.run(`DETACH ${STAGE}`);
  for (const k of stages.keys()) await con.run(`DETACH w${k}`);
  for (const v of VIEWS) await con.run(`CREATE VIEW ${v.name} AS ${v.sql}`);
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const target = join(temp, t.name);
    await mkdir(target);
    // Hive layout (month=YYYY-MM/data_0.parquet, the month in the folder name only), one month per COPY.
    const month = `coalesce(strftime("${t.month}", '%Y-%m'), 'unknown')`;
    const months = (await con.runAndReadAll(`SELECT DISTINCT ${month} FROM ${t.name} ORDER BY 1`)).getRows().map((r) => String(r[0]));
    for (const m of months) {
      if (!/^(\d{4}-\d{2}|unknown)$/.test(m)) throw new Error(`${t.name}: an unexpected month ${m}`);
      await mkdir(join(target, `month=${m}`));
      await con.run(`COPY (SELECT * FROM ${t.name} WHERE ${month} = '${m}') TO ${sqlString(join(target, `month=${m}`, 'data_0.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
    }
    const r = await con.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${t.name}`);
    counts[t.name] = Number(r.getRows()[0]![0]);
  }
  await con.run('CHECKPOINT');
  return counts;
}
