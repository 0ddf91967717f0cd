import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';

/** One `woes` sub-command. Output goes through `out`; errors are thrown as CLIError. */
export interface Command {
  /** e.g. 'keys create' */
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options?: ParseArgsConfig['options'];
  run(context: CommandContext): Promise<void>;
}

export interface CommandContext {
  readonly config: Config;
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
  readonly json: boolean;
  /** Prints a result: the JSON object with --json, else the human text. */
  out(human: string, json: unknown): void;
}

export class CLIError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function parse(
  command: Command,
  argv: string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(command, argv),
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...(command.options ?? {}) },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new CLIError(`${(error as Error).message}\nusage: woes ${command.usage}`, 2);
  }
}

export function required(context: CommandContext, name: string): string {
  const value = context.values[name];
  if (typeof value !== 'string' || value === '') throw new CLIError(`--${name} is required`, 2);
  return value;
}

/**
 * `--per-hour -3`: parseArgs refuses a value that starts with a dash as ambiguous, which hides
 * the option's allowed range. A negative number after a string option is its value, so the
 * command's own check answers with the range like for any other bad value.
 */
function joinNegativeValues(command: Command, argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i]!.startsWith('--') ? argv[i]!.slice(2) : null;
    const next = argv[i + 1];
    if (name !== null && command.options?.[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i += 1;
    } else {
      out.push(argv[i]!);
    }
  }
  return out;
}
