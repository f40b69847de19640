import type { HttpHandler } from 'msw';
import type { AuthConfig } from '../contract/index.js';
import type { MockLinks, MockState } from './context.js';
import { CookieJar } from './CookieJar.js';
import { createMockHandler } from './handler.js';
import type { MockConfigOverride } from './mockConfig.js';
import { resolveMockConfig } from './mockConfig.js';
import { MockOutbox } from './MockOutbox.js';
import { MockStore } from './MockStore.js';
import type { MockLifetimes, MockUserSeed } from './MockStore.js';
import { createMswHandlers } from './mswHandlers.js';
import { parseCookieHeader } from './cookies.js';
import { mockResponseCookies } from './responses.js';
import { normalizeIdentifier, Throttle } from './Throttle.js';

/**
 * Options of {@link createMockBackend}.
 *
 * @example
 * ```ts
 * const options: MockBackendOptions = { users: [{ username: 'ada', password: 'correct horse battery' }], config: { transport: 'bearer' } };
 * ```
 */
export interface MockBackendOptions {
  /** Where the contract lives: relative (`/api/auth`, resolved against `location`) or absolute. Default `/api/auth`. */
  baseUrl?: string;
  /** Seed users (clear-text passwords). */
  users?: readonly MockUserSeed[];
  /** Overrides of the `GET config` answer, deep-merged over the defaults. */
  config?: MockConfigOverride;
  /** Delay of every answer in milliseconds (stories show pending states). Default 0. */
  latencyMs?: number;
  /** The clock, in ms since the epoch or as a Date. Default `Date.now`. */
  now?: () => number | Date;
  /** Session and token lifetimes. */
  lifetimes?: Partial<MockLifetimes>;
  /** Sign-in throttling: failures per identifier (default 5) and per client address (default 100) within the window (default 15 min). */
  throttle?: { maxFailures?: number; maxFailuresPerAddress?: number; windowMs?: number };
  /** Which client address a request comes from (for the per-address limit). Default: one address for all. */
  clientAddress?: (request: Request) => string;
  /** In invite-only mode, these addresses (or whole domains, written `@example.com`) may register without an invite. */
  preauthorizedEmails?: readonly string[];
  /** New registrations wait for an administrator (created disabled, answer `next: 'await_approval'`). */
  requireApproval?: boolean;
  /** Origins allowed to make state-changing requests in cookie mode, besides the backend's own and `location.origin`. */
  allowedOrigins?: readonly string[];
  /** Where mailed links point. Default: `location.origin` (or `http://localhost`), `/reset-password`, `/verify-email`, `/register`. */
  links?: Partial<MockLinks>;
}

/**
 * A running mock backend.
 *
 * @example
 * ```ts
 * const backend: MockBackend = createMockBackend();
 * server.use(...backend.handlers);
 * ```
 */
export interface MockBackend {
  /** msw 2 handlers: `setupServer(...backend.handlers)` / `setupWorker(...)` / `msw.use(...)`. */
  readonly handlers: HttpHandler[];
  /**
   * The backend as a Fetch-API handler (server semantics): cookies come only from the request's
   * `Cookie` header, `Set-Cookie` is on the answer (in Node; see `mockResponseCookies` elsewhere).
   * Accepts the same arguments as `fetch`; relative URLs resolve against `location` or `http://localhost/`.
   */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /**
   * The backend seen through a browser: a `fetch` with its own cookie jar (one per backend), for
   * driving a client without msw. A request that carries its own `Cookie` header bypasses the jar.
   */
  readonly browserFetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** The in-memory state, with typed helpers for tests. */
  readonly store: MockStore;
  /** Every mail the backend "sent" (reset links, username reminders, verification links, invites). */
  readonly outbox: MockOutbox;
  /** The `GET config` answer. */
  readonly config: AuthConfig;
  /** Back to the seed state: store, outbox, throttles and the browserFetch jar. */
  reset(): void;
  /**
   * Changes the answer delay from now on (ms ≥ 0), e.g. to sign in quickly and then make one
   * later request slow enough to observe its pending state.
   *
   * @example
   * ```ts
   * backend.setLatency(1500); // the next answers take 1.5 s
   * ```
   */
  setLatency(ms: number): void;
}

function defaultAppUrl(): string {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && origin !== 'null' ? origin : 'http://localhost';
}

function toRequest(input: Request | string | URL, init?: RequestInit): Request {
  if (input instanceof Request) return init ? new Request(input, init) : input;
  const base = (globalThis as { location?: { href?: string } }).location?.href ?? 'http://localhost/';
  return new Request(new URL(String(input), base), init);
}

/**
 * Creates an in-memory backend that implements the whole latchkey contract (version 1): every
 * endpoint, both transports, CSRF, throttling with `Retry-After`, registration modes, reset and
 * verification mails in `outbox`, session expiry on an injectable clock, refresh-token rotation
 * with reuse detection. For tests, Storybook and demos: use `handlers` with msw, or `fetch` /
 * `browserFetch` directly.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createMockBackend } from 'latchkey/mock';
 *
 * const backend = createMockBackend({
 *   users: [{ username: 'ada', email: 'ada@example.com', name: 'Ada', password: 'correct horse battery', roles: ['admin'] }],
 *   config: { registration: 'invite' },
 * });
 * const server = setupServer(...backend.handlers);
 * server.listen();
 * // ... after "forgot password":
 * const token = backend.outbox.last('ada@example.com', 'password-reset')?.token;
 * ```
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const baseUrl = (options.baseUrl ?? '/api/auth').replace(/\/+$/, '');
  if (!baseUrl.startsWith('/') && !/^https?:\/\//i.test(baseUrl)) {
    throw new TypeError(`createMockBackend: baseUrl must start with "/" or "http(s)://" (got "${options.baseUrl}")`);
  }
  const latencyMs = options.latencyMs ?? 0;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) throw new TypeError(`createMockBackend: latencyMs must be a number ≥ 0 (got ${latencyMs})`);
  const clock = options.now ?? Date.now;
  const now = (): number => {
    const value = clock();
    return typeof value === 'number' ? value : value.getTime();
  };
  const config = resolveMockConfig(options.config);
  const store = new MockStore({ now, users: options.users ?? [], ...(options.lifetimes ? { lifetimes: options.lifetimes } : {}) });
  const outbox = new MockOutbox();
  const windowMs = options.throttle?.windowMs ?? 15 * 60_000;
  const loginThrottle = new Throttle({ limit: options.throttle?.maxFailures ?? 5, windowMs });
  const addressThrottle = new Throttle({ limit: options.throttle?.maxFailuresPerAddress ?? 100, windowMs });
  const appUrl = options.links?.appUrl ?? defaultAppUrl();
  const location = (globalThis as { location?: { origin?: string } }).location?.origin;
  const state: MockState = {
    config,
    store,
    outbox,
    now,
    loginThrottle,
    addressThrottle,
    links: {
      appUrl,
      resetPassword: options.links?.resetPassword ?? '/reset-password',
      verifyEmail: options.links?.verifyEmail ?? '/verify-email',
      register: options.links?.register ?? '/register',
    },
    allowedOrigins: [...(options.allowedOrigins ?? []), ...(location && location !== 'null' ? [location] : [])],
    preauthorizedEmails: new Set((options.preauthorizedEmails ?? []).map(normalizeIdentifier)),
    approval: options.requireApproval ?? false,
    clientAddress: options.clientAddress ?? (() => 'client'),
  };
  const handlerOptions = { baseUrl, latencyMs };
  const handle = createMockHandler(state, handlerOptions);
  const jar = new CookieJar();

  return {
    handlers: createMswHandlers(baseUrl, handle),
    fetch: (input, init) => handle(toRequest(input, init)),
    browserFetch: async (input, init) => {
      const request = toRequest(input, init);
      const own = request.headers.get('cookie');
      const cookies = own !== null ? parseCookieHeader(own) : request.credentials === 'omit' ? {} : jar.all();
      const response = await handle(request, cookies);
      if (request.credentials !== 'omit') for (const cookie of mockResponseCookies(response)) jar.store(cookie);
      return response;
    },
    store,
    outbox,
    config,
    reset() {
      store.reset();
      outbox.clear();
      loginThrottle.reset();
      addressThrottle.reset();
      jar.clear();
    },
    setLatency(ms) {
      if (!(Number.isFinite(ms) && ms >= 0)) throw new TypeError(`setLatency: ms must be a number ≥ 0 (got ${String(ms)})`);
      handlerOptions.latencyMs = ms;
    },
  };
}
