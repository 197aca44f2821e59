// Dispatches `newsdump <command>`; every failure becomes one line on stderr and exit 2.
import { COMMANDS, Command, parseCommand, USAGE, VERSION } from './args';
import { articles, check, clean, filter } from './commands';
import { UsageError } from './errors';
import { quietOnBrokenPipe } from './output';
import { cacheSegmentsFor } from './tasks';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE.main + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`newsdump ${VERSION}\n`);
    return 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`unknown command "${command}" (try: ${COMMANDS.join(', ')})`);
  const cmd = command as Command;
  const opts = parseCommand(cmd, rest);
  cacheSegmentsFor(cmd);
  if (opts.help) {
    process.stdout.write(USAGE[cmd] + '\n');
    return 0;
  }
  switch (cmd) {
    case 'check':
      return check(opts);
    case 'clean':
      return clean(opts);
    case 'articles':
      return articles(opts);
    case 'filter':
      return filter(opts);
  }
}

export async function run(argv: string[]): Promise<void> {
  quietOnBrokenPipe();
  let code: number;
  try {
    code = await main(argv);
  } catch (e) {
    const msg = e instanceof UsageError ? e.message : `internal error: ${(e as Error).message}`;
    process.stderr.write(`newsdump: ${msg}\n`);
    code = 2;
  }
  process.exitCode = code;
}
