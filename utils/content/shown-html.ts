/**
 * The page's HTML as the page shows it, for the bootstrap's hand-over (boot.ts). The background
 * reads a handed-over page statically, as `shutout scan` reads a saved one, and a static reader
 * cannot apply the page's style sheets: an element hidden by a class (`.gone{display:none}`)
 * would be read as if shown, and a hidden trap would fire. The live page knows better, so the
 * elements it does not render are left out of the copy before it is serialised.
 */

/** Tags that are never rendered but carry what the structural layer reads (script and frame hosts, styles). */
const KEPT = new Set(['HEAD', 'SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT', 'BASE', 'TITLE']);

/** Elements looked at, at most: a page left before the engine came is rarely large, and pagehide must stay short. */
export const SHOWN_CHECK_MAX = 60_000;

/** How the live page shows an element: not at all (its subtree goes), without its own text (visibility), or shown. */
export type Shown = 'none' | 'textless' | 'shown';

export function liveShown(el: Element): Shown {
  const e = el as HTMLElement;
  if (typeof e.checkVisibility !== 'function') {
    // Without layout (a document no browser lays out) nothing is known to be hidden.
    if (typeof e.getClientRects !== 'function') return 'shown';
    return e.getClientRects().length > 0 || displayContents(e) ? 'shown' : 'none';
  }
  // display:contents has no box of its own, yet its children are shown.
  if (!e.checkVisibility()) return displayContents(e) ? 'shown' : 'none';
  return e.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) ? 'shown' : 'textless';
}

function displayContents(e: Element): boolean {
  const view = e.ownerDocument.defaultView;
  return typeof view?.getComputedStyle === 'function' && view.getComputedStyle(e).display === 'contents';
}

/** The element after `el`'s subtree in document order, within `root` (and the same step in its copy). */
function after(el: Element, twin: Element, root: Element): [Element, Element] | null {
  for (let a: Element | null = el, b: Element | null = twin; a && b && a !== root; a = a.parentElement, b = b.parentElement) {
    if (a.nextElementSibling && b.nextElementSibling) return [a.nextElementSibling, b.nextElementSibling];
  }
  return null;
}

/**
 * `root.outerHTML` without the elements the page does not render, and without the own text of
 * those that are invisible (`visibility: hidden`; their shown children stay). Walks the live tree
 * and a copy of it in step; after SHOWN_CHECK_MAX elements the rest is kept as it is.
 */
export function shownHtml(root: Element, shown: (el: Element) => Shown = liveShown, max = SHOWN_CHECK_MAX): string {
  const copy = root.cloneNode(true) as Element;
  const drop: Element[] = [];
  const mute: Element[] = [];
  // The live tree and its copy, walked in step, element by element.
  let at: [Element, Element] | null = root.firstElementChild && copy.firstElementChild ? [root.firstElementChild, copy.firstElementChild] : null;
  for (let checked = 0; at && checked < max; checked++) {
    const [el, twin] = at;
    const tag = el.tagName.toUpperCase();
    const verdict = KEPT.has(tag) ? 'shown' : shown(el);
    if (verdict === 'none') drop.push(twin);
    if (verdict === 'textless') mute.push(twin);
    // The head is kept whole; an element the page does not render goes with everything in it.
    const into = tag !== 'HEAD' && verdict !== 'none' && el.firstElementChild && twin.firstElementChild;
    at = into ? [el.firstElementChild!, twin.firstElementChild!] : after(el, twin, root);
  }
  for (const el of mute) for (const n of [...el.childNodes]) if (n.nodeType === 3) n.remove();
  for (const el of drop) el.remove();
  return copy.outerHTML;
}
