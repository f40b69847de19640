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
