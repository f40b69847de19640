'use client';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AuthConnection } from '../client/AuthConnection.js';
import type { AuthError } from '../client/AuthError.js';
import type { User } from '../contract/index.js';
import { useAuthCore } from './AuthContext.js';
import type { AuthCore } from './createAuthCore.js';

/**
 * What every flow hook is: a react-query mutation that sends one request through the provider's
 * connection, is never retried automatically (a second login or password reset must be the user's
 * choice), and is aborted when the component unmounts. `onSuccess` updates the cache.
 *
 * @internal
 * @example
 * ```ts
 * export const useForgotPassword = () =>
 *   useOperation<void, ForgotPasswordRequest>('useForgotPassword', (client, body, signal) =>
 *     client.send(forgotPasswordOperation, { body, signal }).then(() => undefined),
 *   );
 * ```
 */
export function useOperation<TResult, TVariables>(
  hookName: string,
  send: (client: AuthConnection<User>, variables: TVariables, signal: AbortSignal) => Promise<unknown>,
  onSuccess?: (core: AuthCore, result: TResult, variables: TVariables) => void,
): UseMutationResult<TResult, AuthError, TVariables> {
  const core = useAuthCore(hookName);
  const [controllers] = useState(() => new Set<AbortController>());
  useEffect(
    () => () => {
      for (const controller of controllers) controller.abort();
      controllers.clear();
    },
    [controllers],
  );
  return useMutation<TResult, AuthError, TVariables>(
    {
      async mutationFn(variables) {
        const controller = new AbortController();
        controllers.add(controller);
        try {
          return (await send(core.client, variables, controller.signal)) as TResult;
        } finally {
          controllers.delete(controller);
        }
      },
      retry: 0,
      onSuccess: onSuccess && ((result, variables) => onSuccess(core, result, variables)),
    },
    core.queryClient,
  );
}

/**
 * `onSuccess` of the admin hooks: the admin lists (users, invites) are out of date.
 *
 * @internal
 * @example
 * ```ts
 * useOperation('useAdminDeleteUser', (client, id, signal) => client.send(op, { params: { id }, signal }), refreshAdminLists);
 * ```
 */
export const refreshAdminLists = (core: AuthCore): void => {
  void core.queryClient.invalidateQueries({ queryKey: core.keys.admin });
};
