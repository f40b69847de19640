import { randomBytes } from 'node:crypto';
import { CliError } from './CliError.js';
import type { CliIo } from './CliIo.js';

/**
 * A generated password: 24 characters from 18 random bytes (144 bits), base64url, so it is long
 * enough for any password policy of the reference server and safe to paste.
 *
 * @example
 * ```ts
 * const password = generatePassword(); // e.g. 'q3Zl0V1yJ2mX9c_7aKx-Pt4B'
 * ```
 */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The password for `users add`: read from stdin when stdin is piped and not empty (one line; the
 * trailing newline is dropped, nothing else is trimmed), otherwise `null` (the caller generates one).
 *
 * @example
 * ```ts
 * const fromStdin = await readPasswordFromStdin(io); // echo 'long passphrase' | latchkey users add ada
 * ```
 */
export async function readPasswordFromStdin(io: CliIo): Promise<string | null> {
  if (io.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += buffer.length;
    if (size > 16_384) throw new CliError('stdin: the password is longer than 16 KiB; pipe one line (the password) only', 2);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (text === '') return null;
  if (/[\r\n]/.test(text)) throw new CliError('stdin: expected one line (the password), got several lines', 2);
  return text;
}
