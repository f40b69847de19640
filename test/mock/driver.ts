import { expect } from 'vitest';
import { ENDPOINTS, ERROR_STATUS, ErrorEnvelopeSchema, HEADERS, endpointPath, isErrorCode } from 'latchkey/contract';
import type { EndpointName } from 'latchkey/contract';
import { createMockBackend } from 'latchkey/mock';
import type { MockBackend, MockBackendOptions } from 'latchkey/mock';

export const ada = { username: 'ada', email: 'ada@example.com', name: 'Ada Lovelace', password: 'correct horse battery', roles: ['admin'] };
export const bob = { username: 'bob', email: 'bob@example.com', name: 'Bob', password: 'another long passphrase', roles: ['editor'] };
export const carol = { username: 'carol', email: 'carol@example.com', name: null, password: 'carol has a long one', disabled: true };

export interface CallOptions {
  body?: unknown;
  rawBody?: BodyInit;
  contentType?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Cookie mode: the CSRF header to send (`false`: none; default: the known token). */
  csrf?: string | false;
  /** Bearer mode: the access token to send (`false`: none; default: the known token). */
  bearer?: string | false;
}

export interface CallResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are checked by schema first
  body: any;
  headers: Headers;
  cookies: string[];
}

/**
 * A browser-like test driver for one mock backend: keeps the CSRF token and bearer tokens it is
 * given, checks EVERY answer against the contract (success body by the endpoint's response
 * schema, errors by the envelope and the code's status, `Cache-Control: no-store` always).
 */
export class Driver {
  csrf: string | undefined;
  accessToken: string | undefined;
  refreshToken: string | undefined;
  readonly backend: MockBackend;
  readonly #fetch: (input: string, init: RequestInit) => Promise<Response>;
  readonly #base: string;

  constructor(backend: MockBackend, options: { fetch?: (input: string, init: RequestInit) => Promise<Response>; baseUrl?: string } = {}) {
    this.backend = backend;
    this.#fetch = options.fetch ?? ((input, init) => this.#withJar(input, init));
    this.#base = options.baseUrl ?? '/api/auth';
  }

  /** This driver's own cookie jar (one browser per driver), over the backend's plain `fetch`. */
  readonly jar = new Map<string, string>();

  async #withJar(input: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (!headers.has('cookie') && this.jar.size > 0) headers.set('Cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.backend.fetch(input, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0/.test(cookie)) this.jar.delete(pair.slice(0, eq));
      else this.jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  }

  async call(name: EndpointName, options: CallOptions = {}): Promise<CallResult> {
    const spec = ENDPOINTS[name];
    let url = `${this.#base}/${endpointPath(name, options.params)}`;
    if (options.query) url += `?${new URLSearchParams(options.query).toString()}`;
    const headers = new Headers(options.headers);
    let body: BodyInit | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && options.contentType !== null) headers.set('Content-Type', options.contentType ?? 'application/json');
    if (spec.method !== 'GET' && this.backend.config.transport === 'cookie' && options.csrf !== false) {
      if (options.csrf === undefined && this.csrf === undefined) await this.call('session');
      const token = options.csrf ?? this.csrf;
      if (token) headers.set(HEADERS.csrf, token);
    }
    if (this.backend.config.transport === 'bearer' && options.bearer !== false) {
      const token = options.bearer ?? this.accessToken;
      if (token) headers.set('Authorization', `Bearer ${token}`);
    }
    const response = await this.#fetch(url, { method: spec.method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    expect(response.headers.get('cache-control'), `${name}: Cache-Control`).toBe('no-store');
    if (response.status >= 400) {
      const envelope = ErrorEnvelopeSchema.parse(parsed);
      expect(isErrorCode(envelope.error.code), `${name}: known code ${envelope.error.code}`).toBe(true);
      if (isErrorCode(envelope.error.code)) expect(response.status, `${name}: status of ${envelope.error.code}`).toBe(ERROR_STATUS[envelope.error.code]);
      expect(response.status, `${name}: never 5xx`).toBeLessThan(500);
    } else if (response.status === spec.status) {
      if (spec.response) spec.response.parse(parsed);
      else expect(text, `${name}: no body`).toBe('');
      const record = parsed as { csrfToken?: string; tokens?: { accessToken: string; refreshToken: string | null } } | undefined;
      if (record?.csrfToken) this.csrf = record.csrfToken;
      if (record?.tokens) {
        this.accessToken = record.tokens.accessToken;
        this.refreshToken = record.tokens.refreshToken ?? undefined;
      }
    } else {
      throw new Error(`${name}: unexpected status ${response.status} (contract says ${spec.status})`);
    }
    return { status: response.status, body: parsed, headers: response.headers, cookies: response.headers.getSetCookie() };
  }

  async login(identifier: string, password: string, remember?: boolean): Promise<CallResult> {
    return this.call('login', { body: { identifier, password, ...(remember === undefined ? {} : { remember }) } });
  }
}

export function setup(options: MockBackendOptions = {}): { backend: MockBackend; browser: Driver } {
  const backend = createMockBackend({ users: [ada, bob, carol], ...options });
  return { backend, browser: new Driver(backend) };
}

/** A controllable clock for `createMockBackend({ now })`. */
export function clock(start = Date.parse('2026-03-01T10:00:00Z')): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export function cookieValue(cookies: readonly string[], name: string): string | undefined {
  for (const cookie of cookies) {
    const [pair = ''] = cookie.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  return undefined;
}

export const MINUTE = 60_000;
