import type * as z from 'zod/mini';
import {
  AcceptedSchema,
  AdminCreateUserResultSchema,
  AdminUserListSchema,
  AdminUserResultSchema,
  AuthConfigSchema,
  ErrorEnvelopeSchema,
  HEADERS,
  InviteListSchema,
  InviteResultSchema,
  ResetLinkSchema,
  AuthResultSchema,
  RegisterResultSchema,
  SessionResponseSchema,
  UserResultSchema,
  responseSchemas,
} from '../contract/index.js';
import { ROUTES, endpointPath } from '../contract/routes.js';
import type { AuthResult, EndpointName, Session, SessionResponse, Tokens, Transport, User } from '../contract/index.js';
import { memoryTokenStorage } from '../session/memoryTokenStorage.js';
import type { AuthClient, AuthClientEvent, AuthClientOptions, TokenStorage } from './AuthClient.js';
import { AuthError, isAuthError } from './AuthError.js';
import type { AuthErrorCode } from './AuthError.js';
import { formatIssues } from './formatIssues.js';
import { parseJsonBody } from './parseJsonBody.js';
import { parseRetryAfter } from './parseRetryAfter.js';
import { readBody } from './readBody.js';
import { redactSecrets } from './redactSecrets.js';

const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The code an error answer gets when its body is not a contract error envelope. */
const CODE_BY_STATUS: Readonly<Record<number, AuthErrorCode>> = {
  400: 'invalid_request',
  // A 401 without the envelope cannot say whether the session ended (`unauthenticated`) or a
  // password was wrong (`invalid_credentials`): it is a contract mismatch, and ends nothing.
  401: 'contract_mismatch',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_request',
  429: 'rate_limited',
};

/** Request body fields whose values are secrets: they are redacted from every error text. */
const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'token', 'refreshToken'] as const;

interface Call {
  name: EndpointName;
  params?: Record<string, string>;
  query?: URLSearchParams;
  body?: Record<string, unknown>;
  signal?: AbortSignal | undefined;
  /** Bearer mode: send `Authorization` with the stored access token. */
  auth: boolean;
  /** Bearer mode: on 401 `unauthenticated`, refresh once and retry once. */
  refreshOnUnauthenticated: boolean;
  /** Cookie mode: on 403 `csrf_failed`, re-read the CSRF token once and retry once. */
  retryCsrf: boolean;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** Internal: an error answer whose body was a real contract error envelope. */
const fromEnvelope = new WeakSet<AuthError>();

function endpointLabel(name: EndpointName): string {
  const spec = ROUTES[name];
  return `${spec.method} ${spec.path}`;
}

function contractMismatch(name: EndpointName, status: number | null, problem: string): AuthError {
  const endpoint = endpointLabel(name);
  return new AuthError({
    code: 'contract_mismatch',
    endpoint,
    status,
    retryable: false,
    message: `${endpoint}: response did not match the contract: ${problem}`,
  });
}

function invalidInput(name: EndpointName, problem: string): AuthError {
  const endpoint = endpointLabel(name);
  return new AuthError({ code: 'invalid_request', endpoint, status: null, retryable: false, message: `${endpoint}: ${problem}` });
}

function checkPathParam(name: EndpointName, label: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512 || value === '.' || value === '..') {
    throw invalidInput(name, `${label} must be a non-empty string other than "." and ".." (at most 512 characters)`);
  }
  return value;
}

/** Resolves the base URL once, against the page when there is one; no trailing slash. */
function resolveBaseUrl(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim().length === 0) {
    throw new TypeError('createAuthClient: baseUrl must be a non-empty string such as "/api/auth"');
  }
  const page = (globalThis as { location?: { href?: unknown } }).location?.href;
  let resolved = baseUrl.trim();
  try {
    resolved = typeof page === 'string' ? new URL(resolved, page).href : new URL(resolved).href;
  } catch {
    if (!resolved.startsWith('/')) throw new TypeError(`createAuthClient: baseUrl "${baseUrl}" is not a URL`);
    // A relative base without a page (server rendering): the app's own fetch resolves it.
  }
  if (/[?#]/.test(resolved)) throw new TypeError(`createAuthClient: baseUrl "${baseUrl}" must not carry a query or fragment`);
  return resolved.replace(/\/+$/, '');
}

/**
 * Creates the framework-free auth client for a backend that speaks the latchkey contract. Every
 * answer is parsed with the contract schemas (with the app's `userSchema` for users): anything
 * else rejects with an {@link AuthError} `contract_mismatch` that names the endpoint and the first
 * mismatching paths, and never counts as signed in.
 *
 * - Cookie transport (default): `credentials: 'include'`; `X-CSRF-Token` on every POST, PATCH and
 *   DELETE (read from `GET session` first when the client has none; after a 403 `csrf_failed`
 *   re-read once and retried once). The client never sees or stores a session token.
 * - Bearer transport: `Authorization: Bearer` with tokens kept in `tokenStorage` (memory by default;
 *   `persistentTokenStorage()` to survive reloads). On 401 `unauthenticated` the client refreshes
 *   once (concurrent 401s share that one refresh) and retries once; a refused refresh clears the
 *   tokens and emits `signed-out`. A refresh that fails for lack of an answer (network, timeout, 5xx)
 *   keeps the tokens and rejects with that retryable error. Where the browser has Web Locks, tabs
 *   sharing a persistent storage refresh one at a time, and a tab that waited uses the tokens the
 *   other one got (so rotation with reuse detection never signs everyone out).
 * - Requests only ever go to `baseUrl` (paths come from the contract's endpoint table, redirects
 *   are refused), tokens never go into a URL, and every request has a timeout (`timeoutMs`,
 *   default 15 s) combined with the caller's `AbortSignal`.
 * - Bodies are read defensively: more than 1 MiB, not JSON, empty, a `__proto__` key, or a success
 *   answer carrying `{"error": ...}` is a `contract_mismatch`. Error answers keep the backend's
 *   `code`, `message` (with any password or token the client sent cut out) and `fields`; `retryAfter`
 *   comes from `Retry-After`. Nothing is retried automatically except the CSRF and refresh cases
 *   above (login and forgot-password are never retried for a 429, timeout or network error).
 *
 * @example
 * ```ts
 * import { createAuthClient } from 'latchkey';
 *
 * const client = createAuthClient({ baseUrl: '/api/auth' });
 * const { session } = await client.login({ identifier: 'ada', password: 'correct horse battery staple' });
 * client.subscribe((event) => {
 *   if (event.type === 'signed-out') location.assign('/login');
 * });
 * ```
 */
export function createAuthClient<TUser extends User = User>(options: AuthClientOptions<TUser>): AuthClient<TUser> {
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const transport: Transport = options.transport ?? 'cookie';
  if (transport !== 'cookie' && transport !== 'bearer') {
    throw new TypeError(`createAuthClient: transport must be "cookie" or "bearer", got ${JSON.stringify(transport)}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new TypeError(`createAuthClient: timeoutMs must be a number of milliseconds between 1 and ${MAX_TIMEOUT_MS}, got ${String(timeoutMs)}`);
  }
  const bearer = transport === 'bearer';
  const cookie = !bearer;
  const tokenStorage: TokenStorage = options.tokenStorage ?? memoryTokenStorage();
  // Bound late, so a fetch patched after the client was created (msw in tests) is the one used.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // zod/mini and classic zod share one core, so either kind of schema composes with the contract's.
  // With the contract's own user the contract's schemas are used as they are (none built per client).
  const schemas: ReturnType<typeof responseSchemas<z.ZodMiniType<TUser>>> =
    options.userSchema === undefined
      ? ({ session: SessionResponseSchema, authResult: AuthResultSchema, register: RegisterResultSchema, user: UserResultSchema } as never)
      : responseSchemas(options.userSchema as z.ZodMiniType<TUser>);

  let csrfToken: string | null = null;
  let csrfLoading: Promise<void> | null = null;
  let refreshing: Promise<AuthResult<TUser>> | null = null;
  /** What the client last learned: used to emit `signed-out` once, not once per failing request. */
  let known: 'unknown' | 'in' | 'out' = 'unknown';
  /** Counts logouts: a refresh that started before one must not sign the user back in. */
  let logouts = 0;
  const listeners = new Set<(event: AuthClientEvent<TUser>) => void>();

  // ───────────────────────────── events ─────────────────────────────

  const emit = (event: AuthClientEvent<TUser>) => {
    if (event.type === 'signed-in') known = 'in';
    else if (event.type === 'signed-out') known = 'out';
    else known = event.session === null ? 'out' : 'in';
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A broken listener must not break the request or the other listeners.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  const secretsHeld = (): string[] => {
    const tokens = bearer ? tokenStorage.get() : null;
    return [tokens?.accessToken, tokens?.refreshToken, csrfToken].filter((value): value is string => typeof value === 'string');
  };

  /** The session ended on the server: forget the tokens the failed request used, tell listeners once. */
  const sessionEnded = (reason: 'expired' | 'revoked', usedAccessToken: string | null) => {
    if (bearer) {
      const current = tokenStorage.get();
      // Keep tokens that a concurrent refresh stored after this request went out.
      if (current === null || usedAccessToken === null || current.accessToken === usedAccessToken) tokenStorage.clear();
    }
    if (known !== 'out') emit({ type: 'signed-out', reason });
  };

  // ───────────────────────────── one HTTP exchange ─────────────────────────────

  const buildUrl = (call: Call): string => {
    const path = endpointPath(call.name, call.params);
    const query = call.query && [...call.query.keys()].length > 0 ? `?${call.query.toString()}` : '';
    const url = `${baseUrl}/${path}${query}`;
    // Path parameters are encoded and dot segments refused, so the URL stays under baseUrl.
    const page = (globalThis as { location?: { href?: unknown } }).location?.href;
    try {
      const absolute = new URL(url, typeof page === 'string' ? page : undefined).href;
      const base = new URL(`${baseUrl}/`, typeof page === 'string' ? page : undefined).href;
      if (!absolute.startsWith(base)) throw invalidInput(call.name, 'the request URL left the configured baseUrl');
    } catch (error) {
      if (isAuthError(error)) throw error;
      // Relative base without a page: nothing to compare against; the path was built from the table.
    }
    return url;
  };

  const exchange = async (call: Call, accessToken: string | null, secrets: readonly string[]): Promise<Answer> => {
    const spec = ROUTES[call.name];
    const endpoint = endpointLabel(call.name);
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: string | undefined;
    if (call.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    if (cookie && spec.method !== 'GET' && csrfToken !== null) headers[HEADERS.csrf] = csrfToken;
    if (bearer && accessToken !== null) headers.Authorization = `Bearer ${accessToken}`;

    const signal = call.signal;
    if (signal?.aborted) {
      throw new AuthError({ code: 'aborted', endpoint, message: `${endpoint}: the request was aborted before it was sent` });
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    // Also settles when a custom fetch ignores the signal.
    let stopWaiting: () => void = () => {};
    const aborted = new Promise<never>((_, reject) => {
      const listener = () => reject(new Error('aborted'));
      controller.signal.addEventListener('abort', listener, { once: true });
      stopWaiting = () => controller.signal.removeEventListener('abort', listener);
    });
    aborted.catch(() => undefined);

    try {
      const url = buildUrl(call);
      const response = await Promise.race([
        fetchImpl(url, {
          method: spec.method,
          headers,
          body,
          credentials: cookie ? 'include' : 'omit',
          cache: 'no-store',
          redirect: 'manual',
          signal: controller.signal,
        }),
        aborted,
      ]);
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400) || response.status === 0) {
        void response.body?.cancel().catch(() => undefined);
        throw contractMismatch(call.name, response.status, `the server answered with a redirect (status ${response.status}), which the contract does not allow`);
      }
      const read = await Promise.race([readBody(response), aborted]);
      if (!read.ok) throw contractMismatch(call.name, response.status, read.problem);
      return { status: response.status, headers: response.headers, text: read.text };
    } catch (error) {
      if (timedOut) {
        throw new AuthError({ code: 'timeout', endpoint, message: `${endpoint}: no answer within ${timeoutMs} ms`, retryable: true });
      }
      if (signal?.aborted) throw new AuthError({ code: 'aborted', endpoint, message: `${endpoint}: the request was aborted`, retryable: false });
      if (isAuthError(error)) throw error;
      const detail = error instanceof Error ? redactSecrets(error.message, secrets) : 'unknown error';
      throw new AuthError({
        code: 'network',
        endpoint,
        retryable: true,
        message: `${endpoint}: no answer from the server (${detail})`,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      stopWaiting();
      signal?.removeEventListener('abort', onAbort);
    }
  };

  const errorFromAnswer = (name: EndpointName, answer: Answer, secrets: readonly string[]): AuthError => {
    const endpoint = endpointLabel(name);
    const { status } = answer;
    const retryAfter = parseRetryAfter(answer.headers.get(HEADERS.retryAfter));
    const transient = status === 502 || status === 503 || status === 504;
    const parsed = parseJsonBody(answer.headers.get('content-type'), answer.text);
    const envelope = parsed.ok ? ErrorEnvelopeSchema.safeParse(parsed.value) : null;
    if (envelope?.success) {
      const { code, message, fields } = envelope.data.error;
      const redactedFields: Record<string, string> = {};
      for (const [field, text] of Object.entries(fields ?? {})) {
        if (field !== '__proto__') redactedFields[field] = redactSecrets(text, secrets);
      }
      const error = new AuthError({
        code,
        endpoint,
        status,
        fields: redactedFields,
        retryAfter,
        message: message.trim().length > 0 ? redactSecrets(message, secrets) : `${endpoint} failed: ${code}`,
        ...(transient ? { retryable: true } : {}),
      });
      fromEnvelope.add(error);
      return error;
    }
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'contract_mismatch');
    const why = parsed.ok ? 'the JSON is not an error envelope' : parsed.problem;
    return new AuthError({
      code,
      endpoint,
      status,
      retryAfter,
      retryable: code === 'rate_limited' || (status >= 500 && status !== 501),
      message: `${endpoint}: the server answered ${status} without a contract error body (${why})`,
    });
  };

  const parseSuccess = <T>(name: EndpointName, answer: Answer, schema: z.ZodMiniType<T> | null): T | undefined => {
    const spec = ROUTES[name];
    if (answer.status !== spec.status) {
      throw contractMismatch(name, answer.status, `status ${answer.status}, the contract says ${spec.status}`);
    }
    if (schema === null) return undefined;
    const parsed = parseJsonBody(answer.headers.get('content-type'), answer.text);
    if (!parsed.ok) throw contractMismatch(name, answer.status, parsed.problem);
    const value = parsed.value;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'error')) {
      throw contractMismatch(name, answer.status, `a ${answer.status} answer carried an "error" object`);
    }
    const result = schema.safeParse(value);
    if (!result.success) throw contractMismatch(name, answer.status, formatIssues(result.error.issues, value));
    return result.data;
  };

  /** Sends one call with the CSRF and refresh rules; returns the parsed success body. */
  const request = async <T>(call: Call, schema: z.ZodMiniType<T> | null, extraSecrets: readonly string[] = []): Promise<T | undefined> => {
    const mutating = ROUTES[call.name].method !== 'GET';
    if (call.signal?.aborted) {
      const endpoint = endpointLabel(call.name);
      throw new AuthError({ code: 'aborted', endpoint, message: `${endpoint}: the request was aborted before it was sent` });
    }
    let csrfRetried = false;
    let refreshed = false;
    for (;;) {
      if (cookie && mutating && csrfToken === null) await ensureCsrf(call.signal);
      const accessToken = bearer && call.auth ? (tokenStorage.get()?.accessToken ?? null) : null;
      const secrets = [...extraSecrets, ...secretsHeld()];
      const answer = await exchange(call, accessToken, secrets);
      if (answer.status >= 200 && answer.status < 300) return parseSuccess(call.name, answer, schema);

      const error = errorFromAnswer(call.name, answer, secrets);
      const envelope = fromEnvelope.has(error);
      if (envelope && error.code === 'csrf_failed' && error.status === 403 && cookie && mutating && call.retryCsrf && !csrfRetried) {
        csrfRetried = true;
        csrfToken = null;
        await ensureCsrf(call.signal);
        continue;
      }
      if (envelope && error.code === 'unauthenticated' && error.status === 401) {
        if (bearer && accessToken !== null && call.refreshOnUnauthenticated && !refreshed) {
          refreshed = true;
          const current = tokenStorage.get();
          // Another request refreshed meanwhile: retry with the new token, no second refresh.
          if (current !== null && current.accessToken !== accessToken) continue;
          if (current?.refreshToken) {
            try {
              await withSignal(sharedRefresh(), call.signal, call.name);
            } catch (refreshError) {
              // Refused: the shared refresh already signed out; report this request's own 401.
              if (isAuthError(refreshError) && refreshRefused(refreshError)) throw error;
              throw refreshError;
            }
            continue;
          }
        }
        // logout() and the refresh report the sign-out themselves (reasons `logout` / `revoked`).
        if (call.name !== 'logout' && call.name !== 'refresh') sessionEnded('expired', accessToken);
      }
      throw error;
    }
  };

  /** Waits for a shared promise, but lets this caller's signal stop the wait. */
  const withSignal = <T>(promise: Promise<T>, signal: AbortSignal | undefined, name: EndpointName): Promise<T> => {
    if (signal === undefined) return promise;
    const endpoint = endpointLabel(name);
    // Others may still await the shared promise; its failure is theirs to handle, not unhandled here.
    promise.catch(() => undefined);
    if (signal.aborted) return Promise.reject(new AuthError({ code: 'aborted', endpoint, message: `${endpoint}: the request was aborted` }));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new AuthError({ code: 'aborted', endpoint, message: `${endpoint}: the request was aborted` }));
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };

  // ───────────────────────────── session, CSRF, refresh ─────────────────────────────

  const acceptCsrf = (token: string | undefined) => {
    if (cookie && token !== undefined) csrfToken = token;
  };

  const readSession = async (signal: AbortSignal | undefined, recheck = true): Promise<SessionResponse<TUser>> => {
    const sent = bearer ? (tokenStorage.get()?.accessToken ?? null) : null;
    try {
      const result = (await request({ name: 'session', signal, auth: true, refreshOnUnauthenticated: true, retryCsrf: false }, schemas.session)) as SessionResponse<TUser>;
      acceptCsrf(result.csrfToken);
      if (bearer && result.session === null) {
        const stored = tokenStorage.get()?.accessToken ?? null;
        // Tokens that arrived while the request was out (another tab signed in and wrote the shared
        // storage) were not what the server answered about: ask again with them, once.
        if (stored !== null && stored !== sent && recheck) return await readSession(signal, false);
        if (stored !== null) tokenStorage.clear();
      }
      emit({ type: 'session', session: result.session });
      return result;
    } catch (error) {
      // The backend said the session is gone (and no refresh helped): that is a signed-out answer.
      if (isAuthError(error) && error.code === 'unauthenticated' && fromEnvelope.has(error)) {
        emit({ type: 'session', session: null });
        return { session: null };
      }
      throw error;
    }
  };

  /** Cookie mode: gets a CSRF token from `GET session`; concurrent callers share one request. */
  const ensureCsrf = async (signal: AbortSignal | undefined): Promise<void> => {
    if (csrfLoading === null) {
      csrfLoading = readSession(undefined)
        .then(() => undefined)
        .finally(() => {
          csrfLoading = null;
        });
    }
    await withSignal(csrfLoading, signal, 'session');
  };

  /** Refused by the server (or answered nonsense), as opposed to no answer at all. */
  const refreshRefused = (error: AuthError) =>
    error.code !== 'network' && error.code !== 'timeout' && error.code !== 'aborted' && !(error.status !== null && error.status >= 500);

  const needsTokens = (name: EndpointName, result: { session: Session<TUser> | null; tokens?: Tokens | undefined }, status: number) => {
    if (bearer && result.session !== null && result.tokens === undefined) {
      throw contractMismatch(name, status, 'tokens: expected an object (bearer transport), got nothing');
    }
  };

  /** A response carried a new session: keep its tokens / CSRF token and tell listeners. */
  const signedIn = (result: { session: Session<TUser> | null; tokens?: Tokens | undefined; csrfToken?: string | undefined }) => {
    acceptCsrf(result.csrfToken);
    if (result.session === null) return;
    if (bearer && result.tokens !== undefined) tokenStorage.set(result.tokens);
    emit({ type: 'signed-in', session: result.session });
  };

  /**
   * Runs a refresh under a Web Lock (where the browser has them), so tabs sharing one persistent
   * token storage never present the same refresh token twice: with rotation and reuse detection,
   * that would revoke the session for every tab.
   */
  const withRefreshLock = <T>(task: () => Promise<T>): Promise<T> => {
    const locks = (globalThis as { navigator?: { locks?: Partial<LockManager> } }).navigator?.locks;
    if (typeof locks?.request !== 'function') return task();
    return (locks as LockManager).request(`latchkey:refresh ${baseUrl}`, task) as Promise<T>;
  };

  const doRefresh = async (): Promise<AuthResult<TUser>> => {
    const endpoint = endpointLabel('refresh');
    const before = tokenStorage.get();
    if (before?.refreshToken == null) {
      throw new AuthError({ code: 'unauthenticated', endpoint, message: `${endpoint}: there is no refresh token to use` });
    }
    const startedAt = logouts;
    return withRefreshLock(async () => {
      const held = tokenStorage.get();
      try {
        if (held?.refreshToken == null) {
          throw new AuthError({ code: 'unauthenticated', endpoint, message: `${endpoint}: the tokens were cleared (signed out elsewhere)` });
        }
        let result: AuthResult<TUser>;
        if (held.refreshToken !== before.refreshToken) {
          // Another tab sharing the storage rotated the tokens while this one waited: use them.
          const answer = (await request(
            { name: 'session', auth: true, refreshOnUnauthenticated: false, retryCsrf: false },
            schemas.session,
          )) as SessionResponse<TUser>;
          if (answer.session === null) {
            throw new AuthError({ code: 'unauthenticated', endpoint, message: `${endpoint}: the session ended in another tab` });
          }
          result = { session: answer.session, tokens: held };
        } else {
          result = (await request(
            { name: 'refresh', body: { refreshToken: held.refreshToken }, auth: false, refreshOnUnauthenticated: false, retryCsrf: false },
            schemas.authResult,
            [held.refreshToken],
          )) as AuthResult<TUser>;
          needsTokens('refresh', result, ROUTES.refresh.status);
        }
        if (logouts !== startedAt) {
          throw new AuthError({ code: 'unauthenticated', endpoint, message: `${endpoint}: signed out while the refresh was under way` });
        }
        signedIn(result);
        return result;
      } catch (error) {
        if (isAuthError(error) && refreshRefused(error)) {
          // Only forget tokens that are still the ones this refresh tried (not newer ones from a login).
          if (held === null || tokenStorage.get()?.refreshToken === held.refreshToken) tokenStorage.clear();
          if (known !== 'out') emit({ type: 'signed-out', reason: 'revoked' });
        }
        throw error;
      }
    });
  };

  const sharedRefresh = (): Promise<AuthResult<TUser>> => {
    if (refreshing === null) {
      refreshing = doRefresh().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  };

  // ───────────────────────────── public methods ─────────────────────────────

  const secretsOf = (body: object): string[] =>
    SECRET_FIELDS.map((field) => (body as Record<string, unknown>)[field]).filter((value): value is string => typeof value === 'string');

  const post = async <T>(name: EndpointName, body: object, schema: z.ZodMiniType<T> | null, signal: AbortSignal | undefined, params?: Record<string, string>) =>
    request(
      {
        name,
        params,
        body: { ...body },
        signal,
        auth: ROUTES[name].auth !== 'none',
        refreshOnUnauthenticated: ROUTES[name].auth !== 'none',
        retryCsrf: true,
      },
      schema,
      secretsOf(body),
    );

  const authCall = async (name: EndpointName, body: object, signal: AbortSignal | undefined): Promise<AuthResult<TUser>> => {
    const result = (await request(
      { name, body: { ...body }, signal, auth: false, refreshOnUnauthenticated: false, retryCsrf: true },
      schemas.authResult,
      secretsOf(body),
    )) as AuthResult<TUser>;
    needsTokens(name, result, ROUTES[name].status);
    signedIn(result);
    return result;
  };

  const sessionCall = (name: EndpointName, signal: AbortSignal | undefined, params?: Record<string, string>, query?: URLSearchParams): Call => ({
    name,
    params,
    query,
    signal,
    auth: true,
    refreshOnUnauthenticated: true,
    retryCsrf: true,
  });

  const client: AuthClient<TUser> = {
    baseUrl,
    transport,

    async getConfig(signal) {
      return (await request({ name: 'config', signal, auth: false, refreshOnUnauthenticated: false, retryCsrf: false }, AuthConfigSchema))!;
    },

    getSession: (signal) => readSession(signal),

    login: (body, signal) => authCall('login', body, signal),

    async logout(signal) {
      logouts += 1;
      try {
        await request({ name: 'logout', signal, auth: true, refreshOnUnauthenticated: false, retryCsrf: true }, null);
      } catch {
        // Local sign-out happens whatever the server said.
      } finally {
        if (bearer) tokenStorage.clear();
        csrfToken = null;
        emit({ type: 'signed-out', reason: 'logout' });
      }
    },

    async refresh(signal) {
      if (!bearer) {
        const endpoint = endpointLabel('refresh');
        throw new AuthError({
          code: 'invalid_request',
          endpoint,
          message: `${endpoint}: refresh() is for the bearer transport; with cookies use extendSession()`,
        });
      }
      return withSignal(sharedRefresh(), signal, 'refresh');
    },

    async extendSession(signal) {
      if (bearer && tokenStorage.get()?.refreshToken) return (await client.refresh(signal)).session;
      return (await readSession(signal)).session;
    },

    async register(body, signal) {
      const result = (await request(
        { name: 'register', body: { ...body }, signal, auth: false, refreshOnUnauthenticated: false, retryCsrf: true },
        schemas.register,
        secretsOf(body),
      ))!;
      needsTokens('register', result, ROUTES.register.status);
      signedIn(result);
      return result;
    },

    verifyEmail: (body, signal) => authCall('verifyEmail', body, signal),

    async forgotPassword(body, signal) {
      await post('forgotPassword', body, AcceptedSchema, signal);
    },

    async resetPassword(body, signal) {
      await post('resetPassword', body, null, signal);
    },

    async changePassword(body, signal) {
      const result = (await post('changePassword', body, schemas.authResult, signal)) as AuthResult<TUser>;
      needsTokens('changePassword', result, ROUTES.changePassword.status);
      signedIn(result);
      return result;
    },

    async forgotUsername(body, signal) {
      await post('forgotUsername', body, AcceptedSchema, signal);
    },

    async updateProfile(body, signal) {
      return (await post('updateProfile', body, schemas.user, signal)) as { user: TUser };
    },

    admin: {
      async listUsers(query = {}, signal) {
        const params = new URLSearchParams();
        if (query.query !== undefined) {
          if (typeof query.query !== 'string' || query.query.length > 320) throw invalidInput('adminListUsers', 'query.query must be a string of at most 320 characters');
          if (query.query.length > 0) params.set('query', query.query);
        }
        for (const key of ['offset', 'limit'] as const) {
          const value = query[key];
          if (value === undefined) continue;
          if (!Number.isInteger(value) || value < 0) throw invalidInput('adminListUsers', `query.${key} must be an integer >= 0, got ${String(value)}`);
          params.set(key, String(value));
        }
        return (await request(sessionCall('adminListUsers', signal, undefined, params), AdminUserListSchema))!;
      },
      async createUser(body, signal) {
        return (await post('adminCreateUser', body, AdminCreateUserResultSchema, signal))!;
      },
      async updateUser(id, body, signal) {
        return (await post('adminUpdateUser', body, AdminUserResultSchema, signal, { id: checkPathParam('adminUpdateUser', 'id', id) }))!;
      },
      async deleteUser(id, signal) {
        await request(sessionCall('adminDeleteUser', signal, { id: checkPathParam('adminDeleteUser', 'id', id) }), null);
      },
      async createResetLink(id, signal) {
        return (await request(sessionCall('adminResetLink', signal, { id: checkPathParam('adminResetLink', 'id', id) }), ResetLinkSchema))!;
      },
      async listInvites(signal) {
        return (await request(sessionCall('adminListInvites', signal), InviteListSchema))!;
      },
      async createInvite(body, signal) {
        return (await post('adminCreateInvite', body, InviteResultSchema, signal))!;
      },
      async deleteInvite(code, signal) {
        await request(sessionCall('adminDeleteInvite', signal, { code: checkPathParam('adminDeleteInvite', 'code', code) }), null);
      },
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return client;
}
