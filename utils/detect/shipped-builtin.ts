import type { PackedModel } from './general/model';

/**
 * The built-in detectors' data as the extension ships it: the rules, frames, cues and phrase
 * automata as JSON text (parsed when first needed), the model as its packed strings. Made at
 * build time (scripts/lib/shipped.ts). The content script's bundle does not carry it: compiling
 * half a megabyte of string literals cost each page about 7 ms of its main thread. The watch
 * script asks the background for it (`rules/builtin`) and hands it here before the engine runs.
 */
export interface BuiltinData {
  FAMILIES: string;
  FRAMES: string;
  CUES: string;
  MODEL: PackedModel;
  TABLE: string;
  LOOSE: string;
}

/** The extension's file that holds it (written by the build, read by the background). */
export const BUILTIN_DATA_FILE = 'builtin-data.json';

let provided: BuiltinData | undefined;

const TEXT_FIELDS = ['FAMILIES', 'FRAMES', 'CUES', 'TABLE', 'LOOSE'] as const;

/** The data from its JSON text, or why it is not the data (a truncated or foreign answer). */
export function parseBuiltinData(text: string): BuiltinData | string {
  let d: unknown;
  try {
    d = JSON.parse(text);
  } catch {
    return 'the built-in rules are not JSON';
  }
  if (typeof d !== 'object' || d === null) return 'the built-in rules are not an object';
  const r = d as Record<string, unknown>;
  for (const f of TEXT_FIELDS) if (typeof r[f] !== 'string') return `the built-in rules lack ${f}`;
  if (typeof r.MODEL !== 'object' || r.MODEL === null) return 'the built-in rules lack MODEL';
  return d as BuiltinData;
}

export function provideBuiltinData(d: BuiltinData): void {
  provided = d;
}

/** What the build's builtin module reads (the content script's build only). */
export function builtinData(): BuiltinData {
  if (!provided) throw new Error('the built-in rules have not come from the background');
  return provided;
}
