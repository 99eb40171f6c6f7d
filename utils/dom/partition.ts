import type { Work } from '../content/slices';

/**
 * A page's body cut into pieces the content script can read one at a time: subtrees whose whole
 * text (`textContent`, a single cheap call) is page text, and the elements above them, taken
 * apart. Scripts, styles, templates and the like are left out: a subtree that holds one is taken
 * apart down to it. Region queries and the shadow-root sweep also go piece by piece, so that no
 * single call walks a 100k-element page.
 */

/** Elements whose text is never shown (textContent would include a script's source). */
const EXCLUDED_NAMES = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'noembed', 'noframes']);

/** Pieces wanted from the first, structural cut (more pieces: smaller steps, more calls). */
const TARGET_PIECES = 96;
const MAX_LEVELS = 8;

export interface Partition {
  /** Leaf subtrees and loose text nodes, in document order: their text is read whole. */
  chunks: Array<Element | Text>;
  /**
   * Every element the partition touches, in document order: the taken-apart ones (`leaf: false`,
   * read only as elements) before what lies inside them, and the leaves.
   */
  order: Array<{ el: Element; leaf: boolean }>;
}

export function isExcluded(el: Element): boolean {
  return EXCLUDED_NAMES.has(el.localName);
}

export function* partition(body: Element): Work<Partition> {
  const apart = new Set<Element>([body]);
  // 1. Take apart the top levels of the tree, level by level, until there are enough pieces.
  let level: Element[] = [body];
  let pieces = 1;
  for (let depth = 0; depth < MAX_LEVELS && pieces < TARGET_PIECES && level.length > 0; depth++) {
    const next: Element[] = [];
    for (const el of level) {
      apart.add(el);
      pieces--;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        if (isExcluded(c)) continue;
        pieces++;
        if (c.firstElementChild) next.push(c);
      }
    }
    level = next;
    yield;
  }
  // 2. Whatever holds an excluded element is taken apart down to it. One tag-name list per
  // excluded name walks the page once each, in the engine's own cached collection; a selector
  // query per leaf cost 9.9 ms of each warm scan of the 100k-node page (BENCHMARKS.md, 1b). An element
  // already apart (the top levels) stops the climb.
  let climbed = 0;
  for (const name of EXCLUDED_NAMES) {
    const found = body.getElementsByTagName(name);
    for (let i = 0; i < found.length; i++) {
      for (let e = found[i]!.parentElement; e && !apart.has(e); e = e.parentElement) apart.add(e);
      if (++climbed % 512 === 0) yield;
    }
  }
  yield;
  // 3. Read the pieces off in document order.
  const chunks: Array<Element | Text> = [];
  const order: Partition['order'] = [];
  order.push({ el: body, leaf: false });
  const visit = function* (root: Element): Generator<void, void, void> {
    // Iterative pre-order over the taken-apart elements (a deep page must not overflow the stack).
    const pending: Node[] = [];
    for (let c = root.lastChild; c; c = c.previousSibling) pending.push(c);
    let steps = 0;
    while (pending.length > 0) {
      const n = pending.pop()!;
      if (n.nodeType === 3) {
        if ((n as Text).data.length > 0) chunks.push(n as Text);
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (isExcluded(el)) continue;
      if (apart.has(el)) {
        order.push({ el, leaf: false });
        for (let c = el.lastChild; c; c = c.previousSibling) pending.push(c);
      } else {
        order.push({ el, leaf: true });
        chunks.push(el);
      }
      if (++steps % 2048 === 0) yield;
    }
  };
  yield* visit(body);
  return { chunks, order };
}
