'use client';
import { useEffect, useRef } from 'react';
import type { User } from '../contract/index.js';
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
export function useRequireAuth<TUser extends User = User>({ roles, redirectTo, onUnauthenticated }: UseRequireAuthOptions = {}): RequireAuthResult<TUser> {
  const core = useAuthCore('useRequireAuth');
  // `user` is set only when signed in; `error` only when signed out because the check failed.
  const guard = useAuth<RequireAuthResult<TUser>, TUser>(({ status, user, error }) => ({
    status: status === 'authenticated' ? (!roles?.length || userHasRole(user, roles) ? 'allowed' : 'forbidden') : error ? 'error' : status,
    user,
  }));

  const handled = useRef(false);
  useEffect(() => {
    // Signed in (again): a later sign-out may redirect again.
    if (guard.user) handled.current = false;
    if (guard.status !== 'unauthenticated' || handled.current) return;
    handled.current = true;
    // The page's own path, query and fragment: on this site by construction. The one way it could
    // read as another site is a path that starts with two slashes or a backslash (percent-encoded
    // too); then `/`. The login page still passes what it gets through `sanitizeReturnTo`.
    const page = location.pathname + location.search + location.hash;
    const returnTo = /^\/(?![\\/]|%2f|%5c)/i.test(page) ? page : '/';
    const { loginPath, navigate = (to: string) => location.assign(to) } = core.settings;
    const target = redirectTo ?? loginPath;
    if (onUnauthenticated) onUnauthenticated(returnTo);
    // Never from the login page itself (that would loop). `returnTo` goes before any fragment.
    else if (target !== false && target.split(/[?#]/)[0] !== location.pathname) {
      navigate(target.replace(/#|$/, (hash) => `${/^[^#]*\?/.test(target) ? '&' : '?'}returnTo=${encodeURIComponent(returnTo)}${hash}`));
    }
  }, [guard, redirectTo, onUnauthenticated, core]);

  return guard;
}
