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

/** Every built-in rule, one file per platform family. */
export const BUILTIN_RULES: readonly Rule[] = [
  ...alibaba,
  ...jd,
  ...pinduoduo,
  ...meituan,
  ...tencent,
  ...social,
  ...amazon,
  ...western,
  ...sea,
  ...walls,
];
