import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Wrong arguments: main prints the message on one line with the command's usage and exits 2. */
export class UsageError extends Error {}

/**
 * node:util's parseArgs, strict, with positionals; `--help`/`-h` is accepted by every command.
 * `--url=x` and `--url x` reach the command as the same value, so one check covers both.
 */
export function parseCommandArgs(args: string[], options: OptionSpec): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    // Node's messages run over several lines and suggest `--` tricks; the first sentence says what is wrong.
    const message = (e as Error).message.split('\n')[0]!.replace(/\. To specify .*$/, '');
    throw new UsageError(message);
  }
}

/** The value of an option that must be an http(s) URL, or undefined when not given. */
export function httpUrlOption(values: ParsedArgs['values'], name: string): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  let ok = false;
  try {
    const u = new URL(String(v));
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`--${name} needs an http(s) URL`);
  return String(v);
}

/** The value of an option that must be an HTTP status (100–599), or undefined when not given. */
export function statusOption(values: ParsedArgs['values'], name = 'status'): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d{3}$/.test(String(v)) || n < 100 || n > 599) throw new UsageError(`--${name} needs an HTTP status (100-599)`);
  return n;
}
