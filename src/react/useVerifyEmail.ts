'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AuthResult, VerifyEmailRequest, User } from '../contract/index.js';
import { useOperation } from './useOperation.js';
import { verifyEmailOperation } from '../client/operations.js';

/**
 * Confirms an email address with the token from the mail (`POST email/verify`); the answer's
 * session goes straight into the cache. Never retried automatically.
 *
 * @example
 * ```tsx
 * const verify = useVerifyEmail();
 * useEffect(() => { verify.mutate({ token }); }, [token]);
 * ```
 */
export function useVerifyEmail<TUser extends User = User>(): UseMutationResult<AuthResult<TUser>, AuthError, VerifyEmailRequest> {
  return useOperation<AuthResult<TUser>, VerifyEmailRequest>(
    'useVerifyEmail',
    (client, body, signal) => client.send(verifyEmailOperation, { body, signal }),
    (core, result) => core.applySession(result.session),
  );
}
