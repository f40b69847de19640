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
