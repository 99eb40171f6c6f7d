/**
 * Aho–Corasick over folded UTF-16 code units. One automaton holds every phrase of every rule,
 * so a page is read once whatever the number of rules (measured: 2.5–7 ms for 300–2,000
 * phrases on a 500k-character page, where one RegExp alternation misses overlapping phrases
 * and one `includes` per phrase grows linearly).
 *
 * States are numbered breadth-first, children in symbol order, so that the trie travels as
 * flat arrays (`AutomatonData`: the extension ships the built-in rules' automaton made at
 * build time) and its transitions need no table: a state's children are consecutive states
 * (tables()). The root's transitions are dense, and characters that occur in no phrase reset to
 * the root without a lookup.
 */
export interface Automaton {
  /** Calls `hit(patternIndex, endExclusive)` for every occurrence, overlapping ones included. */
  scan(codes: Uint16Array, length: number, hit: (pattern: number, end: number) => void): void;
  /**
   * The same over `codes[from, to)`, starting in `state` (0: the start) and returning the state
   * reached, so that a long text can be read in pieces, as one text.
   */
  scanFrom(codes: Uint16Array, from: number, to: number, state: number, hit: (pattern: number, end: number) => void): number;
  readonly patternLengths: Int32Array;
  /** The automaton as flat arrays (see automatonFromData). */
  data(): AutomatonData;
}

/**
 * A built automaton as flat arrays, breadth-first: state s > 0 is a child of the state whose run
 * `first[p] … first[p + 1] - 1` holds it, reached by edge[s - 1]. Everything a tab needs to scan is
 * here, made at build time: a tab that decodes it runs no loop over the states (issue 13: about
 * 20,000 states an automaton, two automata, 25 ms a page load in the interpreter).
 */
export interface AutomatonData {
  /** Pairs: code unit, symbol (1…). */
  symbols: Uint16Array;
  /** Where each state's children start (states + 1 entries; first[0] = 1, the root's first child). */
  first: Uint16Array;
  edge: Uint16Array;
  /** Fail link of each state > 0. */
  fail: Uint16Array;
  /** Pairs: state, pattern ending there; by state. */
  ends: Int32Array;
  /**
   * Per state: the nearest state on its fail chain, itself included, where a pattern ends, as its
   * rank among the states of `ends` (1…), or 0 when none does.
   */
  outLink: Uint16Array;
  patternLengths: Int32Array;
}

export function buildAutomaton(patterns: readonly Uint16Array[]): Automaton {
  const symbolOf = new Uint16Array(65536);
  let symbols = 0;
  for (const p of patterns) for (const c of p) if (symbolOf[c] === 0) symbolOf[c] = ++symbols;

  // Trie with per-state Maps while building; renumbered breadth-first below.
  const edges: Array<Map<number, number>> = [new Map()];
  const terminal: number[][] = [[]];
  patterns.forEach((p, index) => {
    if (p.length === 0) return;
    let s = 0;
    for (const c of p) {
      const y = symbolOf[c]!;
      let t = edges[s]!.get(y);
      if (t === undefined) {
        t = edges.length;
        edges.push(new Map());
        terminal.push([]);
        edges[s]!.set(y, t);
      }
      s = t;
    }
    terminal[s]!.push(index);
  });
  const states = edges.length;
  if (states > 0xffff || symbols > 0xffff) throw new Error(`automaton too large: ${states} states, ${symbols} symbols`);

  // Breadth-first numbering; edges in symbol order so that the numbering is deterministic.
  const order = [0];
  const number = new Int32Array(states);
  for (let qi = 0; qi < order.length; qi++) {
    const s = order[qi]!;
    for (const [, t] of [...edges[s]!].sort((a, b) => a[0] - b[0])) {
      number[t] = order.length;
      order.push(t);
    }
  }
  const parent = new Uint16Array(states - 1);
  const edge = new Uint16Array(states - 1);
  for (let s = 0; s < states; s++) {
    for (const [y, t] of edges[s]!) {
      parent[number[t]! - 1] = number[s]!;
      edge[number[t]! - 1] = y;
    }
  }
  const ends: number[] = [];
  for (let n = 0; n < states; n++) for (const p of terminal[order[n]!]!) ends.push(n, p);
  const symbolPairs: number[] = [];
  for (let c = 0; c < 65536; c++) if (symbolOf[c]) symbolPairs.push(c, symbolOf[c]!);
  const first = firstChildren(parent);
  const partial = { symbols: Uint16Array.from(symbolPairs), first, edge, ends: Int32Array.from(ends) };
  const fail = computeFail(partial);
  return automatonFromData({ ...partial, fail, outLink: outputLinks(first.length - 1, fail, partial.ends), patternLengths: Int32Array.from(patterns, (p) => p.length) });
}

/** Where each state's run of children starts: a count of each state's children, summed up. */
function firstChildren(parent: Uint16Array): Uint16Array {
  const states = parent.length + 1;
  const first = new Uint16Array(states + 1);
  for (let s = 1; s < states; s++) first[parent[s - 1]! + 1]!++;
  first[0] = 1;
  for (let q = 0; q < states; q++) first[q + 1]! += first[q]!;
  return first;
}

/** Fail links of a breadth-first trie (its parents come before it, and so does every shorter state). */
function computeFail(d: Pick<AutomatonData, 'symbols' | 'first' | 'edge'>): Uint16Array {
  const t = tables(d);
  const states = d.first.length - 1;
  const fail = new Uint16Array(states - 1);
  // Children of each parent p are the run first[p] … first[p + 1] - 1: walking the states in
  // order with their parent alongside visits every parent before its children.
  for (let p = 1; p < states; p++) {
    for (let s = d.first[p]!; s < d.first[p + 1]!; s++) {
      const y = d.edge[s - 1]!;
      let f = fail[p - 1]!;
      for (;;) {
        const to = t.next(f, y);
        if (to > 0 && to !== s) {
          fail[s - 1] = to;
          break;
        }
        if (f === 0) break;
        f = fail[f - 1]!;
      }
    }
  }
  return fail;
}

/** AutomatonData.outLink: breadth-first, a state's fail link is always numbered before it. */
function outputLinks(states: number, fail: Uint16Array, ends: Int32Array): Uint16Array {
  const rank = new Uint16Array(states);
  let outputs = 0;
  for (let i = 0; i < ends.length; i += 2) if (rank[ends[i]!] === 0) rank[ends[i]!] = ++outputs;
  const outLink = new Uint16Array(states);
  for (let s = 1; s < states; s++) outLink[s] = rank[s] || outLink[fail[s - 1]!]!;
  return outLink;
}

interface Tables {
  symbolOf: Uint16Array;
  rootNext: Int32Array;
  next(s: number, y: number): number;
}

/** Siblings at most this many are searched one by one; more, by halving. */
const LINEAR_CHILDREN = 8;

/**
 * Transitions without building anything per transition: breadth-first numbering in symbol order
 * makes the children of a state one run of consecutive states, sorted by their edge's symbol, so
 * `first` (where each state's run starts, made at build time) is all a lookup needs; most states
 * have one child, so a lookup is one comparison. Only the symbol table and the root's dense row are
 * made here: loops over the symbols and the root's children, a few hundred each.
 */
function tables(d: Pick<AutomatonData, 'symbols' | 'first' | 'edge'>): Tables {
  const symbolOf = new Uint16Array(65536);
  let symbols = 0;
  for (let i = 0; i < d.symbols.length; i += 2) {
    symbolOf[d.symbols[i]!] = d.symbols[i + 1]!;
    symbols = Math.max(symbols, d.symbols[i + 1]!);
  }
  const { first, edge } = d;
  const rootNext = new Int32Array(symbols + 1);
  for (let t = first[0]!; t < first[1]!; t++) rootNext[edge[t - 1]!] = t;
  const next = (s: number, y: number): number => {
    if (s === 0) return rootNext[y]!;
    let lo = first[s]!;
    let hi = first[s + 1]!;
    if (hi - lo <= LINEAR_CHILDREN) {
      for (; lo < hi; lo++) if (edge[lo - 1] === y) return lo;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = edge[mid - 1]!;
      if (e === y) return mid;
      if (e < y) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  };
  return { symbolOf, rootNext, next };
}

/** An automaton from its flat arrays (built here, or shipped with the extension). */
export function automatonFromData(d: AutomatonData): Automaton {
  const states = d.edge.length + 1;
  // The arrays' sizes must agree, or a lookup would read past them (a truncated or foreign file).
  if (d.first.length !== states + 1 || d.fail.length !== states - 1 || d.outLink.length !== states || d.first[0] !== 1 || d.first[states] !== states || d.ends.length % 2 !== 0) {
    throw new Error('automaton data: its arrays do not describe one automaton');
  }
  const { symbolOf, next } = tables(d);
  const { fail, outLink } = d;
  // The states where patterns end, by rank: where their patterns start in endList, and the next
  // such state on their fail chain.
  let outputs = 0;
  for (let i = 0; i < d.ends.length; i += 2) if (i === 0 || d.ends[i] !== d.ends[i - 2]) outputs++;
  const outFrom = new Int32Array(outputs + 2);
  const outNext = new Uint16Array(outputs + 1);
  const endList = new Int32Array(d.ends.length >> 1);
  for (let i = 0, k = 0; i < d.ends.length; i += 2) {
    if (i === 0 || d.ends[i] !== d.ends[i - 2]) {
      outFrom[++k] = i >> 1;
      const state = d.ends[i]!;
      if (outLink[state] !== k) throw new Error('automaton data: its output links do not match its ends');
      outNext[k] = state > 0 ? outLink[fail[state - 1]!]! : 0;
    }
    endList[i >> 1] = d.ends[i + 1]!;
  }
  outFrom[outputs + 1] = endList.length;

  const scanFrom = (codes: Uint16Array, from: number, to: number, state: number, hit: (pattern: number, end: number) => void): number => {
    let s = state;
    for (let i = from; i < to; i++) {
      const y = symbolOf[codes[i]!]!;
      if (y === 0) {
        s = 0;
        continue;
      }
      for (;;) {
        const t = next(s, y);
        if (t > 0) {
          s = t;
          break;
        }
        if (s === 0) break;
        s = fail[s - 1]!;
      }
      for (let o = outLink[s]!; o > 0; o = outNext[o]!) for (let k = outFrom[o]!; k < outFrom[o + 1]!; k++) hit(endList[k]!, i + 1);
    }
    return s;
  };
  return {
    patternLengths: d.patternLengths,
    scanFrom,
    scan(codes, length, hit) {
      scanFrom(codes, 0, length, 0, hit);
    },
    data: () => d,
  };
}

/**
 * Two automata as one: B's patterns are numbered after A's, both read the text, and hits come out
 * in the order of their end (a user's own rules next to the built-in ones, without rebuilding).
 */
export function joinAutomata(A: Automaton, B: Automaton): Automaton {
  const n = A.patternLengths.length;
  const lengths = new Int32Array(n + B.patternLengths.length);
  lengths.set(A.patternLengths);
  lengths.set(B.patternLengths, n);
  const scanFrom: Automaton['scanFrom'] = (codes, from, to, state, hit) => {
    const found: number[] = [];
    // The joined state holds both: each automaton has at most 0xffff states.
    const sa = A.scanFrom(codes, from, to, state % 0x10000, (p, end) => found.push(end, p));
    const sb = B.scanFrom(codes, from, to, Math.floor(state / 0x10000), (p, end) => found.push(end, p + n));
    const order = Array.from({ length: found.length / 2 }, (_, i) => i).sort((x, y) => found[2 * x]! - found[2 * y]! || x - y);
    for (const i of order) hit(found[2 * i + 1]!, found[2 * i]!);
    return sa + sb * 0x10000;
  };
  return {
    patternLengths: lengths,
    scanFrom,
    scan: (codes, length, hit) => void scanFrom(codes, 0, length, 0, hit),
    data() {
      throw new Error('a joined automaton has no flat form');
    },
  };
}
