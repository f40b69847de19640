import type { AuthConnection } from '../client/AuthConnection.js';
import type { AuthError } from '../client/AuthError.js';
import type { Session, User } from '../contract/index.js';

/**
 * The session as the React layer sees it: a discriminated union on `status`, never a set of
 * independent booleans. `loading` only before the first answer of `GET session`;
 * `unauthenticated` carries the error when the session check itself failed (then guards fail
 * closed and show their fallback instead of redirecting).
 *
 * @example
 * ```tsx
 * function Greeting({ auth }: { auth: AuthState }) {
 *   if (auth.status === 'authenticated') return <p>Hello {auth.user.username}</p>;
 *   return null;
 * }
 * ```
 */
export type AuthState<TUser extends User = User> =
  | { status: 'loading'; user: null; session: null; error: null }
  | { status: 'authenticated'; user: TUser; session: Session<TUser>; error: null }
  | { status: 'unauthenticated'; user: null; session: null; error: AuthError | null };

/**
 * What {@link useAuth} returns: the {@link AuthState} plus actions.
 *
 * - `hasRole(role)`: `true` when signed in with the role, or with any of the roles of an array.
 * - `logout()`: signs out; local state (session, per-user cached data, `useSessionState`) is
 *   cleared even when the request fails.
 * - `refresh()`: re-reads `GET session`; rejects with an `AuthError` when the check fails.
 * - `client`: the provider's {@link AuthConnection} (session, logout, refresh, events); the
 *   `client` passed to the provider when it was a full `createAuthClient` client.
 *
 * @example
 * ```tsx
 * const auth = useAuth();
 * if (auth.status === 'authenticated' && auth.hasRole('admin')) return <AdminLink />;
 * ```
 */
export type UseAuthResult<TUser extends User = User> = AuthState<TUser> & {
  hasRole(role: string | string[]): boolean;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  client: AuthConnection<TUser>;
};
