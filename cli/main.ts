import { parseCommandArgs, UsageError } from './args';
import type { Command } from './commands/command';
import { couponsCommand } from './commands/coupons';
import { datasetCommand } from './commands/dataset';
import { discloseCommand } from './commands/disclose';
import { reportCommand } from './commands/report';
import { scanCommand } from './commands/scan';
import { verifyCommand } from './commands/verify';
import type { Io } from './io';
import { forTerminal, linesForTerminal } from './terminal';

export type { Io } from './io';

/** Every command: adding one is a module in cli/commands/ and a line here. */
const COMMANDS: Command[] = [scanCommand, verifyCommand, reportCommand, discloseCommand, couponsCommand, datasetCommand];

const usageOf = (c: Command) => `usage: ${c.synopsis.join('\n       ')}\n\n${c.details}`;
const USAGE = `usage: ${COMMANDS.flatMap((c) => c.synopsis).join('\n       ')}\n\n${COMMANDS.map((c) => `${c.name}:\n${c.details}`).join('\n\n')}`;

/** Output for people: every line cleaned of control characters (cli/terminal.ts). */
const forHumans = (stream: Io['stdout']): Io['stdout'] => ({ write: (s: string) => stream.write(linesForTerminal(s)) });

/** `shutout` entry point; returns the exit status. */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  const stderr = forHumans(rawIo.stderr);
  const io: Io = { stdout: forHumans(rawIo.stdout), stderr };
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const known = COMMANDS.map((c) => c.name).join(', ');
    io.stderr.write(`shutout: ${name ? `unknown command "${forTerminal(name)}"` : 'no command given'} (commands: ${known})\n`);
    return 2;
  }
  try {
    const args = parseCommandArgs(rest, command.options);
    if (args.values.help) {
      io.stdout.write(usageOf(command) + '\n');
      return 0;
    }
    // --json output is exact JSON for programs; everything else is for people.
    return await command.run(args, args.values.json === true ? { stdout: rawIo.stdout, stderr } : io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`shutout ${command.name}: ${forTerminal(e.message)} (usage: shutout ${command.name} --help)\n`);
    return 2;
  }
}
