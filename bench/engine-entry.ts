/**
 * Entry of the browser bundle that bench/engine-in-page.ts injects into the 100k-node page:
 * the detection core and the live-DOM reader, exactly as the content script uses them.
 */
import { builtinRuleSet, BUILTIN_RULES, compileRules, RULESET_VERSION, scanPage } from '../utils/detect/index';
import { collectLiveSegments } from '../utils/dom/collect-live';

const api = { builtinRuleSet, BUILTIN_RULES, compileRules, RULESET_VERSION, scanPage, collectLiveSegments };
export type ShutoutBenchApi = typeof api;
(globalThis as unknown as { __shutout: ShutoutBenchApi }).__shutout = api;
