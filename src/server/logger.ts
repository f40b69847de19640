/**
 * One structured log entry. It never carries a password, a token, a cookie value or a raw
 * identifier that failed to log in (only a short hash of it, since people type passwords into
 * the username field).
 *
 * @example
 * ```ts
 * const entry: AuthLogEntry = { time: '2026-01-01T00:00:00.000Z', level: 'info', event: 'login.success', userId: 'u1' };
 * ```
 */
export interface AuthLogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  event: AuthLogEvent;
  userId?: string;
  /** First 16 hex digits of SHA-256 of the normalized identifier. */
  identifierHash?: string;
  address?: string;
  reason?: string;
  [key: string]: string | number | boolean | undefined;
}

/**
 * The events the reference server logs.
 *
 * @example
 * ```ts
 * const watched: AuthLogEvent[] = ['login.failure', 'login.locked'];
 * ```
 */
export type AuthLogEvent =
  | 'login.success'
  | 'login.failure'
  | 'login.locked'
  | 'logout'
  | 'register'
  | 'password.reset_requested'
  | 'password.reset_completed'
  | 'password.changed'
  | 'password.rehashed'
  | 'username.reminder_requested'
  | 'email.verification_sent'
  | 'email.verified'
  | 'refresh.reuse_detected'
  | 'admin.user_created'
  | 'admin.user_updated'
  | 'admin.user_deleted'
  | 'admin.reset_link'
  | 'admin.invite_created'
  | 'admin.invite_mailed'
  | 'admin.invite_deleted'
  | 'mail.failed'
  | 'request.failed';

/**
 * Receives every log entry.
 *
 * @example
 * ```ts
 * const entries: AuthLogEntry[] = [];
 * const logger: AuthLogger = (entry) => entries.push(entry);
 * ```
 */
export type AuthLogger = (entry: AuthLogEntry) => void;

/**
 * A logger that writes each entry as one line of JSON (default: `console.log`).
 *
 * @example
 * ```ts
 * const handler = createAuthHandler({ store, appUrl, logger: createJsonLogger((line) => process.stderr.write(line + '\n')) });
 * ```
 */
export function createJsonLogger(write: (line: string) => void = (line) => console.log(line)): AuthLogger {
  return (entry) => write(JSON.stringify(entry));
}
