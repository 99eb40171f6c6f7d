import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit suite as StrykerJS runs it (`npm run mutate`, stryker.config.mjs). Left out: the
 * corpus evaluations that measure figures rather than behaviour, 8 to 25 s each, which Stryker
 * would rerun for every mutant of the detection core they cover; their logic keeps its own
 * unit tests.
 */
export const MUTATE_EXCLUDE = ['tests/unit/blind.test.ts', 'tests/unit/model-fresh.test.ts'];

export default mergeConfig(base, defineConfig({ test: { exclude: [...configDefaults.exclude, ...MUTATE_EXCLUDE] } }));
