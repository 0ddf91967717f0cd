import { ConfigError, loadConfig } from '../config.js';
import { CLIError, parse, type Command, type CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return ['usage: woes <command> [options]', '', ...COMMANDS.map((c) => `  woes ${c.usage.padEnd(width)}  ${c.summary}`)].join('\n');
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
