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
    source: 'GitHub code index file id 52070798318 (1688 punish page: title 验证码拦截, body 请拖动下方滑块完成验证)',
    fixtures: ['positive/alibaba/baxia-captcha-zh-1688.html'],
  },
];
