/** Shorter strings are too likely to occur by chance in an innocent message to be cut out. */
const MIN_SECRET_LENGTH = 4;

/**
 * Cuts every given secret (a password or token the client sent or holds) out of a text that came
 * from the server, so an echoing backend cannot put a password into an error message or a log.
 *
 * @internal
 * @example
 * ```ts
 * redactSecrets('Password hunter22 is too weak', ['hunter22']); // 'Password [redacted] is too weak'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  const sorted = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  for (const secret of sorted) result = result.split(secret).join('[redacted]');
  return result;
}
