/**
 * `shutout verify`: everything a bundle or JSON export claims, checked (docs/evidence-format.md).
 * A bundle is read from its central directory, file by file, with every size capped; nothing
 * hostile makes it hang, print a stack or use memory out of proportion: an unreadable input is
 * one line and exit 2, an altered one names the first thing that does not match (exit 1).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import Papa from 'papaparse';
import { BUNDLE_FORMAT, BUNDLE_LAYOUT, capturePath } from '../utils/evidence/bundle';
import type { ChainEntry } from '../utils/evidence/chain';
import type { ReplayRecord } from '../utils/evidence/replay';
import { checkDisclosure, type DisclosureFile } from '../utils/evidence/commit';
import { CSV_FIELDS, CSV_WIDTHS, csvRow } from '../utils/evidence/csv';
import type { ChainSummary } from '../utils/evidence/export';
import { platformName } from '../utils/evidence/report/platform-names';
import { renderReport, type ReportCapture, type ReportInput } from '../utils/evidence/report/render';
import { checkTimestamp, readTimestamp, type TimestampInfo } from '../utils/evidence/timestamp';
import { canonicalJson } from '../utils/evidence/hash';
import { verifySignature } from '../utils/evidence/signing';
import { ChainCheck, checkSignature, NotEvidence, verifyJsonExport, type VerifyOptions, type VerifyReport } from '../utils/evidence/verify';
import { readEntry, readWhole, ZipAltered } from './zip-read';
import { readZipStructure, ZipUnreadable, type ZipEntryInfo } from './zip-structure';

export class UnreadableInput extends Error {}

/** JSON exports are read whole; anything larger is refused rather than exhausting memory. */
const JSON_LIMIT = 1024 * 1024 * 1024;
/** Per-file caps on what a bundle's files may unpack to (ZIP bombs stop here). */
const LIMITS: Record<string, number> = {
  'manifest.json': 64 << 20,
  'signature.json': 64 << 10,
  'timestamp.tsr': 1 << 20,
  'README.txt': 1 << 20,
  'records.ndjson': 4 * 1024 ** 3,
  'findings.csv': 1024 ** 3,
  'report.html': 2 * 1024 ** 3,
  'report.signature.json': 64 << 10,
};

/** This verifier's own version: a report made by the same version is rendered again and compared. */
const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const CAPTURE_LIMIT = 512 << 20;
/** A file that unpacks to more than this many times its packed size is a bomb, not a bundle. */
const MAX_RATIO = 200;
/** One chain entry is a few KiB; a longer line is not an entry. */
const MAX_LINE = 1 << 20;
const UNLISTED = new Set(['manifest.json', 'signature.json', 'timestamp.tsr', 'report.html', 'report.signature.json']);

export interface RunOptions extends VerifyOptions {
  disclose?: DisclosureFile;
  /** `shutout report`: receives the report's input once the bundle has been read. */
  onReport?: (input: ReportInput) => Promise<void>;
  /** The report's language for a format-1 bundle, which does not record one. */
  language?: 'zh' | 'en';
  /**
   * `shutout dataset`: each chain entry of a bundle once it has passed the chain and replay checks,
   * with, for a tombstone, the finding it deleted as it stood. The bundle's verdict comes at the end.
   */
  onEntry?: (e: ChainEntry, deleted: ReplayRecord | undefined) => void;
}

class Altered extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Opens a regular file only: a directory, FIFO, socket or device is refused before it is read. */
async function regularFile(path: string): Promise<{ fh: FileHandle; size: number }> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw new UnreadableInput((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message);
  }
  if (st.isDirectory()) throw new UnreadableInput('is a directory, not a bundle or export');
  if (!st.isFile()) throw new UnreadableInput('is not a regular file (a FIFO, socket or device)');
  try {
    return { fh: await open(path, 'r'), size: st.size };
  } catch (e) {
    throw new UnreadableInput((e as Error).message);
  }
}

/** NDJSON lines from decoded chunks, in linear time however long a line is (up to MAX_LINE). */
class Lines {
  private parts: string[] = [];
  private length = 0;
  count = 0;
  constructor(private readonly onLine: (line: string, n: number) => void) {}
  push(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      this.add(text.slice(start, nl));
      const line = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      this.parts = [];
      this.length = 0;
      this.count++;
      if (line.trim()) this.onLine(line, this.count);
      start = nl + 1;
    }
    if (start < text.length) this.add(text.slice(start));
  }
  private add(s: string): void {
    this.length += s.length;
    if (this.length > MAX_LINE) throw new UnreadableInput(`records.ndjson line ${this.count + 1} is longer than ${MAX_LINE >> 20} MiB: not a chain entry`);
    this.parts.push(s);
  }
  end(): void {
    this.push('\n');
  }
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new UnreadableInput(`${what} is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

function checkManifestFiles(files: unknown): Map<string, { size: number; sha256: string }> {
  if (!Array.isArray(files)) throw new UnreadableInput('manifest.json is not a Shutout bundle manifest (no file list)');
  const out = new Map<string, { size: number; sha256: string }>();
  for (const f of files) {
    if (!isObj(f) || typeof f.path !== 'string' || !Number.isInteger(f.size) || typeof f.sha256 !== 'string') throw new Altered('manifest.json lists a file without path, size and SHA-256');
    if (!BUNDLE_LAYOUT.test(f.path) || UNLISTED.has(f.path)) throw new Altered(`manifest.json lists ${JSON.stringify(f.path).slice(0, 120)}, which is outside the bundle layout`);
    if (out.has(f.path)) throw new Altered(`manifest.json lists ${f.path} twice`);
    out.set(f.path, { size: f.size as number, sha256: f.sha256 });
  }
  return out;
}

/** findings.csv against the rows the chain's state gives (format 1: counts never amended are not in its chain). */
function checkCsv(text: string, check: ChainCheck, version: number): string | null {
  const records = check.replay.records();
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
  const rows = parsed.data;
  if (parsed.errors.length) return `findings.csv is not well-formed CSV (row ${(parsed.errors[0]!.row ?? 0) + 1}: ${parsed.errors[0]!.message})`;
  // Bundles made before the `why` or the scope columns existed have the columns before them.
  const width = rows[0]?.length ?? 0;
  const known = rows.length > 0 && CSV_WIDTHS.includes(width);
  if (!known || rows[0]!.some((name, i) => name !== CSV_FIELDS[i])) return 'findings.csv does not have the columns of a Shutout CSV';
  if (rows.length - 1 !== records.length) return `findings.csv has ${rows.length - 1} rows; the chain has ${records.length} live findings`;
  const fields = rows[0]!;
  for (let i = 0; i < records.length; i++) {
    const want = csvRow(records[i]!, version === 1 ? 1 : 2);
    const got = rows[i + 1]!;
    for (let c = 0; c < width; c++) {
      if (fields[c] === 'count' && !records[i]!.countKnown) continue;
      if (got[c] !== want[c]) return `findings.csv row ${i + 1} (${records[i]!.id}): ${fields[c]} is ${JSON.stringify(got[c] ?? '').slice(0, 60)} but the chain records ${JSON.stringify(want[c]).slice(0, 60)}`;
    }
  }
  return null;
}

async function sha256OfReport(input: ReportInput): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  const enc = new TextEncoder();
  for await (const chunk of renderReport(input)) {
    const b = enc.encode(chunk);
    size += b.length;
    h.update(b);
  }
  return { sha256: h.digest('hex'), size };
}

export async function verifyBundle(fh: FileHandle, fileSize: number, opts: RunOptions = {}): Promise<VerifyReport> {
  let entries: ZipEntryInfo[];
  try {
    entries = await readZipStructure(fh, fileSize);
  } catch (e) {
    if (e instanceof ZipUnreadable) throw new UnreadableInput(e.message);
    return { ok: false, summary: 'bundle', problem: (e as Error).message, notes: [] };
  }
  const byName = new Map<string, ZipEntryInfo>();
  for (const e of entries) {
    if (!BUNDLE_LAYOUT.test(e.name)) return { ok: false, summary: 'bundle', problem: `the bundle holds a file outside its layout: ${JSON.stringify(e.name).slice(0, 120)}`, notes: [] };
    if (byName.has(e.name)) return { ok: false, summary: 'bundle', problem: `the bundle holds ${e.name} twice`, notes: [] };
    const limit = LIMITS[e.name] ?? CAPTURE_LIMIT;
    if (e.size > limit) throw new UnreadableInput(`${e.name} would unpack to ${e.size} bytes, more than the ${limit} a bundle's ${e.name.startsWith('captures/') ? 'capture' : e.name} may hold`);
    if (e.method === 8 && e.size > 1 << 20 && e.size > e.compressedSize * MAX_RATIO) throw new UnreadableInput(`${e.name} would unpack ${Math.round(e.size / Math.max(e.compressedSize, 1))}× its packed size: a ZIP bomb, not a bundle`);
    byName.set(e.name, e);
  }
  const manifestEntry = byName.get('manifest.json');
  if (!manifestEntry) throw new UnreadableInput('no manifest.json: not a Shutout bundle');

  try {
    const { bytes: manifestBytes } = await readWhole(fh, manifestEntry);
    const manifest = parseJson(manifestBytes, 'manifest.json');
    if (!isObj(manifest) || manifest.format !== BUNDLE_FORMAT) throw new UnreadableInput('manifest.json is not a Shutout bundle manifest');
    const version = manifest.version;
    if (version !== 1 && version !== 2) throw new UnreadableInput(`a bundle of format ${JSON.stringify(version)?.slice(0, 20)}, which this verifier does not know`);
    const listed = checkManifestFiles(manifest.files);
    const summaryOf = (check: ChainCheck) => `${entries.length} files, ${check.verifier.length} chain entries`;

    // The chain, streamed line by line.
    const check = new ChainCheck(isObj(manifest.chain) ? (manifest.chain as unknown as ChainSummary) : undefined);
    const disclosed: { entry: ChainEntry | null } = { entry: null };
    const seen = new Map<string, { size: number; sha256: string }>();
    const recordsEntry = byName.get('records.ndjson');
    if (!recordsEntry) throw new Altered('records.ndjson is missing');
    const decoder = new TextDecoder();
    let lineProblem: string | null = null;
    const lines = new Lines((line, n) => {
      if (lineProblem || check.problem) return;
      let e: ChainEntry;
      try {
        e = JSON.parse(line) as ChainEntry;
      } catch {
        lineProblem = `records.ndjson line ${n} is not JSON`;
        return;
      }
      if (opts.disclose && isObj(e) && e.seq === opts.disclose.seq) disclosed.entry = e;
      const deleted = opts.onEntry && isObj(e) && e.type === 'tombstone' && typeof e.recordId === 'string' ? check.replay.live.get(e.recordId) : undefined;
      if (check.push(e) && opts.onEntry) opts.onEntry(e, deleted);
    });
    seen.set('records.ndjson', await readEntry(fh, recordsEntry, (c) => lines.push(decoder.decode(c, { stream: true }))));
    lines.push(decoder.decode());
    lines.end();

    // Every other file's digest; the CSV and small files kept for their checks.
    let csvText: string | null = null;
    let signatureBytes: Uint8Array | null = null;
    let reportSignatureBytes: Uint8Array | null = null;
    let tsr: Uint8Array | null = null;
    for (const e of entries) {
      if (e.name === 'records.ndjson' || e.name === 'manifest.json') continue;
      if (e.name === 'findings.csv') {
        const parts: string[] = [];
        const dec = new TextDecoder();
        seen.set(e.name, await readEntry(fh, e, (c) => parts.push(dec.decode(c, { stream: true }))));
        parts.push(dec.decode());
        csvText = parts.join('');
      } else if (e.name === 'signature.json' || e.name === 'timestamp.tsr' || e.name === 'report.signature.json') {
        const w = await readWhole(fh, e);
        seen.set(e.name, w);
        if (e.name === 'signature.json') signatureBytes = w.bytes;
        else if (e.name === 'report.signature.json') reportSignatureBytes = w.bytes;
        else tsr = w.bytes;
      } else seen.set(e.name, await readEntry(fh, e));
    }

    for (const [path, f] of listed) {
      const got = seen.get(path);
      if (!got) throw new Altered(`file ${path} is listed in the manifest but missing`);
      if (got.size !== f.size || got.sha256 !== f.sha256) throw new Altered(`file ${path} does not match its SHA-256 in the manifest`);
    }
    for (const name of seen.keys()) if (!UNLISTED.has(name) && !listed.has(name)) throw new Altered(`file ${name} is not listed in the manifest`);

    if (lineProblem) throw new Altered(lineProblem);
    const chainProblem = check.finish();
    if (chainProblem) throw new Altered(chainProblem);
    if (manifest.records !== check.replay.live.size) throw new Altered(`manifest.json says ${String(manifest.records)} findings; the chain has ${check.replay.live.size} live`);

    // Captures: each file is a capture the chain recorded, byte for byte.
    const captures = new Map<string, ReportCapture>();
    for (const c of check.replay.captures.values()) captures.set(c.id, { id: c.id, type: c.type, mime: c.mime, sha256: c.sha256, size: c.size, path: null });
    for (const name of seen.keys()) {
      if (!name.startsWith('captures/')) continue;
      const id = name.slice(9, name.lastIndexOf('.'));
      const c = captures.get(id);
      if (!c) throw new Altered(`${name} has no capture entry in the chain`);
      const got = seen.get(name)!;
      if (got.sha256 !== c.sha256 || got.size !== c.size) throw new Altered(`${name} is not the capture the chain recorded (chain entry ${check.replay.captures.get(id)!.seq}: SHA-256 ${c.sha256})`);
      if (capturePath(c) !== name) throw new Altered(`${name} does not have the file type the chain records (${c.mime})`);
      c.path = name;
    }

    if (csvText === null) throw new Altered('findings.csv is missing');
    const csvProblem = checkCsv(csvText, check, version);
    if (csvProblem) throw new Altered(csvProblem);

    const notes: string[] = [];
    let fingerprint: string | null = null;
    let tsInfo: TimestampInfo | null = null;
    if (version === 2) {
      if (!signatureBytes) throw new Altered('signature.json is missing (every format-2 bundle is signed)');
      const s = await checkSignature(parseJson(signatureBytes, 'signature.json'), manifestBytes, check, opts);
      if (s.problem) throw new Altered(s.problem);
      fingerprint = s.fingerprint!;
      if (manifest.key !== fingerprint) throw new Altered('manifest.json names another key than the one that signed it');
      notes.push(...s.notes);
      if (tsr) {
        const t = await checkTimestamp(tsr, signatureBytes, opts.tsaRoot);
        if (t.problem) throw new Altered(`timestamp.tsr: ${t.problem}`);
        tsInfo = t.info ?? readTimestamp(tsr);
        notes.push(...t.notes);
      } else notes.push('no trusted timestamp in this bundle (the time-stamping option was off)');
    } else {
      if (opts.key) throw new Altered('format-1 bundles are not signed, so they cannot be tied to the key you named');
      notes.push('format 1: not signed — anyone could have recomputed this chain; the first count of a finding is not in its chain');
      if (isObj(manifest.chain) && manifest.chain.hashedOver === 'redacted copy') notes.push('format 1, redacted: the chain was recomputed over the redacted copy, so its head is not the browser’s own');
    }
    const w = check.withheldNote();
    if (w) notes.push(w);

    const language = manifest.language === 'zh' || manifest.language === 'en' ? manifest.language : (opts.language ?? 'en');
    const redaction = isObj(manifest.redaction) ? manifest.redaction : {};
    const generator = isObj(manifest.generator) ? `${String(manifest.generator.name)} ${String(manifest.generator.version)}` : 'unknown';
    const reportInput: ReportInput = {
      language,
      exportedAt: String(manifest.exportedAt ?? ''),
      generator,
      profileLabel: String(manifest.profileLabel ?? ''),
      format: version,
      chain: { head: check.head(), length: check.lastSeq },
      fingerprint,
      timestamp: tsInfo,
      redaction: { applied: redaction.applied === true, withheld: [...check.replay.withheld.entries()] },
      records: check.replay.records(),
      captures,
      platformName,
      thumbnail: async (c) => (c.path && byName.get(c.path) ? (await readWhole(fh, byName.get(c.path)!)).bytes : null),
    };
    if (version === 2) {
      const report = seen.get('report.html');
      if (!report) throw new Altered('report.html is missing');
      if (!reportSignatureBytes) throw new Altered('report.signature.json is missing');
      const rs = parseJson(reportSignatureBytes, 'report.signature.json');
      const stated = isObj(rs) && isObj(rs.signed) ? rs.signed : null;
      if (!stated || stated.path !== 'report.html' || stated.size !== report.size || stated.sha256 !== report.sha256) throw new Altered('report.html is not the report its signature names (it was edited)');
      const rsCheck = await verifySignature(rs, new TextEncoder().encode(canonicalJson(stated)));
      if (!rsCheck.ok || rsCheck.fingerprint !== fingerprint) throw new Altered(`report.signature.json: ${rsCheck.problem ?? 'signed by another key than the manifest'}`);
      // The same version renders the same bytes: then the report must say exactly what the data says.
      if (String(isObj(manifest.generator) ? manifest.generator.version : '') === VERSION) {
        const want = await sha256OfReport(reportInput);
        if (want.sha256 !== report.sha256 || want.size !== report.size) throw new Altered('report.html is not the report this bundle’s data renders');
        notes.push('report.html is signed, and is exactly what this bundle’s data renders');
      } else notes.push(`report.html is signed by the same key; it was rendered by Shutout ${String(isObj(manifest.generator) ? manifest.generator.version : '?')}, not this version (${VERSION}), so it was not rendered again to compare`);
    }
    if (opts.disclose) notes.push(discloseNote(opts.disclose, disclosed.entry));
    if (opts.onReport) await opts.onReport(reportInput);
    const head = check.head();
    return {
      ok: true,
      summary: `${summaryOf(check)}, ${check.replay.live.size} findings intact; chain head ${head ?? '(empty)'}`,
      notes,
      format: version,
      head,
      ...(fingerprint ? { fingerprint } : {}),
    };
  } catch (e) {
    if (e instanceof Altered || e instanceof ZipAltered) return { ok: false, summary: `${entries.length} files`, problem: e.message, notes: [] };
    if (e instanceof NotEvidence) throw new UnreadableInput(e.message);
    throw e;
  }
}

function discloseNote(d: DisclosureFile, entry: ChainEntry | null): string {
  if (!entry) throw new Altered(`the disclosure names chain entry ${d.seq}, which this bundle does not hold`);
  const r = checkDisclosure(entry, d);
  if (!r.ok) throw new Altered(`disclosure: ${r.problem}`);
  return `disclosed: ${d.field} of chain entry ${d.seq} is ${JSON.stringify(d.value)} — it opens the commitment in the chain`;
}

/** Reads and checks a disclosure file given with --disclose. */
export async function readDisclosure(path: string): Promise<DisclosureFile> {
  const { fh, size } = await regularFile(path);
  try {
    if (size > 1 << 20) throw new UnreadableInput('a disclosure file is one field of one entry; this one is larger than 1 MiB');
    const d = parseJson(new Uint8Array(await fh.readFile()), 'the disclosure');
    if (!isObj(d) || d.format !== 'shutout-disclosure' || !Number.isInteger(d.seq) || typeof d.field !== 'string' || typeof d.salt !== 'string' || typeof d.entryHash !== 'string' || !('value' in d)) {
      throw new UnreadableInput('not a Shutout disclosure (format, seq, entryHash, field, salt, value)');
    }
    return d as unknown as DisclosureFile;
  } finally {
    await fh.close();
  }
}

export async function verifyFile(path: string, opts: RunOptions = {}): Promise<VerifyReport> {
  const { fh, size } = await regularFile(path);
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    if (head[0] === 0x50 && head[1] === 0x4b) return await verifyBundle(fh, size, opts);
    if (size > JSON_LIMIT) throw new UnreadableInput('JSON export larger than 1 GiB');
    if (opts.onReport) throw new UnreadableInput('a report is rendered from a bundle (.zip); this is a JSON export');
    const data = parseJson(new Uint8Array(await readFile(fh)), 'the file (not a ZIP bundle either)');
    try {
      const report = await verifyJsonExport(data, opts);
      if (report.ok && opts.disclose) {
        const d = opts.disclose;
        const entry = ((data as { entries: ChainEntry[] }).entries.find((x) => isObj(x) && x.seq === d.seq) ?? null) as ChainEntry | null;
        try {
          report.notes.push(discloseNote(d, entry));
        } catch (e) {
          if (e instanceof Altered) return { ...report, ok: false, problem: e.message };
          throw e;
        }
      }
      return report;
    } catch (e) {
      if (e instanceof NotEvidence) throw new UnreadableInput(e.message);
      throw e;
    }
  } finally {
    await fh.close();
  }
}

