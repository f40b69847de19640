/**
 * Why a request failed, on top of the contract's error codes:
 * - `network`: no answer (offline, DNS, CORS, connection reset). Retryable.
 * - `timeout`: no answer within `timeoutMs`. Retryable.
 * - `aborted`: the caller aborted (unmount). Not shown to users.
 * - `contract_mismatch`: the backend answered something the contract does not allow; `message`
 *   names the endpoint and what did not match. Never treated as signed in.
 *
 * @example
 * ```ts
 * const code: AuthErrorCode = 'timeout';
 * ```
 */
export type AuthErrorCode =
  | 'invalid_request'
  | 'invalid_credentials'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'conflict'
  | 'not_found'
  | 'invalid_token'
  | 'weak_password'
  | 'registration_closed'
  | 'invite_required'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'contract_mismatch'
  // A code the backend sent that this version does not know; kept as sent.
  | (string & {});

/**
 * What {@link AuthError}'s constructor takes.
 *
 * @example
 * ```ts
 * const init: AuthErrorInit = { code: 'timeout', message: 'GET session: no answer within 15000 ms', endpoint: 'GET session' };
 * ```
 */
export interface AuthErrorInit {
  code: AuthErrorCode;
  message: string;
  /** `METHOD path` of the contract endpoint, e.g. `POST login` or `DELETE admin/users/:id`. */
  endpoint: string;
  /** HTTP status of the answer; `null` when there was no answer (network, timeout, aborted). */
  status?: number | null;
  /** Per-field messages from the error envelope (`{"password": "Too short"}`). */
  fields?: Record<string, string>;
  /** Seconds to wait before trying again (429 `Retry-After`). */
  retryAfter?: number | null;
  /** Whether sending the same request again later may succeed. Defaults by code. */
  retryable?: boolean;
  /** The underlying error (a fetch `TypeError`, a zod error), kept for debugging. */
  cause?: unknown;
}

const RETRYABLE_CODES: ReadonlySet<string> = new Set(['network', 'timeout', 'rate_limited', 'internal']);

/**
 * The one error type every client method rejects with. Its `message` never contains a password or
 * a token: the client redacts every secret it sent from what the server answered.
 *
 * @example
 * ```ts
 * try {
 *   await client.login({ identifier: 'ada', password });
 * } catch (error) {
 *   if (isAuthError(error) && error.code === 'rate_limited') showCountdown(error.retryAfter);
 * }
 * ```
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  /** A contract error code, a client-side code (`network`, `timeout`, `aborted`, `contract_mismatch`), or an unknown code kept as sent. */
  declare readonly code: AuthErrorCode;
  /** HTTP status of the answer; `null` when there was none. */
  declare readonly status: number | null;
  /** Per-field messages (`{}` when none). */
  declare readonly fields: Record<string, string>;
  /** Seconds to wait before trying again (from `Retry-After`), or `null`. */
  declare readonly retryAfter: number | null;
  /** `METHOD path` of the endpoint, e.g. `POST login`. */
  declare readonly endpoint: string;
  /** Whether sending the same request again later may succeed (network, timeout, 429, 5xx). */
  declare readonly retryable: boolean;

  constructor({ message, cause, code, status = null, fields, retryAfter = null, endpoint, retryable = RETRYABLE_CODES.has(code) }: AuthErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { code, status, fields: { ...fields }, retryAfter, endpoint, retryable });
  }
}

/**
 * Tells whether a value is an {@link AuthError} (also across bundle copies, by shape).
 *
 * @example
 * ```ts
 * mutation.error && isAuthError(mutation.error) && mutation.error.code === 'invalid_credentials';
 * ```
 */
export function isAuthError(value: unknown): value is AuthError {
  if (value instanceof AuthError) return true;
  if (!(value instanceof Error) || value.name !== 'AuthError') return false;
  const candidate = value as Partial<Record<keyof AuthError, unknown>>;
  return typeof candidate.code === 'string' && typeof candidate.endpoint === 'string' && typeof candidate.retryable === 'boolean';
}
