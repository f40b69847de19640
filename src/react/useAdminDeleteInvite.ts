'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
import { adminDeleteInviteOperation } from '../client/operations.js';

/**
 * Revokes an invite code (`DELETE admin/invites/:code`; the variable is the code). Refreshes the
 * invite list.
 *
 * @example
 * ```tsx
 * const revoke = useAdminDeleteInvite();
 * revoke.mutate(invite.code);
 * ```
 */
export function useAdminDeleteInvite(): UseMutationResult<void, AuthError, string> {
  const core = useAuthCore('useAdminDeleteInvite');
  const run = useUnmountSignal();
  return useMutation<void, AuthError, string>(
    {
      mutationFn: (code) => run((signal) => core.client.send(adminDeleteInviteOperation, { params: { code }, signal })),
      retry: 0,
      onSuccess: () => {
        void core.queryClient.invalidateQueries({ queryKey: core.keys.admin });
      },
    },
    core.queryClient,
  );
}
