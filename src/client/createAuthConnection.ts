import * as z from 'zod/mini';
import { ErrorEnvelopeSchema } from '../contract/errors.js';
import { sessionResponseSchema } from '../contract/responses.js';
import { UserSchema } from '../contract/user.js';
import type { Session, SessionResponse, User } from '../contract/index.js';
import type { AuthClientEvent, AuthClientOptions } from './AuthClient.js';
import type { BearerTokens, bearerTokens } from './bearerTokens.js';
import type { AuthConnection, Operation, SendInput } from './AuthConnection.js';
import { AuthError, isAuthError } from './AuthError.js';
import type { AuthErrorCode, AuthErrorInit } from './AuthError.js';
import { formatIssues } from './formatIssues.js';
import { parseJsonBody } from './parseJsonBody.js';
import { parseRetryAfter } from './parseRetryAfter.js';
import { redactSecrets } from './redactSecrets.js';
import { withSignal } from './withSignal.js';

const MAX_BODY = 1 << 20;

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

/** Request body fields whose values are secrets: they are cut out of every error text. */
const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'token', 'refreshToken'];

// The endpoints the connection itself sends (refresh is bearerTokens', the others are in `operations.ts`).
const SESSION: Operation<never, SessionResponse> = { method: 'GET', path: 'session', status: 200, schema: sessionResponseSchema };
const LOGOUT: Operation<never, void> = { method: 'POST', path: 'logout', status: 204 };

type AnyOperation = Operation<unknown, unknown>;

const label = (operation: AnyOperation) => `${operation.method} ${operation.path}`;

const authError = (code: AuthErrorCode, endpoint: string, text: string, extra?: Omit<AuthErrorInit, 'code' | 'endpoint' | 'message'>) =>
  new AuthError({ code, endpoint, message: `${endpoint}: ${text}`, ...extra });

const mismatch = (endpoint: string, status: number | null, problem: string) =>
  authError('contract_mismatch', endpoint, `response did not match the contract: ${problem}`, { status });

const noBearer = (): never => {
  // A developer's mistake (the provider's `transport` prop is typed `'cookie'`): the full advice in
  // development builds, a short pointer in production ones.
  throw new TypeError(
    process.env.NODE_ENV !== 'production'
      ? 'latchkey: the bearer transport comes with createAuthClient; use <AuthProvider client={createAuthClient({ baseUrl, transport: "bearer" })}>'
      : 'latchkey: bearer needs createAuthClient',
  );
};

/** Resolves the base URL once, against the page when there is one; no trailing slash. */
function resolveBaseUrl(baseUrl: string): string {
  if (process.env.NODE_ENV !== 'production') {
    if (typeof baseUrl !== 'string' || baseUrl.trim().length === 0) {
      throw new TypeError(`latchkey: baseUrl must be a non-empty string such as "/api/auth", got ${JSON.stringify(baseUrl)}`);
    }
    if (/[?#]/.test(baseUrl)) throw new TypeError(`latchkey: baseUrl "${baseUrl}" must not carry a query or fragment`);
  }
  let resolved = baseUrl.trim();
  try {
    resolved = new URL(resolved, pageUrl()).href;
  } catch (error) {
    // A relative base without a page (server rendering): the app's own fetch resolves it.
    if (!resolved.startsWith('/')) throw new TypeError(`latchkey: baseUrl "${baseUrl}" is not a URL`, { cause: error });
  }
  return resolved.replace(/\/+$/, '');
}

function pageUrl(): string | undefined {
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  return typeof href === 'string' ? href : undefined;
}

/**
 * Creates the session-keeping core of an auth client (see {@link AuthConnection}): what
 * `AuthProvider` needs, without a method per endpoint, so a bundle that only reads the session
 * carries no code for the flows it never uses. Takes the options of `createAuthClient` and follows
 * the same rules (documented there), every answer read defensively and checked against the
 * contract. It speaks the cookie transport (with CSRF); the bearer transport comes with
 * `createAuthClient`, and asking for `'bearer'` here is an error that says so.
 *
 * @example
 * ```ts
 * import { createAuthConnection } from 'latchkey';
 *
 * const connection = createAuthConnection({ baseUrl: '/api/auth' });
 * connection.subscribe((event) => console.log(event.type));
 * const { session } = await connection.getSession();
 * ```
 */
export function createAuthConnection<TUser extends User = User>(options: AuthClientOptions<TUser>): AuthConnection<TUser> {
  return openConnection(options);
}

/**
 * {@link createAuthConnection} with the bearer transport's half passed in (what `createAuthClient`
 * does, so that only it brings the token code).
 *
 * @internal
 * @example
 * ```ts
 * const connection = openConnection({ baseUrl: '/api/auth', transport: 'bearer' }, bearerTokens);
 * ```
 */
export function openConnection<TUser extends User = User>(options: AuthClientOptions<TUser>, withBearer?: typeof bearerTokens): AuthConnection<TUser> {
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const { transport = 'cookie', timeoutMs = 15_000 } = options;
  if (process.env.NODE_ENV !== 'production') {
    if (transport !== 'cookie' && transport !== 'bearer') {
      throw new TypeError(`latchkey: transport must be "cookie" or "bearer", got ${JSON.stringify(transport)}`);
    }
    if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs < 2 ** 31)) {
      throw new TypeError(`latchkey: timeoutMs must be a number of milliseconds between 1 and ${2 ** 31 - 1}, got ${String(timeoutMs)}`);
    }
  }
  // Bound late, so a fetch patched after the client was created (msw in tests) is the one used.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // zod/mini and classic zod share one core, so either kind of schema composes with the contract's.
  const userSchema = (options.userSchema ?? UserSchema) as z.ZodMiniType<User>;
  const schemas = new Map<AnyOperation, z.core.$ZodType>();
  const schemaOf = (operation: AnyOperation) => {
    let schema = schemas.get(operation);
    if (schema === undefined && operation.schema) schemas.set(operation, (schema = operation.schema(userSchema)));
    return schema;
  };

  let csrfToken: string | null = null;
  let csrfLoading: Promise<unknown> | null = null;
  /** What the client last learned: used to emit `signed-out` once, not once per failing request. */
  let known: 'unknown' | 'in' | 'out' = 'unknown';
  /** Counts logouts: a refresh that started before one must not sign the user back in. */
  let logouts = 0;
  const listeners = new Set<(event: AuthClientEvent<TUser>) => void>();
  /** Error answers whose body was a real contract error envelope. */
  const fromEnvelope = new WeakSet<AuthError>();

  const emit = (event: AuthClientEvent<TUser>) => {
    known = event.type === 'signed-out' || (event.type === 'session' && event.session === null) ? 'out' : 'in';
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
  const signOut = (reason: 'logout' | 'expired' | 'revoked') => {
    if (known !== 'out' || reason === 'logout') emit({ type: 'signed-out', reason });
  };

  /** A response carried a session: keep its tokens / CSRF token and tell listeners. */
  const signedIn = (endpoint: string, status: number, result: { session: Session<TUser> | null; tokens?: unknown; csrfToken?: string | undefined }) => {
    if (result.csrfToken !== undefined && !bearer) csrfToken = result.csrfToken;
    bearer?.accept(endpoint, status, result);
    if (result.session !== null) emit({ type: 'signed-in', session: result.session });
  };

  // ───────────────────────────── one HTTP exchange ─────────────────────────────

  /** Sends one request and reads its answer (JSON parsed when it is JSON); network, time-outs and aborts become AuthErrors. */
  const exchange = async (operation: AnyOperation, endpoint: string, input: SendInput<unknown>, accessToken: string | null, secrets: readonly string[]) => {
    const { signal } = input;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (input.body !== undefined) headers['Content-Type'] = 'application/json';
    if (!bearer && operation.method !== 'GET' && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
    if (accessToken !== null) headers.Authorization = `Bearer ${accessToken}`;

    const path = operation.path.replace(/:([a-z]+)/g, (_, key: string) => {
      const value = input.params?.[key];
      if (typeof value !== 'string' || value.length === 0 || value.length > 512 || value === '.' || value === '..') {
        throw authError('invalid_request', endpoint, `${key} must be a non-empty string other than "." and ".." (at most 512 characters)`);
      }
      return encodeURIComponent(value);
    });
    const query = input.query?.toString();

    const controller = new AbortController();
    let timedOut = false;
    const abort = () => controller.abort();
    const timer = setTimeout(() => {
      timedOut = true;
      abort();
    }, timeoutMs);
    signal?.addEventListener('abort', abort);
    // Also settles when a custom fetch ignores the signal.
    const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', reject));
    aborted.catch(() => undefined);
    try {
      const response = await Promise.race([
        fetchImpl(`${baseUrl}/${path}${query ? `?${query}` : ''}`, {
          method: operation.method,
          headers,
          body: input.body === undefined ? undefined : JSON.stringify(input.body),
          credentials: bearer ? 'omit' : 'include',
          cache: 'no-store',
          redirect: 'manual',
          signal: controller.signal,
        }),
        aborted,
      ]);
      const { status } = response;
      // No answer of the contract comes near 1 MiB. (A redirect, unfollowed, is a status the
      // contract does not allow: see `request`.)
      const text = await Promise.race([response.text(), aborted]);
      if (text.length > MAX_BODY) throw mismatch(endpoint, status, 'the body is larger than 1 MiB');
      return { status, headers: response.headers, body: parseJsonBody(response.headers.get('content-type'), text) };
    } catch (error) {
      if (timedOut) throw authError('timeout', endpoint, `no answer within ${timeoutMs} ms`);
      if (signal?.aborted) throw authError('aborted', endpoint, 'the request was aborted');
      if (isAuthError(error)) throw error;
      const detail = error instanceof Error ? redactSecrets(error.message, secrets) : 'unknown error';
      throw authError('network', endpoint, `no answer from the server (${detail})`, { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  };

  /** Sends one request with the CSRF and refresh rules; returns the checked success body. */
  const request = async (operation: AnyOperation, input: SendInput<unknown> = {}, refreshOn401 = !operation.anonymous): Promise<unknown> => {
    const endpoint = label(operation);
    const mutating = operation.method !== 'GET';
    const body = input.body as Record<string, unknown> | undefined;
    const bodySecrets = SECRET_FIELDS.map((field) => body?.[field]).filter((value): value is string => typeof value === 'string');
    if (input.signal?.aborted) throw authError('aborted', endpoint, 'the request was aborted before it was sent');
    let csrfRetried = false;
    let refreshed = false;
    for (;;) {
      if (!bearer && mutating && csrfToken === null) await ensureCsrf(input.signal);
      const accessToken = operation.anonymous ? null : (bearer?.accessToken() ?? null);
      const secrets = [...bodySecrets, ...(bearer?.secrets() ?? []), ...(csrfToken === null ? [] : [csrfToken])];
      const { status, headers, body: parsed } = await exchange(operation, endpoint, input, accessToken, secrets);

      // `redirect: 'manual'`: a redirect comes back as status 0 (opaque) or 3xx, never followed.
      if (status < 400) {
        if (status !== operation.status) throw mismatch(endpoint, status, `status ${status}, the contract says ${operation.status}`);
        const schema = schemaOf(operation);
        if (schema === undefined) return undefined;
        if (!parsed.ok) throw mismatch(endpoint, status, parsed.problem);
        const value = parsed.value;
        if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'error')) {
          throw mismatch(endpoint, status, `a ${status} answer carried an "error" object`);
        }
        const result = z.safeParse(schema, value, { reportInput: true });
        if (!result.success) throw mismatch(endpoint, status, formatIssues(result.error.issues));
        return result.data;
      }

      const retryAfter = parseRetryAfter(headers.get('Retry-After'));
      const envelope = parsed.ok ? ErrorEnvelopeSchema.safeParse(parsed.value) : null;
      if (!envelope?.success) {
        const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'contract_mismatch');
        throw authError(code, endpoint, `the server answered ${status} without a contract error body (${parsed.ok ? 'the JSON is not an error envelope' : parsed.problem})`, {
          status,
          retryAfter,
          retryable: code === 'rate_limited' || (status >= 500 && status !== 501),
        });
      }
      const { code, message, fields = {} } = envelope.data.error;
      const redacted: Record<string, string> = {};
      for (const [field, value] of Object.entries(fields)) {
        if (field !== '__proto__') redacted[field] = redactSecrets(value, secrets);
      }
      const error = new AuthError({
        code,
        endpoint,
        status,
        fields: redacted,
        retryAfter,
        message: message.trim() ? redactSecrets(message, secrets) : `${endpoint} failed: ${code}`,
        ...(status === 502 || status === 503 || status === 504 ? { retryable: true } : {}),
      });
      fromEnvelope.add(error);

      if (code === 'csrf_failed' && status === 403 && !bearer && mutating && !csrfRetried) {
        csrfRetried = true;
        csrfToken = null;
        await ensureCsrf(input.signal);
        continue;
      }
      if (code === 'unauthenticated' && status === 401) {
        if (bearer && accessToken !== null && refreshOn401 && !refreshed) {
          refreshed = true;
          if (await bearer.renew(accessToken, input.signal, error)) continue;
        }
        // logout() and the refresh report the sign-out themselves (reasons `logout` / `revoked`).
        if (operation !== LOGOUT && operation.path !== 'refresh') {
          bearer?.forget(accessToken);
          signOut('expired');
        }
      }
      throw error;
    }
  };

  // ───────────────────────────── session, CSRF, refresh ─────────────────────────────

  const readSession = async (signal: AbortSignal | undefined, recheck = true): Promise<SessionResponse<TUser>> => {
    const sent = bearer?.accessToken() ?? null;
    let result: SessionResponse<TUser>;
    try {
      result = (await request(SESSION, { signal })) as SessionResponse<TUser>;
    } catch (error) {
      // The backend said the session is gone (and no refresh helped): that is a signed-out answer.
      if (!(isAuthError(error) && error.code === 'unauthenticated' && fromEnvelope.has(error))) throw error;
      result = { session: null };
    }
    if (result.csrfToken !== undefined && !bearer) csrfToken = result.csrfToken;
    if (result.session === null && bearer?.noSession(sent, recheck)) return readSession(signal, false);
    emit({ type: 'session', session: result.session });
    return result;
  };

  /** Cookie mode: gets a CSRF token from `GET session`; concurrent callers share one request. */
  const ensureCsrf = (signal: AbortSignal | undefined) => {
    csrfLoading ??= readSession(undefined).finally(() => {
      csrfLoading = null;
    });
    return withSignal(csrfLoading, signal, label(SESSION));
  };

  const bearer: BearerTokens<TUser> | null =
    transport === 'bearer'
      ? (withBearer ?? noBearer)(
          {
            baseUrl,
            request: (operation, body) => request(operation as AnyOperation, { body }, false),
            readSession: async () => (await request(SESSION, {}, false)) as SessionResponse<TUser>,
            signedIn,
            signOut,
            logouts: () => logouts,
          },
          options.tokenStorage,
        )
      : null;

  const connection: AuthConnection<TUser> = {
    baseUrl,
    transport,

    getSession: (signal) => readSession(signal),

    async logout(signal) {
      logouts += 1;
      try {
        await request(LOGOUT, { signal }, false);
      } catch {
        // Local sign-out happens whatever the server said.
      } finally {
        bearer?.clear();
        csrfToken = null;
        signOut('logout');
      }
    },

    async refresh(signal) {
      if (!bearer) throw authError('invalid_request', 'POST refresh', 'refresh() is for the bearer transport; with cookies use extendSession()');
      return bearer.refresh(signal);
    },

    async extendSession(signal) {
      return bearer?.canRefresh() ? (await bearer.refresh(signal)).session : (await readSession(signal)).session;
    },

    async send<TBody, TResult>(operation: Operation<TBody, TResult>, input?: SendInput<TBody>): Promise<TResult> {
      const untyped = operation as AnyOperation;
      const result = (await request(untyped, input)) as TResult;
      if (operation.signsIn) signedIn(label(untyped), operation.status, result as { session: Session<TUser> | null });
      return result;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return connection;
}
