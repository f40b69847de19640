'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import { refreshAdminLists, useOperation } from './useOperation.js';
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
  return useOperation<void, string>(
    'useAdminDeleteUser',
    (client, id, signal) => client.send(adminDeleteUserOperation, { params: { id }, signal }),
    refreshAdminLists,
  );
}
