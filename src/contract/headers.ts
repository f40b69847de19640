/**
 * Header names the contract relies on.
 *
 * - `csrf`: sent by the client on every state-changing request in cookie mode.
 * - `verifyUserId`, `verifyUsername`, `verifyRoles`: set on `GET verify` answers for reverse proxies.
 * - `retryAfter`: on every 429 answer, in seconds or as an HTTP date.
 *
 * @example
 * ```ts
 * import { HEADERS } from 'latchkey/contract';
 * fetch('/api/auth/logout', { method: 'POST', headers: { [HEADERS.csrf]: token } });
 * ```
 */
export const HEADERS = {
  csrf: 'X-CSRF-Token',
  verifyUserId: 'X-Auth-User-Id',
  verifyUsername: 'X-Auth-Username',
  verifyRoles: 'X-Auth-Roles',
  retryAfter: 'Retry-After',
} as const;

/**
 * The contract version this package speaks; `GET config` answers `{"contract": 1, ...}`.
 *
 * @example
 * ```ts
 * if (config.contract !== CONTRACT_VERSION) throw new Error('unsupported backend');
 * ```
 */
export const CONTRACT_VERSION = 1 as const;
