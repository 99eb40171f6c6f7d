import { unzipSync } from 'fflate';
import { z } from 'zod';
import { KINDS } from '../detect/kinds';
import type { FindingRecord, ShutoutDB } from '../storage/db';
import { BUNDLE_FORMAT } from './bundle';
import type { ChainEntry } from './chain';
import { findingContentOf } from './content';
import { EVIDENCE_FORMAT } from './export';
import { sha256Hex } from './hash';
import { appendToChain } from './store';
import { verifyJsonExport } from './verify';

/** Import refuses, with a message naming the problem, and changes nothing. */
export class ImportError extends Error {}

export const IMPORT_LIMIT_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 1_000_000;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex string');
const EntrySchema = z.object({
  seq: z.number().int().positive(),
  type: z.enum(['finding', 'amendment', 'tombstone', 'capture', 'import', 'wipe']),
  recordId: z.string().min(1).max(200),
  at: z.string().max(40),
  data: z.record(z.string(), z.unknown()),
  prevHash: hex64,
  hash: hex64,
});
const ContentSchema = z.object({
  id: z.string().min(1).max(200),
  key: z.string().max(400),
  pageId: z.string().max(200),
  observedAt: z.string().max(40),
  tzOffsetMinutes: z.number().int().min(-900).max(900).optional(),
  pageUrl: z.string().max(8192),
  pageTitle: z.string().max(2000),
  platform: z.string().max(64).nullable(),
  kind: z.enum(KINDS),
  ruleId: z.string().max(200),
  rulesetVersion: z.string().max(100),
  snippet: z.string().max(2000),
  where: z.enum(['url', 'title', 'text', 'dialog', 'network']),
  confidence: z.number().min(0).max(1),
  until: z.string().max(40).optional(),
  subject: z.string().max(300).optional(),
  basis: z.enum(['url-only', 'page-supplied']).optional(),
  initiator: z.string().max(300).optional(),
  extensionVersion: z.string().max(100).optional(),
  browser: z.string().max(200).optional(),
  uiLanguage: z.string().max(40).optional(),
  profileLabel: z.string().max(200).optional(),
});
const JsonExportSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  entries: z.array(EntrySchema).max(MAX_ENTRIES),
  records: z.array(z.record(z.string(), z.unknown())).max(MAX_ENTRIES),
  chain: z.object({ length: z.number(), head: z.string().nullable(), hashedOver: z.string() }),
});

export interface ImportPlan {
  source: string;
  entries: ChainEntry[];
  /** Current state (review, note) of each finding, by id, where the file carries it. */
  state: Map<string, { review?: string; note?: string }>;
}

function issue(e: z.ZodError): string {
  const i = e.issues[0]!;
  return `${i.path.join('.') || 'file'}: ${i.message}`;
}

function fromJson(text: string, source: string): ImportPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`${source} is not valid JSON (${(e as Error).message}) — was it cut short?`);
  }
  const parsed = JsonExportSchema.safeParse(data);
  if (!parsed.success) throw new ImportError(`${source} is not a Shutout export: ${issue(parsed.error)}`);
  const report = verifyJsonExport(data);
  if (!report.ok) throw new ImportError(`${source} does not verify: ${report.problem}`);
  const state = new Map<string, { review?: string; note?: string }>();
  for (const r of parsed.data.records) state.set(String(r.id), { review: r.review as string | undefined, note: r.note as string | undefined });
  return { source, entries: parsed.data.entries as ChainEntry[], state };
}

function fromBundle(bytes: Uint8Array, source: string): ImportPlan {
  let files: Record<string, Uint8Array>;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > IMPORT_LIMIT_BYTES) throw new ImportError(`${source} unpacks to more than ${IMPORT_LIMIT_BYTES >> 20} MiB`);
        return f.name === 'manifest.json' || f.name === 'records.ndjson';
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`${source} is not a readable ZIP (${(e as Error).message})`);
  }
  const dec = new TextDecoder();
  if (!files['manifest.json'] || !files['records.ndjson']) throw new ImportError(`${source} is not a Shutout bundle: manifest.json or records.ndjson is missing`);
  let manifest: { format?: string; files?: Array<{ path: string; sha256: string }>; chain?: { head: string | null; length: number } };
  try {
    manifest = JSON.parse(dec.decode(files['manifest.json']));
  } catch {
    throw new ImportError(`${source}: manifest.json is not valid JSON`);
  }
  if (manifest.format !== BUNDLE_FORMAT) throw new ImportError(`${source}: manifest.json is not a Shutout bundle manifest`);
  const listed = manifest.files?.find((f) => f.path === 'records.ndjson');
  if (!listed || listed.sha256 !== sha256Hex(files['records.ndjson'])) throw new ImportError(`${source}: records.ndjson does not match its SHA-256 in the manifest`);
  const entries: ChainEntry[] = [];
  const lines = dec.decode(files['records.ndjson']).split('\n').filter((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new ImportError(`${source}: records.ndjson line ${i + 1} is not JSON`);
    }
    const p = EntrySchema.safeParse(v);
    if (!p.success) throw new ImportError(`${source}: records.ndjson line ${i + 1}: ${issue(p.error)}`);
    entries.push(p.data as ChainEntry);
  }
  const plan = fromJson(
    JSON.stringify({ format: EVIDENCE_FORMAT, version: 1, exportedAt: '', entries, records: [], chain: { length: entries.length, head: entries.at(-1)?.hash ?? null, hashedOver: '' } }),
    source,
  );
  if ((manifest.chain?.head ?? null) !== (entries.at(-1)?.hash ?? null)) throw new ImportError(`${source}: the chain head in manifest.json does not match records.ndjson`);
  return plan;
}

/** Read and check a JSON export or an evidence bundle; nothing is stored yet. */
export function planImport(bytes: Uint8Array, source: string): ImportPlan {
  if (bytes.length > IMPORT_LIMIT_BYTES) throw new ImportError(`${source} is larger than ${IMPORT_LIMIT_BYTES >> 20} MiB`);
  if (bytes.length === 0) throw new ImportError(`${source} is empty`);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return fromBundle(bytes, source);
  return fromJson(new TextDecoder().decode(bytes), source);
}

/**
 * Add the findings of a checked import in one transaction; findings already here (same id) are
 * skipped, so importing the same file twice adds nothing. Each added finding is chained locally.
 */
export async function applyImport(db: ShutoutDB, plan: ImportPlan, at = new Date()): Promise<{ added: number; skipped: number }> {
  const tombstoned = new Set(plan.entries.filter((e) => e.type === 'tombstone').map((e) => e.recordId));
  const amended = new Map<string, Record<string, unknown>>();
  for (const e of plan.entries) if (e.type === 'amendment') amended.set(e.recordId, { ...amended.get(e.recordId), ...e.data });
  const findings: Array<{ entry: ChainEntry; content: Record<string, unknown> }> = [];
  for (const e of plan.entries) {
    if ((e.type !== 'finding' && e.type !== 'import') || tombstoned.has(e.recordId)) continue;
    const p = ContentSchema.safeParse(e.data);
    if (!p.success) throw new ImportError(`${plan.source}: chain entry ${e.seq}: ${issue(p.error)}`);
    findings.push({ entry: e, content: findingContentOf(p.data as Record<string, unknown>) });
  }
  return db.transaction('rw', [db.findings, db.chain], async () => {
    const have = new Set(await db.findings.where('id').anyOf(findings.map((f) => String(f.content.id))).primaryKeys());
    const keys = new Set(await db.findings.where('key').anyOf(findings.map((f) => String(f.content.key))).keys());
    const fresh = findings.filter((f) => !have.has(String(f.content.id)) && !keys.has(String(f.content.key)));
    const records: FindingRecord[] = fresh.map(({ content }) => {
      const state: Record<string, unknown> = { ...amended.get(String(content.id)), ...plan.state.get(String(content.id)) };
      const defaults = { tzOffsetMinutes: 0, extensionVersion: 'unknown', browser: 'unknown', uiLanguage: 'unknown', profileLabel: '' };
      return {
        ...defaults,
        ...(content as unknown as FindingRecord),
        origin: 'import',
        importedFrom: plan.source.slice(0, 200),
        count: typeof state.count === 'number' ? state.count : 1,
        review: state.review === 'confirmed' || state.review === 'false-positive' ? state.review : 'unreviewed',
        ...(typeof state.note === 'string' && state.note ? { note: state.note.slice(0, 2000) } : {}),
        captureIds: [],
        seq: 0,
        hash: '',
      } as FindingRecord;
    });
    const entries = await appendToChain(
      db,
      records.map((r) => ({ type: 'import' as const, recordId: r.id, at: at.toISOString(), data: findingContentOf(r as unknown as Record<string, unknown>) })),
    );
    entries.forEach((e, i) => {
      records[i]!.seq = e.seq;
      records[i]!.hash = e.hash;
    });
    await db.findings.bulkAdd(records);
    return { added: records.length, skipped: findings.length - records.length };
  });
}
