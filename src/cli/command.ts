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
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export function parse(command: Command, argv: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
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
