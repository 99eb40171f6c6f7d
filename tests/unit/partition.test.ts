// @vitest-environment happy-dom
/**
 * How the content script cuts a long page into pieces it reads one at a time
 * (utils/dom/partition.ts): which elements are taken apart and which are read whole, in document
 * order, without scripts and the like, and where the work gives the page its turn.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Work } from '../../utils/content/slices';
import { isExcluded, partition, type Partition } from '../../utils/dom/partition';

/** Runs the work to its end, counting the turns it gave back. */
function drive(work: Work<Partition>): { part: Partition; yields: number } {
  let yields = 0;
  for (;;) {
    const r = work.next();
    if (r.done) return { part: r.value, yields };
    yields++;
  }
}

const name = (n: Element | Text) => (n.nodeType === 3 ? `"${(n as Text).data}"` : (n as Element).id || n.nodeName.toLowerCase());
const chunks = (p: Partition) => p.chunks.map(name);
const order = (p: Partition) => p.order.map(({ el, leaf }) => `${el.id || el.localName}${leaf ? '' : '/'}`);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('partition', () => {
  it('on a small page takes every element with element children apart and reads the rest whole, in document order', () => {
    document.body.innerHTML = '<div id="a"><p id="b">x</p>t<p id="c">y</p></div><span id="d">z</span>';
    document.getElementById('a')!.append(document.createTextNode(''));
    const { part } = drive(partition(document.body));
    expect(order(part)).toEqual(['body/', 'a/', 'b', 'c', 'd']);
    // The empty text node is no piece; the loose text between the paragraphs is one.
    expect(chunks(part)).toEqual(['b', '"t"', 'c', 'd']);
  });

  it('leaves out scripts, styles, templates and the like wherever they are', () => {
    document.body.innerHTML =
      '<script id="s1">var a = 1;</script><div id="a"><style id="s2">p{}</style><p id="b">x</p><template id="t"><p>y</p></template><noscript id="n">z</noscript><noembed id="e">z</noembed></div><object id="o"></object>';
    const { part } = drive(partition(document.body));
    expect(order(part)).toEqual(['body/', 'a/', 'b']);
    expect(chunks(part)).toEqual(['b']);
  });

  it('stops taking levels apart once there are 96 pieces, and goes one level further at 95', () => {
    const page = (n: number) => Array.from({ length: n }, (_, i) => `<div id="d${i}"><p id="p${i}">x</p></div>`).join('');
    document.body.innerHTML = page(96);
    const at96 = drive(partition(document.body)).part;
    expect(at96.order.filter((o) => o.leaf)).toHaveLength(96);
    expect(order(at96).slice(0, 3)).toEqual(['body/', 'd0', 'd1']);
    expect(chunks(at96)[95]).toBe('d95');

    document.body.innerHTML = page(95);
    const at95 = drive(partition(document.body)).part;
    expect(order(at95).slice(0, 5)).toEqual(['body/', 'd0/', 'p0', 'd1/', 'p1']);
    expect(chunks(at95)).toEqual(Array.from({ length: 95 }, (_, i) => `p${i}`));
  });

  it('takes at most 8 levels apart: deeper subtrees are read whole', () => {
    let html = 'deep';
    for (let i = 12; i >= 1; i--) html = `<div id="d${i}">${html}</div>`;
    document.body.innerHTML = html;
    const { part } = drive(partition(document.body));
    expect(order(part)).toEqual(['body/', 'd1/', 'd2/', 'd3/', 'd4/', 'd5/', 'd6/', 'd7/', 'd8']);
    expect(chunks(part)).toEqual(['d8']);
  });

  it('takes a whole-read piece apart down to a script inside it, so that the script is never read', () => {
    const others = Array.from({ length: 99 }, (_, i) => `<div id="o${i}"><p>x</p></div>`).join('');
    document.body.innerHTML = `<div id="x"><section id="y"><p id="p1">a</p><script>var s = 1;</script></section><p id="p2">b</p></div>${others}`;
    const { part } = drive(partition(document.body));
    expect(order(part).slice(0, 6)).toEqual(['body/', 'x/', 'y/', 'p1', 'p2', 'o0']);
    expect(chunks(part).slice(0, 3)).toEqual(['p1', 'p2', 'o0']);
    expect(part.order.filter((o) => !o.leaf)).toHaveLength(3);
  });

  it('gives the page its turn after each level, after the search for scripts (and every 512 found), and every 2,048 pieces read', () => {
    document.body.innerHTML = Array.from({ length: 96 }, () => '<div><p>x</p></div>').join('');
    // One level, then one turn after the search for excluded elements.
    expect(drive(partition(document.body)).yields).toBe(1 + 1);

    document.body.innerHTML = '<i>x</i>'.repeat(3000);
    // One level; the search; 3,000 pieces read: one turn at 2,048.
    expect(drive(partition(document.body)).yields).toBe(3);

    document.body.innerHTML = '<div><p>a</p><p>b</p></div>';
    // Two levels (body, then the div), the search, three pieces read.
    expect(drive(partition(document.body)).yields).toBe(3);

    document.body.innerHTML = Array.from({ length: 96 }, () => `<div>${'<p>x</p><style>p{}</style>'.repeat(13)}</div>`).join('');
    // 1,248 styles found: turns at the 512th and 1,024th, then after the search; 1,248 pieces read.
    const { yields, part } = drive(partition(document.body));
    expect(yields).toBe(1 + 2 + 1);
    expect(chunks(part)).toHaveLength(96 * 13);
  });
});

describe('isExcluded', () => {
  it('is true for elements whose text is never shown, and only for them', () => {
    for (const tag of ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'noembed', 'noframes']) {
      expect(isExcluded(document.createElement(tag)), tag).toBe(true);
    }
    for (const tag of ['div', 'p', 'dialog', 'section', 'span', 'textarea']) expect(isExcluded(document.createElement(tag)), tag).toBe(false);
  });
});
