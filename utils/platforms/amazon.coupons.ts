/**
 * Amazon product pages on every country site (/dp/ASIN …).
 *
 * Where the selectors come from (public code that reads these pages; none of it copied):
 * - Clip coupon: `#promoPriceBlockMessage_feature_div` holding `.promoPriceBlockMessage` with
 *   `label[id^="couponTextpctch"]` ("Apply $5 coupon"), `#couponBadgeRegularVpc`, `#vpcButton`:
 *   a TypeScript Amazon scraper (parseAmazonCoupon), a Python
 *   Playwright scraper (coupon_candidates), a price-history
 *   userscript (XPath //*[@class="promoPriceBlockMessage"]//*[starts-with(@id,"couponTextpctch")]), a Selenium scraper (//*[@id="promoPriceBlockMessage_feature_div"]
 *   then //*[@id[contains(., "couponTextpctch")]]), an Amazon JP
 *   helper (label[id*="couponTextpctch"]).
 * - Promotions ("Save 15% on 2 select items"): `#applicablePromotionList_feature_div`,
 *   `#applicable_promotion_list_sec` with `span.apl_message`: a deal-post userscript , a Java scraper (div#unclippedCoupon, div#clippedCoupon,
 *   div#applicablePromotionList_feature_div), Selenium scrapers
 *.
 * - `#couponFeature`, `#coupons_feature_div`, `.couponLabelText`: scrapers of these pages.
 * - Prices `.priceToPay .a-offscreen`, `.apexPriceToPay .a-offscreen`, `#corePrice_feature_div
 *   .a-price .a-offscreen`, `#priceblock_ourprice`: scrapers, and the Amazon WebsiteConfig of a price-tracking extension
 *   (priceSelector '.priceToPay > .a-offscreen, .apexPriceToPay .a-offscreen').
 *
 * Amazon renders these feature blocks on the server: an item without a coupon has an empty
 * `#promoPriceBlockMessage_feature_div`, so that block present and empty on a page that shows its
 * title and buy box reads `empty`. A robot check or an error page has neither: `not-loaded`.
 */
import { hostOf } from '../detect/platforms';
import type { PageIndex } from '../coupons/dom';
import { makeAdapter } from '../coupons/adapter';

export const AREAS = [
  '#promoPriceBlockMessage_feature_div',
  '#applicablePromotionList_feature_div',
  '#applicable_promotion_list_sec',
  '#couponFeature',
  '#coupons_feature_div',
  '#couponBadgeRegularVpc',
  '#vpcButton',
] as const;

export const ITEMS = [
  'label[id^="couponText"]',
  'span[id^="couponText"]',
  '#couponBadgeRegularVpc',
  '#vpcButton .a-color-success',
  '.couponLabelText',
  '#unclippedCoupon',
  '#clippedCoupon',
  '.apl_message',
] as const;

export const FALLBACK = ['[id*="coupon" i]', '[class*="coupon" i]', '[id*="promotion" i]'] as const;

export const CUE = /\bcoupons?\b|\bvouchers?\b|with\s+coupon|select\s+items|qualifying\s+items|クーポン|gutschein|cupón|cupom/i;

export const PRICE = [
  '#corePriceDisplay_desktop_feature_div .priceToPay .a-offscreen',
  '#corePrice_feature_div .a-price .a-offscreen',
  '#corePrice_desktop .a-price .a-offscreen',
  '.apexPriceToPay .a-offscreen',
  '.priceToPay .a-offscreen',
  '#priceblock_ourprice',
  '#priceblock_dealprice',
  '#price_inside_buybox',
] as const;

/** The product rendered: its title (#productTitle) and a buy box or price block. */
const BUY_BOX = ['#corePrice_feature_div', '#corePriceDisplay_desktop_feature_div', '#apex_desktop', '#buybox', '#addToCart', '#add-to-cart-button'];

/** Currency of each country site (what a bare $ or ¥ means there). */
export const AMAZON_CURRENCY: Readonly<Record<string, string>> = {
  com: 'USD', ca: 'CAD', 'com.mx': 'MXN', 'com.br': 'BRL', 'co.uk': 'GBP', de: 'EUR', fr: 'EUR', it: 'EUR', es: 'EUR',
  nl: 'EUR', 'com.be': 'EUR', ie: 'EUR', se: 'SEK', pl: 'PLN', 'com.tr': 'TRY', ae: 'AED', sa: 'SAR', eg: 'EGP',
  in: 'INR', 'co.jp': 'JPY', 'com.au': 'AUD', sg: 'SGD', cn: 'CNY',
};

export function amazonCurrency(url: string): string | undefined {
  const host = hostOf(url);
  const m = /(?:^|\.)amazon\.([a-z.]+)$/.exec(host);
  return m ? AMAZON_CURRENCY[m[1]!] : undefined;
}

export const adapter = makeAdapter({
  areas: AREAS,
  items: ITEMS,
  fallback: FALLBACK,
  cue: CUE,
  price: PRICE,
  currency: amazonCurrency,
  evidence: ['#productTitle', ...BUY_BOX],
  loaded: (page, seen) => hasTitle(page) && (seen.priceShown !== undefined || page.find(BUY_BOX, 1).length > 0),
});

function hasTitle(page: PageIndex): boolean {
  return page.find(['#productTitle'], 1).some((t) => (t.textContent ?? '').trim().length > 0);
}
