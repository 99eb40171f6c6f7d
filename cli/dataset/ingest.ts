/**
 * One bundle: verified by `shutout verify`'s own code while its rows are staged (each chain entry
 * as it streams, the replayed findings once the bundle has passed). An altered bundle's rows are
 * deleted again and its problem returned; an unreadable one throws UnreadableInput.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { capturePath } from '../../utils/evidence/bundle';
import type { ChainEntry } from '../../utils/evidence/chain';
import type { ReplayRecord } from '../../utils/evidence/replay';
import type { ReportInput } from '../../utils/evidence/report/render';
import { UnreadableInput, verifyFile } from '../verify';
import { readEntry } from '../zip-read';
import { readZipStructure } from '../zip-structure';
import { captureInfo, couponRow, entryRow, findingRow, importSource, type CaptureInfo, type Deletion } from './rows';
import { CAPTURES, COUPONS, ENTRIES, FINDINGS } from './schema';
import type { Stager } from './stage';

/** What the bundles table says about a merged bundle (cli/dataset/schema.ts BUNDLES, after verdict and problem). */
export interface Merged {
  participant: string;
  profileLabel: string;
  format: number;
  chainHead: string | null;
  chainLength: number;
  findings: number;
  redacted: boolean;
  capturesIncluded: boolean;
  generator: string;
  exportedAt: string;
  notes: string;
}

export type Ingested = { ok: true; merged: Merged } | { ok: false; problem: string; format: number | null };

/**
 * `outDir`: where capture files go (`capture-files/<sha256>.<ext>`), or null to leave them out.
 */
export async function ingestBundle(stager: Stager, no: number, file: string, outDir: string | null): Promise<Ingested> {
  const importSources = new Map<string, string>();
  const captures: CaptureInfo[] = [];
  let firstHash: string | null = null;
  let input: ReportInput | null = null;
  const stageFinding = (r: ReplayRecord, deleted: Deletion | null) => {
    stager.row(FINDINGS, no, findingRow(r, importSources.get(r.id) ?? r.hash, deleted));
    const c = couponRow(r, deleted);
    if (c) stager.row(COUPONS, no, c);
  };
  const report = await verifyFile(file, {
    onEntry: (e: ChainEntry, deleted) => {
      firstHash ??= e.hash;
      stager.row(ENTRIES, no, entryRow(e));
      const source = importSource(e);
      if (source) importSources.set(e.recordId, source);
      else if (e.type === 'capture') captures.push(captureInfo(e));
      else if (e.type === 'tombstone' && deleted) stageFinding(deleted, { at: e.at, reason: typeof e.data.reason === 'string' ? e.data.reason : null });
    },
    onReport: async (ri) => {
      input = ri;
    },
  });
  const verified = input as ReportInput | null;
  if (!report.ok || !verified) {
    await stager.drop(no);
    return { ok: false, problem: report.problem ?? 'it does not verify', format: report.format ?? null };
  }
  for (const r of verified.records) stageFinding(r, null);
  for (const c of captures) {
    const inBundle = verified.captures.get(c.id)?.path ?? null;
    let kept: string | null = null;
    if (inBundle && outDir) {
      // Not under captures/, which holds the captures table's Parquet files.
      kept = capturePath({ id: c.sha256, type: c.type, mime: c.mime }).replace(/^captures\//, 'capture-files/');
      await copyCapture(file, inBundle, join(outDir, kept), c.sha256);
    }
    stager.row(CAPTURES, no, [...c.values, kept]);
  }
  stager.flush();
  return {
    ok: true,
    merged: {
      participant: verified.fingerprint ?? `unsigned:${firstHash ?? ''}`,
      profileLabel: verified.profileLabel,
      format: verified.format,
      chainHead: verified.chain.head,
      chainLength: verified.chain.length,
      findings: verified.records.length,
      redacted: verified.redaction.applied,
      capturesIncluded: [...verified.captures.values()].some((c) => c.path),
      generator: verified.generator,
      exportedAt: verified.exportedAt,
      notes: report.notes.join('\n'),
    },
  };
}

/** One file of a verified bundle, streamed into the dataset (its SHA-256 checked again on the way); the same content is kept once. */
async function copyCapture(bundle: string, name: string, to: string, sha256: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const part = `${to}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  const fh = await open(bundle, 'r');
  const fd = openSync(part, 'w');
  try {
    const entry = (await readZipStructure(fh, (await fh.stat()).size)).find((e) => e.name === name);
    if (!entry) throw new Error(`${bundle}: ${name} vanished while the dataset was made`);
    const got = await readEntry(fh, entry, (chunk) => writeSync(fd, chunk));
    if (got.sha256 !== sha256) throw new Error(`${bundle}: ${name} changed while the dataset was made`);
  } finally {
    closeSync(fd);
    await fh.close();
  }
  await rename(part, to);
}

export { UnreadableInput };
