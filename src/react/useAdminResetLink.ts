'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { ResetLink } from '../contract/index.js';
import { refreshAdminLists, useOperation } from './useOperation.js';
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
  return useOperation<ResetLink, string>(
    'useAdminResetLink',
    (client, id, signal) => client.send(adminResetLinkOperation, { params: { id }, signal }),
    refreshAdminLists,
  );
}
