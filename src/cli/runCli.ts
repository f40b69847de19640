import { CliError } from './CliError.js';
import type { CliIo } from './CliIo.js';
import { processIo } from './CliIo.js';
import { missingPackageError } from './importOptional.js';
import { checkCommand } from './checkCommand.js';
import { packageVersion } from './packageVersion.js';
import { serveCommand } from './serveCommand.js';
import { usersCommand } from './usersCommand.js';

/**
 * One top-level CLI command.
 *
 * @example
 * ```ts
 * const hello: CliCommand = { name: 'hello', summary: 'Say hello', run: async (_argv, io) => { io.stdout.write('hi\n'); return 0; } };
 * ```
 */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

const COMMANDS: readonly CliCommand[] = [serveCommand, usersCommand, checkCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'Usage: latchkey <command> [options]',
    '',
    'The latchkey reference auth server, its user administration, and the contract conformance check.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run "latchkey <command> --help" for the options of a command.',
    '  -v, --version  Print the version.',
    '  -h, --help     Show this help.',
    '',
  ].join('\n');
}

/**
 * Runs the `latchkey` command line and resolves with the exit code: 0 success, 1 failure, 2 a usage
 * mistake (unknown command or flag, bad value). Errors are printed as one clear line on stderr;
 * set `LATCHKEY_DEBUG=1` to see stack traces of unexpected errors.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2));
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      if (first === 'help' && rest[0]) return await runCli([rest[0], '--help'], io);
      io.stdout.write(mainHelp());
      return first === undefined ? 2 : 0;
    }
    if (first === '-v' || first === '--version' || first === 'version') {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    const command = COMMANDS.find((candidate) => candidate.name === first);
    if (!command) {
      const hint = first.startsWith('-') ? 'options come after the command' : `commands are ${COMMANDS.map((c) => c.name).join(', ')}`;
      throw new CliError(`unknown command ${JSON.stringify(first)} (${hint}; see latchkey --help)`, 2);
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`latchkey: ${error.message}\n`);
      if (error.exitCode === 2 && first && COMMANDS.some((c) => c.name === first)) {
        io.stderr.write(`Run "latchkey ${first} --help" for usage.\n`);
      }
      return error.exitCode;
    }
    const missing = missingPackageError(error, [first, rest[0] && !rest[0].startsWith('-') && first === 'users' ? rest[0] : ''].filter(Boolean).join(' '));
    if (missing) {
      io.stderr.write(`latchkey: ${missing.message}\n`);
      return missing.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`latchkey: unexpected error: ${message}\n`);
    if (io.env.LATCHKEY_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
