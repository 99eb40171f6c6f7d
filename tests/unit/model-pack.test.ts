import { describe, expect, it } from 'vitest';
import { MAX_FEATURES, pack, unpack } from '../../utils/detect/general/model';
import { NOTICE_KINDS, type TrainedModel } from '../../utils/detect/general/train';

/**
 * How a trained model ships (utils/detect/general/model.ts): weights quantised to bytes against the
 * largest, only the features whose weights do not round to (nearly) nothing, at most MAX_FEATURES of
 * them, the heaviest first, in the order of the trained feature list.
 */
const K = NOTICE_KINDS.length;

function model(features: string[], notice: number[], kindAt: Record<number, [number, number]> = {}): TrainedModel {
  const kind = new Float32Array(features.length * K);
  for (const [f, [j, v]] of Object.entries(kindAt)) kind[Number(f) * K + j] = v;
  return { features, notice: Float32Array.from(notice), noticeBias: -1.5, kind, kindBias: Float32Array.from(NOTICE_KINDS.map((_, i) => i / 10)) };
}

describe('a packed model', () => {
  it('quantises each table against its largest weight and keeps the features that weigh more than one step', () => {
    // a: the largest notice weight; b: rounds to zero; c: a negative notice weight; d: a kind weight only;
    // e: one step of a kind weight (weighs 1, dropped); f: one step of the notice weight (weighs 2, kept).
    const m = model(['a', 'b', 'c', 'd', 'e', 'f'], [1.27, 0.003, -0.64, 0, 0, 0.01], { 3: [2, 2.54], 4: [1, 0.02] });
    const p = pack(m);
    expect(p.features.split('\n')).toEqual(['a', 'c', 'd', 'f']);
    expect(p.noticeScale).toBeCloseTo(0.01, 6);
    expect(p.kindScale).toBeCloseTo(0.02, 6);
    expect(p.noticeBias).toBe(-1.5);
    expect(p.kindBias).toEqual([...m.kindBias]);
    const u = unpack(p);
    expect([...u.notice].map((v) => Math.round(v * 100))).toEqual([127, -64, 0, 1]);
    expect(u.index.get('d')).toBe(2);
    expect(Math.round(u.kind[2 * K + 2]! * 100)).toBe(254);
    expect([...u.kind].filter((v) => v !== 0)).toHaveLength(1);
  });

  it('of all zero weights ships nothing, and unpacks to an empty model', () => {
    const p = pack(model(['a', 'b'], [0, 0]));
    expect(p.features).toBe('');
    expect(p.noticeScale).toBe(1);
    expect(unpack(p).features).toEqual([]);
  });

  it(`keeps the ${MAX_FEATURES} heaviest features when there are more, the lightest left out, in the trained order`, () => {
    const n = MAX_FEATURES + 2;
    const features = Array.from({ length: n }, (_, i) => `f${i}`);
    // Every feature weighs 50 steps but f5 and f7 (one step, weight 2) and f0 (127 steps, the scale).
    const notice = features.map((_, i) => (i === 0 ? 1.27 : i === 5 || i === 7 ? 0.01 : 0.5));
    const kept = pack(model(features, notice)).features.split('\n');
    expect(kept).toHaveLength(MAX_FEATURES);
    expect(kept).not.toContain('f5');
    expect(kept).not.toContain('f7');
    expect(kept.slice(0, 6)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f6']);
    // Among equal weights the earlier feature wins the last place.
    const tied = pack(model(features, features.map((_, i) => (i === 0 ? 1.27 : 0.5)))).features.split('\n');
    expect(tied.at(-1)).toBe(`f${MAX_FEATURES - 1}`);
  });
});
