'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { ResetPasswordRequest } from '../contract/index.js';
import { useOperation } from './useOperation.js';
import { resetPasswordOperation } from '../client/operations.js';

/**
 * Sets a new password with the token from the reset mail (`POST password/reset`). A bad, used or
 * expired token is an `invalid_token` error. The user is not signed in afterwards.
 *
 * @example
 * ```tsx
 * const reset = useResetPassword();
 * reset.mutate({ token, password });
 * ```
 */
export function useResetPassword(): UseMutationResult<void, AuthError, ResetPasswordRequest> {
  return useOperation<void, ResetPasswordRequest>(
    'useResetPassword',
    (client, body, signal) => client.send(resetPasswordOperation, { body, signal }),
  );
}
