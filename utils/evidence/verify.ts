/**
 * Checks shared by `shutout verify` (bundles, streamed, in cli/verify.ts) and JSON exports (here):
 * the chain and its head, the state it records (every record replayed from its entries and
 * amendments, exactly one per live finding), the signature over the manifest and the key the
 * chain names, and what a redacted file withholds. docs/evidence-format.md.
 */
import { ChainVerifier, GENESIS, type ChainEntry } from './chain';
import { EVIDENCE_FORMAT, type ChainSummary } from './export';
import { canonicalJson, MAX_JSON_DEPTH } from './hash';
import { recordDifference, Replay } from './replay';
import { parseFingerprint, verifySignature, formatFingerprint } from './signing';

export interface VerifyOptions {
  /** Fail unless the file was signed by this key (fingerprint, any spacing). */
  key?: string;
  /** Check the timestamp token's chain against this root (PEM or DER). */
  tsaRoot?: Uint8Array;
}

export interface VerifyReport {
  ok: boolean;
  /** What was checked, for the reader. */
  summary: string;
  /** The first thing that does not match: a record (seq and id) or a file. */
  problem?: string;
  /** Further lines: the signature's key, what is withheld, the timestamp, what could not be checked. */
  notes: string[];
  format?: number;
  head?: string | null;
  fingerprint?: string;
}

/** A file that is not evidence at all (exit 2), as against evidence that was altered (exit 1). */
export class NotEvidence extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deeper than any value Shutout writes, found without recursion (a hostile file may nest 100,000 levels). */
export function tooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d >= limit) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (typeof x === 'object' && x !== null) stack.push([x, d + 1]);
  }
  return false;
}

/** Not the shape of a chain entry at all (null, a number, a missing part): unreadable, not altered. */
function shapeProblem(e: unknown, n: number): string | null {
  if (!isObj(e)) return `chain entry ${n} is ${e === null ? 'null' : typeof e}, not a chain entry`;
  for (const [k, t] of [['seq', 'number'], ['type', 'string'], ['recordId', 'string'], ['at', 'string'], ['prevHash', 'string'], ['hash', 'string']] as const) {
    if (typeof e[k] !== t) return `chain entry ${n} has no ${k} (${e[k] === null ? 'null' : typeof e[k]})`;
  }
  if (!isObj(e.data)) return `chain entry ${n} has no data (${e.data === null ? 'null' : typeof e.data})`;
  if (tooDeep(e)) return `chain entry ${n} is nested more than ${MAX_JSON_DEPTH} levels deep: not Shutout data`;
  return null;
}

/** Chain + replay, fed one entry at a time. */
export class ChainCheck {
  readonly verifier: ChainVerifier;
  readonly replay: Replay;
  lastSeq = 0;
  private problemText: string | null = null;

  constructor(readonly stated: ChainSummary | undefined) {
    const from = stated?.from;
    const partial = isObj(from) && typeof from.seq === 'number' && typeof from.prevHash === 'string';
    this.verifier = partial ? new ChainVerifier(from!.prevHash, from!.seq) : new ChainVerifier(GENESIS, 1);
    this.replay = new Replay(partial, stated?.hashedOver === 'redacted copy');
  }

  get problem(): string | null {
    return this.problemText ?? this.replay.problem;
  }

  /** Throws NotEvidence for something that is not an entry at all; returns false at the first altered one. */
  push(e: ChainEntry): boolean {
    if (this.problem) return false;
    const shape = shapeProblem(e, this.verifier.length + 1);
    if (shape) throw new NotEvidence(shape);
    if (!this.verifier.push(e)) {
      const b = this.verifier.firstBad!;
      this.problemText = `chain entry ${b.seq} (record ${b.recordId}): ${b.reason}`;
      return false;
    }
    this.lastSeq = e.seq;
    if (e.type === 'wipe' && isObj(e.data) && typeof e.data.key === 'string') this.replay.keys.push(e.data.key);
    return this.replay.push(e);
  }

  /** After the last entry: the head and length the file states must be the chain's. */
  finish(): string | null {
    if (this.problem) return this.problem;
    const n = this.verifier.length;
    const head = n ? this.verifier.head : null;
    if (!isObj(this.stated)) return 'the file states no chain head';
    if (this.stated.head !== head) return `the chain head stated in the file (${String(this.stated.head)}) does not match the entries (${String(head)})`;
    if (this.stated.length !== (n ? this.lastSeq : 0)) return 'the chain length stated in the file does not match the entries';
    return null;
  }

  head(): string | null {
    return this.verifier.length ? this.verifier.head : null;
  }

  /** "withheld: pageUrl (3 entries), snippet (1)". */
  withheldNote(): string | null {
    const w = [...this.replay.withheld.entries()];
    if (!w.length) return null;
    return `withheld by redaction: ${w.map(([f, n]) => `${f} (${n} ${n === 1 ? 'entry' : 'entries'})`).join(', ')}; every other field matches the chain head, which is the browser's own`;
  }
}

/** Each record against the replayed state: same fields, one record per live finding, none twice. */
export function checkRecords(records: unknown[], check: ChainCheck): string | null {
  const seen = new Set<string>();
  for (const [i, rec] of records.entries()) {
    if (!isObj(rec) || typeof rec.id !== 'string') return `record ${i + 1} is not a finding`;
    if (seen.has(rec.id)) return `record ${rec.id} appears twice`;
    seen.add(rec.id);
    const r = check.replay.live.get(rec.id);
    if (!r) return `record ${rec.id} has no live entry in the chain (never recorded, or deleted)`;
    const diff = recordDifference(rec, r);
    if (diff) return `record ${rec.id} (chain entry ${r.seq}): its ${diff} differs from what the chain records`;
  }
  for (const id of check.replay.live.keys()) if (!seen.has(id)) return `finding ${id} is live in the chain but its record is missing`;
  return null;
}

export interface SignatureOutcome {
  problem?: string;
  notes: string[];
  fingerprint?: string;
}

/** The signature over `signed`, the key the chain names, and the key the reader expects. */
export async function checkSignature(block: unknown, signed: Uint8Array, check: ChainCheck, opts: VerifyOptions): Promise<SignatureOutcome> {
  const want = opts.key === undefined ? null : parseFingerprint(opts.key);
  if (opts.key !== undefined && !want) throw new NotEvidence(`--key ${opts.key} is not a key fingerprint (64 hexadecimal digits)`);
  if (block === undefined) return { problem: 'the signature is missing (every format-2 export is signed)', notes: [] };
  const sig = await verifySignature(block, signed);
  if (!sig.ok) return { problem: sig.problem, notes: [], fingerprint: sig.fingerprint };
  const chainKey = check.replay.keys.at(-1);
  if (chainKey && chainKey !== sig.fingerprint) return { problem: `signed by key ${sig.fingerprint}, but the chain names key ${chainKey}`, notes: [], fingerprint: sig.fingerprint };
  if (want && want !== sig.fingerprint) return { problem: `signed by key ${formatFingerprint(sig.fingerprint)}, not by the key you named (${formatFingerprint(want)})`, notes: [], fingerprint: sig.fingerprint };
  const notes = [
    `signed by key ${formatFingerprint(sig.fingerprint)}${want ? ' (the key you named)' : ' — compare it with the fingerprint you were given, or pass --key FINGERPRINT'}`,
  ];
  if (!chainKey) notes.push('the chain in this file does not name a key');
  return { notes, fingerprint: sig.fingerprint };
}

/** Verify a JSON export (docs/evidence-format.md): format 1 as it always was, format 2 with signature and commitments. */
export async function verifyJsonExport(data: unknown, opts: VerifyOptions = {}): Promise<VerifyReport> {
  return (await checkJsonExport(data, opts)).report;
}

/** The same, also handing back the replayed chain (import stores what it replays). */
export async function checkJsonExport(data: unknown, opts: VerifyOptions = {}, onEntry?: (i: number, total: number) => void): Promise<{ report: VerifyReport; check: ChainCheck }> {
  if (!isObj(data) || data.format !== EVIDENCE_FORMAT) throw new NotEvidence(`not a Shutout JSON export (format is not "${EVIDENCE_FORMAT}")`);
  const check = new ChainCheck(isObj(data.chain) ? (data.chain as unknown as ChainSummary) : undefined);
  return { report: await checkJson(data, check, opts, onEntry), check };
}

async function checkJson(data: Record<string, unknown>, check: ChainCheck, opts: VerifyOptions, onEntry?: (i: number, total: number) => void): Promise<VerifyReport> {
  if (data.version !== 1 && data.version !== 2) throw new NotEvidence(`a Shutout JSON export of version ${JSON.stringify(data.version)?.slice(0, 20)}, which this verifier does not know`);
  if (!Array.isArray(data.entries) || !Array.isArray(data.records)) throw new NotEvidence('not a Shutout JSON export: entries or records are missing');
  const version = data.version;
  const entries = data.entries as ChainEntry[];
  const records = data.records as unknown[];
  const fail = (problem: string): VerifyReport => ({ ok: false, summary: `${entries.length} chain entries, ${records.length} records`, problem, notes: [], format: version });
  for (const [i, r] of records.entries()) {
    if (!isObj(r)) throw new NotEvidence(`record ${i + 1} is ${r === null ? 'null' : typeof r}, not a finding`);
    if (tooDeep(r)) throw new NotEvidence(`record ${i + 1} is nested more than ${MAX_JSON_DEPTH} levels deep: not Shutout data`);
  }
  if (data.signature !== undefined && (!isObj(data.signature) || tooDeep(data.signature))) throw new NotEvidence('the signature is not a signature block');
  if (tooDeep(data.chain)) throw new NotEvidence('the chain summary is not Shutout data');
  for (const [i, e] of entries.entries()) {
    if (!check.push(e)) break;
    if (onEntry && i % 20000 === 0) onEntry(i, entries.length);
  }
  const chainProblem = check.finish();
  if (chainProblem) return fail(chainProblem);
  const recordProblem = checkRecords(records, check);
  if (recordProblem) return fail(recordProblem);
  const notes: string[] = [];
  let fingerprint: string | undefined;
  if (version === 2) {
    const { signature, timestamp, ...rest } = data;
    const signed = new TextEncoder().encode(canonicalJson(rest));
    const s = await checkSignature(signature, signed, check, opts);
    if (s.problem) return { ...fail(s.problem), fingerprint: s.fingerprint };
    notes.push(...s.notes);
    fingerprint = s.fingerprint;
    if (timestamp !== undefined) {
      const { checkTimestamp } = await import('./timestamp');
      const t = await checkTimestamp(typeof timestamp === 'string' ? timestamp : '', new TextEncoder().encode(canonicalJson(signature)), opts.tsaRoot);
      if (t.problem) return { ...fail(`timestamp: ${t.problem}`), fingerprint };
      notes.push(...t.notes);
    }
  } else {
    notes.push('format 1: not signed — anyone could have recomputed this chain; its findings’ first counts are not in the chain');
    if (opts.key) return fail('format 1 exports are not signed, so they cannot be tied to the key you named');
  }
  const w = check.withheldNote();
  if (w) notes.push(w);
  const head = check.head();
  return {
    ok: true,
    summary: `${check.verifier.length} chain entries and ${records.length} records intact; head ${head ?? '(empty)'}`,
    notes,
    format: version,
    head,
    ...(fingerprint ? { fingerprint } : {}),
  };
}
