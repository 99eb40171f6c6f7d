import { describe, expect, it } from 'vitest';
import { train, trainingOrder } from '../../utils/detect/general/train';

const MULT = 2654435761;
const texts = ['账号已被封禁', 'Home', 'Sign in', 'Home', 'Too many requests', 'Your account has been suspended', 'Home', 'Cart'];

/** The samples' texts in the order a pass visits them, copies marked by their index among copies. */
function visited(list: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const named = list.map((t) => {
    const k = seen.get(t) ?? 0;
    seen.set(t, k + 1);
    return `${t}#${k}`;
  });
  return trainingOrder(list, MULT).map((i) => named[i]!);
}

describe('the order of training samples', () => {
  it('is a permutation of the samples', () => {
    expect([...trainingOrder(texts, MULT)].sort((a, b) => a - b)).toEqual(texts.map((_, i) => i));
  });

  it('leaves the others in their order when a sample is added anywhere', () => {
    const before = visited(texts);
    for (let at = 0; at <= texts.length; at++) {
      const grown = [...texts.slice(0, at), '请求过于频繁', ...texts.slice(at)];
      expect(visited(grown).filter((t) => t !== '请求过于频繁#0')).toEqual(before);
    }
  });

  it('does not depend on where a sample stands in the list', () => {
    expect(visited([...texts].reverse())).toEqual(visited(texts));
  });

  it('spreads copies of one text instead of visiting them in a row', () => {
    const copies = Array.from({ length: 12 }, () => 'Home');
    const order = trainingOrder([...copies, ...texts], MULT);
    const runs = order.filter((i, j) => j > 0 && order[j - 1]! < 12 && i < 12).length;
    expect(runs).toBeLessThan(11);
  });

  it('trains the same weights whatever the list order', () => {
    const samples = texts.map((text) => ({ text, kind: /封禁|suspended|Too many/.test(text) ? ('account-restricted' as const) : null }));
    const a = train(samples, { minCount: 1 });
    const b = train([...samples].reverse(), { minCount: 1 });
    expect(b.features).toEqual(a.features);
    expect([...b.notice]).toEqual([...a.notice]);
    expect([...b.kind]).toEqual([...a.kind]);
  });
});
