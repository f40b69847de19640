/**
 * Cookie names and attributes of the mock backend (the same as the reference server's):
 * `lk_session` carries the session id, `lk_csrf` the random value the anonymous CSRF token is
 * bound to. Over https both get the `__Host-` prefix and `Secure`.
 *
 * @example
 * ```ts
 * mockCookieNames(true).session; // '__Host-lk_session'
 * ```
 */
export function mockCookieNames(secure: boolean): { session: string; csrf: string } {
  return secure ? { session: '__Host-lk_session', csrf: '__Host-lk_csrf' } : { session: 'lk_session', csrf: 'lk_csrf' };
}

/**
 * Parses a `Cookie` request header into a name → value record (first occurrence wins, values
 * percent-decoded when they are valid encodings).
 *
 * @example
 * ```ts
 * parseCookieHeader('lk_session=abc; theme=dark'); // { lk_session: 'abc', theme: 'dark' }
 * ```
 */
export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in cookies) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

/**
 * Builds a `Set-Cookie` value with the contract's attributes: `HttpOnly; SameSite=Lax; Path=/`,
 * plus `Secure` over https, `Max-Age` for persistent cookies and `Max-Age=0` to delete.
 *
 * @example
 * ```ts
 * serializeCookie('lk_session', 'abc', { secure: false }); // 'lk_session=abc; Path=/; HttpOnly; SameSite=Lax'
 * ```
 */
export function serializeCookie(name: string, value: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  let cookie = `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax`;
  if (options.secure) cookie += '; Secure';
  if (options.maxAgeSeconds !== undefined) {
    cookie += `; Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`;
    if (options.maxAgeSeconds <= 0) cookie += '; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
  }
  return cookie;
}
