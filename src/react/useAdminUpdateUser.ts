'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AdminUpdateUserRequest, AdminUser } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
import { adminUpdateUserOperation } from '../client/operations.js';

/**
 * Updates a user as an administrator (`PATCH admin/users/:id`: name, email, roles, disabled).
 * Refreshes the admin user list, and the session when administrators edit themselves.
 *
 * @example
 * ```tsx
 * const update = useAdminUpdateUser();
 * update.mutate({ id: user.id, body: { disabled: true } });
 * ```
 */
export function useAdminUpdateUser(): UseMutationResult<{ user: AdminUser }, AuthError, { id: string; body: AdminUpdateUserRequest }> {
  const core = useAuthCore('useAdminUpdateUser');
  const run = useUnmountSignal();
  return useMutation<{ user: AdminUser }, AuthError, { id: string; body: AdminUpdateUserRequest }>(
    {
      mutationFn: ({ id, body }) => run((signal) => core.client.send(adminUpdateUserOperation, { params: { id }, body, signal })),
      retry: 0,
      onSuccess: (_result, variables) => {
        void core.queryClient.invalidateQueries({ queryKey: core.keys.admin });
        const current = core.auth.getSnapshot();
        if (current.status === 'authenticated' && current.user.id === variables.id) {
          void core.queryClient.invalidateQueries({ queryKey: core.keys.session, exact: true });
        }
      },
    },
    core.queryClient,
  );
}
