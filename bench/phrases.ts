/**
 * Rule sets of a given number of text phrases for the scaling benchmark: the built-in rules,
 * plus synthetic rules whose phrases read like real notices (same length range and CJK/Latin
 * mix as the built-in phrases: about half Chinese, 4–24 characters; the rest English or other
 * Latin-script sentences of 3–10 words). Phrases are distinct after folding.
 */
import { BUILTIN_RULES } from '../utils/detect/index';
import { foldToString } from '../utils/detect/normalize';
import type { Rule } from '../utils/detect/types';
import { Rand } from './lib/rand';

const ZH = [
  '您的', '账号', '账户', '存在', '异常', '风险', '操作', '暂时', '无法', '使用', '该', '功能', '请', '稍后', '再试', '活动',
  '资格', '不符合', '参与', '条件', '优惠券', '已', '领完', '系统', '检测到', '访问', '频繁', '验证', '身份', '限制', '登录',
  '购买', '下单', '商品', '店铺', '权益', '当前', '网络', '环境', '安全', '提示', '因', '违反', '平台', '规则', '被', '冻结',
  '封禁', '处罚', '申诉', '解除', '天后', '自动', '恢复', '非常', '抱歉', '本次', '仅限', '新用户', '地区', '不支持', '配送',
  '链接', '已停止', '打开', '拦截', '外部', '跳转', '复制', '浏览器', '红包', '补贴', '领取', '失败', '次数', '上限', '人数',
];
const EN = [
  'your', 'account', 'has', 'been', 'temporarily', 'restricted', 'suspended', 'due', 'to', 'unusual', 'activity', 'please',
  'verify', 'try', 'again', 'later', 'not', 'eligible', 'for', 'this', 'promotion', 'coupon', 'offer', 'access', 'denied',
  'blocked', 'in', 'your', 'region', 'seller', 'privileges', 'removed', 'we', 'detected', 'suspicious', 'traffic', 'from',
  'network', 'confirm', 'you', 'are', 'human', 'order', 'cannot', 'be', 'placed', 'limit', 'reached', 'link', 'unavailable',
];
const OTHER = [
  'Tài khoản của bạn đã bị tạm khóa', 'Vui lòng thử lại sau', 'Akun Anda dibatasi sementara', 'Promosi tidak tersedia',
  'Sila cuba lagi kemudian', 'Votre compte est suspendu', 'Ihr Konto wurde eingeschränkt', 'Acceso denegado temporalmente',
];

function zhPhrase(r: Rand): string {
  let s = '';
  const target = r.int(4, 24);
  while (s.length < target) s += r.pick(ZH);
  // Notices often carry a comma or a full stop inside.
  if (s.length > 10 && r.chance(0.4)) s = s.slice(0, 6) + '，' + s.slice(6);
  return s;
}

function enPhrase(r: Rand): string {
  const n = r.int(3, 10);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(r.pick(EN));
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1);
}

function otherPhrase(r: Rand): string {
  return `${r.pick(OTHER)} ${r.pick(EN)} ${r.int(1, 99)}`;
}

/** Distinct folded phrases of the built-in rules (phrases, all, unless). */
export function builtinPhrases(): string[] {
  const seen = new Set<string>();
  for (const rule of BUILTIN_RULES) {
    for (const p of [...(rule.phrases ?? []), ...(rule.all ?? []), ...(rule.unless ?? [])]) seen.add(foldToString(p));
  }
  return [...seen];
}

/** `count` synthetic phrases, distinct from each other and from `taken` after folding. */
export function syntheticPhrases(count: number, taken: Set<string>, seed = 42): string[] {
  const r = new Rand(seed);
  const out: string[] = [];
  while (out.length < count) {
    const x = r.next();
    const p = x < 0.5 ? zhPhrase(r) : x < 0.92 ? enPhrase(r) : otherPhrase(r);
    const key = foldToString(p);
    if (key.length < 3 || taken.has(key)) continue;
    taken.add(key);
    out.push(p);
  }
  return out;
}

export interface SizedRuleSet {
  /** Phrases asked for. */
  target: number;
  rules: Rule[];
}

/**
 * A rule set holding `target` distinct phrases: below the built-in count, the first built-in
 * text rules until `target` phrases; above it, every built-in rule plus synthetic text rules
 * (three phrases each, on every marketplace, like a user's own rules).
 */
export function ruleSetOfSize(target: number): SizedRuleSet {
  const builtinCount = builtinPhrases().length;
  if (target <= builtinCount) {
    const rules: Rule[] = [];
    const seen = new Set<string>();
    for (const rule of BUILTIN_RULES) {
      if (rule.signal !== 'text') continue;
      const mine = [...(rule.phrases ?? []), ...(rule.all ?? []), ...(rule.unless ?? [])].map(foldToString);
      const fresh = mine.filter((p) => !seen.has(p));
      if (seen.size + fresh.length > target) continue;
      fresh.forEach((p) => seen.add(p));
      rules.push(rule);
      if (seen.size === target) break;
    }
    return { target, rules };
  }
  const taken = new Set(builtinPhrases());
  const extra = syntheticPhrases(target - builtinCount, taken);
  const rules: Rule[] = [...BUILTIN_RULES];
  for (let i = 0; i < extra.length; i += 3) {
    rules.push({
      id: `bench.synthetic.r${i / 3}`,
      kind: 'account-restricted',
      platform: 'taobao',
      hosts: ['*'],
      signal: 'text',
      phrases: extra.slice(i, i + 3),
      confidence: 0.6,
      fixtures: [],
    });
  }
  return { target, rules };
}
