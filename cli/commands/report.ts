import { createWriteStream } from 'node:fs';
import { renderReport } from '../../utils/evidence/report/render';
import { UsageError } from '../args';
import { forTerminal, inputError } from '../terminal';
import { verifyFile } from '../verify';
import type { Command } from './command';
import { oneLine } from './one-line';

export const reportCommand: Command = {
  name: 'report',
  synopsis: ['shutout report [--lang zh|en] -o REPORT.html BUNDLE'],
  details: `  renders report.html from a bundle (the same page the bundle carries, from version 1 bundles
  too); only from a bundle that verifies: exit 1 (no report) when it does not, 2 unreadable.`,
  options: { output: { type: 'string', short: 'o' }, lang: { type: 'string' } },
  async run({ positionals, values }, io) {
    const output = values.output as string | undefined;
    const lang = values.lang as string | undefined;
    if (positionals.length !== 1 || !output) throw new UsageError('report takes one bundle and -o REPORT.html');
    if (lang && lang !== 'zh' && lang !== 'en') throw new UsageError('--lang is zh or en');
    const file = positionals[0]!;
    let written = false;
    try {
      const report = await verifyFile(file, {
        language: lang as 'zh' | 'en' | undefined,
        onReport: async (input) => {
          const out = createWriteStream(output);
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
        io.stdout.write(`wrote ${forTerminal(output)}: ${forTerminal(report.summary)}\n`);
        return 0;
      }
      io.stdout.write(`ALTERED: ${forTerminal(report.problem ?? '')} (${forTerminal(report.summary)})${written ? '' : '; no report written'}\n`);
      return 1;
    } catch (e) {
      io.stderr.write(inputError(file, oneLine(e)));
      return 2;
    }
  },
};
