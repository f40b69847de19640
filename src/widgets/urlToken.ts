import { useEffect, useState } from 'react';

/**
 * Reads a token from the page's query string (`?token=…`); `null` outside a browser or when
 * absent. Internal helper of the widgets that open from a mailed link (reset, verify, invite).
 *
 * @example
 * ```ts
 * readUrlToken('token'); // 'abc' on /reset?token=abc
 * ```
 */
export function readUrlToken(param: string): string | null {
  if (typeof window === 'undefined') return null;
  const value = new URL(window.location.href).searchParams.get(param);
  return value === null || value === '' ? null : value;
}

/**
 * Removes the token parameter from the address bar with `history.replaceState` (no reload, no new
 * history entry), so it does not stay in the history, in bookmarks or in a `Referer`. Other
 * parameters and the hash are kept.
 *
 * @example
 * ```ts
 * removeUrlToken('token'); // /reset?token=abc&lang=de → /reset?lang=de
 * ```
 */
export function removeUrlToken(param: string): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  if (!url.searchParams.has(param)) return;
  url.searchParams.delete(param);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

/**
 * The token a widget opened from a mailed link works with: `given` when the app passes one, else
 * the one in the page's query string (read once, on mount). Either way the parameter is then
 * removed from the address bar ({@link removeUrlToken}). Internal helper of the widgets.
 *
 * @example
 * ```ts
 * const token = useUrlToken('token', props.token); // 'abc' on /reset?token=abc, which becomes /reset
 * ```
 */
export function useUrlToken(param: string, given: string | undefined): string | null {
  const [fromUrl] = useState(() => (given === undefined ? readUrlToken(param) : null));
  useEffect(() => {
    removeUrlToken(param);
  }, [param]);
  return given ?? fromUrl;
}
