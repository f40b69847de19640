import { focusManager, hashKey, onlineManager } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { AuthConnection } from '../client/AuthConnection.js';
import { isAuthError } from '../client/AuthError.js';
import type { AuthError } from '../client/AuthError.js';
import type { Session, User } from '../contract/index.js';
import { createSessionChannel, scheduleExpiry } from '../session/index.js';
import type { SessionChannel } from '../session/index.js';
import { authQueryKeys } from './authQueryKeys.js';
import type { AuthQueryKeys } from './authQueryKeys.js';
import type { AuthState, UseAuthResult } from './authTypes.js';
import { retryTransient } from './retryTransient.js';
import type { ExternalStore } from './useStoreSelector.js';

/** How long a session answer counts as fresh: remounts and rerenders within it cost no request. */
export const SESSION_STALE_MS = 60_000;

/**
 * The provider settings that may change between renders.
 *
 * @internal
 * @example
 * ```ts
 * core.configure({ loginPath: '/signin', navigate: (to) => router.push(to), onSessionExpired: undefined });
 * ```
 */
export interface AuthSettings {
  loginPath: string;
  navigate: ((to: string) => void) | undefined;
  onSessionExpired: (() => void) | undefined;
}

/**
 * Everything one `AuthProvider` owns, framework-free: the session store (read from the session
 * query in the QueryClient cache, without an observer), and the actions that keep cache, other tabs
 * and the expiry timer in step.
 *
 * @internal
 * @example
 * ```ts
 * const core = createAuthCore({ client, queryClient, initialSession: undefined, settings });
 * const disconnect = core.connect(); // client events, other tabs, focus, the expiry timer
 * ```
 */
export interface AuthCore {
  readonly client: AuthConnection<User>;
  readonly queryClient: QueryClient;
  readonly keys: AuthQueryKeys;
  readonly auth: ExternalStore<UseAuthResult<User>>;
  /** The snapshot a server render (and hydration) uses. */
  readonly serverSnapshot: () => UseAuthResult<User>;
  readonly settings: Readonly<AuthSettings>;
  configure(settings: AuthSettings): void;
  /** Writes a session (or `null`) into the cache, cancelling any session request in flight. */
  applySession(session: Session<User> | null): void;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  extend(): Promise<void>;
  /** Starts listening (client events, other tabs, focus, expiry timer); returns the function that stops. */
  connect(): () => void;
  /**
   * Hears every change of the session store without keeping it live: no fetch, no cache
   * subscription of its own, so an unmounted provider's core stays idle and can be collected.
   */
  watch(listener: () => void): () => void;
}

/**
 * Options of {@link createAuthCore}.
 *
 * @internal
 * @example
 * ```ts
 * const options: AuthCoreOptions = { client, queryClient, initialSession: null, settings };
 * ```
 */
export interface AuthCoreOptions {
  client: AuthConnection<User>;
  queryClient: QueryClient;
  initialSession: Session<User> | null | undefined;
  settings: AuthSettings;
}

const LOADING: AuthState<User> = { status: 'loading', user: null, session: null, error: null };
const SIGNED_OUT: AuthState<User> = { status: 'unauthenticated', user: null, session: null, error: null };

/**
 * Whether a user has a role (a string), or any of the roles (an array).
 *
 * @internal
 * @example
 * ```ts
 * userHasRole(user, ['admin', 'editor']);
 * ```
 */
export function userHasRole(user: User | null, role: string | readonly string[]): boolean {
  return user !== null && (typeof role === 'string' ? [role] : role).some((name) => user.roles.includes(name));
}

/**
 * Creates the state and actions of one provider (see {@link AuthCore}).
 *
 * @internal
 * @example
 * ```ts
 * const core = createAuthCore({ client, queryClient, initialSession: undefined, settings });
 * ```
 */
export function createAuthCore(options: AuthCoreOptions): AuthCore {
  const { client, queryClient } = options;
  let { settings } = options;
  const keys = authQueryKeys(client.baseUrl);
  const sessionKey = keys.session;
  const sessionHash = hashKey(sessionKey);
  const listeners = new Set<() => void>();
  /** Told of every change too, but never keep the session query watched (see `watch`). */
  const watchers = new Set<() => void>();
  let channel: SessionChannel | null = null;
  let signedInEvents = 0;

  // Kept in the cache for good: no observer holds it, so the default 5 minutes would drop it.
  queryClient.setQueryDefaults(sessionKey, { gcTime: Infinity });
  const query = (staleTime: number) =>
    queryClient.fetchQuery<Session<User> | null, AuthError>({
      queryKey: sessionKey,
      queryFn: async ({ signal }) => {
        try {
          return (await client.getSession(signal)).session;
        } catch (error) {
          // The backend says the session is gone: that is an answer (signed out), not a failed check.
          if (isAuthError(error) && error.code === 'unauthenticated') return null;
          throw error;
        }
      },
      staleTime,
      retry: retryTransient,
    });
  /** Re-checks the session when its answer is older than `staleTime` (0: always); failures show in the state. */
  const check = (staleTime = SESSION_STALE_MS) => {
    query(staleTime).catch(() => undefined);
  };

  const applySession = (session: Session<User> | null) => {
    void queryClient.cancelQueries({ queryKey: sessionKey, exact: true });
    queryClient.setQueryData(sessionKey, session);
  };
  if (options.initialSession !== undefined && queryClient.getQueryData(sessionKey) === undefined) {
    queryClient.getQueryCache().build(queryClient, { queryKey: sessionKey, initialData: options.initialSession });
  }

  /** The signed-in user's cached data (admin lists, ...): everything of ours but the session and config. */
  const dropUserData = () =>
    queryClient.removeQueries({ queryKey: keys.all, predicate: ({ queryKey }) => queryKey[2] !== 'session' && queryKey[2] !== 'config' });

  const signedOut = () => {
    const had = queryClient.getQueryData(sessionKey);
    applySession(null);
    dropUserData();
    if (had) channel?.post({ type: 'signed-out', userId: null });
  };

  const logout = async () => {
    try {
      await client.logout();
    } finally {
      signedOut();
    }
  };

  const refresh = async () => {
    await query(0);
  };

  // ── the session store ──
  const buildSnapshot = (): UseAuthResult<User> => {
    const state = queryClient.getQueryState<Session<User> | null, AuthError>(sessionKey);
    const data = state?.data;
    const derived: AuthState<User> =
      data === undefined
        ? state?.status === 'error'
          ? { status: 'unauthenticated', user: null, session: null, error: state.error as AuthError }
          : LOADING
        : data === null
          ? SIGNED_OUT
          : { status: 'authenticated', user: data.user, session: data, error: null };
    return { ...derived, hasRole: (role) => userHasRole(derived.user, role), logout, refresh, client };
  };
  let snapshot = buildSnapshot();
  const initialSnapshot = snapshot;

  const update = () => {
    const next = buildSnapshot();
    if (next.status === snapshot.status && next.session === snapshot.session && next.error === snapshot.error) return;
    // A different user (or none) than before: the previous user's cached data must go.
    if (snapshot.status === 'authenticated' && next.user?.id !== snapshot.user.id) dropUserData();
    snapshot = next;
    for (const listener of [...listeners, ...watchers]) listener();
  };

  let stopCache: (() => void) | null = null;
  const auth: ExternalStore<UseAuthResult<User>> = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      if (stopCache === null) {
        stopCache = queryClient.getQueryCache().subscribe((event) => {
          if (event.query.queryHash !== sessionHash) return;
          update();
          // `invalidateQueries` re-fetches observed queries only; this one has no observer.
          if (event.type === 'updated' && event.action.type === 'invalidate') check(0);
          if (event.type === 'removed') check();
        });
        update();
        check();
      }
      return () => {
        listeners.delete(listener);
        // Let go a moment later: StrictMode (and a quick remount) resubscribes at once.
        queueMicrotask(() => {
          if (listeners.size === 0 && stopCache !== null) {
            stopCache();
            stopCache = null;
          }
        });
      };
    },
  };

  let cancelExpiry = () => {};
  let scheduledFor: string | null = null;
  const schedule = () => {
    const expiresAt = snapshot.session?.expiresAt ?? null;
    if (expiresAt === scheduledFor) return;
    cancelExpiry();
    scheduledFor = expiresAt;
    cancelExpiry = scheduleExpiry(expiresAt, {
      onExpire() {
        signedOut();
        // Ends the session on the server too (and clears bearer tokens); local state is already gone.
        client.logout().catch(() => undefined);
        settings.onSessionExpired?.();
      },
    });
  };

  const core: AuthCore = {
    client,
    queryClient,
    keys,
    auth,
    serverSnapshot: () => initialSnapshot,
    get settings() {
      return settings;
    },
    configure(next) {
      settings = next;
    },
    applySession,
    logout,
    refresh,
    watch(listener) {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    async extend() {
      const before = signedInEvents;
      const session = await client.extendSession();
      if (session === null) return signedOut();
      applySession(session);
      // Bearer mode refreshes, and the client already announced it; cookie mode re-reads the session.
      if (signedInEvents === before) channel?.post({ type: 'signed-in', userId: session.user.id });
    },
    connect() {
      const own = (channel = createSessionChannel());
      const stops = [
        own.subscribe((message) => {
          // Another tab signed in or out (or extended): re-check rather than trust the message.
          if (message.type === 'signed-in' || queryClient.getQueryData(sessionKey) !== null) check(0);
        }),
        client.subscribe((event) => {
          if (event.type === 'signed-in') {
            signedInEvents += 1;
            applySession(event.session);
            own.post({ type: 'signed-in', userId: event.session.user.id });
          } else if (event.type === 'signed-out') {
            signedOut();
          } else {
            queryClient.setQueryData(sessionKey, event.session);
          }
        }),
        // Back to the tab, or back online: re-check a session answer older than a minute.
        focusManager.subscribe((focused) => focused && check()),
        onlineManager.subscribe((online) => online && check()),
        auth.subscribe(schedule),
        () => {
          own.close();
          if (channel === own) channel = null;
          cancelExpiry();
          scheduledFor = null;
        },
      ];
      schedule();
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
  return core;
}
