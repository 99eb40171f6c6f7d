/**
 * `npm run mutate [-- utils/detect utils/coupons …] [--survivors] [--table] [stryker options]`:
 * StrykerJS over the core folders, one folder per run (stryker.config.mjs reads
 * SHUTOUT_MUTATE_FOLDER), then a table of each folder's mutation score from its JSON report.
 * Without folders, all five run. `--table` prints the table from the last reports without
 * running; `--survivors` also lists the mutants that survived or that no test covers; other
 * `--options` go to Stryker (e.g. `--force` to ignore the incremental results).
 * Exits 1 when a folder scores under 80 %.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FOLDERS = ['detect', 'evidence', 'coupons', 'content', 'dom'] as const;
const GOAL = 80;
const REPORTS = 'reports/mutation';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const args = process.argv.slice(2);
const folders = args.filter((a) => !a.startsWith('--')).map((a) => a.replace(/^utils\//, '').replace(/\/+$/, ''));
for (const f of folders) {
  if (!(FOLDERS as readonly string[]).includes(f)) {
    console.error(`mutate: ${f} is not one of ${FOLDERS.map((x) => `utils/${x}`).join(', ')}`);
    process.exit(2);
  }
}
const tableOnly = args.includes('--table');
const listSurvivors = args.includes('--survivors');
const strykerArgs = args.filter((a) => a.startsWith('--') && a !== '--table' && a !== '--survivors');
const chosen = folders.length > 0 ? folders : [...FOLDERS];

const seconds = new Map<string, number>();
if (!tableOnly) {
  for (const folder of chosen) {
    const t0 = performance.now();
    const r = spawnSync('npx', ['stryker', 'run', ...strykerArgs], { stdio: 'inherit', env: { ...process.env, SHUTOUT_MUTATE_FOLDER: folder } });
    seconds.set(folder, (performance.now() - t0) / 1000);
    if (r.status !== 0) {
      console.error(`mutate: stryker failed on utils/${folder} (exit ${r.status ?? r.signal})`);
      process.exit(2);
    }
  }
}

const COLUMNS = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored'] as const;
const rows: string[][] = [];
const survivors: string[] = [];
let below = false;
for (const folder of chosen) {
  const file = join(REPORTS, `${folder}.json`);
  if (!existsSync(file)) {
    rows.push([`utils/${folder}`, 'no report yet']);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  const count = Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<(typeof COLUMNS)[number], number>;
  for (const [path, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (m.status in count) count[m.status as (typeof COLUMNS)[number]]++;
      if (listSurvivors && (m.status === 'Survived' || m.status === 'NoCoverage')) {
        survivors.push(`${m.status === 'Survived' ? 'survived   ' : 'no coverage'} ${path}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.replacement !== undefined ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 80)}` : ''}`);
      }
    }
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  below ||= score < GOAL;
  const time = seconds.get(folder);
  rows.push([`utils/${folder}`, `${score.toFixed(2)} %`, ...COLUMNS.map((c) => String(count[c])), time === undefined ? '' : `${Math.round(time)} s`]);
}

const header = ['folder', 'score', 'killed', 'timeout', 'survived', 'no cov.', 'compile err.', 'runtime err.', 'ignored', 'run time'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\nMutation score per folder (goal ${GOAL} %; score = (killed + timeout) / (killed + timeout + survived + no coverage)):`);
console.log(line(header));
for (const r of rows) console.log(line(r));
if (survivors.length > 0) console.log(`\n${survivors.join('\n')}`);
process.exit(below ? 1 : 0);
