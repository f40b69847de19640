'use client';
import { useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { scheduleExpiry } from '../session/scheduleExpiry.js';
import { AuthExpiryWarningContext, useAuthCore } from './AuthContext.js';
import { useAuth } from './useAuth.js';

/**
 * What {@link useSessionExpiry} returns.
 *
 * @example
 * ```ts
 * const expiry: SessionExpiry = { expiresAt: null, msLeft: null, warning: false, extend: async () => {}, signOut: async () => {} };
 * ```
 */
export interface SessionExpiry {
  /** When the session ends; `null` when signed out or when the backend gives no end. */
  expiresAt: Date | null;
  /** Milliseconds left (never below 0) at the moment it is read; the component rerenders every second during the warning. */
  msLeft: number | null;
  /** `true` from `expiryWarningMs` before the end until the session is extended or ends. */
  warning: boolean;
  /** Keeps the session alive (cookie mode: `GET session`; bearer mode: refresh); other tabs follow. */
  extend(): Promise<void>;
  /** Signs out now (local state is cleared even when the request fails). */
  signOut(): Promise<void>;
}

/**
 * The session's end, for a "you will be signed out soon" warning: `warning` turns on
 * `expiryWarningMs` before `expiresAt`, and at `expiresAt` the provider signs the user out cleanly
 * (local state cleared, other tabs told, `onSessionExpired` called). Extending in any tab moves
 * the end for every tab.
 *
 * @example
 * ```tsx
 * function ExpiryBanner() {
 *   const { warning, msLeft, extend, signOut } = useSessionExpiry();
 *   if (!warning || msLeft === null) return null;
 *   return (
 *     <div role="alertdialog" aria-label="Session ending">
 *       Signed out in {Math.ceil(msLeft / 1000)} s
 *       <button onClick={() => extend()}>Stay signed in</button>
 *       <button onClick={() => signOut()}>Sign out</button>
 *     </div>
 *   );
 * }
 * ```
 */
export function useSessionExpiry(): SessionExpiry {
  const core = useAuthCore('useSessionExpiry');
  const expiresAtIso = useAuth((auth) => auth.session?.expiresAt ?? null);
  const warnBeforeMs = useContext(AuthExpiryWarningContext);
  // The clock as the warning timer last set it, for the end it was set for (a new end: no warning yet).
  const [clock, setClock] = useState<{ for: string | null; now: number } | null>(null);
  useEffect(() => {
    let ticker: ReturnType<typeof setInterval> | undefined;
    const tick = () => setClock({ for: expiresAtIso, now: Date.now() });
    // The provider signs out at the end; this timer only turns the warning on and ticks it.
    const cancel = scheduleExpiry(expiresAtIso, {
      warnBeforeMs,
      onWarn() {
        tick();
        ticker = setInterval(tick, 1_000);
      },
      onExpire: () => clearInterval(ticker),
    });
    return () => {
      cancel();
      clearInterval(ticker);
    };
  }, [expiresAtIso, warnBeforeMs]);
  const extend = useCallback(() => core.extend(), [core]);
  const signOut = useCallback(() => core.logout(), [core]);
  const warning = expiresAtIso !== null && clock?.for === expiresAtIso;
  return useMemo(() => {
    const expiresAt = expiresAtIso === null ? null : new Date(expiresAtIso);
    return {
      expiresAt,
      // Read when asked, so it is right whenever it is read; while the warning shows, the
      // component rerenders every second (the timer's clock is its state).
      get msLeft() {
        return expiresAt && Math.max(0, expiresAt.getTime() - Date.now());
      },
      warning,
      extend,
      signOut,
    };
  }, [expiresAtIso, warning, extend, signOut]);
}
