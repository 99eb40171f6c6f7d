/**
 * `npm run mutate [-- utils/detect utils/coupons …] [--files=a.ts,b.ts] [--survivors] [--table] [stryker options]`:
 * StrykerJS over the core folders in one run (one dry run of the unit suite serves them all;
 * stryker.config.mjs reads SHUTOUT_MUTATE_FOLDER), then a table of each folder's mutation score.
 * Without folders, all five run. `--files=` mutates only those files of the chosen folders (a
 * partial run: the table says how many of the folder's files it covers). `--table` prints the
 * table from the last reports without running; `--survivors` also lists the mutants that survived
 * or that no test covers; other `--options` go to Stryker (e.g. `--force` to ignore the
 * incremental results, `--concurrency=2`). Exits 1 when a folder scores under 80 %.
 *
 * The table reads every report in reports/mutation/ and takes each file's mutants from the newest
 * report that mutated it, so folders run separately (or a partial run after a full one) add up.
 *
 * Reports stay on the machine that made them, and a full run of the five folders takes longer than
 * one working session here. So each file whose mutants were all tested in a finished run is also
 * kept in docs/mutation-results.json (committed), with the SHA-256 of the source that was
 * mutated: the table counts a kept file while its source is unchanged, and calls it stale once the
 * file is edited. Runs of a few files at a time (`--files=`) thus add up across sessions.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { join, relative } from 'node:path';
import { FOLDERS, NOT_MUTATED, runName } from '../stryker.config.mjs';

const GOAL = 80;
const REPORTS = 'reports/mutation';
const LEDGER = 'docs/mutation-results.json';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}
/** A file whose mutants were all tested, as docs/mutation-results.json keeps it. */
interface Kept {
  /** SHA-256 of the source that was mutated. */
  sha256: string;
  /** When its run finished (the report's time). */
  at: string;
  counts: Record<string, number>;
  /** Survivors and mutants no test covers, as `--survivors` prints them. */
  survivors: string[];
}
interface Ledger {
  note: string;
  files: Record<string, Kept>;
}

const args = process.argv.slice(2);
const folders = args.filter((a) => !a.startsWith('--')).map((a) => a.replace(/^utils\//, '').replace(/\/+$/, ''));
for (const f of folders) {
  if (!FOLDERS.includes(f)) {
    console.error(`mutate: ${f} is not one of ${FOLDERS.map((x) => `utils/${x}`).join(', ')}`);
    process.exit(2);
  }
}
const tableOnly = args.includes('--table');
const listSurvivors = args.includes('--survivors');
const files = (args.find((a) => a.startsWith('--files='))?.slice('--files='.length).split(',') ?? []).filter(Boolean);
const strykerArgs = args.filter((a) => a.startsWith('--') && a !== '--table' && a !== '--survivors' && !a.startsWith('--files='));
const chosen = folders.length > 0 ? folders : [...FOLDERS];
for (const f of files) {
  if (!existsSync(f) || !chosen.some((folder) => f.startsWith(`utils/${folder}/`))) {
    console.error(`mutate: --files: ${f} is not a file of ${chosen.map((x) => `utils/${x}`).join(', ')}`);
    process.exit(2);
  }
}

/** A file of types alone compiles to no code: Stryker finds nothing to mutate in it and never reports it. */
function typesOnly(path: string): boolean {
  const js = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true } }).outputText;
  return js.replace(/export\s*\{\s*\};?/g, '').replace(/import\s+[^;]*;/g, '').trim() === '';
}

/** The files of a folder that are mutated in a full run (files of types alone have no mutants). */
function folderFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !NOT_MUTATED.includes(p) && !typesOnly(p)) out.push(p);
    }
  };
  walk(`utils/${folder}`);
  return out.sort();
}

let seconds: number | undefined;
if (!tableOnly) {
  const t0 = performance.now();
  const env = { ...process.env, SHUTOUT_MUTATE_FOLDER: chosen.join(','), SHUTOUT_MUTATE_FILES: files.join(',') };
  const r = spawnSync('npx', ['stryker', 'run', ...strykerArgs], { stdio: 'inherit', env });
  seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    console.error(`mutate: stryker failed on ${runName(chosen, files.length > 0)} (exit ${r.status ?? r.signal})`);
    process.exit(2);
  }
}

// Each file's mutants from the newest report that mutated it: Stryker's JSON reports, and the
// event-recorder's files of a run that was stopped before it wrote its report (each mutant's
// result is written as it is tested), whose untested mutants are counted apart.
const latest = new Map<string, { at: number; mutants: Mutant[]; planned: number; source?: string }>();
const take = (path: string, at: number, mutants: Mutant[], planned: number, source?: string) => {
  const seen = latest.get(path);
  if (!seen || seen.at < at) latest.set(path, { at, mutants, planned, source });
};
if (existsSync(REPORTS)) {
  for (const name of readdirSync(REPORTS)) {
    if (!name.endsWith('.json') || name.endsWith('.incremental.json')) continue;
    const at = statSync(join(REPORTS, name)).mtimeMs;
    const report = JSON.parse(readFileSync(join(REPORTS, name), 'utf8')) as Report;
    for (const [path, { mutants, source }] of Object.entries(report.files)) take(path, at, mutants, mutants.length, source);
  }
  const EVENTS = join(REPORTS, 'events');
  for (const run of existsSync(EVENTS) ? readdirSync(EVENTS) : []) {
    const dir = join(EVENTS, run);
    const names = readdirSync(dir);
    const planFile = names.find((n) => n.endsWith('-onMutationTestingPlanReady.json'));
    if (!planFile || names.some((n) => n.endsWith('-onMutationTestReportReady.json'))) continue;
    const at = Math.max(...names.map((n) => statSync(join(dir, n)).mtimeMs));
    const rel = (f: string) => relative(process.cwd(), f);
    const planned = new Map<string, number>();
    const plan = JSON.parse(readFileSync(join(dir, planFile), 'utf8')) as { mutantPlans: Array<{ mutant: { fileName: string } }> };
    for (const { mutant } of plan.mutantPlans) planned.set(rel(mutant.fileName), (planned.get(rel(mutant.fileName)) ?? 0) + 1);
    const tested = new Map<string, Mutant[]>([...planned.keys()].map((f) => [f, []]));
    for (const n of names) {
      if (!n.endsWith('-onMutantTested.json')) continue;
      const m = JSON.parse(readFileSync(join(dir, n), 'utf8')) as Mutant & { fileName: string };
      tested.get(rel(m.fileName))?.push(m);
    }
    for (const [path, mutants] of tested) take(path, at, mutants, planned.get(path)!);
  }
}

const COLUMNS = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored'] as const;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const survivorLine = (path: string, m: Mutant) =>
  `${m.status === 'Survived' ? 'survived   ' : 'no coverage'} ${path}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.replacement !== undefined ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 80)}` : ''}`;

/** A file's mutants as counts by status and the lines `--survivors` prints. */
function summary(path: string, mutants: Mutant[]): { counts: Record<string, number>; survivors: string[] } {
  const counts: Record<string, number> = {};
  for (const m of mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return { counts, survivors: mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').map((m) => survivorLine(path, m)) };
}

// Keep each file that a finished report tested whole, if the source it mutated is still the file's.
const ledger: Ledger = existsSync(LEDGER)
  ? (JSON.parse(readFileSync(LEDGER, 'utf8')) as Ledger)
  : { note: 'Mutation results per file that outlive the machine (scripts/mutate.ts, docs/mutation.md): counted while the file\'s SHA-256 is unchanged.', files: {} };
let kept = 0;
for (const [path, r] of latest) {
  if (r.source === undefined || r.mutants.length !== r.planned || !existsSync(path)) continue;
  const hash = sha256(r.source);
  const at = new Date(r.at).toISOString();
  if (hash !== sha256(readFileSync(path, 'utf8')) || (ledger.files[path] && ledger.files[path].at >= at)) continue;
  ledger.files[path] = { sha256: hash, at, ...summary(path, r.mutants) };
  kept++;
}
// A file the finished run was asked to mutate but that no report names had nothing to mutate
// (`export const LABEL_MAX = 120` alone): measured, with no mutants.
if (seconds !== undefined) {
  const asked = files.length > 0 ? files : chosen.flatMap(folderFiles);
  const at = new Date().toISOString();
  for (const path of asked) {
    if (latest.has(path) || !existsSync(path)) continue;
    ledger.files[path] = { sha256: sha256(readFileSync(path, 'utf8')), at, counts: {}, survivors: [] };
    kept++;
  }
}
if (kept > 0) {
  ledger.files = Object.fromEntries(Object.entries(ledger.files).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(LEDGER, `${JSON.stringify(ledger, null, 2)}\n`);
  console.log(`mutate: ${kept} file(s) kept in ${LEDGER}`);
}

/** A file's results: this machine's newest run, else the kept ones; stale once the source changed since. */
function resultsOf(path: string): { counts: Record<string, number>; tested: number; planned: number; survivors: string[] } | 'stale' | undefined {
  const local = latest.get(path);
  if (local?.source !== undefined && sha256(local.source) !== sha256(readFileSync(path, 'utf8'))) return 'stale';
  if (local) return { ...summary(path, local.mutants), tested: local.mutants.length, planned: local.planned };
  const k = ledger.files[path];
  if (!k) return undefined;
  if (k.sha256 !== sha256(readFileSync(path, 'utf8'))) return 'stale';
  const n = Object.values(k.counts).reduce((a, b) => a + b, 0);
  return { counts: k.counts, tested: n, planned: n, survivors: k.survivors };
}

const rows: string[][] = [];
const survivors: string[] = [];
const staleFiles: string[] = [];
let below = false;
for (const folder of chosen) {
  const all = folderFiles(folder);
  const results = new Map(all.map((f) => [f, resultsOf(f)] as const));
  for (const [f, r] of results) if (r === 'stale') staleFiles.push(f);
  const measured = all.filter((f) => typeof results.get(f) === 'object');
  if (measured.length === 0) {
    rows.push([`utils/${folder}`, 'no report yet']);
    below = true;
    continue;
  }
  const count = Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<(typeof COLUMNS)[number], number>;
  let planned = 0;
  let tested = 0;
  for (const path of measured) {
    const r = results.get(path) as Exclude<ReturnType<typeof resultsOf>, 'stale' | undefined>;
    planned += r.planned;
    tested += r.tested;
    for (const c of COLUMNS) count[c] += r.counts[c] ?? 0;
    if (listSurvivors) survivors.push(...r.survivors);
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  below ||= score < GOAL;
  const status = score < GOAL ? 'MISSED' : measured.length < all.length || tested < planned ? 'partial' : 'met';
  rows.push([`utils/${folder}`, `${score.toFixed(2)} %`, ...COLUMNS.map((c) => String(count[c])), `${measured.length}/${all.length}`, `${tested}/${planned}`, status]);
}

const header = ['folder', 'score', 'killed', 'timeout', 'survived', 'no cov.', 'compile err.', 'runtime err.', 'ignored', 'files', 'mutants', 'status'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\nMutation score per folder (goal ${GOAL} %; score = (killed + timeout) / (killed + timeout + survived + no coverage);`);
console.log(`files = files measured / files mutated in a full run; mutants = tested / planned, fewer when a run was stopped; met = the whole folder at or over the goal${seconds === undefined ? '' : `; this run took ${Math.round(seconds)} s`}):`);
console.log(line(header));
for (const r of rows) console.log(line(r));
if (staleFiles.length > 0) console.log(`\nEdited since their kept results (not counted; mutate them again): ${staleFiles.join(', ')}`);
if (survivors.length > 0) console.log(`\n${survivors.join('\n')}`);
process.exit(below ? 1 : 0);
