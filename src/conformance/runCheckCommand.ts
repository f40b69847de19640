import { formatJson } from './formatJson.js';
import { formatReport } from './formatReport.js';
import { CHECK_USAGE, parseCheckArgs } from './parseCheckArgs.js';
import { runConformance } from './runConformance.js';

/**
 * What {@link runCheckCommand} reads and writes (a subset of the CLI's io).
 *
 * @example
 * ```ts
 * const io: CheckCommandIo = { env: process.env, stdout: process.stdout, stderr: process.stderr };
 * ```
 */
export interface CheckCommandIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
}

/**
 * `latchkey check <baseUrl> [options]`: parses the arguments, runs the suite, prints the report
 * (or JSON with `--json`) and resolves with the exit code: 0 all passed, 1 a check failed, 2 a
 * usage mistake (printed on stderr with a pointer to `--help`).
 *
 * @example
 * ```ts
 * process.exitCode = await runCheckCommand(process.argv.slice(3), { env: process.env, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function runCheckCommand(argv: readonly string[], io: CheckCommandIo): Promise<number> {
  let args;
  try {
    args = parseCheckArgs(argv, io.env);
  } catch (error) {
    io.stderr.write(`latchkey check: ${error instanceof Error ? error.message : String(error)}\nRun "latchkey check --help" for usage.\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(CHECK_USAGE);
    return 0;
  }
  const result = await runConformance(args.options);
  io.stdout.write(`${args.json ? formatJson(result) : formatReport(result)}\n`);
  return result.ok ? 0 : 1;
}
