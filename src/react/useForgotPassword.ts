'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { ForgotPasswordRequest } from '../contract/index.js';
import { useOperation } from './useOperation.js';
import { forgotPasswordOperation } from '../client/operations.js';

/**
 * Asks for a password reset mail (`POST password/forgot`). Succeeds for any well-formed input,
 * known or not, so show one neutral confirmation. Never retried automatically.
 *
 * @example
 * ```tsx
 * const forgot = useForgotPassword();
 * forgot.mutate({ identifier });
 * if (forgot.isSuccess) return <p aria-live="polite">If the account exists, a mail is on its way.</p>;
 * ```
 */
export function useForgotPassword(): UseMutationResult<void, AuthError, ForgotPasswordRequest> {
  return useOperation<void, ForgotPasswordRequest>(
    'useForgotPassword',
    (client, body, signal) => client.send(forgotPasswordOperation, { body, signal }).then(() => undefined),
  );
}
