'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { RegisterRequest, RegisterResult, User } from '../contract/index.js';
import { useOperation } from './useOperation.js';
import { registerOperation } from '../client/operations.js';

/**
 * Creates an account (`POST register`). When the answer carries a session it goes straight into
 * the cache (signed in with one request); otherwise `next` says what comes first
 * (`verify_email`, `await_approval`). Never retried automatically.
 *
 * @example
 * ```tsx
 * const register = useRegister();
 * register.mutate({ username: 'ada', email: 'ada@example.com', password });
 * if (register.data?.next === 'verify_email') return <p>Check your inbox.</p>;
 * ```
 */
export function useRegister<TUser extends User = User>(): UseMutationResult<RegisterResult<TUser>, AuthError, RegisterRequest> {
  return useOperation<RegisterResult<TUser>, RegisterRequest>(
    'useRegister',
    (client, body, signal) => client.send(registerOperation, { body, signal }),
    (core, result) => {
      if (result.session !== null) core.applySession(result.session);
    },
  );
}
