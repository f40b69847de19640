'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AdminUpdateUserRequest, AdminUser } from '../contract/index.js';
import { refreshAdminLists, useOperation } from './useOperation.js';
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
  return useOperation<{ user: AdminUser }, { id: string; body: AdminUpdateUserRequest }>(
    'useAdminUpdateUser',
    (client, { id, body }, signal) => client.send(adminUpdateUserOperation, { params: { id }, body, signal }),
    (core, _result, variables) => {
      refreshAdminLists(core);
      const current = core.auth.getSnapshot();
      if (current.status === 'authenticated' && current.user.id === variables.id) {
        void core.queryClient.invalidateQueries({ queryKey: core.keys.session, exact: true });
      }
    },
  );
}
