import { ChainVerifier, type ChainEntry } from './chain';
import { findingContentOf } from './content';
import { EVIDENCE_FORMAT } from './export';
import { canonicalJson } from './hash';

export interface VerifyReport {
  ok: boolean;
  /** What was checked, for the reader. */
  summary: string;
  /** The first thing that does not match: a record (seq and id) or a file. */
  problem?: string;
}

function describe(bad: { seq: number; recordId: string; reason: string }): string {
  return `chain entry ${bad.seq} (record ${bad.recordId}): ${bad.reason}`;
}

/** Verify a JSON export (docs/evidence-format.md): the chain, its head, and every record against its entry. */
export function verifyJsonExport(data: unknown): VerifyReport {
  const d = data as { format?: unknown; entries?: unknown; records?: unknown; chain?: { head?: unknown; length?: unknown } };
  if (typeof d !== 'object' || d === null || d.format !== EVIDENCE_FORMAT) return { ok: false, summary: 'not a Shutout JSON export', problem: `format is not "${EVIDENCE_FORMAT}"` };
  if (!Array.isArray(d.entries) || !Array.isArray(d.records)) return { ok: false, summary: 'not a Shutout JSON export', problem: 'entries or records are missing' };
  const v = new ChainVerifier();
  const findings = new Map<string, ChainEntry>();
  for (const e of d.entries as ChainEntry[]) {
    if (!v.push(e)) break;
    if (e.type === 'finding') findings.set(e.recordId, e);
  }
  const r = v.result();
  if (!r.ok) return { ok: false, summary: `${d.entries.length} chain entries`, problem: describe(r.firstBad) };
  if (d.chain?.head !== (r.length ? r.head : null)) return { ok: false, summary: `${r.length} chain entries`, problem: 'the chain head stated in the file does not match the entries' };
  if (d.chain?.length !== r.length) return { ok: false, summary: `${r.length} chain entries`, problem: 'the chain length stated in the file does not match the entries' };
  for (const rec of d.records as Array<Record<string, unknown>>) {
    const entry = findings.get(String(rec.id));
    if (!entry) return { ok: false, summary: `${r.length} chain entries`, problem: `record ${String(rec.id)} has no entry in the chain` };
    if (canonicalJson(findingContentOf(rec)) !== canonicalJson(entry.data)) return { ok: false, summary: `${r.length} chain entries`, problem: `record ${String(rec.id)} (chain entry ${entry.seq}) differs from what the chain recorded` };
    if (rec.hash !== entry.hash) return { ok: false, summary: `${r.length} chain entries`, problem: `record ${String(rec.id)} carries a hash that is not its chain entry's` };
  }
  return { ok: true, summary: `${r.length} chain entries and ${d.records.length} records intact; head ${r.length ? r.head : '(empty)'}` };
}
