import { ConfigError, loadConfig } from '../config.js';
import { CLIError, parse, type Command, type CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';

function usage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'usage: woes <command> [options]   (woes <command> --help for one command)',
    '',
    ...commands.map((c) => `  woes ${c.usage.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

const HELP_WORDS = new Set(['help', '--help', '-h']);

/**
 * `woes --help`, `woes help [command…]`, `woes <group> --help` (e.g. `woes keys --help`):
 * usage on stdout, exit 0. Returns null when argv is not a request for help.
 */
function helpFor(argv: string[]): string | null {
  const words = HELP_WORDS.has(argv[0] ?? '') ? argv.slice(1).filter((w) => !HELP_WORDS.has(w)) : null;
  const asked = words ?? (argv.length > 0 && HELP_WORDS.has(argv[argv.length - 1]!) ? argv.slice(0, -1) : null);
  if (asked === null) return null;
  const found = findCommand(asked);
  if (found && found.rest.length === 0) return `usage: woes ${found.command.usage}\n${found.command.summary}`;
  const group = COMMANDS.filter((c) => asked.every((w, i) => c.name.split(' ')[i] === w));
  // An unknown command stays an error (exit 2), with the full usage.
  return group.length > 0 ? usage(group) : null;
}

/** Finds the longest command name that prefixes argv ('keys create' before 'keys'). */
function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  let best: { command: Command; rest: string[] } | null = null;
  for (const command of COMMANDS) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.command.name.split(' ').length)) {
      best = { command, rest: argv.slice(words.length) };
    }
  }
  return best;
}

export async function main(argv: string[]): Promise<number> {
  const help = helpFor(argv);
  if (help !== null && (argv[0] === 'help' || !findCommand(argv))) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    process.stderr.write(`${argv.length ? `unknown command: ${argv.join(' ')}\n\n` : ''}${usage()}\n`);
    return argv.length ? 2 : 0;
  }
  try {
    const { values, positionals } = parse(found.command, found.rest);
    if (values.help) {
      process.stdout.write(`usage: woes ${found.command.usage}\n${found.command.summary}\n`);
      return 0;
    }
    const json = values.json === true;
    const context: CommandContext = {
      config: loadConfig(),
      values,
      positionals,
      json,
      out(human, object) {
        process.stdout.write(json ? JSON.stringify(object) + '\n' : human + '\n');
      },
    };
    await found.command.run(context);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`woes: configuration error: ${error.message}\n`);
    else if (error instanceof CLIError) process.stderr.write(`woes: ${error.message}\n`);
    else process.stderr.write(`woes: ${(error as Error).message}\n`);
    return error instanceof CLIError ? error.exitCode : 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  // `start` never resolves; every other command ends here and must not hang on open handles.
  process.exit(code);
});
