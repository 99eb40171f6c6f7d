import { describe, expect, it } from 'vitest';
import { loadItems, sourceGroup } from '../notices';

const items = loadItems();
const positives = items.filter((i) => i.label === 'positive');
const negatives = items.filter((i) => i.label === 'negative');

describe('the notice corpus (docs/notices.md)', () => {
  it('has unique ids and items that match the schema', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('is large and varied enough to measure generalization', () => {
    const sources = new Set(items.map((i) => i.source));
    const groups = new Set(items.map((i) => sourceGroup(i.source)));
    const ordinaryPages = negatives.filter((i) => i.placement === 'page');
    const count = (list: typeof items, key: (i: (typeof items)[number]) => string) =>
      Object.entries(list.reduce<Record<string, number>>((m, i) => ((m[key(i)] = (m[key(i)] ?? 0) + 1), m), {}))
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    console.log(
      `notice corpus: ${positives.length} positive, ${negatives.length} negative, ${sources.size} sources in ${groups.size} groups, ${ordinaryPages.length} real ordinary pages\n` +
        `  kinds: ${count(positives, (i) => i.kind!)}\n  languages: ${count(items, (i) => i.lang)}\n  placements: ${count(items, (i) => i.placement)}`,
    );
    expect(positives.length).toBeGreaterThanOrEqual(400);
    expect(negatives.length).toBeGreaterThanOrEqual(200);
    expect(sources.size).toBeGreaterThanOrEqual(150);
    expect(ordinaryPages.length).toBeGreaterThanOrEqual(100);
  });

  it('groups copies of one upstream text (a fork, a committed language pack) with their upstream', () => {
    expect(sourceGroup('Laos22/show.net:wp-content/languages/plugins/woocommerce-es_ES.po@e8f85e6c')).toBe('woocommerce/woocommerce');
    expect(sourceGroup('woocommerce/woocommerce:plugins/woocommerce/includes/class-wc-coupon.php@0430101b')).toBe('woocommerce/woocommerce');
    expect(sourceGroup('Salemoche/Concept360:wp-content/languages/pt_BR.po@3807e4ba')).toBe('wordpress/wordpress');
    expect(sourceGroup('Salemoche/Concept360:src/app.ts@3807e4ba')).toBe('salemoche/concept360');
    expect(sourceGroup('happyfresh/spree_i18n:config/locales/id.yml@1234567')).toBe('spree-contrib/spree_i18n');
    expect(sourceGroup('nDix-OP/odoo:addons/sale_loyalty/i18n/fr.po@1234567')).toBe('odoo/odoo');
    expect(sourceGroup('kphrx/pleroma:priv/gettext/fr/LC_MESSAGES/errors.po@1234567')).toBe('pleroma/pleroma');
    // A plugin of its own is its own source.
    expect(sourceGroup('devinsays/woocommerce-coupon-restrictions:includes/class-wc-coupon-restrictions-validation.php@52865acd')).toBe('devinsays/woocommerce-coupon-restrictions');
  });

  // A text recorded twice under two labels is a conflict the blind figures would count against either way.
  it('records no text twice, under the same label or another', () => {
    const seen = new Map<string, string>();
    const dup: string[] = [];
    for (const i of items) {
      const key = `${i.text.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase().slice(0, 400)}`;
      if (seen.has(key)) dup.push(`${i.id} = ${seen.get(key)}`);
      else seen.set(key, i.id);
    }
    expect(dup).toEqual([]);
  });
});
