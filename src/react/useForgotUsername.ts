'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { ForgotUsernameRequest } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
import { forgotUsernameOperation } from '../client/operations.js';

/**
 * Asks for a username reminder mail (`POST username/forgot`). Succeeds for any well-formed
 * address, known or not, so show one neutral confirmation.
 *
 * @example
 * ```tsx
 * const forgot = useForgotUsername();
 * forgot.mutate({ email });
 * ```
 */
export function useForgotUsername(): UseMutationResult<void, AuthError, ForgotUsernameRequest> {
  const core = useAuthCore('useForgotUsername');
  const run = useUnmountSignal();
  return useMutation<void, AuthError, ForgotUsernameRequest>(
    { mutationFn: (body) => run((signal) => core.client.send(forgotUsernameOperation, { body, signal }).then(() => undefined)), retry: 0 },
    core.queryClient,
  );
}
