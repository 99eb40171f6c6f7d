/**
 * How the PageIndex of utils/coupons/dom.ts answers each shape of selector: by id lookup, from
 * its one bounded walk, or by a query of the whole page. The walk stops after `limit` elements, so
 * an element beyond it tells the plans apart: an id lookup or a whole-page query still finds it,
 * the walk does not (and says it did not reach the end).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { PageIndex } from '../../utils/coupons/dom';

const FILLER = '<p>filler</p>'.repeat(20);
const PAGE =
  '<div id="early" class="a b-c k.m" title="p q"><span class="x">early</span><i>early-i</i></div>' +
  FILLER +
  '<div id="late" class="a b-c" title="p q"><span class="x">late</span><i>late-i</i></div><p class="z">after</p>';

function page(): ParentNode {
  return parseHTML(`<!doctype html><html><body>${PAGE}</body></html>`).document as unknown as ParentNode;
}

/** The texts found for a selector by an index that registered it, with a walk of 5 elements. */
function found(selector: string): { texts: string[]; walked: number; complete: boolean } {
  const index = new PageIndex(page(), [selector], 5);
  const texts = index.find([selector]).map((e) => e.textContent ?? '');
  return { texts, walked: index.walked, complete: index.complete };
}

describe('PageIndex plans', () => {
  it('walks for a class, a tag, or a class or id attribute, with or without a descendant part', () => {
    expect(found('.x')).toEqual({ texts: ['early'], walked: 5, complete: false });
    expect(found('.a .x')).toEqual({ texts: ['early'], walked: 5, complete: false });
    expect(found('div.a   .x')).toEqual({ texts: ['early'], walked: 5, complete: false });
    expect(found('i')).toEqual({ texts: ['early-i'], walked: 5, complete: false });
    expect(found('[id^="ear"] .x')).toMatchObject({ texts: ['early'], walked: 5 });
    // Spaces inside the brackets or the quotes are not the descendant combinator.
    expect(found('[class *= "b-c"] .x')).toMatchObject({ texts: ['early'], walked: 5 });
    expect(found('[class*="a b"] .x')).toMatchObject({ texts: ['early'], walked: 5 });
    // A needle with a character that regular expressions treat specially; a selector padded with spaces.
    expect(found('[class*="k.m"] .x')).toMatchObject({ texts: ['early'], walked: 5 });
    expect(found('  .a .x  ')).toMatchObject({ texts: ['early'], walked: 5 });
  });

  it('has read nothing and calls itself complete until a query needs the walk', () => {
    const index = new PageIndex(page(), ['.a .x'], 5);
    expect([index.walked, index.complete]).toEqual([0, true]);
  });

  it('finds nothing for an #id that is not on the page', () => {
    expect(found('#missing .x')).toEqual({ texts: [], walked: 0, complete: true });
  });

  it('queries an #id on a root that has no getElementById (a fragment or an element)', () => {
    const body = (page() as unknown as Document).body as unknown as ParentNode;
    const index = new PageIndex(body, ['#late .x', '#late'], 5);
    expect(index.find(['#late .x']).map((e) => e.textContent)).toEqual(['late']);
    expect(index.find(['#late']).map((e) => e.id)).toEqual(['late']);
  });

  it('looks an #id up anywhere in the page without walking', () => {
    expect(found('#late .x')).toEqual({ texts: ['late'], walked: 0, complete: true });
    expect(found('#late')).toMatchObject({ texts: ['latelate-i'], walked: 0 });
  });

  it('queries the whole page for child and sibling combinators, pseudo-classes and other attributes', () => {
    for (const sel of ['.a > .x', '.a  >  .x', 'div.a>.x', '#early ~ .z', '.a + .z', 'div:not(.q) .x', '[title="p q"] .x']) {
      expect(found(sel).texts, sel).toEqual(sel.includes('z') ? ['after'] : ['early', 'late']);
      expect(found(sel).walked, sel).toBe(0);
    }
  });

  it('queries the whole page for a selector it was not built with', () => {
    const index = new PageIndex(page(), ['.a .x'], 5);
    expect(index.find(['i']).map((e) => e.textContent)).toEqual(['early-i', 'late-i']);
    expect(index.walked).toBe(0);
  });

  it('walks once for all its selectors, and reads the whole page when the limit allows', () => {
    const index = new PageIndex(page(), ['.a .x', 'i'], 1000);
    expect(index.find(['.a .x', 'i']).map((e) => e.textContent)).toEqual(['early', 'early-i', 'late', 'late-i']);
    expect(index.complete).toBe(true);
    expect(index.walked).toBeGreaterThan(20);
  });

  it('gives the elements of several selectors in document order, a container before what it holds', () => {
    const index = new PageIndex(page(), ['i', '.x', '#late', '#early'], 1000);
    expect(index.find(['i', '.x', '#late', '#early']).map((e) => e.id || e.textContent)).toEqual(['early', 'early', 'early-i', 'late', 'late', 'late-i']);
  });
});
