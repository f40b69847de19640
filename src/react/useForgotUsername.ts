'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { ForgotUsernameRequest } from '../contract/index.js';
import { useOperation } from './useOperation.js';
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
  return useOperation<void, ForgotUsernameRequest>(
    'useForgotUsername',
    (client, body, signal) => client.send(forgotUsernameOperation, { body, signal }).then(() => undefined),
  );
}
