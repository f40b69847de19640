'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { ResetLink } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
import { adminResetLinkOperation } from '../client/operations.js';

/**
 * Issues a password reset link for a user (`POST admin/users/:id/reset-link`; the variable is the
 * user id) for an administrator to hand over.
 *
 * @example
 * ```tsx
 * const link = useAdminResetLink();
 * link.mutate(user.id);
 * if (link.data) copy(link.data.url);
 * ```
 */
export function useAdminResetLink(): UseMutationResult<ResetLink, AuthError, string> {
  const core = useAuthCore('useAdminResetLink');
  const run = useUnmountSignal();
  return useMutation<ResetLink, AuthError, string>(
    {
      mutationFn: (id) => run((signal) => core.client.send(adminResetLinkOperation, { params: { id }, signal })),
      retry: 0,
      onSuccess: () => {
        void core.queryClient.invalidateQueries({ queryKey: core.keys.admin });
      },
    },
    core.queryClient,
  );
}
