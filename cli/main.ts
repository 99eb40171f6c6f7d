import { formatTable } from './table';
import { discloseCommand, EVIDENCE_USAGE, reportCommand, verifyCommand } from './evidence-commands';
import { diffVisits, loadVisits } from './coupons';
import type { LedgerVisit } from '../utils/coupons/compare';
import { expandPaths, scanFile, type ScanResult } from './scan';

interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const USAGE = `usage: shutout scan [--json] [--url URL] PATH...
${EVIDENCE_USAGE}
       shutout coupons diff [--json] [--url URL] BASELINE CURRENT

  PATH    a saved page (.html, .htm, .mhtml), a DevTools capture (.har) or a directory (recursive)
  --json  one JSON object per page (per response for .har) on its own line
  --url   the page's URL, when the saved file does not record it

scan:   exit 0 when the scan ran, 2 when an input could not be read (the others are still scanned).
coupons diff: BASELINE and CURRENT are coupon ledgers (.json, exported from Shutout) or saved item
        pages; prints, per item, the offers BASELINE saw that CURRENT lacks. Exit 0 when compared, 2 unreadable.`;

/** `shutout` entry point; returns the exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  if (command === 'verify') return verifyCommand(rest, io);
  if (command === 'report') return reportCommand(rest, io);
  if (command === 'disclose') return discloseCommand(rest, io);
  if (command === 'coupons') return coupons(rest, io);
  if (command !== 'scan') {
    io.stderr.write(`shutout: unknown command ${command ? `"${command}"` : '(none)'}\n${USAGE}\n`);
    return 2;
  }
  let json = false;
  let url: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--url') {
      url = rest[++i];
      if (!url || !/^https?:\/\//i.test(url)) {
        io.stderr.write('shutout: --url needs an http(s) URL\n');
        return 2;
      }
    } else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a.startsWith('-')) {
      io.stderr.write(`shutout: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    io.stderr.write(`shutout: no PATH given\n${USAGE}\n`);
    return 2;
  }

  let failed = false;
  const table: ScanResult[] = [];
  for await (const item of expandPaths(paths)) {
    if (typeof item !== 'string') {
      io.stderr.write(`shutout: ${item.file}: ${item.error}\n`);
      failed = true;
      continue;
    }
    try {
      for (const r of await scanFile(item, { url })) {
        if (json) io.stdout.write(JSON.stringify(r) + '\n');
        else table.push(r);
      }
    } catch (e) {
      io.stderr.write(`shutout: ${item}: ${(e as Error).message.split('\n')[0]}\n`);
      failed = true;
    }
  }
  if (!json) io.stdout.write(formatTable(table) + '\n');
  return failed ? 2 : 0;
}

async function coupons(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  let json = false;
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--url') url = rest[++i];
    else if (a.startsWith('-')) files.push('\0bad');
    else files.push(a);
  }
  if (sub !== 'diff' || files.length !== 2 || files.includes('\0bad')) {
    io.stderr.write(`shutout: usage: shutout coupons diff [--json] [--url URL] BASELINE CURRENT\n`);
    return 2;
  }
  const [baselinePath, currentPath] = files as [string, string];
  let baseline: LedgerVisit[];
  let current: LedgerVisit[];
  try {
    baseline = await loadVisits(baselinePath, url);
  } catch (e) {
    io.stderr.write(`shutout: ${baselinePath}: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    current = await loadVisits(currentPath, url);
  } catch (e) {
    io.stderr.write(`shutout: ${currentPath}: ${(e as Error).message}\n`);
    return 2;
  }
  const lines = diffVisits(baseline, current, baselinePath);
  if (json) {
    for (const l of lines) io.stdout.write(JSON.stringify(l) + '\n');
    return 0;
  }
  let total = 0;
  for (const l of lines) {
    if (!l.compared) {
      io.stdout.write(`${l.item}  not compared (${l.state === 'not-loaded' ? 'the coupon area did not load' : 'the baseline never saw this item with offers'})\n`);
      continue;
    }
    if (l.missing.length === 0) {
      io.stdout.write(`${l.item}  nothing missing\n`);
      continue;
    }
    total += l.missing.length;
    io.stdout.write(`${l.item}  ${l.missing.length} missing:\n`);
    for (const m of l.missing) io.stdout.write(`  - ${m.label}  [${m.type}]  seen by the baseline at ${m.seenAt}\n`);
  }
  io.stdout.write(`${lines.length} items compared, ${total} offers missing\n`);
  return 0;
}
