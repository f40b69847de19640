/**
 * Options of {@link scheduleExpiry}.
 *
 * @example
 * ```ts
 * const options: ScheduleExpiryOptions = { warnBeforeMs: 120_000, onWarn: (ms) => console.log(ms), onExpire: () => {} };
 * ```
 */
export interface ScheduleExpiryOptions {
  /** How long before the end `onWarn` fires. Default 0 (no warning). */
  warnBeforeMs?: number;
  /** Called once, `warnBeforeMs` before the end (at once when already inside that window), with the milliseconds left. */
  onWarn?: (msLeft: number) => void;
  /** Called once when the deadline has passed (soon after scheduling when it already has). */
  onExpire: () => void;
  /** The clock, in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** `setTimeout` fires at once for delays above 2^31 - 1 ms (about 24.8 days); longer waits are chained. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Runs `onWarn` shortly before and `onExpire` at a session's end (`session.expiresAt`); returns a
 * function that cancels both. Handles deadlines beyond `setTimeout`'s 2^31 - 1 ms limit, deadlines
 * already past (`onExpire` runs on the next tick, `onWarn` not at all), and timers that fire early
 * or late (the clock is re-read every time). `null` schedules nothing.
 *
 * @example
 * ```ts
 * const cancel = scheduleExpiry(session.expiresAt, {
 *   warnBeforeMs: 120_000,
 *   onWarn: (msLeft) => showWarning(msLeft),
 *   onExpire: () => signOut(),
 * });
 * // later, when the session changes:
 * cancel();
 * ```
 */
export function scheduleExpiry(expiresAt: Date | string | number | null, options: ScheduleExpiryOptions): () => void {
  if (expiresAt === null) return () => {};
  // `new Date(date)` copies the time and `new Date(string)` parses like `Date.parse`.
  const deadline = typeof expiresAt === 'number' ? expiresAt : new Date(expiresAt).getTime();
  // Kept in production builds: `expiresAt` usually comes from a server answer.
  if (!Number.isFinite(deadline)) {
    throw new TypeError(`scheduleExpiry: expiresAt ${JSON.stringify(String(expiresAt))} is not a valid date`);
  }
  const warnBeforeMs = options.warnBeforeMs ?? 0;
  if (process.env.NODE_ENV !== 'production') {
    if (!Number.isFinite(warnBeforeMs) || warnBeforeMs < 0) {
      throw new TypeError(`scheduleExpiry: warnBeforeMs must be a number >= 0, got ${String(warnBeforeMs)}`);
    }
  }
  const now = options.now ?? Date.now;
  const warnAt = deadline - warnBeforeMs;
  // With no warning wanted, the warning step is skipped (with warnBeforeMs 0 it never comes first;
  // a production build, without the check above, also skips it for NaN or negative values).
  let warned = options.onWarn === undefined || !(warnBeforeMs > 0);
  let done = false;
  let timer: ReturnType<typeof setTimeout>;

  const tick = () => {
    const current = now();
    if (current >= deadline) {
      done = true;
      options.onExpire();
      return;
    }
    if (!warned && current >= warnAt) {
      warned = true;
      options.onWarn?.(deadline - current);
      if (done) return; // onWarn may cancel
    }
    // Both waits are positive here: `current` is before the deadline and, until warned, before warnAt.
    timer = setTimeout(tick, Math.min((warned ? deadline : warnAt) - current, MAX_TIMEOUT_MS));
  };

  // The first check runs asynchronously, so the caller always holds `cancel` before a callback runs.
  timer = setTimeout(tick, 0);

  return () => {
    done = true;
    clearTimeout(timer);
  };
}
