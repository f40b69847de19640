/**
 * One cookie as a simulated browser keeps it: the value plus the attributes the server set
 * (lower-cased names; flags such as `httponly` map to `true`).
 *
 * @example
 * ```ts
 * const cookie: StoredCookie = { name: 'lk_session', value: 'abc', attributes: { httponly: true, path: '/' } };
 * ```
 */
export interface StoredCookie {
  readonly name: string;
  readonly value: string;
  readonly attributes: Readonly<Record<string, string | true>>;
}

/**
 * Parses one `Set-Cookie` header value. Answers `null` for a line without `name=value`.
 *
 * @example
 * ```ts
 * parseSetCookie('lk_session=abc; Path=/; HttpOnly'); // { name: 'lk_session', value: 'abc', attributes: { path: '/', httponly: true } }
 * ```
 */
export function parseSetCookie(line: string): StoredCookie | null {
  const [pair = '', ...rest] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const at = trimmed.indexOf('=');
    if (at === -1) attributes[trimmed.toLowerCase()] = true;
    else attributes[trimmed.slice(0, at).trim().toLowerCase()] = trimmed.slice(at + 1).trim();
  }
  return { name, value, attributes };
}

/** True when a `Set-Cookie` line tells the browser to drop the cookie. */
function isRemoval(cookie: StoredCookie): boolean {
  const maxAge = cookie.attributes['max-age'];
  if (typeof maxAge === 'string' && Number(maxAge) <= 0) return true;
  const expires = cookie.attributes.expires;
  if (typeof expires === 'string') {
    const when = Date.parse(expires);
    if (!Number.isNaN(when) && when <= Date.now()) return true;
  }
  return false;
}

/**
 * The cookie store of one simulated browser talking to one backend. Paths and domains are not
 * modelled (the suite only ever talks to one base URL); removal by `Max-Age=0` or a past
 * `Expires` is.
 *
 * @example
 * ```ts
 * const jar = new CookieJar();
 * jar.store(response.headers.getSetCookie());
 * fetch(url, { headers: { cookie: jar.header() } });
 * ```
 */
export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Applies the `Set-Cookie` lines of a response; answers the cookies that were set (not removed). */
  store(lines: readonly string[]): StoredCookie[] {
    const set: StoredCookie[] = [];
    for (const line of lines) {
      const cookie = parseSetCookie(line);
      if (!cookie) continue;
      if (isRemoval(cookie)) this.#cookies.delete(cookie.name);
      else {
        this.#cookies.set(cookie.name, cookie);
        set.push(cookie);
      }
    }
    return set;
  }

  /** The `Cookie` request header value, or `null` when the jar is empty. */
  header(): string | null {
    if (this.#cookies.size === 0) return null;
    return [...this.#cookies.values()].map((c) => `${c.name}=${c.value}`).join('; ');
  }

  /** A copy of every cookie held. */
  all(): StoredCookie[] {
    return [...this.#cookies.values()];
  }

  /** Replaces the whole jar (to replay captured cookies in another browser). */
  replace(cookies: readonly StoredCookie[]): void {
    this.#cookies.clear();
    for (const cookie of cookies) this.#cookies.set(cookie.name, cookie);
  }

  /** Empties the jar. */
  clear(): void {
    this.#cookies.clear();
  }
}
