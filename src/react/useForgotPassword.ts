'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { ForgotPasswordRequest } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
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
  const core = useAuthCore('useForgotPassword');
  const run = useUnmountSignal();
  return useMutation<void, AuthError, ForgotPasswordRequest>(
    { mutationFn: (body) => run((signal) => core.client.send(forgotPasswordOperation, { body, signal }).then(() => undefined)), retry: 0 },
    core.queryClient,
  );
}
