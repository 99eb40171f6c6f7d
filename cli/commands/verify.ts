import { UsageError } from '../args';
import { UnreadableInput, verifyFile } from '../verify';
import { forTerminal, inputError } from '../terminal';
import type { Command } from './command';

export const verifyCommand: Command = {
  name: 'verify',
  synopsis: ['shutout verify BUNDLE_OR_JSON'],
  details: `  checks every hash of an evidence bundle (.zip) or JSON export and the hash chain;
  exit 0 intact, 1 altered (names the first record or file that does not match), 2 unreadable.`,
  options: {},
  async run({ positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('verify takes one file');
    const file = positionals[0]!;
    try {
      const report = await verifyFile(file);
      if (report.ok) {
        io.stdout.write(`intact: ${forTerminal(report.summary)}\n`);
        return 0;
      }
      io.stdout.write(`ALTERED: ${forTerminal(report.problem ?? '')} (${forTerminal(report.summary)})\n`);
      return 1;
    } catch (e) {
      if (e instanceof UnreadableInput) {
        io.stderr.write(inputError(file, e.message));
        return 2;
      }
      throw e;
    }
  },
};
