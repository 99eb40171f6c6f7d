import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit suite as StrykerJS runs it (`npm run mutate`, stryker.config.mjs). Left out:
 * - the corpus evaluations that measure figures rather than behaviour, 8 to 25 s each, which
 *   Stryker would rerun for every mutant of the detection core they cover (their logic keeps its
 *   own unit tests); corpus.test.ts scans its 330 fixtures while the file loads, so each detection
 *   mutant would pay for the whole corpus;
 * - the files whose tests hold wall-clock budgets (a hostile input refused within 2 or 5 s, 100,000
 *   visits compared in a second): under Stryker's instrumentation on a shared machine they fail
 *   for time alone, which aborts the initial run or kills a mutant for the wrong reason. `npm test`
 *   runs them.
 * A test may take longer here than in `npm test` (instrumented code, two cores shared).
 */
export const MUTATE_EXCLUDE = [
  'tests/unit/blind.test.ts',
  'tests/unit/corpus.test.ts',
  'tests/unit/model-fresh.test.ts',
  'tests/unit/cli-inputs.test.ts',
  'tests/unit/cli-scan-hostile.test.ts',
  'tests/unit/cli-terminal.test.ts',
  'tests/unit/coupons-compare-scale.test.ts',
  'tests/unit/evidence-hostile.test.ts',
];

const mutate = mergeConfig(base, defineConfig({ test: { exclude: [...configDefaults.exclude, ...MUTATE_EXCLUDE], testTimeout: 120_000 } }));
// Replaced, not merged: the package-named setup file is not found from happy-dom files in the sandbox.
mutate.test!.setupFiles = ['tests/mutate-setup.ts'];
export default mutate;
