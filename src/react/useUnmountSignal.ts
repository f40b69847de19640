import { useCallback, useEffect, useState } from 'react';

/**
 * Runs requests with an `AbortSignal` that is aborted when the component unmounts, so a form
 * that goes away does not leave its request running.
 *
 * @internal
 * @example
 * ```ts
 * const run = useUnmountSignal();
 * const login = (body: LoginRequest) => run((signal) => client.login(body, signal));
 * ```
 */
export function useUnmountSignal(): <T>(request: (signal: AbortSignal) => Promise<T>) => Promise<T> {
  const [controllers] = useState(() => new Set<AbortController>());
  useEffect(
    () => () => {
      for (const controller of controllers) controller.abort();
      controllers.clear();
    },
    [controllers],
  );
  return useCallback(
    async <T,>(request: (signal: AbortSignal) => Promise<T>): Promise<T> => {
      const controller = new AbortController();
      controllers.add(controller);
      try {
        return await request(controller.signal);
      } finally {
        controllers.delete(controller);
      }
    },
    [controllers],
  );
}
