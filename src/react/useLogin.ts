'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '../client/AuthError.js';
import type { AuthResult, LoginRequest, User } from '../contract/index.js';
import { useOperation } from './useOperation.js';
import { loginOperation } from '../client/operations.js';

/**
 * Signs in (`POST login`). The answer's session goes straight into the cache: exactly one
 * request, no follow-up `GET session`. Never retried automatically; the error is an `AuthError`
 * (`invalid_credentials`, `rate_limited` with `retryAfter`, ...). Unmounting aborts the request.
 *
 * @example
 * ```tsx
 * const login = useLogin();
 * <form onSubmit={(e) => { e.preventDefault(); login.mutate({ identifier, password }); }}>
 *   {login.error && <p role="alert">{login.error.message}</p>}
 * </form>;
 * ```
 */
export function useLogin<TUser extends User = User>(): UseMutationResult<AuthResult<TUser>, AuthError, LoginRequest> {
  return useOperation<AuthResult<TUser>, LoginRequest>(
    'useLogin',
    (client, body, signal) => client.send(loginOperation, { body, signal }),
    (core, result) => core.applySession(result.session),
  );
}
