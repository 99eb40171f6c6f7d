import type { Rule } from '../detect/types';
import { ALIBABA_HOSTS } from './taobao.rules';

/**
 * 1688's own notices. The baxia wall and the mtop refusals that every Alibaba site
 * shares are in taobao.rules.ts, whose confidence design these rules follow.
 */

export const rules: Rule[] = [
  {
    id: '1688.slider.drag-below',
    kind: 'risk-challenge',
    platform: '1688',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['请拖动下方滑块完成验证'],
    confidence: 0.6,
    // Other public files seen with this wording are left out: the search that found them
    // could not name their repositories.
    source: 'jackwener/OpenCLI:clis/ke/utils.js@27ba33fcb8ad (shows "请拖动下方滑块完成验证")',
    fixtures: ['positive/alibaba/baxia-captcha-zh-1688.html'],
  },
];
