'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { Session, UpdateProfileRequest, User } from '../contract/index.js';
import type { AuthError } from '../client/AuthError.js';
import { useOperation } from './useOperation.js';
import { updateProfileOperation } from '../client/operations.js';

/**
 * Updates the signed-in user's profile (`PATCH user`: `name`, `email` with `currentPassword`). The
 * updated user replaces the one in the cached session, so every `useAuth` reader sees it at once.
 *
 * @example
 * ```tsx
 * const update = useUpdateProfile();
 * update.mutate({ name: 'Ada Lovelace' });
 * ```
 */
export function useUpdateProfile<TUser extends User = User>(): UseMutationResult<{ user: TUser }, AuthError, UpdateProfileRequest> {
  return useOperation<{ user: TUser }, UpdateProfileRequest>(
    'useUpdateProfile',
    (client, body, signal) => client.send(updateProfileOperation, { body, signal }),
    (core, { user }) => {
      const current = core.queryClient.getQueryData<Session<User> | null>(core.keys.session);
      if (current != null && current.user.id === user.id) core.queryClient.setQueryData(core.keys.session, { ...current, user });
    },
  );
}
