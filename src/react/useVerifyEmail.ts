'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AuthResult, VerifyEmailRequest, User } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import { useUnmountSignal } from './useUnmountSignal.js';
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
  const core = useAuthCore('useVerifyEmail');
  const run = useUnmountSignal();
  const client = core.client;
  return useMutation<AuthResult<TUser>, AuthError, VerifyEmailRequest>(
    {
      mutationFn: (body) => run((signal) => client.send(verifyEmailOperation, { body, signal }) as Promise<AuthResult<TUser>>),
      retry: 0,
      onSuccess: (result) => core.applySession(result.session),
    },
    core.queryClient,
  );
}
