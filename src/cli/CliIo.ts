/**
 * What a CLI command reads and writes: environment, standard streams, working directory, and an
 * optional stop signal (long-running commands such as `serve` stop when it aborts; without one
 * they stop on SIGINT / SIGTERM). Tests pass their own to run commands in-process.
 *
 * @example
 * ```ts
 * const io: CliIo = { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
 * ```
 */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly cwd: string;
  readonly signal?: AbortSignal;
}

/**
 * The real process's {@link CliIo}.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 * ```
 */
export function processIo(): CliIo {
  return { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}
