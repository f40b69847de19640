'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AdminCreateUserRequest, AdminCreateUserResult } from '../contract/index.js';
import { refreshAdminLists, useOperation } from './useOperation.js';
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
  return useOperation<AdminCreateUserResult, AdminCreateUserRequest>(
    'useAdminCreateUser',
    (client, body, signal) => client.send(adminCreateUserOperation, { body, signal }),
    refreshAdminLists,
  );
}
