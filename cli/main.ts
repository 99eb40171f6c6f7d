import { formatTable } from './table';
import { expandPaths, scanFile, type ScanResult } from './scan';

interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const USAGE = `usage: shutout scan [--json] [--url URL] PATH...

  PATH    a saved page (.html, .htm, .mhtml), a DevTools capture (.har) or a directory (recursive)
  --json  one JSON object per page (per response for .har) on its own line
  --url   the page's URL, when the saved file does not record it

Exit status: 0 when the scan ran, 2 when an input could not be read (the others are still scanned).`;

/** `shutout` entry point; returns the exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
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
