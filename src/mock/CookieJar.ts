/**
 * The smallest cookie jar that stands in for a browser in `backend.browserFetch`: one site, names
 * to values, `Max-Age=0` / past `Expires` delete. Path, domain and expiry are not modelled.
 *
 * @example
 * ```ts
 * const jar = new CookieJar();
 * jar.store('lk_session=abc; Path=/; HttpOnly; SameSite=Lax');
 * jar.header(); // 'lk_session=abc'
 * ```
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /**
   * Applies one `Set-Cookie` value.
   *
   * @example
   * ```ts
   * jar.store('lk_session=; Max-Age=0');
   * ```
   */
  store(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value
    }
    const expired = attributes.some((attribute) => {
      const [key = '', raw = ''] = attribute.split('=');
      const k = key.trim().toLowerCase();
      if (k === 'max-age') return Number(raw.trim()) <= 0;
      if (k === 'expires') return Date.parse(raw.trim()) <= Date.now();
      return false;
    });
    if (expired) this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }

  /**
   * Every cookie as a name → value record.
   *
   * @example
   * ```ts
   * jar.all().lk_session;
   * ```
   */
  all(): Record<string, string> {
    return Object.fromEntries(this.#cookies);
  }

  /**
   * The `Cookie` request header value, or `''`.
   *
   * @example
   * ```ts
   * jar.header(); // 'lk_csrf=...; lk_session=...'
   * ```
   */
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  }

  /**
   * Forgets every cookie.
   *
   * @example
   * ```ts
   * jar.clear();
   * ```
   */
  clear(): void {
    this.#cookies.clear();
  }
}
