import { useEffect, useState } from 'react';

/**
 * A live countdown in whole seconds, for `429 rate_limited` answers: give it the error's
 * `retryAfter` (seconds) and it returns the seconds left, ticking down to `0`; `null` when there
 * is nothing to wait for. A new `restartKey` (for example the error object of a second 429)
 * starts the countdown again even when the number is the same.
 *
 * @example
 * ```tsx
 * const login = useLogin();
 * const left = useCountdown(login.error?.retryAfter ?? null, login.error);
 * <button disabled={left !== null && left > 0}>Sign in</button>;
 * ```
 */
export function useCountdown(retryAfter: number | null | undefined, restartKey?: unknown): number | null {
  const seconds = Number.isFinite(retryAfter) ? Math.max(0, Math.ceil(retryAfter as number)) : null;
  const key = restartKey === undefined ? seconds : restartKey;
  const [tick, setTick] = useState<{ key: unknown; left: number } | null>(null);

  useEffect(() => {
    if (seconds === null || seconds === 0) return undefined;
    const deadline = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setTick((previous) => (previous && previous.key === key && previous.left === left ? previous : { key, left }));
      if (left === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, key]);

  if (seconds === null) return null;
  return tick !== null && tick.key === key ? tick.left : seconds;
}
