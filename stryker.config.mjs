// @ts-check
/**
 * Mutation testing of the core folders (issue 14, item 15). Run through `npm run mutate`
 * (scripts/mutate.ts), which runs one folder at a time with SHUTOUT_MUTATE_FOLDER set and prints
 * the score of each; docs/mutation.md says why each survivor that remains is equivalent.
 */
const FOLDERS = ['detect', 'evidence', 'coupons', 'content', 'dom'];

/** Files that hold no logic to mutate: generated tables, stylesheets, words, bundle entries. */
const NOT_MUTATED = [
  '!utils/detect/t2s-table.ts',
  '!utils/detect/general/model-data.ts',
  '!utils/detect/general/train.ts',
  '!utils/evidence/report/style.ts',
  '!utils/evidence/report/strings.ts',
  '!utils/evidence/import.worker.ts',
  '!utils/content/tap-main.ts',
];

const folder = process.env.SHUTOUT_MUTATE_FOLDER;
if (folder !== undefined && !FOLDERS.includes(folder)) throw new Error(`SHUTOUT_MUTATE_FOLDER: ${folder} is not one of ${FOLDERS.join(', ')}`);
const only = folder ? [folder] : FOLDERS;
const name = folder ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // vitest strips types without checking them; the checker above reads the real types.
  disableTypeChecks: false,
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one test runner, one checker.
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  mutate: [...only.map((f) => `utils/${f}/**/*.ts`), ...NOT_MUTATED],
  ignorePatterns: ['.output', '.output-*', 'reports', 'test-results', 'bench-results', 'demo-output', 'web-ext-artifacts'],
  reporters: ['progress', 'clear-text', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: true, reportScoreTable: true },
  // A busy machine makes honest runs slow; a mutant that loops still times out.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
