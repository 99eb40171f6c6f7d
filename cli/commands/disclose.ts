import { open } from 'node:fs/promises';
import { disclosureOf } from '../../utils/evidence/commit';
import type { ChainEntry } from '../../utils/evidence/chain';
import { UsageError } from '../args';
import { forTerminal, inputError } from '../terminal';
import { UnreadableInput, verifyFile } from '../verify';
import { readWhole } from '../zip-read';
import { readZipStructure } from '../zip-structure';
import type { Command } from './command';
import { oneLine } from './one-line';

export const discloseCommand: Command = {
  name: 'disclose',
  synopsis: ['shutout disclose --seq N --field NAME BUNDLE_OR_JSON'],
  details: `  from an unredacted export, prints one field's value and salt as a disclosure file, to hand
  over with a redacted bundle that withholds it.`,
  options: { seq: { type: 'string' }, field: { type: 'string' } },
  async run({ positionals, values }, io) {
    const seq = Number(values.seq);
    const field = values.field as string | undefined;
    if (positionals.length !== 1 || !Number.isInteger(seq) || seq < 1 || !field) throw new UsageError('disclose takes --seq N --field NAME and one file');
    const file = positionals[0]!;
    try {
      const report = await verifyFile(file, {});
      if (!report.ok) {
        io.stdout.write(`ALTERED: ${forTerminal(report.problem ?? '')} (${forTerminal(report.summary)})\n`);
        return 1;
      }
      const entry = await findEntry(file, seq);
      const d = entry ? disclosureOf(entry, field) : null;
      if (!d) throw new UnreadableInput(`chain entry ${seq} does not disclose ${field} in this file (is it a redacted export?)`);
      io.stdout.write(JSON.stringify(d, null, 2) + '\n');
      return 0;
    } catch (e) {
      io.stderr.write(inputError(file, oneLine(e)));
      return 2;
    }
  },
};

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
