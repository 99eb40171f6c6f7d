import { AnswerWithoutUrl, NotAnAnswer } from '../answer';
import { httpUrlOption, statusOption, UsageError } from '../args';
import { expandPaths, scanFile, type ScanResult } from '../scan';
import { formatTable } from '../table';
import { inputError } from '../terminal';
import type { Command } from './command';

export const scanCommand: Command = {
  name: 'scan',
  synopsis: ['shutout scan [--json] [--url URL] [--status N] PATH...'],
  details: `  PATH    a saved page (.html, .htm, .mhtml), a DevTools capture (.har), a saved API answer
          (.json, or .txt holding one answer; docs/cli.md) or a directory (recursive)
  --json  one JSON object per page (per response for .har) on its own line
  --url   the page's URL when the saved file does not record it; the URL an API answer came from
  --status  the HTTP status the saved page came with (an answer's own status comes first);
          rules that need a status stay silent without one
  exit 0 when the scan ran, 2 when an input could not be read (the others are still scanned).`,
  options: { json: { type: 'boolean' }, url: { type: 'string' }, status: { type: 'string' } },
  async run({ values, positionals: paths }, io) {
    const json = values.json === true;
    const url = httpUrlOption(values, 'url');
    const status = statusOption(values);
    if (paths.length === 0) throw new UsageError('no PATH given');

    let failed = false;
    const table: ScanResult[] = [];
    for await (const item of expandPaths(paths)) {
      if ('error' in item) {
        io.stderr.write(inputError(item.file, item.error));
        failed = true;
        continue;
      }
      const { file, explicit } = item;
      try {
        const onProblem = (where: string, error: string) => {
          io.stderr.write(inputError(where, error));
          failed = true;
        };
        for (const r of await scanFile(file, { url, status, onProblem })) {
          if (json) io.stdout.write(JSON.stringify(r) + '\n');
          else table.push(r);
        }
      } catch (e) {
        // In a directory, JSON and text files that are not answers to a known URL are not inputs.
        if (!explicit && (e instanceof AnswerWithoutUrl || e instanceof NotAnAnswer)) continue;
        io.stderr.write(inputError(file, (e as Error).message));
        failed = true;
      }
    }
    if (!json) io.stdout.write(formatTable(table) + '\n');
    return failed ? 2 : 0;
  },
};
