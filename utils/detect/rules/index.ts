import type { Rule } from '../types';
import { rules as alibaba } from './alibaba';
import { rules as amazon } from './amazon';
import { rules as jd } from './jd';
import { rules as meituan } from './meituan';
import { rules as pinduoduo } from './pinduoduo';
import { rules as sea } from './sea';
import { rules as social } from './social';
import { rules as tencent } from './tencent';
import { rules as walls } from './walls';
import { rules as western } from './western';

/** Bumped whenever a rule is added, removed or changed; recorded with every finding. */
export const RULESET_VERSION = '2026.11.21-3';

/** The built-in rules by family (one file each); the options page turns families on and off. */
export const RULE_FAMILIES: Readonly<Record<string, readonly Rule[]>> = {
  alibaba,
  jd,
  pinduoduo,
  meituan,
  tencent,
  social,
  amazon,
  western,
  sea,
  walls,
};

/** Every built-in rule. */
export const BUILTIN_RULES: readonly Rule[] = Object.values(RULE_FAMILIES).flat();
