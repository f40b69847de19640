import { HEADERS } from '../contract/index.js';
import type { Transport } from '../contract/index.js';
import { CookieJar } from './CookieJar.js';
import type { StoredCookie } from './CookieJar.js';
import type { Exchange, RequestRecord, ResponseRecord } from './Exchange.js';
import { redactBody, redactHeader } from './redact.js';

/**
 * What every simulated browser of one run shares: where the backend is, how to reach it, and
 * where to record each exchange.
 *
 * @example
 * ```ts
 * const http: HttpSettings = { baseUrl: 'http://127.0.0.1:3000/api/auth', transport: 'cookie', fetch, timeoutMs: 10_000, origin: null, record: () => {} };
 * ```
 */
export interface HttpSettings {
  readonly baseUrl: string;
  readonly transport: Transport;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  /** Sent as `Origin` on every request when set (a backend that insists on one). */
  readonly origin: string | null;
  readonly record: (exchange: Exchange) => void;
}

/**
 * Options of one request. `json` is serialized with `Content-Type: application/json`; `body`
 * is sent as is with `contentType` (raw, malformed or oversized input). `csrf`: `'auto'` (cookie
 * mode: the browser's current token on non-GET requests, fetched from `GET session` first when it
 * has none), `'omit'`, or a literal value. `bearer`: `'auto'` (the browser's access token when it
 * has one), `'omit'`, or a literal token.
 *
 * @example
 * ```ts
 * await browser.request('POST', 'logout', { csrf: 'omit', headers: { origin: 'https://evil.example' } });
 * ```
 */
export interface RequestOptions {
  readonly json?: unknown;
  readonly body?: string;
  readonly contentType?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
  readonly csrf?: 'auto' | 'omit' | string;
  readonly bearer?: 'auto' | 'omit' | string;
}

/** The bearer-mode tokens a browser holds. */
export interface HeldTokens {
  accessToken: string;
  refreshToken: string | null;
}

/** Response headers a report shows. */
const REPORTED_HEADERS = /^(content-type|content-length|cache-control|retry-after|set-cookie|location|www-authenticate|access-control-.*|x-auth-.*|vary)$/;

/**
 * The error thrown when a request got no HTTP answer at all (connection refused or reset,
 * timeout). Carries the redacted request for the report.
 *
 * @example
 * ```ts
 * try { await browser.get('config'); } catch (e) { if (e instanceof NoAnswerError) console.log(e.request.url); }
 * ```
 */
export class NoAnswerError extends Error {
  readonly request: RequestRecord;
  constructor(message: string, request: RequestRecord) {
    super(message);
    this.name = 'NoAnswerError';
    this.request = request;
  }
}

/**
 * One simulated browser (or API client): its own cookie jar, its current CSRF token (cookie
 * mode) and its tokens (bearer mode), picked up from every response that carries them.
 *
 * @example
 * ```ts
 * const browser = new Browser(http, 'main');
 * const login = await browser.request('POST', 'login', { json: { identifier: 'ada', password } });
 * ```
 */
export class Browser {
  readonly jar = new CookieJar();
  csrfToken: string | null = null;
  tokens: HeldTokens | null = null;
  readonly #http: HttpSettings;

  constructor(http: HttpSettings) {
    this.#http = http;
  }

  /** The full URL of an endpoint path. */
  url(path: string): string {
    return `${this.#http.baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  }

  /** `GET path`. */
  get(path: string, options: RequestOptions = {}): Promise<Exchange> {
    return this.request('GET', path, options);
  }

  /** `POST path` with a JSON body (or none when `json` is `undefined`). */
  post(path: string, json?: unknown, options: RequestOptions = {}): Promise<Exchange> {
    return this.request('POST', path, json === undefined ? options : { ...options, json });
  }

  /** Sends one request, records the exchange and updates the CSRF token, tokens and cookies. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<Exchange> {
    const http = this.#http;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (http.origin) headers.origin = http.origin;
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.body !== undefined) {
      body = options.body;
      if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
    }
    const csrf = options.csrf ?? 'auto';
    if (http.transport === 'cookie' && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      if (csrf === 'auto') {
        if (this.csrfToken === null) await this.get('session');
        if (this.csrfToken !== null) headers[HEADERS.csrf.toLowerCase()] = this.csrfToken;
      } else if (csrf !== 'omit') headers[HEADERS.csrf.toLowerCase()] = csrf;
    }
    const bearer = options.bearer ?? 'auto';
    if (bearer === 'auto') {
      if (this.tokens) headers.authorization = `Bearer ${this.tokens.accessToken}`;
    } else if (bearer !== 'omit') headers.authorization = `Bearer ${bearer}`;
    const cookie = this.jar.header();
    if (cookie) headers.cookie = cookie;
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === '') delete headers[name.toLowerCase()];
      else headers[name.toLowerCase()] = value;
    }

    const url = this.url(path);
    const request: RequestRecord = {
      method,
      url,
      headers: Object.fromEntries(
        Object.entries(headers)
          .filter(([name]) => name !== 'accept')
          .map(([name, value]) => [name, redactHeader(name, value)]),
      ),
      ...(body === undefined ? {} : { body: redactBody(body) }),
    };
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await http.fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(http.timeoutMs) });
      text = await response.text();
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message) : String(error);
      throw new NoAnswerError(`${method} ${path}: no HTTP answer: ${reason}`, request);
    }
    const durationMs = performance.now() - started;
    const setCookies = response.headers.getSetCookie();
    this.jar.store(setCookies);
    let json: unknown;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    this.#pickUp(json);
    const reported: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie' && REPORTED_HEADERS.test(name)) reported[name] = value;
    });
    if (setCookies.length > 0) reported['set-cookie'] = setCookies.map((line) => redactHeader('set-cookie', line)).join(', ');
    const record: ResponseRecord = { status: response.status, headers: reported, body: redactBody(text) };
    const exchange: Exchange = { path, method, status: response.status, headers: response.headers, text, json, durationMs, request, response: record };
    http.record(exchange);
    return exchange;
  }

  /** Captures what identifies this browser's session (cookies and tokens) for a later replay. */
  capture(): { cookies: StoredCookie[]; tokens: HeldTokens | null; csrfToken: string | null } {
    return { cookies: this.jar.all(), tokens: this.tokens ? { ...this.tokens } : null, csrfToken: this.csrfToken };
  }

  /** Takes over captured credentials (a replay, as an attacker holding them would). */
  adopt(captured: { cookies: readonly StoredCookie[]; tokens: HeldTokens | null; csrfToken: string | null }): void {
    this.jar.replace(captured.cookies);
    this.tokens = captured.tokens ? { ...captured.tokens } : null;
    this.csrfToken = captured.csrfToken;
  }

  #pickUp(json: unknown): void {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return;
    const record = json as Record<string, unknown>;
    if (typeof record.csrfToken === 'string' && record.csrfToken !== '') this.csrfToken = record.csrfToken;
    const tokens = record.tokens;
    if (tokens !== null && typeof tokens === 'object') {
      const t = tokens as Record<string, unknown>;
      if (typeof t.accessToken === 'string') {
        this.tokens = { accessToken: t.accessToken, refreshToken: typeof t.refreshToken === 'string' ? t.refreshToken : null };
      }
    }
  }
}
