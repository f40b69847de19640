'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AuthResult, ChangePasswordRequest, User } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
import { changePasswordOperation } from '../client/operations.js';

/**
 * Changes the password (`POST password/change`). The server starts a new session (and ends all
 * others); the answer's session goes straight into the cache. A wrong current password is an
 * `invalid_credentials` error with `fields.currentPassword` (the user stays signed in).
 *
 * @example
 * ```tsx
 * const change = useChangePassword();
 * change.mutate({ currentPassword, newPassword });
 * if (change.error?.fields.currentPassword) showFieldError(change.error.fields.currentPassword);
 * ```
 */
export function useChangePassword<TUser extends User = User>(): UseMutationResult<AuthResult<TUser>, AuthError, ChangePasswordRequest> {
  const core = useAuthCore('useChangePassword');
  const run = useUnmountSignal();
  const client = core.client;
  return useMutation<AuthResult<TUser>, AuthError, ChangePasswordRequest>(
    {
      mutationFn: (body) => run((signal) => client.send(changePasswordOperation, { body, signal }) as Promise<AuthResult<TUser>>),
      retry: 0,
      onSuccess: (result) => core.applySession(result.session),
    },
    core.queryClient,
  );
}
