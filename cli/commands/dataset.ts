import { UsageError } from '../args';
import { buildDataset } from '../dataset/merge';
import { datasetReport } from '../dataset/report';
import { forTerminal } from '../terminal';
import type { Command } from './command';
import { oneLine } from './one-line';

export const datasetCommand: Command = {
  name: 'dataset',
  synopsis: ['shutout dataset [--report REPORT.html] [--drop-captures] [--jobs N] [--json] -o OUTDIR BUNDLE_OR_DIR...'],
  details: `  verifies every bundle (as shutout verify does) and merges those that pass into one dataset in
  OUTDIR (a new folder): shutout.duckdb (tables and views, for duckdb) and Parquet files per table,
  partitioned by month (for Spark, Trino, BigQuery; docs/dataset.md). A folder stands for its .zip
  files. The same file twice, or bundles sharing chain entries, never give a row twice.
  --report writes the dataset's own report; --drop-captures leaves screenshots and snapshots out;
  --jobs N verifies N bundles at a time (default 1; each holds one bundle's findings in memory).
  OUTDIR appears only when complete. Exit 0 all merged, 1 some refused (listed with the reason),
  2 unreadable input (nothing written).`,
  options: { output: { type: 'string', short: 'o' }, report: { type: 'string' }, 'drop-captures': { type: 'boolean' }, jobs: { type: 'string' }, json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    const output = values.output as string | undefined;
    if (!output) throw new UsageError('dataset needs -o OUTDIR');
    if (positionals.length === 0) throw new UsageError('dataset takes one or more bundles or folders of bundles');
    const reportPath = values.report as string | undefined;
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) throw new UsageError('--jobs is a whole number from 1 to 64');
    try {
      const r = await buildDataset(positionals, {
        output,
        dropCaptures: values['drop-captures'] === true,
        ...(jobs ? { jobs } : {}),
        ...(reportPath ? { reportPath, report: datasetReport } : {}),
      });
      if (values.json === true) io.stdout.write(JSON.stringify({ output, ...r }, null, 2) + '\n');
      else {
        const lines = [
          `merged ${r.merged} of ${r.bundles} bundles into ${forTerminal(output)}: ${r.counts.findings} findings, ${r.counts.chain_entries} chain entries, ${r.counts.captures} captures, ${r.counts.coupon_observations} coupon observations`,
          ...r.refused.map((x) => `refused: ${forTerminal(x.file)}: ${forTerminal(x.problem)}`),
          ...r.duplicates.map((d) => `duplicate: ${forTerminal(d.file)} is the same file as ${forTerminal(d.sameAs)} (merged once)`),
          ...(reportPath ? [`report: ${forTerminal(reportPath)}`] : []),
        ];
        io.stdout.write(lines.join('\n') + '\n');
      }
      return r.refused.length ? 1 : 0;
    } catch (e) {
      // Unreadable input or a failure while writing: one line, and OUTDIR was never made.
      io.stderr.write(`shutout dataset: ${forTerminal(oneLine(e))} (nothing was written)\n`);
      return 2;
    }
  },
};
