import { unzipSync } from 'fflate';
import * as v from 'valibot';
import { firstIssue, int, range, text } from '../protocol/schema';
import { KINDS } from '../detect/kinds';
import type { FindingRecord, ShutoutDB } from '../storage/db';
import { BUNDLE_FORMAT } from './bundle';
import { ENTRY_TYPES, type ChainEntry } from './chain';
import { findingContentOf } from './content';
import { EVIDENCE_FORMAT, type ChainSummary } from './export';
import { sha256Hex } from './hash';
import type { ReplayRecord } from './replay';
import { committed, appendToChain } from './store';
import { ChainCheck, checkJsonExport, checkSignature, NotEvidence } from './verify';

/** Import refuses, with a message naming the problem, and changes nothing. */
export class ImportError extends Error {}

export const IMPORT_LIMIT_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 1_000_000;

const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex string'));
const EntrySchema = v.object({
  seq: int(1, Number.MAX_SAFE_INTEGER),
  type: v.picklist(ENTRY_TYPES),
  recordId: text(200, 1),
  at: text(40),
  data: v.record(v.string(), v.unknown()),
  prevHash: hex64,
  hash: hex64,
  disclose: v.optional(v.record(v.string(), v.tuple([text(64), v.unknown()]))),
  withheld: v.optional(v.record(v.string(), v.unknown())),
});
/** What an imported finding must look like once replayed (its content, from its entry's opened fields). */
const ContentSchema = v.object({
  id: text(200, 1),
  key: text(400),
  pageId: text(200),
  observedAt: text(40),
  tzOffsetMinutes: v.optional(int(-900, 900)),
  pageUrl: text(8192),
  pageTitle: text(2000),
  platform: v.nullable(text(64)),
  kind: v.picklist(KINDS),
  ruleId: text(200),
  rulesetVersion: text(100),
  snippet: text(2000),
  where: v.picklist(['url', 'title', 'text', 'dialog', 'network']),
  confidence: range(0, 1),
  until: v.optional(text(40)),
  subject: v.optional(text(300)),
  basis: v.optional(v.picklist(['url-only', 'page-supplied'])),
  initiator: v.optional(text(300)),
  extensionVersion: v.optional(text(100)),
  browser: v.optional(text(200)),
  uiLanguage: v.optional(text(40)),
  profileLabel: v.optional(text(200)),
  count: int(0, 1_000_000_000),
  review: v.picklist(['unreviewed', 'confirmed', 'false-positive']),
  note: v.optional(text(2000)),
});
const HeadSchema = v.object({
  format: v.literal(EVIDENCE_FORMAT),
  version: v.union([v.literal(1), v.literal(2)]),
  entries: v.pipe(v.array(v.unknown()), v.maxLength(MAX_ENTRIES)),
  records: v.pipe(v.array(v.unknown()), v.maxLength(MAX_ENTRIES)),
});

export interface ImportFinding {
  content: Record<string, unknown>;
  count: number;
  review: FindingRecord['review'];
  note?: string;
  /** The file's latest scope check of it, as its chain records it. */
  scope?: { scope: NonNullable<FindingRecord['scope']>; scopeCheck: NonNullable<FindingRecord['scopeCheck']> };
  /** Where the file's chain recorded it. */
  source: { seq: number; hash: string };
  /** Fields the file withheld (redacted): the masked text is what gets stored. */
  withheld: string[];
}

export interface ImportPlan {
  source: string;
  /** The live findings of the file's chain, replayed: their state comes from the chain, nothing else. */
  findings: ImportFinding[];
  entries: number;
  head: string | null;
  fingerprint: string | null;
  format: number;
}

export type Progress = (done: number, total: number, phase: 'read' | 'check' | 'store') => void;

const issue = (issues: readonly v.BaseIssue<unknown>[]): string => firstIssue(issues, 'file');

function planFromCheck(check: ChainCheck, source: string, fingerprint: string | null, format: number): ImportPlan {
  const findings: ImportFinding[] = [];
  const keys = new Map<string, string>();
  for (const r of check.replay.records()) {
    const p = v.safeParse(ContentSchema, { ...r, note: r.note });
    if (!p.success) throw new ImportError(`${source}: finding ${r.id} (chain entry ${r.seq}): ${issue(p.issues)}`);
    const other = keys.get(p.output.key);
    if (other) throw new ImportError(`${source}: findings ${other} and ${r.id} have the same key (one page, one kind): the file is not one browser's chain`);
    keys.set(p.output.key, r.id);
    findings.push(toFinding(r));
  }
  return { source, findings, entries: check.verifier.length, head: check.head(), fingerprint, format };
}

function toFinding(r: ReplayRecord): ImportFinding {
  return {
    content: findingContentOf(r),
    count: r.count,
    review: r.review,
    ...(r.note ? { note: r.note } : {}),
    ...(r.scope && r.scopeCheck ? { scope: { scope: r.scope, scopeCheck: r.scopeCheck } } : {}),
    source: { seq: r.seq, hash: r.hash },
    withheld: r.withheld,
  };
}

async function fromJson(text: string, source: string, progress?: Progress): Promise<ImportPlan> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`${source} is not valid JSON (${(e as Error).message}) — was it cut short?`);
  }
  const head = v.safeParse(HeadSchema, data);
  if (!head.success) throw new ImportError(`${source} is not a Shutout export: ${issue(head.issues)}`);
  const entries = head.output.entries;
  for (const [i, e] of entries.entries()) {
    const p = v.safeParse(EntrySchema, e);
    if (!p.success) throw new ImportError(`${source}: entries.${i}.${issue(p.issues)}`);
    if (i % 20000 === 0) progress?.(i, entries.length, 'read');
  }
  let r;
  try {
    r = await checkJsonExport(data, {}, (i, total) => progress?.(i, total, 'check'));
  } catch (e) {
    throw new ImportError(`${source} is not a Shutout export: ${(e as Error).message}`);
  }
  const { report, check } = r;
  if (!report.ok) throw new ImportError(`${source} does not verify: ${report.problem}`);
  return planFromCheck(check, source, report.fingerprint ?? null, head.output.version);
}

async function fromBundle(bytes: Uint8Array, source: string, progress?: Progress): Promise<ImportPlan> {
  let files: Record<string, Uint8Array>;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === 'manifest.json' || f.name === 'records.ndjson' || f.name === 'signature.json';
        if (!wanted) return false;
        total += f.originalSize;
        if (total > IMPORT_LIMIT_BYTES || f.originalSize > f.size * 200 + (1 << 20)) throw new ImportError(`${source} unpacks to more than it could hold (${f.name}: ${f.originalSize} bytes)`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`${source} is not a readable ZIP (${(e as Error).message})`);
  }
  const dec = new TextDecoder();
  const manifestBytes = files['manifest.json'];
  const records = files['records.ndjson'];
  if (!manifestBytes || !records) throw new ImportError(`${source} is not a Shutout bundle: manifest.json or records.ndjson is missing`);
  let manifest: { format?: unknown; version?: unknown; files?: unknown; chain?: ChainSummary; records?: unknown };
  try {
    manifest = JSON.parse(dec.decode(manifestBytes));
  } catch {
    throw new ImportError(`${source}: manifest.json is not valid JSON`);
  }
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== BUNDLE_FORMAT) throw new ImportError(`${source}: manifest.json is not a Shutout bundle manifest`);
  const listed = Array.isArray(manifest.files) ? (manifest.files as Array<{ path?: unknown; sha256?: unknown }>).find((f) => f?.path === 'records.ndjson') : undefined;
  if (!listed || listed.sha256 !== sha256Hex(records)) throw new ImportError(`${source}: records.ndjson does not match its SHA-256 in the manifest`);
  const check = new ChainCheck(manifest.chain);
  const lines = dec.decode(records).split('\n');
  let n = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    if (++n > MAX_ENTRIES) throw new ImportError(`${source}: more than ${MAX_ENTRIES} chain entries`);
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new ImportError(`${source}: records.ndjson line ${i + 1} is not JSON`);
    }
    const p = v.safeParse(EntrySchema, entry);
    if (!p.success) throw new ImportError(`${source}: records.ndjson line ${i + 1}: ${issue(p.issues)}`);
    if (!check.push(entry as ChainEntry)) throw new ImportError(`${source} does not verify: ${check.problem}`);
    if (n % 20000 === 0) progress?.(i, lines.length, 'check');
  }
  const chainProblem = check.finish();
  if (chainProblem) throw new ImportError(`${source} does not verify: ${chainProblem}`);
  if (manifest.records !== check.replay.live.size) throw new ImportError(`${source} does not verify: the manifest counts ${String(manifest.records)} findings, the chain ${check.replay.live.size}`);
  let fingerprint: string | null = null;
  if (manifest.version === 2) {
    let sig: unknown;
    try {
      sig = files['signature.json'] ? JSON.parse(dec.decode(files['signature.json'])) : undefined;
    } catch {
      throw new ImportError(`${source}: signature.json is not valid JSON`);
    }
    try {
      const s = await checkSignature(sig, manifestBytes, check, {});
      if (s.problem) throw new ImportError(`${source} does not verify: ${s.problem}`);
      fingerprint = s.fingerprint ?? null;
    } catch (e) {
      if (e instanceof NotEvidence) throw new ImportError(`${source}: ${e.message}`);
      throw e;
    }
  } else if (manifest.version !== 1) throw new ImportError(`${source}: a bundle of format ${String(manifest.version)}, which this version does not know`);
  return planFromCheck(check, source, fingerprint, manifest.version);
}

/** Read and check a JSON export or an evidence bundle; nothing is stored yet. */
export async function planImport(bytes: Uint8Array, source: string, progress?: Progress): Promise<ImportPlan> {
  if (bytes.length > IMPORT_LIMIT_BYTES) throw new ImportError(`${source} is larger than ${IMPORT_LIMIT_BYTES >> 20} MiB`);
  if (bytes.length === 0) throw new ImportError(`${source} is empty`);
  try {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return await fromBundle(bytes, source, progress);
    return await fromJson(new TextDecoder().decode(bytes), source, progress);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // Anything else a hostile file provokes (nesting, a value canonical JSON refuses) is a refusal too.
    throw new ImportError(`${source} cannot be imported: ${((e as Error).message ?? String(e)).split('\n')[0]}`);
  }
}

/** What an import would add: findings already here (same id, or same page and kind) are skipped. */
export async function splitImport(db: ShutoutDB, plan: ImportPlan): Promise<{ fresh: ImportFinding[]; already: number }> {
  const ids = plan.findings.map((f) => String(f.content.id));
  const keys = plan.findings.map((f) => String(f.content.key));
  const [haveIds, haveKeys] = await Promise.all([db.findings.where('id').anyOf(ids).primaryKeys(), db.findings.where('key').anyOf(keys).keys()]);
  const idSet = new Set(haveIds);
  const keySet = new Set(haveKeys.map(String));
  const fresh = plan.findings.filter((f, i) => !idSet.has(ids[i]!) && !keySet.has(keys[i]!));
  return { fresh, already: plan.findings.length - fresh.length };
}

/**
 * Add the findings of a checked import in one transaction; findings already here are skipped, so
 * importing the same file twice adds nothing. Each added finding is chained locally as an `import`
 * entry that carries its state and names the entry of the file's chain it came from.
 */
export async function applyImport(db: ShutoutDB, plan: ImportPlan, at = new Date(), progress?: Progress): Promise<{ added: number; skipped: number }> {
  return db.transaction('rw', [db.findings, db.chain], async () => {
    const { fresh } = await splitImport(db, plan);
    const defaults = { tzOffsetMinutes: 0, extensionVersion: 'unknown', browser: 'unknown', uiLanguage: 'unknown', profileLabel: '' };
    const records: FindingRecord[] = fresh.map((f) => ({
      ...defaults,
      ...(f.content as unknown as FindingRecord),
      origin: 'import',
      importedFrom: plan.source.slice(0, 200),
      count: f.count,
      review: f.review,
      ...(f.note ? { note: f.note.slice(0, 2000) } : {}),
      ...(f.scope ?? {}),
      captureIds: [],
      seq: 0,
      hash: '',
    }));
    const when = at.toISOString();
    const STEP = 5000;
    for (let i = 0; i < records.length; i += STEP) {
      const part = records.slice(i, i + STEP);
      const entries = await appendToChain(
        db,
        part.map((r, k) => {
          const f = fresh[i + k]!;
          return committed('import', r.id, when, {
            ...findingContentOf(r as unknown as Record<string, unknown>),
            count: r.count,
            review: r.review,
            ...(r.note ? { note: r.note } : {}),
            ...(r.scope ? { scope: r.scope, scopeCheck: r.scopeCheck } : {}),
            source: { head: plan.head, seq: f.source.seq, hash: f.source.hash, ...(f.withheld.length ? { withheld: f.withheld } : {}) },
          });
        }),
      );
      entries.forEach((e, k) => {
        part[k]!.seq = e.seq;
        part[k]!.hash = e.hash;
      });
      await db.findings.bulkAdd(part);
      progress?.(Math.min(i + STEP, records.length), records.length, 'store');
    }
    return { added: records.length, skipped: plan.findings.length - records.length };
  });
}
