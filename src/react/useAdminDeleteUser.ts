'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
import { adminDeleteUserOperation } from '../client/operations.js';

/**
 * Deletes a user as an administrator (`DELETE admin/users/:id`; the variable is the user id).
 * Refreshes the admin user list.
 *
 * @example
 * ```tsx
 * const remove = useAdminDeleteUser();
 * remove.mutate(user.id);
 * ```
 */
export function useAdminDeleteUser(): UseMutationResult<void, AuthError, string> {
  const core = useAuthCore('useAdminDeleteUser');
  const run = useUnmountSignal();
  return useMutation<void, AuthError, string>(
    {
      mutationFn: (id) => run((signal) => core.client.send(adminDeleteUserOperation, { params: { id }, signal })),
      retry: 0,
      onSuccess: () => {
        void core.queryClient.invalidateQueries({ queryKey: core.keys.admin });
      },
    },
    core.queryClient,
  );
}
