/**
 * `shutout verify`, `shutout report` and `shutout disclose` (docs/cli.md): argument parsing and
 * output. main.ts only hands them their arguments.
 */
import { createWriteStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { disclosureOf } from '../utils/evidence/commit';
import type { ChainEntry } from '../utils/evidence/chain';
import { renderReport } from '../utils/evidence/report/render';
import { readDisclosure, UnreadableInput, verifyFile, type RunOptions } from './verify';
import { readWhole } from './zip-read';
import { readZipStructure } from './zip-structure';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export const EVIDENCE_USAGE = `       shutout verify [--key FINGERPRINT] [--disclose DISCLOSURE.json] [--tsa-root ROOT.pem] BUNDLE_OR_JSON
       shutout report [--lang zh|en] -o REPORT.html BUNDLE
       shutout disclose --seq N --field NAME BUNDLE_OR_JSON

verify: checks everything an evidence bundle (.zip) or JSON export states: every file against the
        manifest, the hash chain and its head, every record, the CSV, the captures and the report
        against the chain, the signature (--key: and that it is this key's), the timestamp
        (--tsa-root: and that its certificates lead to this root), a disclosed field (--disclose).
        Exit 0 intact, 1 altered (names the first thing that does not match), 2 unreadable.
report: renders report.html from a bundle (the same page the bundle carries, from version 1
        bundles too); only from a bundle that verifies: exit 1 (no report) when it does not, 2 unreadable.
disclose: from an unredacted export, prints one field's value and salt as a disclosure file, to
        hand over with a redacted bundle that withholds it.`;

/** One line, whatever went wrong: never a stack trace. */
function oneLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return (m.split('\n')[0] ?? '').slice(0, 300) || 'unknown error';
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    return { error: oneLine(e) } as const;
  }
}

export async function verifyCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, { key: { type: 'string' }, disclose: { type: 'string' }, 'tsa-root': { type: 'string' } });
  if ('error' in p || p.positionals.length !== 1) {
    io.stderr.write(`shutout: ${'error' in p ? p.error : 'verify takes one file'}\nusage:\n${EVIDENCE_USAGE}\n`);
    return 2;
  }
  const file = p.positionals[0]!;
  const v = p.values as { key?: string; disclose?: string; 'tsa-root'?: string };
  try {
    const opts: RunOptions = { key: v.key };
    if (v.disclose) opts.disclose = await readDisclosure(v.disclose).catch((e) => Promise.reject(new UnreadableInput(`--disclose ${v.disclose}: ${oneLine(e)}`)));
    if (v['tsa-root']) opts.tsaRoot = new Uint8Array(await readFile(v['tsa-root']).catch((e) => Promise.reject(new UnreadableInput(`--tsa-root: ${oneLine(e)}`))));
    const report = await verifyFile(file, opts);
    if (report.ok) {
      io.stdout.write(`intact: ${report.summary}\n${report.notes.map((n) => `  ${n}\n`).join('')}`);
      return 0;
    }
    io.stdout.write(`ALTERED: ${report.problem} (${report.summary})\n`);
    return 1;
  } catch (e) {
    io.stderr.write(`shutout: ${file}: ${oneLine(e)}\n`);
    return 2;
  }
}

export async function reportCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, { output: { type: 'string', short: 'o' }, lang: { type: 'string' } });
  const v = 'error' in p ? {} : (p.values as { output?: string; lang?: string });
  if ('error' in p || p.positionals.length !== 1 || !v.output || (v.lang && v.lang !== 'zh' && v.lang !== 'en')) {
    io.stderr.write(`shutout: ${'error' in p ? p.error : 'report takes one bundle and -o REPORT.html'}\nusage:\n${EVIDENCE_USAGE}\n`);
    return 2;
  }
  const file = p.positionals[0]!;
  let written = false;
  try {
    const report = await verifyFile(file, {
      language: v.lang as 'zh' | 'en' | undefined,
      onReport: async (input) => {
        const out = createWriteStream(v.output!);
        const done = new Promise<void>((res, rej) => {
          out.on('finish', res);
          out.on('error', rej);
        });
        for await (const chunk of renderReport(input)) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        out.end();
        await done;
        written = true;
      },
    });
    if (report.ok) {
      io.stdout.write(`wrote ${v.output}: ${report.summary}\n`);
      return 0;
    }
    io.stdout.write(`ALTERED: ${report.problem} (${report.summary})${written ? '' : '; no report written'}\n`);
    return 1;
  } catch (e) {
    io.stderr.write(`shutout: ${file}: ${oneLine(e)}\n`);
    return 2;
  }
}

export async function discloseCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, { seq: { type: 'string' }, field: { type: 'string' } });
  const v = 'error' in p ? {} : (p.values as { seq?: string; field?: string });
  const seq = Number(v.seq);
  if ('error' in p || p.positionals.length !== 1 || !Number.isInteger(seq) || seq < 1 || !v.field) {
    io.stderr.write(`shutout: ${'error' in p ? p.error : 'disclose takes --seq N --field NAME and one file'}\nusage:\n${EVIDENCE_USAGE}\n`);
    return 2;
  }
  const file = p.positionals[0]!;
  try {
    const report = await verifyFile(file, {});
    if (!report.ok) {
      io.stdout.write(`ALTERED: ${report.problem} (${report.summary})\n`);
      return 1;
    }
    const entry = await findEntry(file, seq);
    const d = entry ? disclosureOf(entry, v.field) : null;
    if (!d) throw new UnreadableInput(`chain entry ${seq} does not disclose ${v.field} in this file (is it a redacted export?)`);
    io.stdout.write(JSON.stringify(d, null, 2) + '\n');
    return 0;
  } catch (e) {
    io.stderr.write(`shutout: ${file}: ${oneLine(e)}\n`);
    return 2;
  }
}

/** The entry with `seq`, from a file that has just verified. */
async function findEntry(file: string, seq: number): Promise<ChainEntry | null> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(2);
    await fh.read(head, 0, 2, 0);
    let text: string;
    if (head[0] === 0x50 && head[1] === 0x4b) {
      const e = (await readZipStructure(fh, size)).find((x) => x.name === 'records.ndjson')!;
      text = new TextDecoder().decode((await readWhole(fh, e)).bytes);
      for (const line of text.split('\n')) if (line.includes(`"seq":${seq},`)) {
        const entry = JSON.parse(line) as ChainEntry;
        if (entry.seq === seq) return entry;
      }
      return null;
    }
    const data = JSON.parse(new TextDecoder().decode(await fh.readFile())) as { entries: ChainEntry[] };
    return data.entries.find((x) => x.seq === seq) ?? null;
  } finally {
    await fh.close();
  }
}
