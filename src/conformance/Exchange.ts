/**
 * A request as a report shows it: method, URL, headers the suite set and the body, with
 * passwords, tokens and cookie values redacted.
 *
 * @example
 * ```ts
 * const sent: RequestRecord = { method: 'POST', url: 'http://127.0.0.1:3000/api/auth/login', headers: {}, body: '{"identifier":"ada","password":"[redacted]"}' };
 * ```
 */
export interface RequestRecord {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * A response as a report shows it: status, the headers that matter to the contract
 * (content type, caching, `Retry-After`, CORS, cookies with values redacted, `X-Auth-*`), and a
 * body excerpt with secrets redacted.
 *
 * @example
 * ```ts
 * const got: ResponseRecord = { status: 401, headers: { 'cache-control': 'no-store' }, body: '{"error":{"code":"invalid_credentials","message":"..."}}' };
 * ```
 */
export interface ResponseRecord {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * One request the suite made and what came back, in full (for the checks) and redacted (for
 * reports). `json` is the parsed body, `undefined` when the body is empty or not JSON.
 *
 * @example
 * ```ts
 * const ok = (x: Exchange) => x.status === 200 && x.headers.get('cache-control')?.includes('no-store');
 * ```
 */
export interface Exchange {
  /** Endpoint path under the base URL, with the query (`login`, `verify?role=admin`). */
  readonly path: string;
  readonly method: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
  readonly durationMs: number;
  readonly request: RequestRecord;
  readonly response: ResponseRecord;
}
