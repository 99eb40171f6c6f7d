import type { PackedModel } from './model';
export const MODEL: PackedModel = { features: '', notice: '', noticeScale: 1, noticeBias: -10, kind: '', kindScale: 1, kindBias: [0,0,0,0,0,0] };
