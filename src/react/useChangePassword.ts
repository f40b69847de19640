'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AuthResult, ChangePasswordRequest, User } from '../contract/index.js';
import { useOperation } from './useOperation.js';
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
  return useOperation<AuthResult<TUser>, ChangePasswordRequest>(
    'useChangePassword',
    (client, body, signal) => client.send(changePasswordOperation, { body, signal }),
    (core, result) => core.applySession(result.session),
  );
}
