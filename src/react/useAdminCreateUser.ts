'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AdminCreateUserRequest, AdminCreateUserResult } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
import { adminCreateUserOperation } from '../client/operations.js';

/**
 * Creates a user as an administrator (`POST admin/users`). Without a password the answer carries
 * a one-time `resetUrl` to hand over. Refreshes the admin user list.
 *
 * @example
 * ```tsx
 * const create = useAdminCreateUser();
 * create.mutate({ username: 'bob', email: 'bob@example.com', roles: ['editor'] });
 * if (create.data?.resetUrl) showLink(create.data.resetUrl);
 * ```
 */
export function useAdminCreateUser(): UseMutationResult<AdminCreateUserResult, AuthError, AdminCreateUserRequest> {
  const core = useAuthCore('useAdminCreateUser');
  const run = useUnmountSignal();
  return useMutation<AdminCreateUserResult, AuthError, AdminCreateUserRequest>(
    {
      mutationFn: (body) => run((signal) => core.client.send(adminCreateUserOperation, { body, signal })),
      retry: 0,
      onSuccess: () => {
        void core.queryClient.invalidateQueries({ queryKey: core.keys.admin });
      },
    },
    core.queryClient,
  );
}
