import type { User } from '../contract/index.js';
import type { AuthClient, AuthClientOptions } from './AuthClient.js';
import { bearerTokens } from './bearerTokens.js';
import { openConnection } from './createAuthConnection.js';
import {
  adminCreateInviteOperation,
  adminCreateUserOperation,
  adminDeleteInviteOperation,
  adminDeleteUserOperation,
  adminListInvitesOperation,
  adminListUsersOperation,
  adminResetLinkOperation,
  adminUpdateUserOperation,
  adminUsersQuery,
  changePasswordOperation,
  configOperation,
  forgotPasswordOperation,
  forgotUsernameOperation,
  loginOperation,
  registerOperation,
  resetPasswordOperation,
  updateProfileOperation,
  verifyEmailOperation,
} from './operations.js';

/**
 * Creates the framework-free auth client for a backend that speaks the latchkey contract. Every
 * answer is parsed with the contract schemas (with the app's `userSchema` for users): anything
 * else rejects with an {@link AuthError} `contract_mismatch` that names the endpoint and the first
 * mismatching paths, and never counts as signed in.
 *
 * - Cookie transport (default): `credentials: 'include'`; `X-CSRF-Token` on every POST, PATCH and
 *   DELETE (read from `GET session` first when the client has none; after a 403 `csrf_failed`
 *   re-read once and retried once). The client never sees or stores a session token.
 * - Bearer transport: `Authorization: Bearer` with tokens kept in `tokenStorage` (memory by default;
 *   `persistentTokenStorage()` to survive reloads). On 401 `unauthenticated` the client refreshes
 *   once (concurrent 401s share that one refresh) and retries once; a refused refresh clears the
 *   tokens and emits `signed-out`. A refresh that fails for lack of an answer (network, timeout, 5xx)
 *   keeps the tokens and rejects with that retryable error. Where the browser has Web Locks, tabs
 *   sharing a persistent storage refresh one at a time, and a tab that waited uses the tokens the
 *   other one got (so rotation with reuse detection never signs everyone out).
 * - Requests only ever go to `baseUrl` (paths come from the contract's endpoint table, redirects
 *   are refused), tokens never go into a URL, and every request has a timeout (`timeoutMs`,
 *   default 15 s) combined with the caller's `AbortSignal`.
 * - Bodies are read defensively: more than 1 MiB, not JSON, empty, a `__proto__` key, or a success
 *   answer carrying `{"error": ...}` is a `contract_mismatch`. Error answers keep the backend's
 *   `code`, `message` (with any password or token the client sent cut out) and `fields`; `retryAfter`
 *   comes from `Retry-After`. Nothing is retried automatically except the CSRF and refresh cases
 *   above (login and forgot-password are never retried for a 429, timeout or network error).
 *
 * @example
 * ```ts
 * import { createAuthClient } from 'latchkey';
 *
 * const client = createAuthClient({ baseUrl: '/api/auth' });
 * const { session } = await client.login({ identifier: 'ada', password: 'correct horse battery staple' });
 * client.subscribe((event) => {
 *   if (event.type === 'signed-out') location.assign('/login');
 * });
 * ```
 */
export function createAuthClient<TUser extends User = User>(options: AuthClientOptions<TUser>): AuthClient<TUser> {
  const connection = openConnection(options, bearerTokens);
  const { send } = connection;
  // Answers that carry a user were checked with the client's user schema, so they are `TUser`s.
  type Typed<T> = Promise<T>;
  return {
    ...connection,
    getConfig: (signal) => send(configOperation, { signal }),
    login: (body, signal) => send(loginOperation, { body, signal }) as Typed<never>,
    register: (body, signal) => send(registerOperation, { body, signal }) as Typed<never>,
    verifyEmail: (body, signal) => send(verifyEmailOperation, { body, signal }) as Typed<never>,
    forgotPassword: async (body, signal) => {
      await send(forgotPasswordOperation, { body, signal });
    },
    resetPassword: (body, signal) => send(resetPasswordOperation, { body, signal }),
    changePassword: (body, signal) => send(changePasswordOperation, { body, signal }) as Typed<never>,
    forgotUsername: async (body, signal) => {
      await send(forgotUsernameOperation, { body, signal });
    },
    updateProfile: (body, signal) => send(updateProfileOperation, { body, signal }) as Typed<never>,
    admin: {
      listUsers: async (query, signal) => send(adminListUsersOperation, { query: adminUsersQuery(query), signal }),
      createUser: (body, signal) => send(adminCreateUserOperation, { body, signal }),
      updateUser: (id, body, signal) => send(adminUpdateUserOperation, { params: { id }, body, signal }),
      deleteUser: (id, signal) => send(adminDeleteUserOperation, { params: { id }, signal }),
      createResetLink: (id, signal) => send(adminResetLinkOperation, { params: { id }, signal }),
      listInvites: (signal) => send(adminListInvitesOperation, { signal }),
      createInvite: (body, signal) => send(adminCreateInviteOperation, { body, signal }),
      deleteInvite: (code, signal) => send(adminDeleteInviteOperation, { params: { code }, signal }),
    },
  };
}
