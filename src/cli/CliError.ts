/**
 * An error the CLI reports as one clear line (no stack trace) and turns into an exit code:
 * `2` for a usage mistake (bad flag, bad value, missing argument), `1` for everything else.
 *
 * @example
 * ```ts
 * throw new CliError('--port: "abc" is not a port number (0-65535)', 2);
 * ```
 */
export class CliError extends Error {
  /** The process exit code this error maps to. */
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/**
 * A usage mistake: exit code 2, and the message says what was wrong and where.
 *
 * @example
 * ```ts
 * throw usageError('unknown option --prot (did you mean --port?)');
 * ```
 */
export function usageError(message: string): CliError {
  return new CliError(message, 2);
}
