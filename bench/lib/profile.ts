/** Where the time goes: a V8 CPU profile (CDP Profiler) summed by function, self and total time. */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionCost {
  fn: string;
  selfMs: number;
  totalMs: number;
}

function label(cf: CallFrame): string {
  const name = cf.functionName || '(anonymous)';
  if (!cf.url) return name;
  const file = cf.url.split('/').pop()!.split('?')[0];
  return `${name} (${file}:${cf.lineNumber + 1})`;
}

/**
 * Self and total (inclusive) milliseconds per function, divided by `runs` so that figures are
 * per run. DOM calls made from JavaScript (querySelectorAll, innerText) count as self time of
 * the JavaScript function that made them, as V8 samples them. With `within`, only samples
 * whose stack holds a function it accepts count, and only that function and what it called
 * (leaving out the harness around it, and GC, which V8 samples outside any stack).
 */
export function costByFunction(profile: CpuProfile, runs = 1, within?: (fn: string) => boolean): FunctionCost[] {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    const leaf = byId.get(samples[i]!);
    if (!leaf) continue;
    const stack: string[] = [];
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) stack.push(label(byId.get(id)!.callFrame));
    let top = stack.length - 1;
    if (within) {
      top = stack.findIndex(within);
      if (top < 0) continue;
    }
    const leafLabel = stack[0]!;
    self.set(leafLabel, (self.get(leafLabel) ?? 0) + us);
    const seen = new Set<string>();
    for (const l of stack.slice(0, top + 1)) {
      if (l === '(root)' || seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + us);
    }
  }
  return [...total.keys()]
    .map((fn) => ({ fn, selfMs: (self.get(fn) ?? 0) / 1000 / runs, totalMs: (total.get(fn) ?? 0) / 1000 / runs }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

/** The extension's part of a CPU profile of a page load (issue 13: attribution of the extension's own frames). */
export interface ExtensionShare {
  /** Samples whose stack holds a frame of the extension's scripts, ms. */
  extensionMs: number;
  /** Samples that were not idle (JavaScript, GC, and the engine's own work: layout, style, parsing), ms. */
  busyMs: number;
  sharePct: number;
  /**
   * The longest run of consecutive samples inside the extension's frames, ms: an upper bound of
   * its longest step (two steps with nothing sampled between them count as one).
   */
  longestRunMs: number;
}

export function extensionShare(profile: CpuProfile, isExtension = (url: string) => url.startsWith('chrome-extension://')): ExtensionShare {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const inExt = new Map<number, boolean>();
  const extOf = (id: number): boolean => {
    let v = inExt.get(id);
    if (v === undefined) {
      const n = byId.get(id)!;
      const p = parent.get(id);
      v = isExtension(n.callFrame.url) || (p !== undefined && extOf(p));
      inExt.set(id, v);
    }
    return v;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let ext = 0;
  let busy = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    const node = byId.get(samples[i]!);
    if (!node || node.callFrame.functionName === '(idle)') {
      run = 0;
      continue;
    }
    busy += us;
    if (extOf(node.id)) {
      ext += us;
      run += us;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  return { extensionMs: ext / 1000, busyMs: busy / 1000, sharePct: busy ? (ext / busy) * 100 : 0, longestRunMs: longest / 1000 };
}
