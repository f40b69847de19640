import { isAuthError } from '../client/AuthError.js';

/**
 * Retry policy of latchkey's queries (never of its mutations): one more try after a network error
 * or a timeout; never after an answer (a 4xx, a contract mismatch, a 429).
 *
 * @internal
 * @example
 * ```ts
 * useQuery({ queryKey, queryFn, retry: retryTransient });
 * ```
 */
export function retryTransient(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && isAuthError(error) && (error.code === 'network' || error.code === 'timeout');
}
