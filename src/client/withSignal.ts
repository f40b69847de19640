import { AuthError } from './AuthError.js';

/**
 * Waits for a promise others may share (one CSRF read, one refresh), but lets this caller's
 * signal stop the wait with an `aborted` error naming the endpoint; the shared work goes on.
 *
 * @internal
 * @example
 * ```ts
 * await withSignal(sharedRefresh, controller.signal, 'POST refresh');
 * ```
 */
export function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, endpoint: string): Promise<T> {
  if (signal === undefined) return promise;
  // Others may still await the shared promise; its failure is theirs to handle, not unhandled here.
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AuthError({ code: 'aborted', endpoint, message: `${endpoint}: the request was aborted` }));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
