import { readFile } from 'node:fs/promises';
import { UsageError } from '../args';
import { forTerminal, inputError } from '../terminal';
import { readDisclosure, UnreadableInput, verifyFile, type RunOptions } from '../verify';
import type { Command } from './command';
import { oneLine } from './one-line';

export const verifyCommand: Command = {
  name: 'verify',
  synopsis: ['shutout verify [--key FINGERPRINT] [--disclose DISCLOSURE.json] [--tsa-root ROOT.pem] BUNDLE_OR_JSON'],
  details: `  checks everything an evidence bundle (.zip) or JSON export states: every file against the
  manifest, the hash chain and its head, every record, the CSV, the captures and the report
  against the chain, the signature (--key: and that it is this key's), the timestamp
  (--tsa-root: and that its certificates lead to this root), a disclosed field (--disclose).
  Exit 0 intact, 1 altered (names the first thing that does not match), 2 unreadable.`,
  options: { key: { type: 'string' }, disclose: { type: 'string' }, 'tsa-root': { type: 'string' } },
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) throw new UsageError('verify takes one file');
    const file = positionals[0]!;
    try {
      const opts: RunOptions = { key: values.key as string | undefined };
      const disclose = values.disclose as string | undefined;
      const root = values['tsa-root'] as string | undefined;
      if (disclose) opts.disclose = await readDisclosure(disclose).catch((e) => Promise.reject(new UnreadableInput(`--disclose ${disclose}: ${oneLine(e)}`)));
      if (root) opts.tsaRoot = new Uint8Array(await readFile(root).catch((e) => Promise.reject(new UnreadableInput(`--tsa-root: ${oneLine(e)}`))));
      const report = await verifyFile(file, opts);
      if (report.ok) {
        io.stdout.write(`intact: ${forTerminal(report.summary)}\n${report.notes.map((n) => `  ${forTerminal(n)}\n`).join('')}`);
        return 0;
      }
      io.stdout.write(`ALTERED: ${forTerminal(report.problem ?? '')} (${forTerminal(report.summary)})\n`);
      return 1;
    } catch (e) {
      io.stderr.write(inputError(file, oneLine(e)));
      return 2;
    }
  },
};
