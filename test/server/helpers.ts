import { ENDPOINTS, ErrorEnvelopeSchema } from 'latchkey/contract';
import type { EndpointName } from 'latchkey/contract';
import { createAuthHandler, createDevOutbox, createMemoryStore, createPasswordHasher, createSqliteStore } from 'latchkey/server';
import type { AuthHandler, AuthHandlerOptions, AuthLogEntry, AuthStore, DevOutbox } from 'latchkey/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { expect } from 'vitest';

/** Low-cost argon2id for tests (the defaults are proven in hashing.test.ts). */
export const fastHasher = createPasswordHasher({ memoryCost: 256, timeCost: 1, parallelism: 1 });

export const PASSWORD = 'tangerine velvet orbit 42';
export const OTHER_PASSWORD = 'quiet lantern meadow 77';

export type StoreKind = 'memory' | 'sqlite';
export const STORE_KINDS: StoreKind[] = ['memory', 'sqlite'];

export function makeStore(kind: StoreKind): AuthStore {
  if (kind === 'memory') return createMemoryStore();
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-test-'));
  return createSqliteStore({ filename: join(dir, 'auth.db') });
}

/** A controllable clock. */
export function makeClock(start = Date.UTC(2026, 0, 1, 12)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface TestServer {
  handler: AuthHandler;
  store: AuthStore;
  outbox: DevOutbox;
  logs: AuthLogEntry[];
  clock: ReturnType<typeof makeClock>;
  transport: 'cookie' | 'bearer';
  client(options?: { address?: string; origin?: string }): TestClient;
}

export function makeServer(options: Partial<AuthHandlerOptions> & { storeKind?: StoreKind } = {}): TestServer {
  const { storeKind = 'memory', ...rest } = options;
  const store = rest.store ?? makeStore(storeKind);
  const outbox = createDevOutbox({ log: false });
  const logs: AuthLogEntry[] = [];
  const clock = makeClock();
  const handler = createAuthHandler({
    appUrl: 'http://app.test',
    mailer: outbox,
    passwordHasher: fastHasher,
    logger: (entry) => logs.push(entry),
    clock,
    features: { passwordReset: true, usernameRecovery: true, profile: true, admin: true, ...rest.features },
    ...rest,
    store,
  });
  const transport = rest.transport ?? 'cookie';
  return { handler, store, outbox, logs, clock, transport, client: (clientOptions) => new TestClient(handler, { transport, ...clientOptions }) };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/**
 * A browser-like client calling the handler directly: a cookie jar, the CSRF header in cookie
 * mode (fetched from GET session like the real client), or a bearer token.
 */
export class TestClient {
  jar = new Map<string, string>();
  csrf: string | null = null;
  accessToken: string | null = null;
  refreshToken: string | null = null;
  readonly address: string;
  readonly origin: string | undefined;
  readonly transport: 'cookie' | 'bearer';

  constructor(
    readonly handler: AuthHandler,
    options: { address?: string; origin?: string; transport?: 'cookie' | 'bearer' } = {},
  ) {
    this.address = options.address ?? '10.0.0.1';
    this.origin = options.origin;
    this.transport = options.transport ?? 'cookie';
  }

  cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async raw(method: string, path: string, init: { body?: BodyInit | null; headers?: Record<string, string>; base?: string } = {}): Promise<Answer> {
    const headers = new Headers(init.headers);
    if (this.jar.size > 0 && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    if (this.origin && !headers.has('origin')) headers.set('origin', this.origin);
    const response = await this.handler(
      new Request(`${init.base ?? 'http://app.test'}/api/auth/${path}`, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) }),
      { clientAddress: this.address },
    );
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (/Max-Age=0/.test(cookie)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const text = await response.text();
    let body: unknown = null;
    if (text) body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body, text };
  }

  /** Calls an endpoint with a JSON body, adding CSRF / bearer credentials like the real client. */
  async call(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf === null && this.transport === 'cookie') await this.ensureCsrf();
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] ??= this.csrf;
    if (this.accessToken) headers.authorization ??= `Bearer ${this.accessToken}`;
    const answer = await this.raw(method, path, { headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    this.remember(answer);
    return answer;
  }

  remember(answer: Answer): void {
    const body = answer.body as { csrfToken?: string; tokens?: { accessToken: string; refreshToken: string | null } } | null;
    if (body && typeof body === 'object') {
      if (typeof body.csrfToken === 'string') this.csrf = body.csrfToken;
      if (body.tokens) {
        this.accessToken = body.tokens.accessToken;
        this.refreshToken = body.tokens.refreshToken;
      }
    }
  }

  async ensureCsrf(): Promise<void> {
    const answer = await this.raw('GET', 'session');
    const body = answer.body as { csrfToken?: string };
    if (body.csrfToken) this.csrf = body.csrfToken;
  }

  get = (path: string, headers?: Record<string, string>) => this.call('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.call('POST', path, body, headers);
  patch = (path: string, body?: unknown, headers?: Record<string, string>) => this.call('PATCH', path, body, headers);
  del = (path: string, headers?: Record<string, string>) => this.call('DELETE', path, undefined, headers);

  async login(identifier: string, password: string, remember?: boolean): Promise<Answer> {
    return this.post('login', { identifier, password, ...(remember === undefined ? {} : { remember }) });
  }
}

/** Registers a user through the API and answers the user's client (signed in). */
export async function registerUser(server: TestServer, username: string, password = PASSWORD, email = `${username}@example.com`) {
  const client = server.client();
  const answer = await client.post('register', { username, email, password });
  expect(answer.status, answer.text).toBe(201);
  return client;
}

/** Creates a user directly in the store with a given password and roles. */
export async function seedUser(server: TestServer, username: string, options: { password?: string; roles?: string[]; email?: string | null; disabled?: boolean } = {}) {
  const now = server.clock.now();
  const email = options.email === undefined ? `${username}@example.com` : options.email;
  return server.store.createUser({
    id: `id-${username}`,
    username,
    usernameKey: username.toLowerCase(),
    email,
    emailKey: email?.toLowerCase() ?? null,
    name: null,
    roles: options.roles ?? [],
    passwordHash: await fastHasher.hash(options.password ?? PASSWORD),
    disabled: options.disabled ?? false,
    emailVerified: true,
    profile: null,
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  });
}

/** Asserts a contract success answer (status and response schema). */
export function expectSuccess(name: EndpointName, answer: Answer): void {
  const spec = ENDPOINTS[name];
  expect(answer.status, answer.text).toBe(spec.status);
  if (spec.response) expect(() => z.parse(spec.response, answer.body), answer.text).not.toThrow();
  expect(answer.headers.get('cache-control')).toBe('no-store');
}

/** Asserts a contract error answer. */
export function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(() => z.parse(ErrorEnvelopeSchema, answer.body), answer.text).not.toThrow();
  expect((answer.body as { error: { code: string } }).error.code).toBe(code);
  expect(answer.headers.get('cache-control')).toBe('no-store');
}

/** The token from the newest mail to `to`. */
export function mailedToken(outbox: DevOutbox, to: string): string {
  const message = outbox.last(to);
  if (!message) throw new Error(`no mail to ${to}`);
  const match = /token=([A-Za-z0-9_-]+)/.exec(message.text);
  if (!match) throw new Error(`no token in mail to ${to}: ${message.text}`);
  return match[1]!;
}
