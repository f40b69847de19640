'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { CreateInviteRequest, Invite } from '../contract/index.js';
import { refreshAdminLists, useOperation } from './useOperation.js';
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
  return useOperation<{ invite: Invite }, CreateInviteRequest>(
    'useAdminCreateInvite',
    (client, body, signal) => client.send(adminCreateInviteOperation, { body, signal }),
    refreshAdminLists,
  );
}
