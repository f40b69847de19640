import type * as z from 'zod/mini';
import type { AuthResult, Session, SessionResponse, Transport, User } from '../contract/index.js';
import type { AuthClientEvent } from './AuthClient.js';

/**
 * One contract endpoint as the client sends it: method, path (with `:param` segments), success
 * status, the schema its answer must match (built for the app's user schema; none for answers
 * without a body), whether the answer signs in, and whether it goes without credentials.
 *
 * @internal
 * @example
 * ```ts
 * const ping: Operation<never, void> = { method: 'GET', path: 'verify', status: 204 };
 * ```
 */
export interface Operation<TBody, TResult> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly status: number;
  /** Builds the answer's schema for a user schema; absent: the answer has no body. */
  readonly schema?: (user: z.ZodMiniType<User>) => z.core.$ZodType<TResult>;
  /** The answer carries a session: bearer tokens are required and stored, `signed-in` is emitted. */
  readonly signsIn?: boolean;
  /** Sent without the bearer token, and a 401 never triggers a refresh (login, register, ...). */
  readonly anonymous?: boolean;
  /** Type only: the body this endpoint takes. */
  readonly body?: TBody;
}

/**
 * What a request carries besides the endpoint: body, path parameters, query and abort signal.
 *
 * @internal
 * @example
 * ```ts
 * const input: SendInput<{ name: string }> = { body: { name: 'Ada' }, signal: controller.signal };
 * ```
 */
export interface SendInput<TBody> {
  body?: TBody;
  params?: Record<string, string>;
  query?: URLSearchParams;
  signal?: AbortSignal | undefined;
}

/**
 * The part of an auth client that keeps the session: transport rules (CSRF, bearer tokens and
 * their single-flight refresh), answer checking, and session events. `AuthProvider` builds one
 * from `baseUrl`; `createAuthClient` adds one typed method per endpoint on top of it, so a full
 * client can be passed wherever a connection is asked for.
 *
 * @example
 * ```ts
 * import { createAuthClient } from 'latchkey';
 * import type { AuthConnection } from 'latchkey';
 *
 * const connection: AuthConnection = createAuthClient({ baseUrl: '/api/auth' });
 * const { session } = await connection.getSession();
 * ```
 */
export interface AuthConnection<TUser extends User = User> {
  /** The resolved base URL (absolute in a browser), without a trailing slash. */
  readonly baseUrl: string;
  readonly transport: Transport;
  /** `GET session`: `{ session: null }` when signed out (also when the backend says the session is gone). */
  getSession(signal?: AbortSignal): Promise<SessionResponse<TUser>>;
  /** `POST logout`; the local sign-out happens whatever the server answers. */
  logout(signal?: AbortSignal): Promise<void>;
  /** Bearer transport: `POST refresh` (concurrent calls share one request). */
  refresh(signal?: AbortSignal): Promise<AuthResult<TUser>>;
  /** Keeps the session going: bearer refreshes, cookie re-reads `GET session` (which slides the idle deadline). */
  extendSession(signal?: AbortSignal): Promise<Session<TUser> | null>;
  /**
   * Sends any contract endpoint with the transport's rules and checks its answer.
   *
   * @internal latchkey's hooks use it; apps call the typed methods of `createAuthClient`.
   */
  send<TBody, TResult>(operation: Operation<TBody, TResult>, input?: SendInput<TBody>): Promise<TResult>;
  /** Listens to session events; returns the function that stops listening. */
  subscribe(listener: (event: AuthClientEvent<TUser>) => void): () => void;
}
