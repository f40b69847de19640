import type { Transport } from '../contract/index.js';
import type { CheckResult } from './ConformanceResult.js';

/**
 * A mail message as the outbox hook hands it over. At least one of `token`, `link` or `text`
 * must be present; the suite takes `token` first, else the `token` query parameter (or last path
 * segment, or `#token=` fragment) of `link`, else the first URL found in `text`.
 *
 * @example
 * ```ts
 * const message: OutboxMessage = { to: 'ada@example.test', link: 'http://app.test/reset?token=abc' };
 * ```
 */
export interface OutboxMessage {
  readonly to?: string;
  readonly subject?: string;
  readonly token?: string;
  readonly link?: string;
  readonly text?: string;
}

/**
 * Reads the most recent message the backend sent to an address, or `null` when there is none.
 * Lets the suite follow reset and verification mails; without it those checks are "not checked".
 *
 * @example
 * ```ts
 * const readOutbox: ReadOutbox = async (to) => backend.outbox.filter((m) => m.to === to).at(-1) ?? null;
 * ```
 */
export type ReadOutbox = (to: string) => Promise<OutboxMessage | null>;

/**
 * A username (or email) and password the suite may sign in with.
 *
 * @example
 * ```ts
 * const user: Credentials = { identifier: 'ada', password: 'correct horse battery staple' };
 * ```
 */
export interface Credentials {
  readonly identifier: string;
  readonly password: string;
}

/**
 * Options of {@link runConformance}.
 *
 * @example
 * ```ts
 * const options: ConformanceOptions = {
 *   baseUrl: 'http://127.0.0.1:3000/api/auth',
 *   user: { identifier: 'ada', password: process.env.ADA_PASSWORD ?? '' },
 *   only: ['login', 'csrf'],
 * };
 * ```
 */
export interface ConformanceOptions {
  /** The auth API base URL (`http://127.0.0.1:3000/api/auth`). */
  baseUrl: string;
  /** The transport you expect; the run fails `config.transport` when `GET config` says otherwise. */
  transport?: Transport;
  /**
   * An existing (non-admin) user. Needed when registration is not open and no admin is given.
   * The suite changes its name and password only to restore them; it never locks it out.
   */
  user?: Credentials;
  /** An admin (`features.admin`): enables the admin checks, disabled-account parity, and user creation when registration is closed. */
  admin?: Credentials;
  /** Follows reset and verification mail (see {@link ReadOutbox}, {@link outboxFromUrl}). */
  readOutbox?: ReadOutbox;
  /** Run only these groups (`login`, `csrf`, `password/reset`, ...). Default: all. */
  only?: readonly string[];
  /** Failed logins tried before the throttle must have answered 429. Default 20. */
  maxAttempts?: number;
  /** The statistical timing check (unknown user vs wrong password). Default `true`. */
  timing?: boolean;
  /** Sent as `Origin` on every normal request, for backends that require one. Default: none. */
  origin?: string;
  /** A foreign origin for the CORS and CSRF checks. Default `https://conformance-foreign.example`. */
  foreignOrigin?: string;
  /** Per-request timeout. Default 10 000 ms. */
  requestTimeoutMs?: number;
  /** Another fetch (a proxy agent, a test double). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Called after every check, for progress output. */
  onCheck?: (check: CheckResult) => void;
}
