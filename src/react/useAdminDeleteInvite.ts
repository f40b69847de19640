'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import { refreshAdminLists, useOperation } from './useOperation.js';
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
  return useOperation<void, string>(
    'useAdminDeleteInvite',
    (client, code, signal) => client.send(adminDeleteInviteOperation, { params: { code }, signal }),
    refreshAdminLists,
  );
}
