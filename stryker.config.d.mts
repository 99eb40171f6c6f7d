// Types of what scripts/mutate.ts reads from stryker.config.mjs.
import type { PartialStrykerOptions } from '@stryker-mutator/api/core';
export declare const FOLDERS: string[];
export declare const NOT_MUTATED: string[];
export declare const runName: (folders: string[], partial: boolean) => string;
declare const config: PartialStrykerOptions;
export default config;
