'use client';
import { useEffect, useRef } from 'react';
import type { User } from '../contract/index.js';
import { sanitizeReturnTo } from '../session/index.js';
import { useAuthCore } from './AuthContext.js';
import { userHasRole } from './createAuthCore.js';
import { useAuth } from './useAuth.js';

/**
 * Options of {@link useRequireAuth} (and the props `RequireAuth` passes on).
 *
 * @example
 * ```ts
 * const options: UseRequireAuthOptions = { roles: ['admin', 'editor'], redirectTo: '/signin' };
 * ```
 */
export interface UseRequireAuthOptions {
  /** Any of these roles lets the user in (a single role may be given as a string). */
  roles?: string | readonly string[];
  /**
   * Where to send signed-out users, `?returnTo=<this page>` appended. Default: the provider's
   * `loginPath`. `false`: never redirect (show a fallback, e.g. an inline login form).
   */
  redirectTo?: string | false;
  /** Called (once) instead of redirecting, with the sanitized `returnTo` of the current page. */
  onUnauthenticated?: (returnTo: string) => void;
}

/**
 * What {@link useRequireAuth} decided. Only `allowed` may show protected content: guards fail
 * closed while the session check is `loading` and when it failed (`error`).
 *
 * @example
 * ```ts
 * const guard: RequireAuthResult = { status: 'forbidden', user };
 * ```
 */
export interface RequireAuthResult<TUser extends User = User> {
  status: 'loading' | 'allowed' | 'unauthenticated' | 'forbidden' | 'error';
  user: TUser | null;
}

function currentPage(): string {
  const { pathname, search, hash } = window.location;
  return `${pathname}${search}${hash}`;
}

function withReturnTo(target: string, returnTo: string): string {
  const hashAt = target.indexOf('#');
  const base = hashAt === -1 ? target : target.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : target.slice(hashAt);
  return `${base}${base.includes('?') ? '&' : '?'}returnTo=${encodeURIComponent(returnTo)}${hash}`;
}

function pathOf(target: string): string {
  return target.split(/[?#]/, 1)[0] ?? target;
}

/**
 * Protects a page: decides whether the user may see it and, when signed out, sends them to the
 * login page once, with a sanitized `returnTo` of the current page (never when already there, so
 * no loops). Roles are any-of. Signed in without a matching role is `forbidden` (no redirect).
 *
 * @example
 * ```tsx
 * function AdminPage() {
 *   const guard = useRequireAuth({ roles: 'admin' });
 *   if (guard.status === 'forbidden') return <p>Admins only.</p>;
 *   if (guard.status !== 'allowed') return <Spinner />;
 *   return <UserTable />;
 * }
 * ```
 */
export function useRequireAuth<TUser extends User = User>(options: UseRequireAuthOptions = {}): RequireAuthResult<TUser> {
  const core = useAuthCore('useRequireAuth');
  const { roles, redirectTo, onUnauthenticated } = options;
  const { status, user, error } = useAuth<{ status: string; user: TUser | null; error: unknown }, TUser>((auth) => ({
    status: auth.status,
    user: auth.user,
    error: auth.error,
  }));

  let result: RequireAuthResult<TUser>['status'];
  if (status === 'loading') result = 'loading';
  else if (status === 'unauthenticated') result = error === null ? 'unauthenticated' : 'error';
  else if (roles === undefined || roles.length === 0 || userHasRole(user, roles)) result = 'allowed';
  else result = 'forbidden';

  const handled = useRef(false);
  useEffect(() => {
    if (result !== 'unauthenticated') {
      // Signed in again (or checking again): a later sign-out may redirect again.
      if (result === 'allowed' || result === 'forbidden') handled.current = false;
      return;
    }
    if (handled.current) return;
    handled.current = true;
    const returnTo = sanitizeReturnTo(currentPage());
    if (onUnauthenticated !== undefined) {
      onUnauthenticated(returnTo);
      return;
    }
    if (redirectTo === false) return;
    const target = redirectTo ?? core.settings.loginPath;
    // Already on the login page: redirecting would loop.
    if (pathOf(target) === window.location.pathname) return;
    const url = withReturnTo(target, returnTo);
    const navigate = core.settings.navigate ?? ((to: string) => window.location.assign(to));
    navigate(url);
  }, [result, redirectTo, onUnauthenticated, core]);

  return { status: result, user: result === 'allowed' || result === 'forbidden' ? user : null };
}
