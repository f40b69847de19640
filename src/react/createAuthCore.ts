import { QueryObserver } from '@tanstack/react-query';
import type { QueryClient, QueryObserverOptions, QueryObserverResult } from '@tanstack/react-query';
import type { AuthClient } from '../client/AuthClient.js';
import { isAuthError } from '../client/AuthError.js';
import type { AuthError } from '../client/AuthError.js';
import type { Session, User } from '../contract/index.js';
import { createSessionChannel, scheduleExpiry } from '../session/index.js';
import type { SessionChannel } from '../session/index.js';
import { authQueryKeys } from './authQueryKeys.js';
import type { AuthQueryKeys } from './authQueryKeys.js';
import type { AuthState, UseAuthResult } from './authTypes.js';
import { createSessionStateStore } from './createSessionStateStore.js';
import { retryTransient } from './retryTransient.js';
import type { SessionStateStore } from './createSessionStateStore.js';
import type { ExternalStore } from './useStoreSelector.js';

/** How long a session answer counts as fresh: remounts and rerenders within it cost no request. */
export const SESSION_STALE_MS = 60_000;
/** While the expiry warning shows, `useSessionExpiry().msLeft` is updated this often. */
const WARNING_TICK_MS = 1_000;

/**
 * The provider settings that may change between renders.
 *
 * @internal
 * @example
 * ```ts
 * core.configure({ loginPath: '/signin', navigate: (to) => router.push(to), onSessionExpired: undefined, expiryWarningMs: 60_000 });
 * ```
 */
export interface AuthSettings {
  loginPath: string;
  navigate: ((to: string) => void) | undefined;
  onSessionExpired: (() => void) | undefined;
  expiryWarningMs: number;
}

/**
 * The expiry timer's state: whether the warning period has begun, and the clock reading used for
 * `msLeft` (updated every second during the warning).
 *
 * @internal
 * @example
 * ```ts
 * const state: ExpiryState = { warning: false, now: Date.now() };
 * ```
 */
export interface ExpiryState {
  warning: boolean;
  now: number;
}

/**
 * Everything one `AuthProvider` owns, framework-free apart from the react-query observer: the
 * session store (one `QueryObserver` on the session query), the `useSessionState` store, the
 * expiry state, and the actions that keep cache, other tabs and timers in step.
 *
 * @internal
 * @example
 * ```ts
 * const core = createAuthCore({ client, queryClient, initialSession: undefined, settings });
 * const disconnect = core.connect(); // subscribe to client events, the tab channel and the expiry timer
 * ```
 */
export interface AuthCore {
  readonly client: AuthClient<User>;
  readonly queryClient: QueryClient;
  readonly keys: AuthQueryKeys;
  readonly auth: ExternalStore<UseAuthResult<User>>;
  /** The snapshot a server render (and hydration) uses. */
  readonly serverSnapshot: () => UseAuthResult<User>;
  readonly sessionState: SessionStateStore;
  readonly expiry: ExternalStore<ExpiryState>;
  readonly settings: Readonly<AuthSettings>;
  configure(settings: AuthSettings): void;
  /** Writes a session (or `null`) into the cache, cancelling any session request in flight. */
  applySession(session: Session<User> | null): void;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  extend(): Promise<void>;
  /** Starts listening (client events, other tabs, expiry timer); returns the function that stops. */
  connect(): () => void;
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
  client: AuthClient<User>;
  queryClient: QueryClient;
  initialSession: Session<User> | null | undefined;
  settings: AuthSettings;
}

const LOADING: AuthState<User> = { status: 'loading', user: null, session: null, error: null };
const SIGNED_OUT: AuthState<User> = { status: 'unauthenticated', user: null, session: null, error: null };

function deriveState(result: QueryObserverResult<Session<User> | null, AuthError>): AuthState<User> {
  if (result.data !== undefined) {
    return result.data === null ? SIGNED_OUT : { status: 'authenticated', user: result.data.user, session: result.data, error: null };
  }
  if (result.status === 'error') return { status: 'unauthenticated', user: null, session: null, error: result.error };
  return LOADING;
}

/** `undefined` while nobody is known yet (first check pending or failed). */
function identityOf(state: AuthState<User>): string | null | undefined {
  if (state.status === 'authenticated') return state.user.id;
  if (state.status === 'unauthenticated' && state.error === null) return null;
  return undefined;
}

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
  if (user === null) return false;
  const wanted = typeof role === 'string' ? [role] : role;
  return wanted.some((name) => user.roles.includes(name));
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
  let settings = options.settings;
  const keys = authQueryKeys(client.baseUrl);
  const sessionState = createSessionStateStore();

  const sessionOptions: QueryObserverOptions<Session<User> | null, AuthError> = {
    queryKey: keys.session,
    queryFn: async ({ signal }) => {
      try {
        return (await client.getSession(signal)).session;
      } catch (error) {
        // The backend says the session is gone: that is an answer (signed out), not a failed check.
        if (isAuthError(error) && error.code === 'unauthenticated') return null;
        throw error;
      }
    },
    staleTime: SESSION_STALE_MS,
    refetchOnWindowFocus: true,
    refetchOnReconnect: true,
    retry: retryTransient,
    ...(options.initialSession === undefined ? {} : { initialData: options.initialSession }),
  };
  const observer = new QueryObserver<Session<User> | null, AuthError>(queryClient, sessionOptions);

  // ── actions ──
  let channel: SessionChannel | null = null;
  let signedInEvents = 0;

  const removeUserQueries = () => {
    queryClient.removeQueries({
      queryKey: keys.all,
      predicate: (query) => query.queryKey[2] !== 'session' && query.queryKey[2] !== 'config',
    });
  };

  const applySession = (session: Session<User> | null) => {
    void queryClient.cancelQueries({ queryKey: keys.session, exact: true });
    queryClient.setQueryData(keys.session, session);
  };

  /** Clears everything local; returns whether a session was there (so only a real change is broadcast). */
  const clearLocal = (): boolean => {
    const had = queryClient.getQueryData<Session<User> | null>(keys.session);
    applySession(null);
    sessionState.wipe();
    sessionState.setOwner(null);
    removeUserQueries();
    return had !== null && had !== undefined;
  };

  const signedOut = () => {
    if (clearLocal()) channel?.post({ type: 'signed-out', userId: null });
  };

  const logout = async () => {
    try {
      await client.logout();
    } finally {
      signedOut();
    }
  };

  const refresh = async () => {
    await queryClient.fetchQuery({ ...sessionOptions, staleTime: 0 });
  };

  const extend = async () => {
    const before = signedInEvents;
    const session = await client.extendSession();
    if (session === null) {
      signedOut();
      return;
    }
    applySession(session);
    // Bearer mode refreshes, and the client already announced it; cookie mode re-reads the session.
    if (signedInEvents === before) channel?.post({ type: 'signed-in', userId: session.user.id });
  };

  // ── the session store ──
  const buildSnapshot = (state: AuthState<User>): UseAuthResult<User> => ({
    ...state,
    hasRole: (role) => userHasRole(state.user, role),
    logout,
    refresh,
    client,
  });
  let snapshot = buildSnapshot(deriveState(observer.getCurrentResult()));
  const initialSnapshot = snapshot;
  sessionState.setOwner(identityOf(snapshot));
  const listeners = new Set<() => void>();
  let stopObserving: (() => void) | null = null;

  const onResult = (result: QueryObserverResult<Session<User> | null, AuthError>) => {
    const state = deriveState(result);
    if (state.status === snapshot.status && state.session === snapshot.session && state.error === snapshot.error) return;
    snapshot = buildSnapshot(state);
    // A different user (or none) than before: the previous user's state and data must go.
    if (sessionState.setOwner(identityOf(snapshot))) removeUserQueries();
    for (const listener of [...listeners]) listener();
  };

  const auth: ExternalStore<UseAuthResult<User>> = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      if (stopObserving === null) {
        stopObserving = observer.subscribe(onResult);
        onResult(observer.getCurrentResult());
      }
      return () => {
        listeners.delete(listener);
        // Let go a moment later: StrictMode (and a quick remount) resubscribes at once, and the
        // session request in flight must not be aborted and sent again for that.
        queueMicrotask(() => {
          if (listeners.size === 0 && stopObserving !== null) {
            stopObserving();
            stopObserving = null;
          }
        });
      };
    },
  };

  // ── the expiry state ──
  let expiryState: ExpiryState = { warning: false, now: Date.now() };
  const expiryListeners = new Set<() => void>();
  const setExpiry = (next: ExpiryState) => {
    expiryState = next;
    for (const listener of [...expiryListeners]) listener();
  };
  const expiry: ExternalStore<ExpiryState> = {
    getSnapshot: () => expiryState,
    subscribe(listener) {
      expiryListeners.add(listener);
      return () => {
        expiryListeners.delete(listener);
      };
    },
  };

  let connected = false;
  let scheduledFor: string | null = null;
  let scheduledWarningMs = settings.expiryWarningMs;
  let cancelExpiry = () => {};
  let ticker: ReturnType<typeof setInterval> | undefined;
  const stopTicker = () => {
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
  };
  const expire = () => {
    stopTicker();
    signedOut();
    // Ends the session on the server too (and clears bearer tokens); local state is already gone.
    client.logout().catch(() => {});
    settings.onSessionExpired?.();
  };
  const schedule = (force: boolean) => {
    const expiresAt = snapshot.session?.expiresAt ?? null;
    if (!force && expiresAt === scheduledFor) return;
    cancelExpiry();
    cancelExpiry = () => {};
    stopTicker();
    scheduledFor = expiresAt;
    scheduledWarningMs = settings.expiryWarningMs;
    setExpiry({ warning: false, now: Date.now() });
    if (expiresAt === null) return;
    cancelExpiry = scheduleExpiry(expiresAt, {
      warnBeforeMs: settings.expiryWarningMs,
      onWarn: () => {
        setExpiry({ warning: true, now: Date.now() });
        ticker = setInterval(() => setExpiry({ warning: true, now: Date.now() }), WARNING_TICK_MS);
      },
      onExpire: expire,
    });
  };

  const connect = () => {
    connected = true;
    channel = createSessionChannel();
    const ownChannel = channel;
    const stopChannel = ownChannel.subscribe((message) => {
      // Another tab signed in or out (or extended): re-check rather than trust the message.
      if (message.type === 'signed-out' && queryClient.getQueryData(keys.session) === null) return;
      void queryClient.invalidateQueries({ queryKey: keys.session, exact: true });
    });
    const stopClient = client.subscribe((event) => {
      if (event.type === 'signed-in') {
        signedInEvents += 1;
        applySession(event.session);
        ownChannel.post({ type: 'signed-in', userId: event.session.user.id });
      } else if (event.type === 'signed-out') {
        signedOut();
      } else {
        queryClient.setQueryData(keys.session, event.session);
      }
    });
    const stopAuth = auth.subscribe(() => schedule(false));
    schedule(true);
    return () => {
      stopAuth();
      stopClient();
      stopChannel();
      ownChannel.close();
      if (channel === ownChannel) channel = null;
      cancelExpiry();
      cancelExpiry = () => {};
      scheduledFor = null;
      stopTicker();
      connected = false;
    };
  };

  return {
    client,
    queryClient,
    keys,
    auth,
    serverSnapshot: () => initialSnapshot,
    sessionState,
    expiry,
    get settings() {
      return settings;
    },
    configure(next) {
      settings = next;
      if (connected && next.expiryWarningMs !== scheduledWarningMs) schedule(true);
    },
    applySession,
    logout,
    refresh,
    extend,
    connect,
  };
}
