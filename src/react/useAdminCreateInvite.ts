'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { CreateInviteRequest, Invite } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
import { adminCreateInviteOperation } from '../client/operations.js';

/**
 * Creates an invite code (`POST admin/invites`), optionally bound to an email and carrying roles.
 * Refreshes the invite list.
 *
 * @example
 * ```tsx
 * const invite = useAdminCreateInvite();
 * invite.mutate({ email: 'new@example.com', expiresInHours: 72 });
 * ```
 */
export function useAdminCreateInvite(): UseMutationResult<{ invite: Invite }, AuthError, CreateInviteRequest> {
  const core = useAuthCore('useAdminCreateInvite');
  const run = useUnmountSignal();
  return useMutation<{ invite: Invite }, AuthError, CreateInviteRequest>(
    {
      mutationFn: (body) => run((signal) => core.client.send(adminCreateInviteOperation, { body, signal })),
      retry: 0,
      onSuccess: () => {
        void core.queryClient.invalidateQueries({ queryKey: core.keys.admin });
      },
    },
    core.queryClient,
  );
}
