'use client';
import { QueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { AuthClientOptions } from '../client/AuthClient.js';
import type { AuthConnection } from '../client/AuthConnection.js';
import { createAuthConnection } from '../client/createAuthConnection.js';
import type { Session, User } from '../contract/index.js';
import type { Messages } from '../widgets/messages.js';
import { AuthCoreContext, AuthExpiryWarningContext, AuthMessagesContext } from './AuthContext.js';
import { createAuthCore } from './createAuthCore.js';

/**
 * Props of {@link AuthProvider}. Pass either `client` or `baseUrl` (+ `transport`). `client`,
 * `baseUrl`, `transport`, `queryClient` and `initialSession` are read on the first render only
 * (remount the provider with a new `key` to switch backends); the others may change at any time.
 *
 * @example
 * ```tsx
 * const props: AuthProviderProps = { baseUrl: '/api/auth', loginPath: '/signin', expiryWarningMs: 60_000 };
 * ```
 */
export interface AuthProviderProps<TUser extends User = User> {
  children?: ReactNode;
  /** A client from `createAuthClient` (for custom fetch, timeouts, an extended user schema, token storage). */
  client?: AuthConnection<TUser>;
  /** Base URL of the auth API; the provider creates the client once. */
  baseUrl?: string;
  /** With `baseUrl`: `'cookie'` (the default, and the only transport a provider builds itself: for `'bearer'` pass `client={createAuthClient({ baseUrl, transport: 'bearer' })}`, which brings the token code). */
  transport?: 'cookie';
  /** The app's own QueryClient; by default the provider creates one for itself. */
  queryClient?: QueryClient;
  /** The session the server rendered with (SSR): no loading state and no request on the first render. */
  initialSession?: NoInfer<Session<TUser>> | null;
  /** Called once when the session ran out in this tab (after the clean local sign-out). */
  onSessionExpired?: () => void;
  /** Router hook-in for guards; default `location.assign`. */
  navigate?: (to: string) => void;
  /** Where guards send signed-out users (`?returnTo=` is appended). Default `/login`. */
  loginPath?: string;
  /** Overrides of the widgets' default strings. */
  messages?: Partial<Messages>;
  /** How long before the session ends `useSessionExpiry().warning` turns on. Default 120 000 ms. */
  expiryWarningMs?: number;
}

const fail = (problem: string): never => {
  throw new Error(`<AuthProvider>${problem}.`);
};

/**
 * Provides the session to every latchkey hook, guard and widget below it. One `GET session`
 * serves any number of readers; responses that carry a session (login, register, password change,
 * email verification, refresh) are written straight into the cache; the session is re-checked when
 * the tab becomes visible again and its last answer is over a minute old, kept in step across tabs
 * (no token is ever posted), and ends cleanly at `expiresAt`.
 * Creates its client (from `baseUrl`) and QueryClient once; never touches `window` while rendering,
 * so it is safe for server rendering, where `initialSession` avoids a flash of signed-out content.
 *
 * @example
 * ```tsx
 * import { AuthProvider, LoginForm } from 'latchkey';
 *
 * export function App() {
 *   return (
 *     <AuthProvider baseUrl="/api/auth" navigate={(to) => router.navigate(to)}>
 *       <LoginForm />
 *     </AuthProvider>
 *   );
 * }
 * ```
 */
export function AuthProvider<TUser extends User = User>(props: AuthProviderProps<TUser>): ReactNode {
  const { children, messages, client, baseUrl, transport, loginPath = '/login', navigate, onSessionExpired, expiryWarningMs = 120_000 } = props;
  if (process.env.NODE_ENV !== 'production') {
    if (typeof loginPath !== 'string' || !/^\/(?!\/)/.test(loginPath)) {
      fail(`: \`loginPath\` must be a path on this site starting with "/", got ${JSON.stringify(loginPath)}`);
    }
    if (typeof expiryWarningMs !== 'number' || !(expiryWarningMs >= 0 && expiryWarningMs < Infinity)) {
      fail(`: \`expiryWarningMs\` must be a number of milliseconds >= 0, got ${String(expiryWarningMs)}`);
    }
  }
  const settings = { loginPath, navigate, onSessionExpired };
  const [core] = useState(() => {
    if (process.env.NODE_ENV !== 'production' && (client ? baseUrl !== undefined || transport !== undefined : baseUrl === undefined)) {
      fail(
        client
          ? ': pass either `client` or `baseUrl`/`transport`, not both (the client already has its base URL and transport)'
          : ' needs either a `client` (from createAuthClient) or a `baseUrl` (e.g. "/api/auth")',
      );
    }
    return createAuthCore({
      // The connection checks baseUrl and transport itself, with errors that name them.
      client: (client ?? createAuthConnection({ baseUrl, transport } as AuthClientOptions)) as AuthConnection,
      queryClient: props.queryClient ?? new QueryClient(),
      initialSession: props.initialSession,
      settings,
    });
  });
  // Layout effect: guards' effects (which run before this component's passive effects) see the
  // current settings.
  useLayoutEffect(() => {
    core.configure(settings);
  });

  useEffect(() => {
    // Focus and reconnect re-checks of the app's other queries need a mounted QueryClient
    // (reference-counted, so an app's own client mounted by its QueryClientProvider is fine).
    core.queryClient.mount();
    const disconnect = core.connect();
    return () => {
      disconnect();
      core.queryClient.unmount();
    };
  }, [core]);

  return (
    <AuthCoreContext value={core}>
      <AuthMessagesContext value={messages}>
        <AuthExpiryWarningContext value={expiryWarningMs}>{children}</AuthExpiryWarningContext>
      </AuthMessagesContext>
    </AuthCoreContext>
  );
}
