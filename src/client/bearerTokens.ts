import { authResultSchema } from '../contract/responses.js';
import type { AuthResult, Session, SessionResponse, User } from '../contract/index.js';
import type { TokenStorage } from './AuthClient.js';
import type { Operation } from './AuthConnection.js';
import { AuthError, isAuthError } from './AuthError.js';
import { withSignal } from './withSignal.js';
import { memoryTokenStorage } from '../session/memoryTokenStorage.js';

/**
 * What a connection lends the bearer transport: its request (with the contract checks), its
 * session read, its sign-out event and its logout count.
 *
 * @internal
 * @example
 * ```ts
 * const tokens = bearerTokens(host, persistentTokenStorage());
 * ```
 */
export interface BearerHost<TUser extends User> {
  readonly baseUrl: string;
  /** Sends one request (no refresh on 401) and returns its checked body. */
  request(operation: Operation<never, unknown> | Operation<{ refreshToken: string }, AuthResult>, body?: { refreshToken: string }): Promise<unknown>;
  /** `GET session` with the tokens now stored, without a refresh on 401. */
  readSession(): Promise<SessionResponse<TUser>>;
  /** Stores an answer's session (and its tokens, through {@link BearerTokens.accept}). */
  signedIn(endpoint: string, status: number, result: AuthResult<TUser>): void;
  signOut(reason: 'revoked'): void;
  /** How many logouts this connection has seen (a refresh across one must not sign back in). */
  logouts(): number;
}

/**
 * The bearer transport's half of a connection: the tokens, their single-flight refresh under a
 * Web Lock, and the rules for dropping them. Only `createAuthClient` brings it in, so an app on the
 * cookie transport (`<AuthProvider baseUrl>`) carries none of this.
 *
 * @internal
 * @example
 * ```ts
 * const token = tokens.accessToken(); // sent as `Authorization: Bearer <token>`
 * ```
 */
export interface BearerTokens<TUser extends User> {
  accessToken(): string | null;
  /** The tokens held now, to keep out of error texts. */
  secrets(): string[];
  /** After a 401 `unauthenticated`: whether the request may go again (another refresh, or new tokens). */
  renew(used: string, signal: AbortSignal | undefined, error: AuthError): Promise<boolean>;
  /** The session is gone: forget the tokens the request used (not newer ones stored since). */
  forget(used: string | null): void;
  /** `GET session` answered `null`: true when tokens stored meanwhile should be asked about once more. */
  noSession(sent: string | null, mayRecheck: boolean): boolean;
  /** An answer that signs in must carry tokens; they are stored. */
  accept(endpoint: string, status: number, result: { session: Session<TUser> | null; tokens?: unknown }): void;
  clear(): void;
  canRefresh(): boolean;
  refresh(signal: AbortSignal | undefined): Promise<AuthResult<TUser>>;
}

/**
 * The bearer transport for a connection (see {@link BearerTokens}).
 *
 * @internal
 * @example
 * ```ts
 * const connection = openConnection({ baseUrl, transport: 'bearer' }, bearerTokens);
 * ```
 */
export function bearerTokens<TUser extends User>(host: BearerHost<TUser>, storage: TokenStorage = memoryTokenStorage()): BearerTokens<TUser> {
  const REFRESH: Operation<{ refreshToken: string }, AuthResult> = { method: 'POST', path: 'refresh', status: 200, anonymous: true, schema: authResultSchema };
  const endpoint = 'POST refresh';
  const fail = (code: string, message: string) => new AuthError({ code, endpoint, message: `${endpoint}: ${message}` });
  const gone = (why: string) => fail('unauthenticated', why);
  /** Refused by the server (or answered nonsense), as opposed to no answer at all. */
  const refused = (error: AuthError) => !['network', 'timeout', 'aborted'].includes(error.code) && !((error.status ?? 0) >= 500);
  let refreshing: Promise<AuthResult<TUser>> | null = null;

  /**
   * Runs a refresh under a Web Lock (where the browser has them), so tabs sharing one persistent
   * token storage never present the same refresh token twice: with rotation and reuse detection,
   * that would revoke the session for every tab.
   */
  const withLock = <T>(task: () => Promise<T>): Promise<T> => {
    const locks = (globalThis as { navigator?: { locks?: Partial<LockManager> } }).navigator?.locks;
    return typeof locks?.request === 'function' ? (locks.request(`latchkey:refresh ${host.baseUrl}`, task) as Promise<T>) : task();
  };

  const doRefresh = async (): Promise<AuthResult<TUser>> => {
    const before = storage.get();
    if (before?.refreshToken == null) throw gone('there is no refresh token to use');
    const startedAt = host.logouts();
    return withLock(async () => {
      const held = storage.get();
      try {
        if (held?.refreshToken == null) throw gone('the tokens were cleared (signed out elsewhere)');
        let result: AuthResult<TUser>;
        if (held.refreshToken !== before.refreshToken) {
          // Another tab sharing the storage rotated the tokens while this one waited: use them.
          const answer = await host.readSession();
          if (answer.session === null) throw gone('the session ended in another tab');
          result = { session: answer.session, tokens: held };
        } else {
          result = (await host.request(REFRESH, { refreshToken: held.refreshToken })) as AuthResult<TUser>;
        }
        if (host.logouts() !== startedAt) throw gone('signed out while the refresh was under way');
        host.signedIn(endpoint, REFRESH.status, result);
        return result;
      } catch (error) {
        if (isAuthError(error) && refused(error)) {
          // Only forget tokens that are still the ones this refresh tried (not newer ones from a login).
          if (held === null || storage.get()?.refreshToken === held.refreshToken) storage.clear();
          host.signOut('revoked');
        }
        throw error;
      }
    });
  };

  const refresh = (signal: AbortSignal | undefined): Promise<AuthResult<TUser>> =>
    withSignal(
      (refreshing ??= doRefresh().finally(() => {
        refreshing = null;
      })),
      signal,
      endpoint,
    );

  return {
    accessToken: () => storage.get()?.accessToken ?? null,
    secrets() {
      const held = storage.get();
      return [held?.accessToken, held?.refreshToken].filter((value): value is string => typeof value === 'string');
    },
    async renew(used, signal, error) {
      const current = storage.get();
      // Another request refreshed meanwhile: retry with the new token, no second refresh.
      if (current !== null && current.accessToken !== used) return true;
      if (!current?.refreshToken) return false;
      try {
        await refresh(signal);
      } catch (refreshError) {
        // Refused: the shared refresh already signed out; report the request's own 401.
        throw isAuthError(refreshError) && refused(refreshError) ? error : refreshError;
      }
      return true;
    },
    forget(used) {
      const current = storage.get();
      if (current === null || used === null || current.accessToken === used) storage.clear();
    },
    noSession(sent, mayRecheck) {
      const stored = storage.get()?.accessToken ?? null;
      // Tokens that arrived while the request was out (another tab signed in and wrote the shared
      // storage) were not what the server answered about: ask again with them, once.
      if (stored !== null && stored !== sent && mayRecheck) return true;
      if (stored !== null) storage.clear();
      return false;
    },
    accept(endpointName, status, result) {
      if (result.session === null) return;
      if (result.tokens === undefined) {
        throw new AuthError({
          code: 'contract_mismatch',
          endpoint: endpointName,
          status,
          retryable: false,
          message: `${endpointName}: response did not match the contract: tokens: expected an object (bearer transport), got nothing`,
        });
      }
      storage.set(result.tokens as AuthResult['tokens'] & object);
    },
    clear: () => storage.clear(),
    canRefresh: () => Boolean(storage.get()?.refreshToken),
    refresh,
  };
}
