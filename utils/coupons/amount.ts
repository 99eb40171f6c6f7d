/**
 * Coupon and promotion labels → numbers. Pure, no DOM: parseOffer("店铺优惠券 满199减20") gives
 * { kind: 'threshold', threshold: 199, amount: 20, currency: 'CNY', … }.
 *
 * Rules are data: an ordered list of regular expressions, most specific first (满99包邮 before
 * 满199减20 before 8.5折 before a bare "减20元"). A label is normalised first (full-width digits,
 * Traditional characters, see text.ts), then every rule scans it; a match that overlaps an
 * earlier (more specific) one is dropped.
 *
 * What is deliberately not an offer: plain prices (¥199.00, $24.99), quantities and limits
 * (限购2件, Limit 2 per customer, Only 3 left in stock), sales counts (月销2000+, 已售10万+),
 * ratings (4.5 out of 5 stars), dates (3月28日), model numbers, review text ("用了3个月，满意"),
 * a bare 包邮 / Free delivery (a service tag everyone sees), and deals without a number
 * (第二件半价, 买一送一, Buy 1 get 1 free). Each rule needs a cue word next to its number, so
 * none of these can match. 满99包邮 parses, as kind 'free-shipping' (types.ts).
 */
import type { DealKind, ParsedAmount } from './types';
import { LABEL_MAX } from './types';
import { boundLabel, collapse, hasTraditional, normalizeCouponText } from './text';

export type { DealKind, ParsedAmount } from './types';

export interface ParseOptions {
  /**
   * The currency of the site the label comes from (amazon.co.jp → JPY, amazon.ca → CAD): what a
   * bare ¥ or $ means there. Without it ¥ and 元 are CNY and $ is USD (TWD on a Traditional label).
   */
  currency?: string;
}

// ---------------------------------------------------------------------------------------------
// Building blocks (regular expression sources)

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?![\d.])|\d+(?:\.\d+)?|\.\d+)`;
/** Currency before the number. Letter codes must not continue a word ("orders 50" is not Rs 50). */
const CUR_PRE = String.raw`(?:US\$|CA\$|C\$|AU\$|A\$|HK\$|NT\$|S\$|R\$|MX\$|(?<![A-Za-z])(?:USD|CAD|AUD|HKD|TWD|SGD|BRL|MXN|RMB|CNY|JPY|EUR|GBP|INR|Rs\.?)(?![A-Za-z])|₹|\$|¥|£|€|₩)`;
/** Currency after the number. */
const CUR_POST = String.raw`(?:元|块|円|圆|€|¥|(?:USD|EUR|CNY|RMB|JPY|GBP)(?![A-Za-z]))`;
/** A money amount, currency optional. One capture group. */
const MONEY = String.raw`(${CUR_PRE}\s*${NUM}(?:\s*万)?(?:\s*${CUR_POST})?|${NUM}(?:\s*万)?(?:\s*${CUR_POST})?)`;
/** A money amount that names its currency (¥5, 5元, $5, 5,00 €). One capture group. */
const MMONEY = String.raw`(${CUR_PRE}\s*${NUM}(?:\s*万)?(?:\s*${CUR_POST})?|${NUM}(?:\s*万)?\s*${CUR_POST})`;
/** A plain number. One capture group. */
const PNUM = String.raw`(\d+(?:\.\d+)?)`;
/** A count of items in English or digits. One capture group. */
const COUNT = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten)`;
/** Separators between the parts of a Chinese label (、，： are normalised to , and :). */
const SEP = String.raw`[\s,:;]*`;
/** 折 that is not 折叠 (folding), 折页, 折线, 折痕. */
const ZHE = String.raw`折(?!叠|页|线|痕)`;

const WORD_COUNTS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

// ---------------------------------------------------------------------------------------------
// Money tokens

const PRE_RE = new RegExp(String.raw`^(US\$|CA\$|C\$|AU\$|A\$|HK\$|NT\$|S\$|R\$|MX\$|USD|CAD|AUD|HKD|TWD|SGD|BRL|MXN|RMB|CNY|JPY|EUR|GBP|INR|Rs\.?|₹|\$|¥|£|€|₩)\s*`, 'i');
const POST_RE = new RegExp(String.raw`\s*(元|块|円|圆|€|¥|USD|EUR|CNY|RMB|JPY|GBP)$`, 'i');
const DOLLAR_CURRENCIES = new Set(['USD', 'CAD', 'AUD', 'MXN', 'SGD', 'HKD', 'TWD', 'NZD']);

const SYMBOLS: Record<string, string> = {
  'US$': 'USD', 'CA$': 'CAD', 'C$': 'CAD', 'AU$': 'AUD', 'A$': 'AUD', 'HK$': 'HKD', 'NT$': 'TWD', 'S$': 'SGD',
  'R$': 'BRL', 'MX$': 'MXN', USD: 'USD', CAD: 'CAD', AUD: 'AUD', HKD: 'HKD', TWD: 'TWD', SGD: 'SGD', BRL: 'BRL',
  MXN: 'MXN', RMB: 'CNY', CNY: 'CNY', JPY: 'JPY', EUR: 'EUR', GBP: 'GBP', INR: 'INR', RS: 'INR', 'RS.': 'INR',
  '₹': 'INR', '£': 'GBP', '€': 'EUR', '₩': 'KRW', '円': 'JPY', 元: 'CNY', 块: 'CNY', 圆: 'CNY',
};

interface Money {
  value: number;
  currency: string | null;
}

function symbolCurrency(sym: string, opts: ParseOptions, traditional: boolean): string {
  if (sym === '$') {
    if (opts.currency && DOLLAR_CURRENCIES.has(opts.currency)) return opts.currency;
    return traditional ? 'TWD' : 'USD';
  }
  if (sym === '¥') return opts.currency === 'JPY' ? 'JPY' : 'CNY';
  if (sym === '元' || sym === '块' || sym === '圆') return opts.currency === 'TWD' || opts.currency === 'HKD' ? opts.currency : 'CNY';
  return SYMBOLS[sym.toUpperCase()] ?? SYMBOLS[sym] ?? 'USD';
}

function toNumber(raw: string): number {
  let s = raw;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  return Number(s);
}

/** A money token matched by MONEY or MMONEY → value and currency (null when the token names none). */
function readMoney(token: string, opts: ParseOptions, traditional: boolean): Money | null {
  let s = token.trim();
  let currency: string | null = null;
  const pre = PRE_RE.exec(s);
  if (pre) {
    currency = symbolCurrency(pre[1]!, opts, traditional);
    s = s.slice(pre[0].length);
  }
  const post = POST_RE.exec(s);
  if (post) {
    currency ??= symbolCurrency(post[1]!, opts, traditional);
    s = s.slice(0, s.length - post[0].length);
  }
  let mult = 1;
  if (/万\s*$/.test(s)) {
    mult = 10000;
    s = s.replace(/\s*万\s*$/, '');
  }
  const value = toNumber(s.trim()) * mult;
  if (!Number.isFinite(value) || value <= 0) return null;
  return { value: Math.round(value * 100) / 100, currency };
}

function countOf(raw: string): number {
  const w = WORD_COUNTS[raw.toLowerCase()];
  return w ?? Number(raw);
}

/** 8.5折 → 15 (percent off); 95折 → 5; null when the rate makes no sense (10折, 0折, 4090折). */
function zheToPercent(raw: string): number | null {
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0) return null;
  let rate: number;
  if (v < 10) rate = v / 10;
  else if (v > 10 && v < 100 && Number.isInteger(v)) rate = v / 100;
  else return null;
  const off = Math.round((1 - rate) * 1000) / 10;
  return off > 0 && off < 100 ? off : null;
}

function percentOf(raw: string): number | null {
  const v = Number(raw);
  return Number.isFinite(v) && v > 0 && v < 100 ? v : null;
}

// ---------------------------------------------------------------------------------------------
// Rules

interface Ctx {
  opts: ParseOptions;
  traditional: boolean;
  /** The whole normalised text, for rules that look around their match. */
  text: string;
}

/** What a rule builds; `currency` is filled in afterwards from the money it read. */
type Draft = Omit<ParsedAmount, 'label' | 'currency' | 'repeating' | 'upTo'> & {
  repeating?: boolean;
  upTo?: boolean;
  money: Array<Money | null>;
  /** Extra span (Meituan's 满25可用 reads an amount outside its own match). */
  span?: [number, number];
};

interface Rule {
  name: string;
  re: RegExp;
  build(m: RegExpExecArray, ctx: Ctx): Draft | null;
}

const money = (m: RegExpExecArray, i: number, ctx: Ctx): Money | null => (m[i] ? readMoney(m[i]!, ctx.opts, ctx.traditional) : null);

function rule(name: string, source: string, build: Rule['build']): Rule {
  return { name, re: new RegExp(source, 'gi'), build };
}

/** Threshold and amount must make sense together: a coupon never takes off more than the spend. */
function thresholdDraft(repeating: boolean, items: string | undefined, t: Money | null, a: Money | null): Draft | null {
  if (!a) return null;
  if (items) {
    const n = Number(items);
    if (!(n > 0 && n < 1000)) return null;
    return { kind: 'threshold', minItems: n, amount: a.value, repeating, money: [a] };
  }
  if (!t || a.value >= t.value) return null;
  return { kind: 'threshold', threshold: t.value, amount: a.value, repeating, money: [t, a] };
}

const CN_FREE_SHIPPING = String.raw`(?:包邮|免运费|免邮费?|免配送费|免基础运费|免运)`;

const RULES: readonly Rule[] = [
  // 满99包邮, 满2件包邮, 满99元免运费
  rule('cn-free-shipping', String.raw`(每)?满\s*(?:(\d+)\s*件|${MONEY}(?![\d.]))${SEP}(?:即可|即|就|可|享|可享)?\s*${CN_FREE_SHIPPING}`, (m, ctx) => {
    if (m[2]) return { kind: 'free-shipping', minItems: Number(m[2]), repeating: false, money: [] };
    const t = money(m, 3, ctx);
    return t ? { kind: 'free-shipping', threshold: t.value, money: [t] } : null;
  }),
  // FREE delivery on orders over $35, Free shipping on eligible orders over £25
  rule('en-free-shipping', String.raw`\bfree\s+(?:[a-z-]+\s+)?(?:shipping|delivery)\s+(?:[a-z]+\s+){0,4}?(?:of|over|above|from|at\s+least)\s+${MONEY}`, (m, ctx) => {
    const t = money(m, 1, ctx);
    return t ? { kind: 'free-shipping', threshold: t.value, money: [t] } : null;
  }),
  // 满2件打9折, 满2件，总价打9折, 满300享8.5折, 满300立减10%
  rule(
    'cn-threshold-percent',
    String.raw`(每)?满\s*(?:(\d+)\s*件|${MONEY}(?![\d.]))${SEP}(?:总价|总额|全单|可|即|再)?\s*(?:(?:打|享|可享|享受|立享)?\s*${PNUM}\s*${ZHE}|(?:立减|减|优惠|省|享)\s*${PNUM}\s*%)`,
    (m, ctx) => {
      const pct = m[4] ? zheToPercent(m[4]) : m[5] ? percentOf(m[5]) : null;
      if (pct === null) return null;
      if (m[2]) return { kind: 'percent', minItems: Number(m[2]), percentOff: pct, repeating: !!m[1], money: [] };
      const t = money(m, 3, ctx);
      return t ? { kind: 'percent', threshold: t.value, percentOff: pct, repeating: !!m[1], money: [t] } : null;
    },
  ),
  // 满199减20, 满199元减10元, 每满300减30, 满199-20, 每满99元，可减10元现金, 滿500折50 (Taiwan: 折 before the number is money off)
  rule(
    'cn-threshold',
    String.raw`(每)?满\s*(?:(\d+)\s*件|${MONEY}(?![\d.]))${SEP}(?:可用|使用|可使用|即可使用)?${SEP}(?:可|再|立|即|就|共|总价|则|后)?\s*(?:减|-|省|抵|优惠|折(?=\s*[$¥\d]))\s*${MONEY}(?!\s*[%折\d])`,
    (m, ctx) => thresholdDraft(!!m[1], m[2], money(m, 3, ctx), money(m, 4, ctx)),
  ),
  // Meituan: ¥5 满25可用 / 满25可用 ¥5 — the amount stands apart from the threshold.
  rule('cn-usable-over', String.raw`满\s*${MONEY}(?![\d.])\s*可用`, (m, ctx) => {
    const t = money(m, 1, ctx);
    if (!t) return null;
    const start = m.index;
    const end = start + m[0].length;
    const near = new RegExp(MMONEY, 'gi');
    let best: { money: Money; span: [number, number]; dist: number } | null = null;
    for (let a = near.exec(ctx.text); a; a = near.exec(ctx.text)) {
      const s = a.index;
      const e = s + a[0].length;
      if (e > start && s < end) continue;
      const dist = s >= end ? s - end : start - e;
      if (dist > 12) continue;
      const v = readMoney(a[1]!, ctx.opts, ctx.traditional);
      if (v && v.value < t.value && (!best || dist < best.dist)) best = { money: v, span: [Math.min(s, start), Math.max(e, end)], dist };
    }
    if (!best) return null;
    return { kind: 'threshold', threshold: t.value, amount: best.money.value, money: [t, best.money], span: best.span };
  }),
  // 199减20 (a JD/Taobao shorthand without 满)
  rule('cn-x-minus-y', String.raw`(?<![\d.,])${PNUM}\s*减\s*${PNUM}(?![\d.]|\s*[%折])`, (m, ctx) =>
    thresholdDraft(false, undefined, readMoney(m[1]!, ctx.opts, ctx.traditional), readMoney(m[2]!, ctx.opts, ctx.traditional)),
  ),
  // Save 15% on 2 select items, Save 5% on any 4 qualifying items
  rule(
    'en-items-percent',
    String.raw`\bsave\s+${PNUM}\s*%\s+(?:each\s+)?on\s+(?:any\s+)?${COUNT}\s+(?:or\s+more\s+)?(?:select(?:ed)?|qualifying|eligible|participating)\s+items?\b`,
    (m) => {
      const pct = percentOf(m[1]!);
      return pct === null ? null : { kind: 'percent', percentOff: pct, minItems: countOf(m[2]!), money: [] };
    },
  ),
  // Save 10% each on Qualifying items offered by X when you purchase 1 or more
  rule(
    'en-items-each',
    String.raw`\bsave\s+${PNUM}\s*%\s+(?:each\s+)?on\s+(?:select(?:ed)?|qualifying|eligible|participating)\s+items?\b[^.]{0,100}?\b(?:purchase|buy)\s+${COUNT}\s+or\s+more`,
    (m) => {
      const pct = percentOf(m[1]!);
      return pct === null ? null : { kind: 'percent', percentOff: pct, minItems: countOf(m[2]!), money: [] };
    },
  ),
  // Buy 2, get 10% off · Buy 3 save $5
  rule('en-buy-n', String.raw`\bbuy\s+${COUNT}(?:\s+or\s+more)?[\s,:;-]+(?:and\s+)?(?:get|save|take)\s+(?:an?\s+)?(?:extra\s+)?(?:${PNUM}\s*%|${MMONEY})(?:\s*off)?`, (m, ctx) => {
    const n = countOf(m[1]!);
    if (m[2]) {
      const pct = percentOf(m[2]);
      return pct === null ? null : { kind: 'percent', percentOff: pct, minItems: n, money: [] };
    }
    const a = money(m, 3, ctx);
    return a ? { kind: 'threshold', minItems: n, amount: a.value, money: [a] } : null;
  }),
  // Spend $50, save $10 · Spend $50 get 10% off
  rule(
    'en-spend',
    String.raw`\bspend\s+${MONEY}(?:\s+or\s+more)?[\s,:;-]+(?:and\s+)?(?:get|save|take|receive)\s+(?:an?\s+)?(?:extra\s+)?(?:${PNUM}\s*%|${MONEY})(?:\s*off)?`,
    (m, ctx) => {
      const t = money(m, 1, ctx);
      if (!t) return null;
      if (m[2]) {
        const pct = percentOf(m[2]);
        return pct === null ? null : { kind: 'percent', threshold: t.value, percentOff: pct, money: [t] };
      }
      return thresholdDraft(false, undefined, t, money(m, 3, ctx));
    },
  ),
  // Save $10 when you spend $50 · Get 10% off orders over $50 · $10 off orders of $50+
  rule(
    'en-off-over',
    String.raw`(?:\b(?:save|get|take)\s+(?:an?\s+)?(?:extra\s+)?)?(?:${PNUM}\s*%|${MMONEY})\s+(?:off\s+)?(?:when\s+you\s+spend|on\s+(?:your\s+)?(?:orders?|purchases?)\s+(?:of|over|above)|off\s+(?:your\s+)?(?:orders?|purchases?)\s+(?:of|over|above))\s+${MONEY}`,
    (m, ctx) => {
      const t = money(m, 3, ctx);
      if (!t) return null;
      if (m[1]) {
        const pct = percentOf(m[1]);
        return pct === null ? null : { kind: 'percent', threshold: t.value, percentOff: pct, money: [t] };
      }
      return thresholdDraft(false, undefined, t, money(m, 2, ctx));
    },
  ),
  rule('en-off-plus', String.raw`${MMONEY}\s+off\s+${MONEY}\s*(?:\+|or\s+more)`, (m, ctx) => thresholdDraft(false, undefined, money(m, 2, ctx), money(m, 1, ctx))),
  // Save $5.00 with coupon · Save 15%with coupon (some sizes/colors) · Apply $5 coupon · Apply 10% coupon
  // · 10% off coupon · Coupon: $5 off
  rule(
    'en-coupon',
    String.raw`(?:\b(?:save|get)\s+(?:an?\s+)?(?:extra\s+)?(?:${PNUM}\s*%|${MMONEY})\s*(?:off\s*)?(?:with|w/|using)\s*(?:an?\s+|this\s+|the\s+)?(?:coupons?|vouchers?|promo(?:tion)?\s*codes?|codes?)|\bapply\s+(?:${PNUM}\s*%|${MMONEY})\s*(?:off\s+)?(?:coupons?|vouchers?)|(?:${PNUM}\s*%|${MMONEY})\s*(?:off\s*)?(?:coupons?|vouchers?)\b|\b(?:coupons?|vouchers?)\s*[:-]?\s*(?:save\s+)?(?:${PNUM}\s*%|${MMONEY})\s*off)`,
    (m, ctx) => {
      for (let i = 1; i <= 8; i += 2) {
        if (m[i]) {
          const pct = percentOf(m[i]!);
          return pct === null ? null : { kind: 'percent', percentOff: pct, money: [] };
        }
        if (m[i + 1]) {
          const a = money(m, i + 1, ctx);
          return a ? { kind: 'instant', amount: a.value, money: [a] } : null;
        }
      }
      return null;
    },
  ),
  // 立减5元, 直降100, 领券立减20, 淘金币可抵0.86元, 现折50 (strong cues: the number may come without 元)
  rule(
    'cn-instant-strong',
    String.raw`(?:领券立减|领券减|下单立减|下单减|官方立减|现金立减|立减|直降|立省|券减|立享优惠|再减|现折|折抵|可抵|抵扣|可省|共省|共减|节省)\s*:?\s*${MONEY}(?!\s*[%折\d])`,
    (m, ctx) => {
      const a = money(m, 1, ctx);
      return a ? { kind: 'instant', amount: a.value, money: [a] } : null;
    },
  ),
  // 官方立减15%, 立减10%, 直降5%
  rule('cn-percent-cue', String.raw`(?:领券立减|下单立减|官方立减|立减|直降|立省|减|省|优惠|降)\s*${PNUM}\s*%`, (m) => {
    const pct = percentOf(m[1]!);
    return pct === null ? null : { kind: 'percent', percentOff: pct, money: [] };
  }),
  // 8.5折, 95折, 低至3折, 会员9.5折, 8折起
  rule('cn-zhe', String.raw`(低至|最低|低到)?\s*(?:限时|会员|立享|享|打|可享|直接)?\s*(?<![\d.])${PNUM}\s*${ZHE}(\s*起)?`, (m) => {
    const pct = zheToPercent(m[2]!);
    return pct === null ? null : { kind: 'percent', percentOff: pct, upTo: !!(m[1] || m[3]), money: [] };
  }),
  // 5元券, ¥10 店铺券, 10元无门槛券, 3元无门槛, 20元立减金, 100元代金券
  rule(
    'cn-coupon-amount',
    String.raw`${MMONEY}\s*的?\s*(?:(店铺|平台|新人|新客|会员|全品类|品类|无门槛|限品类|跨店|通用|专享|购物|品牌)?\s*(?:优惠券|券|红包|代金券|立减金|津贴|折价券|现金券|消费券|抵用券)(?![后前])|(无门槛))`,
    (m, ctx) => {
      const a = money(m, 1, ctx);
      if (!a) return null;
      return { kind: 'instant', amount: a.value, ...(m[2] === '无门槛' || m[3] ? { threshold: 0 } : {}), money: [a] };
    },
  ),
  // 无门槛 ¥5, 优惠券 ¥5 (not 券后¥179, a price)
  rule('cn-coupon-then-amount', String.raw`(无门槛|(?<!后)(?:优惠券|红包|代金券|立减金|津贴))\s*(?:券|红包)?\s*:?\s*${MMONEY}(?!\s*[%折\d])`, (m, ctx) => {
    const a = money(m, 2, ctx);
    if (!a) return null;
    return { kind: 'instant', amount: a.value, ...(m[1] === '无门槛' ? { threshold: 0 } : {}), money: [a] };
  }),
  // 减20元, 省¥30, 优惠¥20, 折$50 (weak cues: the number must name its currency)
  rule('cn-instant-weak', String.raw`(?<![满\d])(?:减|省|抵|优惠|折|降)\s*${MMONEY}(?!\s*[%折\d])`, (m, ctx) => {
    const a = money(m, 1, ctx);
    return a ? { kind: 'instant', amount: a.value, money: [a] } : null;
  }),
  // 券后价 ¥179, 券后¥179起, 到手价¥99, 用券后 179元
  rule(
    'cn-price-after',
    String.raw`(?:券后价?|用券后|领券后|使用优惠券后|券后到手价?|预估到手价?|预计到手价?|到手价|折后价?|优惠后价?)\s*:?\s*${MONEY}(?:\s*起)?`,
    (m, ctx) => {
      const p = money(m, 1, ctx);
      return p ? { kind: 'price-after', price: p.value, money: [p] } : null;
    },
  ),
  // ¥179 券后价 (the price first)
  rule('cn-price-after-reverse', String.raw`${MMONEY}\s*(?:起\s*)?(?:券后价?|到手价|用券后)`, (m, ctx) => {
    const p = money(m, 1, ctx);
    return p ? { kind: 'price-after', price: p.value, money: [p] } : null;
  }),
  // Price after coupon: $19.99
  rule('en-price-after', String.raw`\b(?:price\s+)?after\s+(?:coupons?|vouchers?|discounts?)\s*:?\s*${MMONEY}`, (m, ctx) => {
    const p = money(m, 1, ctx);
    return p ? { kind: 'price-after', price: p.value, money: [p] } : null;
  }),
  // 20% off, Extra 10% off, $5 off, 1,000円OFF, up to 30% off
  rule('en-off', String.raw`(\bup\s+to\s+)?(?:\b(?:an?|extra|additional)\s+)?(?:${PNUM}\s*%|${MMONEY})\s*off\b`, (m, ctx) => {
    if (m[2]) {
      const pct = percentOf(m[2]);
      return pct === null ? null : { kind: 'percent', percentOff: pct, upTo: !!m[1], money: [] };
    }
    const a = money(m, 3, ctx);
    return a ? { kind: 'instant', amount: a.value, upTo: !!m[1], money: [a] } : null;
  }),
  // Save $5, Prime members save an extra 10%, You save $5.00 (17%)
  rule('en-save', String.raw`\bsav(?:e|ings?)\s*:?\s*(?:of\s+)?(up\s+to\s+)?(?:an?\s+)?(?:extra\s+|additional\s+)?(?:${PNUM}\s*(?:%|percent\b)|${MMONEY})`, (m, ctx) => {
    if (m[2]) {
      const pct = percentOf(m[2]);
      return pct === null ? null : { kind: 'percent', percentOff: pct, upTo: !!m[1], money: [] };
    }
    const a = money(m, 3, ctx);
    return a ? { kind: 'instant', amount: a.value, upTo: !!m[1], money: [a] } : null;
  }),
];

// 最高减300, 最多优惠50, 封顶50, up to $50 off, max $50
const CAP_RE = new RegExp(String.raw`^[\s,:;()（]*(?:最高|最多|封顶|上限|至多)\s*(?:可)?(?:减|优惠|抵|省|立减)?\s*${MONEY}|^[\s,:;(]*(?:up\s+to|max(?:imum)?(?:\s+discount)?(?:\s+of)?)\s+${MMONEY}`, 'i');

const MAX_INPUT = 4000;
const CJK = /[\u3400-\u9fff]/;

interface Found {
  start: number;
  end: number;
  deal: Omit<ParsedAmount, 'label'>;
}

function finish(d: Draft, ctx: Ctx, tail: string): Omit<ParsedAmount, 'label'> {
  const { money: monies, span, ...rest } = d;
  void span;
  const out: Omit<ParsedAmount, 'label'> = { ...rest, currency: null, repeating: !!d.repeating, upTo: !!d.upTo };
  const hasMoney = out.threshold !== undefined || out.amount !== undefined || out.price !== undefined;
  if (out.kind === 'threshold' || out.kind === 'percent') {
    const c = CAP_RE.exec(tail);
    if (c) {
      const cap = readMoney((c[1] ?? c[2])!, ctx.opts, ctx.traditional);
      if (cap) {
        out.cap = cap.value;
        monies.push(cap);
      }
    }
  }
  if (hasMoney || out.cap !== undefined) {
    out.currency = monies.find((x) => x?.currency)?.currency ?? ctx.opts.currency ?? (CJK.test(ctx.text) ? 'CNY' : null);
  }
  return out;
}

function scan(label: string, opts: ParseOptions, firstOnly: boolean): Found[] {
  const text = normalizeCouponText(label.length > MAX_INPUT ? label.slice(0, MAX_INPUT) : label);
  const ctx: Ctx = { opts, traditional: hasTraditional(label), text };
  const found: Found[] = [];
  for (const r of RULES) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      let start = m.index;
      let end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      const d = r.build(m, ctx);
      if (!d) continue;
      if (d.span) {
        [start, end] = d.span;
        if (found.some((f) => f.start < end && start < f.end)) continue;
      }
      found.push({ start, end, deal: finish(d, ctx, text.slice(end, end + 24)) });
      if (firstOnly) return found;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Parse one coupon or promotion label. Returns null when it holds no offer (a plain price, a
 * stock or purchase limit, a rating, a date …). When a label holds several deals, the most
 * specific wins (a threshold deal over a 券后 price); use findOffers for all of them.
 */
export function parseOffer(label: string, opts: ParseOptions = {}): ParsedAmount | null {
  if (!label) return null;
  const f = scan(label, opts, true)[0];
  return f ? { ...f.deal, label: boundLabel(label, LABEL_MAX) } : null;
}

/** Every deal in a text (a coupon area's text, one line of it), in reading order; each labelled with its own words. */
export function findOffers(text: string, opts: ParseOptions = {}): ParsedAmount[] {
  if (!text) return [];
  return scan(text, opts, false).map((f) => ({ ...f.deal, label: boundLabel(text.slice(f.start, f.end), LABEL_MAX) }));
}

/**
 * A price as a page prints it (¥199.00, ￥1,299, $24.99, 5,00 €, 179元): the first money amount in
 * the text, with its currency. Used by adapters for the price shown; never an offer.
 */
export function parsePrice(text: string, opts: ParseOptions = {}): { value: number; currency: string | null } | null {
  const t = normalizeCouponText(collapse(text).slice(0, 200));
  const traditional = hasTraditional(text);
  const marked = new RegExp(MMONEY, 'i').exec(t);
  const m = marked ?? new RegExp(String.raw`(?<![\d.])(${NUM})(?![\d.])`).exec(t);
  if (!m) return null;
  const v = readMoney(m[1]!, opts, traditional);
  if (!v) return null;
  if (!v.currency) v.currency = opts.currency ?? null;
  return v;
}

/** Deal kinds, for validation and docs. */
export const DEAL_KINDS: readonly DealKind[] = ['threshold', 'instant', 'percent', 'price-after', 'free-shipping'];
