/**
 * Offer type from the words around an offer (its label, its title attribute, a tag the page
 * puts next to it). Cues are data; the first type whose cue matches wins, most specific first:
 * a 店铺新人券 is a new-user offer, a PLUS专享店铺券 a member offer, 跨店满减 cross-store even
 * though it mentions a shop, 店铺红包 a shop offer although 红包 alone is the platform's.
 */
import type { OfferType } from './types';
import { normalizeCouponText } from './text';

export const TYPE_CUES: ReadonlyArray<readonly [OfferType, RegExp]> = [
  ['new-user', /新人|新客|首单|首购|新用户|新会员|新品尝鲜价|new[\s-]*(?:customer|user|member)s?|first[\s-]*(?:order|purchase|time)|初回/i],
  // PLUS and Prime are matched in their own case so that "plus tax" and "prime rib" stay out.
  ['member', /会员|88VIP|\bVIP\b|超级会员|粉丝专享|粉丝价|学生专享|\bPLUS\b|PLUS(?=专享|会员|价)|\bPrime\b/],
  ['cross-store', /跨店|购物津贴|津贴|跨品类|多店通用|cross[\s-]*store/i],
  ['shop', /店铺|商家|本店|旗舰店|专营店|专卖店|店内|卖家|\b(?:shop|store|seller)\s+coupon|sold\s+by/i],
  ['platform', /平台|聚划算|天天特卖|百亿补贴|官方立减|官方补贴|天猫券|淘宝券|京券|东券|京东券|全品类|通用券|红包|消费券|国补|政府补贴|支付宝|淘金币|京豆|购物金|amazon\s+coupon/i],
];

/** The type an offer's surrounding words give it; 'unknown' when they say nothing. */
export function classifyOffer(...texts: Array<string | null | undefined>): OfferType {
  const t = normalizeCouponText(texts.filter(Boolean).join(' '));
  if (!t) return 'unknown';
  for (const [type, re] of TYPE_CUES) if (re.test(t)) return type;
  return 'unknown';
}
