import type { Kind } from '../kinds';
import { bytesFromBase64, bytesOfView, bytesToBase64 } from '../base64';
import type { Concept } from './compose';
import { featuresOf } from './features';
import { foldToString } from '../normalize';
import { NOTICE_KINDS, type TrainedModel } from './train';

/**
 * The learned layer at run time: weights shipped as data (model-data.ts, made by
 * scripts/train-model.ts), quantised to 8 bits, decoded once when first needed.
 */
export interface PackedModel {
  /** Features, newline-separated. */
  features: string;
  /** Int8 weights, base64: one per feature for "notice", then features × kinds. */
  notice: string;
  noticeScale: number;
  noticeBias: number;
  kind: string;
  kindScale: number;
  kindBias: number[];
}

export interface Model {
  index: Map<string, number>;
  features: string[];
  notice: Float32Array;
  noticeBias: number;
  kind: Float32Array;
  kindBias: readonly number[];
}

export interface Scored {
  /** Probability that the candidate is a notice. */
  p: number;
  kind: Kind;
  /** The features that pushed hardest towards "notice", in order. */
  why: string[];
}

const toBase64 = (bytes: Int8Array): string => bytesToBase64(bytesOfView(bytes));

function fromBase64(b64: string): Int8Array {
  const bytes = bytesFromBase64(b64);
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function quantise(w: Float32Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 127 : 1;
  return { q: Int8Array.from(w, (v) => Math.round(v / scale)), scale };
}

/** At most this many features are shipped: the ones that weigh most. */
export const MAX_FEATURES = 8000;

/** Quantise a trained model and keep the features that weigh most (those whose weights round to zero never ship). */
export function pack(m: TrainedModel): PackedModel {
  const K = NOTICE_KINDS.length;
  const n = quantise(m.notice);
  const k = quantise(m.kind);
  const weight = (f: number) => {
    let w = Math.abs(n.q[f]!) * 2;
    for (let j = 0; j < K; j++) w = Math.max(w, Math.abs(k.q[f * K + j]!));
    return w;
  };
  const keep = m.features
    .map((_, f) => f)
    .filter((f) => weight(f) > 1)
    .sort((a, b) => weight(b) - weight(a) || a - b)
    .slice(0, MAX_FEATURES)
    .sort((a, b) => a - b);
  const notice = Int8Array.from(keep, (f) => n.q[f]!);
  const kind = new Int8Array(keep.length * K);
  keep.forEach((f, i) => kind.set(k.q.subarray(f * K, f * K + K), i * K));
  return {
    features: keep.map((f) => m.features[f]).join('\n'),
    notice: toBase64(notice),
    noticeScale: n.scale,
    noticeBias: m.noticeBias,
    kind: toBase64(kind),
    kindScale: k.scale,
    kindBias: [...m.kindBias],
  };
}

export function unpack(p: PackedModel): Model {
  const features = p.features ? p.features.split('\n') : [];
  const index = new Map<string, number>();
  for (let i = 0; i < features.length; i++) index.set(features[i]!, i);
  // Plain loops: decoding runs in a tab's first judged page, in a step of its own.
  const scaled = (q: Int8Array, scale: number) => {
    const out = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) out[i] = q[i]! * scale;
    return out;
  };
  return {
    features,
    index,
    notice: scaled(fromBase64(p.notice), p.noticeScale),
    noticeBias: p.noticeBias,
    kind: scaled(fromBase64(p.kind), p.kindScale),
    kindBias: p.kindBias,
  };
}

/** A trained model used directly (the blind evaluation retrains per held-out group). */
export function fromTrained(m: TrainedModel): Model {
  return unpack(pack(m));
}

export function score(model: Model, text: string, concepts: readonly Concept[] = []): Scored {
  const K = NOTICE_KINDS.length;
  const present: number[] = [];
  for (const f of featuresOf(text, concepts)) {
    const i = model.index.get(f);
    if (i !== undefined) present.push(i);
  }
  let z = model.noticeBias;
  for (const i of present) z += model.notice[i]!;
  const p = 1 / (1 + Math.exp(-z));
  let best = 0;
  let bestV = -Infinity;
  for (let k = 0; k < K; k++) {
    let v = model.kindBias[k]!;
    for (const i of present) v += model.kind[i * K + k]!;
    if (v > bestV) (bestV = v), (best = k);
  }
  // A concept is shown as the words of the text that carry it; the text is folded again only then.
  let folded: string | undefined;
  const shown = (f: string) => {
    if (!f.startsWith('k:')) return f.replace(/^w:/, '');
    folded ??= foldToString(text.slice(0, 2000));
    // The fullest words any of the concept's frames finds ("il tuo account" rather than "account").
    let words = '';
    for (const c of concepts) {
      const m = c.key === f ? c.re.exec(folded) : null;
      if (m && m[0].length > words.length) words = m[0];
    }
    return words;
  };
  const why = present
    .filter((i) => model.notice[i]! > 0 && !/^[cx]:/.test(model.features[i]!))
    .sort((a, b) => model.notice[b]! - model.notice[a]!)
    .map((i) => shown(model.features[i]!))
    .filter((w, i, all) => w !== '' && all.indexOf(w) === i)
    .slice(0, 4);
  return { p, kind: NOTICE_KINDS[best]!, why };
}
