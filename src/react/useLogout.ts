'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import { useAuthCore } from './AuthContext.js';

/**
 * Signs out (`POST logout`). Local state (the session, per-user cached data, `useSessionState`)
 * is cleared even when the request fails, and other tabs follow.
 *
 * @example
 * ```tsx
 * const logout = useLogout();
 * <button onClick={() => logout.mutate()} disabled={logout.isPending}>Sign out</button>;
 * ```
 */
export function useLogout(): UseMutationResult<void, AuthError, void> {
  const core = useAuthCore('useLogout');
  return useMutation<void, AuthError, void>({ mutationFn: () => core.logout(), retry: 0 }, core.queryClient);
}
