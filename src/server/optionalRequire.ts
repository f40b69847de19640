import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads an optional dependency when it is first needed, so `latchkey/server` works without the
 * packages a setup does not use (better-sqlite3 for a memory store, nodemailer without SMTP).
 * Throws an error that names the package and how to install it.
 *
 * @example
 * ```ts
 * const Database = optionalRequire<typeof import('better-sqlite3')>('better-sqlite3', 'createSqliteStore');
 * ```
 */
export function optionalRequire<T>(name: string, neededBy: string): T {
  try {
    return require(name) as T;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'MODULE_NOT_FOUND' && error.message.includes(`'${name}'`)) {
      throw new Error(`${neededBy} needs the "${name}" package: npm install ${name}`, { cause: error });
    }
    throw error;
  }
}
