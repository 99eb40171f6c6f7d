import type { OptionSpec, ParsedArgs } from '../args';
import type { Io } from '../io';

/** One `shutout` command: main parses its options with node:util's parseArgs and calls `run`. */
export interface Command {
  /** The word after `shutout`. */
  name: string;
  /** Usage lines without the leading "usage: ". */
  synopsis: string[];
  /** What the arguments mean and the exit statuses, for `--help`. */
  details: string;
  options: OptionSpec;
  /** Returns the exit status; throws UsageError for wrong arguments. */
  run(args: ParsedArgs, io: Io): Promise<number>;
}
