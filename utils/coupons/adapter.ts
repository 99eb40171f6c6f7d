/**
 * The one algorithm every platform adapter runs, driven by that platform's selector lists
 * (data at the top of each adapter file). Steps, all bounded:
 *
 * 1. Find the coupon area(s): one query over the adapter's `areas` selectors. When none is
 *    visible, a fallback query over generic class fragments (`fallback`), kept only when the
 *    element's own short text carries a coupon cue (领券, 优惠券, Coupon …).
 * 2. In each area, the offers: one query over `items`; each item's label (its `labels` child,
 *    else its own text, else its title attribute) goes through findOffers. An area without
 *    item elements is read line by line.
 * 3. The type of each offer from the words of its item (label, title attribute, `tags`).
 * 4. The price shown and the price after coupons, from `price` / `priceAfter`.
 * 5. The state (types.ts): `present` with offers; `empty` only with a coupon area that is not a
 *    skeleton, found by the adapter's own selectors (or saying 暂无优惠券 in so many words), on
 *    a page whose `loaded` evidence holds; `not-loaded` otherwise.
 *
 * Only the coupon area's and the items' text is read; nothing walks the whole page.
 */
import { findOffers, parsePrice, type ParseOptions } from './amount';
import { classifyOffer } from './classify';
import { findIn, firstVisible, hidden, isLoading, lineText, matchedSelector, outermost, PageIndex, queryAll, readText, type Finder } from './dom';
import { parseItemRef } from './item-id';
import { makeOffer } from './offer';
import { boundLabel, normalizeCouponText } from './text';
import type { CouponScan, CouponState, Offer } from './types';
import { LABEL_MAX } from './types';
import { platformOf } from '../detect/platforms';

/**
 * A platform's coupon reader (utils/platforms/<id>.coupons.ts); the descriptors whose `coupons`
 * names that platform are the ones it reads.
 */
export interface CouponAdapter {
  extract(doc: ParentNode, url: string): CouponScan;
}

/** What the page showed besides its coupon area, for the `loaded` evidence. */
export interface PageSeen {
  priceShown?: number;
  priceAfter?: number;
}

export interface AdapterConfig {
  /** Coupon containers, most specific first. */
  readonly areas: readonly string[];
  /** One offer each, looked up inside a container. */
  readonly items: readonly string[];
  /** Inside an item: the element holding its label (else the item's own text). */
  readonly labels?: readonly string[];
  /** Inside an item: a tag naming the offer's kind (JD's 满减 / 满额返券 badge), read for its type. */
  readonly tags?: readonly string[];
  /** Generic containers judged by their own text when no `areas` selector matched. */
  readonly fallback: readonly string[];
  /** Text that makes a fallback container a coupon area. */
  readonly cue: RegExp;
  /** Price shown before coupons, most specific first. */
  readonly price: readonly string[];
  /** Where a 券后 / to-hand price is printed; read for a price-after deal. */
  readonly priceAfter?: readonly string[];
  /** The site's currency (what a bare ¥ or $ means). */
  currency(url: string): string | undefined;
  /** Page-level selectors `loaded` / `loadedHidden` look up (indexed with the others in one pass). */
  readonly evidence?: readonly string[];
  /** Positive evidence that the page finished loading its promotions; required for `empty`. */
  loaded(page: PageIndex, seen: PageSeen): boolean;
  /** Stricter evidence for a coupon area that is in the page but hidden (JD hides it until its request returns). */
  loadedHidden?(page: PageIndex, seen: PageSeen): boolean;
}

/** Words of a label that look like an offer (for `unparsed`); limits and quotas are not offers. */
const OFFERISH = /券|减|折|满\s*\d|返|半价|赠|送|立减|\boff\b|\bsave\b|coupon|voucher|\d\s*%/i;
const NOT_OFFER = /限购|限制|限领|每人|每日限|limit\s+\d|per\s+customer/i;
/** The area says in words that there is nothing to claim. */
const EMPTY_TEXT = /暂无(?:可用|可领|可领取)?的?(?:优惠券|优惠|券|活动)|没有可(?:用|领)的?优惠券|无可用优惠券|no\s+coupons?\s+(?:available|found)/i;

/** Words that introduce the price before coupons. */
const BEFORE_CUE = /(?:券前|優惠前|优惠前|原价|原價|划线价|日常价)\s*[:：]?\s*(?:价\s*)?/;

const MAX_AREAS = 8;
const MAX_ITEMS = 60;
const MAX_OFFERS = 50;
const MAX_UNPARSED = 10;

/**
 * The first price the selectors show, trying them one by one in priority order so that an id
 * found at once spares the page walk.
 */
function readPriceFrom(page: Finder, selectors: readonly string[], opts: ParseOptions): number | undefined {
  for (const sel of selectors) {
    for (const e of findIn(page, [sel], 8)) {
      if (hidden(e)) continue;
      const v = readPrice(e, opts);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

function readPrice(el: Element | null, opts: ParseOptions): number | undefined {
  if (!el) return undefined;
  // Amazon prints the canonical price in a screen-reader span next to styled fragments.
  const off = el.matches('.a-offscreen') ? el : el.querySelector('.a-offscreen');
  let text = off ? (off.textContent ?? '') : lineText(el, 160);
  // "券后¥9.9 券前¥12.9": the price before coupons is the one after 券前 / 优惠前 / 原价.
  const before = BEFORE_CUE.exec(text);
  if (before) text = text.slice(before.index + before[0].length);
  return parsePrice(text, opts)?.value;
}

export function extractWith(cfg: AdapterConfig, doc: ParentNode, url: string): CouponScan {
  const ref = parseItemRef(url);
  const platform = ref?.platform ?? platformOf(url) ?? '';
  const itemId = ref?.itemId ?? null;
  const activityId = ref?.activityId;
  const opts: ParseOptions = {};
  const cur = cfg.currency(url);
  if (cur) opts.currency = cur;

  // One bounded pass indexes every page-level selector (dom.ts, PageIndex).
  const page = new PageIndex(doc, [...cfg.areas, ...cfg.fallback, ...cfg.price, ...(cfg.priceAfter ?? []), ...(cfg.evidence ?? [])]);

  // Prices.
  const seen: PageSeen = {};
  const priceShown = readPriceFrom(page, cfg.price, opts);
  if (priceShown !== undefined) seen.priceShown = priceShown;
  for (const el of cfg.priceAfter ? page.find(cfg.priceAfter, 8) : []) {
    if (hidden(el)) continue;
    const after = findOffers(lineText(el, 200), opts).find((d) => d.kind === 'price-after');
    if (after?.price !== undefined) {
      seen.priceAfter = after.price;
      break;
    }
  }

  // Coupon areas.
  const found = page.find(cfg.areas, 16);
  const visibleFound = found.filter((e) => !hidden(e));
  let areas = outermost(visibleFound).slice(0, MAX_AREAS);
  const hiddenAreas = found.filter((e) => !visibleFound.includes(e));
  let areaName: string | undefined;
  let bestRank = Infinity;
  for (const a of areas) {
    const s = matchedSelector(a, cfg.areas);
    const rank = s ? cfg.areas.indexOf(s) : Infinity;
    if (s && rank < bestRank) {
      bestRank = rank;
      areaName = s;
    }
  }
  let viaFallback = false;
  if (areas.length === 0 && cfg.fallback.length > 0) {
    const hits = page.find(cfg.fallback, 64).filter((e) => {
      if (hidden(e)) return false;
      const t = readText(e, 600, 400);
      return t.length > 0 && t.length < 600 && cfg.cue.test(normalizeCouponText(t));
    });
    areas = outermost(hits).slice(0, MAX_AREAS);
    if (areas.length > 0) {
      viaFallback = true;
      areaName = 'text-cue';
    }
  }

  // Offers.
  const offers: Offer[] = [];
  const keys = new Set<string>();
  const unparsed: string[] = [];
  let loading = false;
  let saysEmpty = false;

  const add = (label: string, context: string): void => {
    const text = label.trim();
    if (!text) return;
    const deals = findOffers(text, opts);
    if (deals.length === 0) {
      if (OFFERISH.test(text) && /\d/.test(text) && !NOT_OFFER.test(text) && unparsed.length < MAX_UNPARSED) {
        const u = boundLabel(text, LABEL_MAX);
        if (!unparsed.includes(u)) unparsed.push(u);
      }
      return;
    }
    const type = classifyOffer(context, text);
    for (const d of deals) {
      if (offers.length >= MAX_OFFERS) return;
      const single = deals.length === 1;
      const deal = single ? { ...d, label: boundLabel(text, LABEL_MAX) } : d;
      const offer = makeOffer({
        platform,
        itemId,
        ...(activityId ? { activityId } : {}),
        label: single ? text : d.label,
        type,
        deal,
        ...(priceShown !== undefined ? { priceBefore: priceShown } : {}),
        ...(seen.priceAfter !== undefined ? { priceAfter: seen.priceAfter } : {}),
      });
      if (keys.has(offer.key)) continue;
      keys.add(offer.key);
      offers.push(offer);
    }
  };

  for (const area of areas) {
    const areaText = readText(area, 3000, 3000);
    const folded = normalizeCouponText(areaText);
    if (isLoading(area, folded)) loading = true;
    if (EMPTY_TEXT.test(folded)) saysEmpty = true;
    const items = outermost(queryAll(area, cfg.items, MAX_ITEMS).filter((e) => !hidden(e, area)));
    if (items.length > 0) {
      for (const item of items) {
        const labelEl = (cfg.labels && firstVisible(item, cfg.labels, item)) || item;
        const label = lineText(labelEl) || labelEl.getAttribute('title') || item.getAttribute('title') || '';
        const tags = cfg.tags ? queryAll(item, cfg.tags, 4).map((e) => lineText(e, 40)).join(' ') : '';
        add(label, [tags, lineText(item), item.getAttribute('title'), labelEl.getAttribute('title')].filter(Boolean).join(' '));
      }
    } else {
      // No item elements: one offer per line; a short line without digits heads the lines below it.
      let header = '';
      for (const line of areaText.split('\n')) {
        if (!/\d/.test(line) && line.length <= 16) {
          header = line;
          continue;
        }
        add(line, `${header} ${line}`);
      }
    }
  }

  let state: CouponState;
  if (offers.length > 0) state = 'present';
  else if (loading) state = 'not-loaded';
  else if (areas.length > 0 && (!viaFallback || saysEmpty) && cfg.loaded(page, seen)) state = 'empty';
  else if (areas.length === 0 && hiddenAreas.length > 0 && (cfg.loadedHidden ?? cfg.loaded)(page, seen)) {
    state = 'empty';
    areaName = matchedSelector(hiddenAreas[0]!, cfg.areas) ?? undefined;
  } else state = 'not-loaded';

  const scan: CouponScan = { platform, itemId, url, state, offers, unparsed };
  if (activityId) scan.activityId = activityId;
  if (priceShown !== undefined) scan.priceShown = priceShown;
  if (seen.priceAfter !== undefined) scan.priceAfter = seen.priceAfter;
  if (areaName) scan.area = areaName;
  return scan;
}

export function makeAdapter(cfg: AdapterConfig): CouponAdapter {
  return { extract: (doc, url) => extractWith(cfg, doc, url) };
}

/** Does any visible element matching the selectors hold a digit? (A price, a count loaded by script.) */
export function visibleDigits(page: Finder, selectors: readonly string[]): boolean {
  return findIn(page, selectors, 8).some((e) => !hidden(e) && /\d/.test(e.textContent ?? ''));
}

export type { PageIndex };
