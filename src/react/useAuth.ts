'use client';
import type { User } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import type { UseAuthResult } from './authTypes.js';
import { useStoreSelector } from './useStoreSelector.js';

const identity = <T>(value: T): T => value;

/**
 * The session, as a discriminated union on `status` (`loading`, `authenticated`,
 * `unauthenticated`) with `user`, `session`, `error`, `hasRole()`, `logout()`, `refresh()` and the
 * `client`. Reading it costs no request: every component shares the provider's one session query.
 *
 * With a selector the component subscribes to a slice and rerenders only when that slice changes
 * (compared shallowly, so returning a small object is fine). Pass your user type to get it back.
 *
 * @example
 * ```tsx
 * function Header() {
 *   const auth = useAuth();
 *   if (auth.status === 'loading') return null;
 *   if (auth.status === 'unauthenticated') return <a href="/login">Sign in</a>;
 *   return <button onClick={() => auth.logout()}>Sign out {auth.user.username}</button>;
 * }
 *
 * function Name() {
 *   const name = useAuth((auth) => auth.user?.name ?? null); // no rerender when only expiresAt changes
 *   return <span>{name}</span>;
 * }
 * ```
 */
export function useAuth<TUser extends User = User>(): UseAuthResult<TUser>;
export function useAuth<T, TUser extends User = User>(selector: (auth: UseAuthResult<TUser>) => T): T;
export function useAuth<T, TUser extends User = User>(selector?: (auth: UseAuthResult<TUser>) => T): T | UseAuthResult<TUser> {
  const core = useAuthCore('useAuth');
  return useStoreSelector(core.auth, (selector ?? identity) as (auth: UseAuthResult<User>) => T, core.serverSnapshot);
}
