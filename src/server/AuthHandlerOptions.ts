import type { Transport } from '../contract/index.js';
import type { AuthStore } from './AuthStore.js';
import type { HashingOptions, PasswordHasher } from './createPasswordHasher.js';
import type { AuthLogger } from './logger.js';
import type { Mailer } from './Mailer.js';
import type { PasswordPolicyOptions } from './passwordPolicy.js';

/**
 * A throttle: at most `max` counted events per key within `windowMs`.
 *
 * @example
 * ```ts
 * const rule: ThrottleRule = { max: 5, windowMs: 15 * 60_000 };
 * ```
 */
export interface ThrottleRule {
  max: number;
  windowMs: number;
}

/**
 * Options of `createAuthHandler`. Only `store` and `appUrl` are required.
 *
 * @example
 * ```ts
 * const options: AuthHandlerOptions = {
 *   store: createSqliteStore({ filename: 'latchkey.db' }),
 *   appUrl: 'https://app.example.com',
 *   transport: 'cookie',
 *   registration: 'invite',
 *   preauthorized: { domains: ['example.com'] },
 *   mailer: createSmtpMailer({ url: 'smtp://localhost:25' }),
 * };
 * ```
 */
export interface AuthHandlerOptions {
  store: AuthStore;
  /**
   * The public URL of the app (origin, optionally with a path prefix). Links in mail are built
   * from it, never from the request's Host header; its origin is also an allowed origin.
   */
  appUrl: string;
  /** Where the handler is mounted. Default `/api/auth`. */
  basePath?: string;
  /** Default `'cookie'`. */
  transport?: Transport;
  /** Default `'open'`. */
  registration?: 'open' | 'invite' | 'closed';
  /** In invite mode, these emails / email domains may register without an invite code. */
  preauthorized?: { emails?: string[]; domains?: string[] };
  /**
   * Offered features. Defaults: `passwordReset` and `usernameRecovery` when a mailer is given,
   * `profile` and `admin` on, `emailVerification` off. Mail features need a `mailer`.
   */
  features?: { passwordReset?: boolean; usernameRecovery?: boolean; profile?: boolean; admin?: boolean; emailVerification?: boolean };
  /** Password policy (min length default 12, max 128). */
  password?: PasswordPolicyOptions;
  /** Argon2id parameters (OWASP floor by default). */
  hashing?: HashingOptions;
  /** A ready hasher instead of `hashing` (tests, or a shared hasher). */
  passwordHasher?: PasswordHasher;
  mailer?: Mailer;
  /** Name used in mail subjects. Default `'latchkey'`. */
  appName?: string;
  /** App paths the mailed links open (token in the `token` query parameter). */
  links?: { resetPassword?: string; verifyEmail?: string; login?: string; register?: string };
  /** Structured log sink. Default: one JSON line per entry on `console.log`. */
  logger?: AuthLogger;
  /** The time source (ms since epoch). Default `Date.now`. */
  clock?: { now(): number };
  /** Session lifetimes in ms. Defaults: idle 30 min, absolute 12 h; remember-me: idle 7 days, absolute 30 days. */
  session?: { idleTimeoutMs?: number; absoluteTimeoutMs?: number; rememberIdleTimeoutMs?: number; rememberAbsoluteTimeoutMs?: number };
  /** Bearer access token lifetime in ms. Default 15 min. */
  accessTokenTtlMs?: number;
  /** One-time token (reset, verification) lifetime in ms. Default 30 min, at most 30 min. */
  oneTimeTokenTtlMs?: number;
  /**
   * Throttles. `identifier`: failed logins per normalized identifier (default 5 / 15 min);
   * `address`: failed logins, recovery requests and bad tokens per client address (default 100 / 15 min);
   * `mail`: mails per account (default 5 / 15 min, extra requests still answer 202 but send nothing).
   */
  throttle?: { identifier?: ThrottleRule; address?: ThrottleRule; mail?: ThrottleRule };
  /**
   * Trust `X-Forwarded-For` / `X-Forwarded-Proto` / `X-Forwarded-Host` from this many proxy hops
   * (`true` = 1). Default `false`: forwarded headers are ignored.
   */
  trustProxy?: boolean | number;
  /** Other origins allowed to call with credentials (CORS) and to send state-changing requests. */
  allowedOrigins?: string[];
  /** Cookie `Secure` + `__Host-` prefix: `'auto'` (default) when the request came over https. */
  secure?: 'auto' | boolean;
  /** HMAC key for CSRF tokens. Default: a random secret kept in the store. */
  secret?: string;
  /** Largest accepted request body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
}

/**
 * What the Node adapter (or any host) may tell the handler about the connection.
 *
 * @example
 * ```ts
 * await handler(request, { clientAddress: socket.remoteAddress });
 * ```
 */
export interface AuthRequestInfo {
  /** The peer address of the TCP connection. */
  clientAddress?: string;
}

/**
 * The Fetch-API handler `createAuthHandler` returns. `idle()` resolves when all background work
 * (mail) started so far has finished, for tests and graceful shutdown.
 *
 * @example
 * ```ts
 * const response = await handler(new Request('http://localhost/api/auth/config'));
 * await handler.idle();
 * ```
 */
export interface AuthHandler {
  (request: Request, info?: AuthRequestInfo): Promise<Response>;
  idle(): Promise<void>;
  /** The base path the handler answers under. */
  readonly basePath: string;
  /** The largest body the handler accepts (the Node adapter enforces it while streaming). */
  readonly maxBodyBytes: number;
}
