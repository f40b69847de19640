import type { AuthConfig } from '../contract/index.js';
import type { MockOutbox } from './MockOutbox.js';
import type { MockSessionRecord, MockStore, MockUserRecord } from './MockStore.js';
import type { Throttle } from './Throttle.js';
import { respond } from './responses.js';

/**
 * Where the links in the mock's mails point: `appUrl` + path + `?token=` / `?invite=`.
 *
 * @example
 * ```ts
 * const links: MockLinks = { appUrl: 'https://app.example', resetPassword: '/reset', verifyEmail: '/verify', register: '/register' };
 * ```
 */
export interface MockLinks {
  appUrl: string;
  resetPassword: string;
  verifyEmail: string;
  register: string;
}

/** Everything one mock backend keeps between requests. @internal */
export interface MockState {
  readonly config: AuthConfig;
  readonly store: MockStore;
  readonly outbox: MockOutbox;
  readonly now: () => number;
  readonly loginThrottle: Throttle;
  readonly addressThrottle: Throttle;
  readonly links: MockLinks;
  readonly allowedOrigins: readonly string[];
  readonly preauthorizedEmails: ReadonlySet<string>;
  readonly approval: boolean;
  readonly clientAddress: (request: Request) => string;
}

/** The signed-in user behind a request. @internal */
export interface MockAuth {
  readonly session: MockSessionRecord;
  readonly user: MockUserRecord;
}

/** One request on its way through the mock. @internal */
export interface MockRequestContext {
  readonly request: Request;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  /** https: cookies get `Secure` and the `__Host-` prefix. */
  readonly secure: boolean;
  readonly cookies: Readonly<Record<string, string>>;
  readonly cookieNames: { readonly session: string; readonly csrf: string };
  /** The validated request body (`undefined` for endpoints without one). */
  body: unknown;
  /** `invalid`: credentials were presented but are unknown, expired or revoked. */
  auth: MockAuth | null | 'invalid';
  /**
   * Set-Cookie values for the answer. The mock never needs more than one per answer, and keeps
   * it so: msw records a mocked `Set-Cookie` as one raw string, which cannot carry two cookies.
   */
  cookiesOut: string[];
}

/**
 * A success answer carrying the context's cookies.
 *
 * @internal
 */
export function reply(ctx: MockRequestContext, status: number, body?: unknown, headers?: Record<string, string>): Response {
  return respond(status, body, { headers, cookies: ctx.cookiesOut });
}

/**
 * Sets the one cookie of this answer (a later call replaces an earlier one).
 *
 * @internal
 */
export function setCookie(ctx: MockRequestContext, cookie: string): void {
  ctx.cookiesOut.length = 0;
  ctx.cookiesOut.push(cookie);
}
