import { CliError } from './CliError.js';

/**
 * The server-only packages latchkey lists as optional peer dependencies, and what each is for.
 *
 * @example
 * ```ts
 * OPTIONAL_PACKAGES['better-sqlite3']; // 'the SQLite user database'
 * ```
 */
export const OPTIONAL_PACKAGES: Readonly<Record<string, string>> = {
  'better-sqlite3': 'the SQLite user database',
  '@node-rs/argon2': 'password hashing (argon2id)',
  nodemailer: 'sending mail over SMTP',
};

/**
 * Runs a dynamic import and turns "package not installed" failures into a {@link CliError} that
 * names the package and the command to install it, instead of Node's stack trace.
 *
 * @example
 * ```ts
 * const server = await importOptional(() => import('../server/index.js'), 'serve');
 * ```
 */
export async function importOptional<T>(load: () => Promise<T>, command: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw missingPackageError(error, command) ?? error;
  }
}

/**
 * Recognizes a "cannot find package" or "native binding missing" error and returns the CLI error
 * to show instead (or `null` when the error is something else).
 *
 * @example
 * ```ts
 * const friendly = missingPackageError(error, 'users list');
 * ```
 */
export function missingPackageError(error: unknown, command: string): CliError | null {
  // The server wraps a failed lazy require in its own error; the original is the `cause`.
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause !== undefined && cause !== error) {
    const fromCause = missingPackageError(cause, command);
    if (fromCause) return fromCause;
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const missing = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1];
  if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && missing) {
    const name = packageName(missing);
    if (name.startsWith('.') || name.startsWith('/')) return null;
    const purpose = OPTIONAL_PACKAGES[name];
    return new CliError(
      `"${command}" needs the package "${name}"${purpose ? ` (${purpose})` : ''}, which is not installed.\n` +
        `Install it next to latchkey:  npm install ${name}`,
      1,
    );
  }
  if (/Could not locate the bindings file|was compiled against a different Node\.js version/.test(message)) {
    return new CliError(
      `"${command}" could not load the native module of "better-sqlite3" (${message.split('\n')[0]}).\n` +
        'Rebuild it for this Node version:  npm rebuild better-sqlite3',
      1,
    );
  }
  return null;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}
