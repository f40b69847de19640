'use client';
import type { ReactNode } from 'react';
import { useRequireAuth } from './useRequireAuth.js';
import type { UseRequireAuthOptions } from './useRequireAuth.js';

/**
 * Props of {@link RequireAuth}.
 *
 * @example
 * ```tsx
 * const props: RequireAuthProps = { roles: ['admin'], fallback: <Spinner />, forbidden: <p>Admins only.</p> };
 * ```
 */
export interface RequireAuthProps extends UseRequireAuthOptions {
  children?: ReactNode;
  /** Shown while loading, when the session check failed, and while redirecting a signed-out user. */
  fallback?: ReactNode;
  /** Shown to signed-in users without a required role. Default: nothing. */
  forbidden?: ReactNode;
}

/**
 * Renders its children only for signed-in users (with any of `roles`). Fails closed: nothing
 * protected mounts while the session is loading or when its check failed. Signed-out users are
 * sent once to the login page (`redirectTo`, else the provider's `loginPath`) with a sanitized
 * `returnTo`.
 *
 * @example
 * ```tsx
 * <RequireAuth roles={['admin']} fallback={<p>Loading…</p>} forbidden={<p>Admins only.</p>}>
 *   <AdminUsers />
 * </RequireAuth>
 * ```
 */
export function RequireAuth(props: RequireAuthProps): ReactNode {
  // The props are the hook's options (children, fallback and forbidden are ignored there).
  const { status } = useRequireAuth(props);
  return status === 'allowed' ? props.children : status === 'forbidden' ? props.forbidden : props.fallback;
}
