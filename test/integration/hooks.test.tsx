// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthProvider,
  RequireAuth,
  createAuthClient,
  useAuth,
  useChangePassword,
  useLogin,
  useLogout,
  useRegister,
  useSessionState,
} from 'latchkey';
import { cookieJarFetch, startRealServer } from './realServer.js';
import type { RealServer } from './realServer.js';

let server: RealServer | null = null;
afterEach(async () => {
  cleanup();
  await server?.close();
  server = null;
});

const PASSWORD = 'amber falcon river 2031';
const NEW_PASSWORD = 'nine silver kettles hum';

interface Handles {
  register: ReturnType<typeof useRegister>;
  login: ReturnType<typeof useLogin>;
  logout: ReturnType<typeof useLogout>;
  change: ReturnType<typeof useChangePassword>;
  setDraft: (value: string) => void;
}

function Probe({ handlesRef }: { handlesRef: { current: Handles | null } }) {
  const auth = useAuth();
  const [draft, setDraft] = useSessionState('draft', '');
  const register = useRegister();
  const login = useLogin();
  const logout = useLogout();
  const change = useChangePassword();
  useEffect(() => {
    handlesRef.current = { register, login, logout, change, setDraft };
  });
  return (
    <>
      <p data-testid="status">
        {auth.status}:{auth.user?.username ?? '-'}:{auth.user ? auth.user.roles.join(',') || 'no roles' : '-'}
      </p>
      <p data-testid="draft">{draft}</p>
    </>
  );
}

/** Another component reading the same session: it must not cost a request. */
function Greeting() {
  const name = useAuth((auth) => auth.user?.name ?? null);
  return <p data-testid="greeting">{name ?? 'nobody'}</p>;
}

const status = () => screen.getByTestId('status').textContent;

for (const transport of ['cookie', 'bearer'] as const) {
  describe(`the React hooks against the real server over HTTP (${transport} transport)`, () => {
    it('register → logout → login → change password → logout, with one session read shared by every consumer', async () => {
      server = await startRealServer({ transport });
      const jar = cookieJarFetch();
      const sessionReads: string[] = [];
      const counting: typeof fetch = (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if ((init?.method ?? 'GET') === 'GET' && url.pathname.endsWith('/session')) sessionReads.push(url.pathname);
        return transport === 'cookie' ? jar(input, init) : fetch(input, init);
      };
      const client = createAuthClient({ baseUrl: server.baseUrl, transport, fetch: counting });
      const handles: { current: Handles | null } = { current: null };
      const view = (extra: number) => (
        <AuthProvider client={client} queryClient={new QueryClient()}>
          <Probe handlesRef={handles} />
          {Array.from({ length: extra }, (_, index) => (
            <Greeting key={index} />
          ))}
          <RequireAuth roles={['admin']} fallback={<p>sign in first</p>} forbidden={<p>admins only</p>}>
            <p>admin area</p>
          </RequireAuth>
        </AuthProvider>
      );
      const { rerender } = render(view(1));
      await waitFor(() => expect(status()).toBe('unauthenticated:-:-'));
      expect(screen.getByText('sign in first')).toBeTruthy();

      await act(() => handles.current?.register.mutateAsync({ username: 'ada', email: 'ada@example.com', name: 'Ada', password: PASSWORD }));
      await waitFor(() => expect(status()).toBe('authenticated:ada:no roles'));
      expect(screen.getByTestId('greeting').textContent).toBe('Ada');
      expect(screen.getByText('admins only')).toBeTruthy();

      // Twenty more consumers of the session: no further request.
      const readsBefore = sessionReads.length;
      rerender(view(20));
      expect(screen.getAllByTestId('greeting')).toHaveLength(20);
      expect(sessionReads.length).toBe(readsBefore);

      // Per-user state survives rerenders and is wiped at sign-out.
      act(() => handles.current?.setDraft('half-written note'));
      expect(screen.getByTestId('draft').textContent).toBe('half-written note');

      await act(() => handles.current?.logout.mutateAsync());
      await waitFor(() => expect(status()).toBe('unauthenticated:-:-'));
      expect(screen.getByTestId('draft').textContent).toBe('');

      const wrong = await act(() => handles.current?.login.mutateAsync({ identifier: 'ada', password: 'definitely not it' }).catch((error: unknown) => error));
      expect(wrong).toMatchObject({ code: 'invalid_credentials', status: 401 });
      expect(status()).toBe('unauthenticated:-:-');

      await act(() => handles.current?.login.mutateAsync({ identifier: 'ada', password: PASSWORD }));
      await waitFor(() => expect(status()).toBe('authenticated:ada:no roles'));

      await act(() => handles.current?.change.mutateAsync({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }));
      expect(status()).toBe('authenticated:ada:no roles');

      await act(() => handles.current?.logout.mutateAsync());
      await waitFor(() => expect(status()).toBe('unauthenticated:-:-'));
      const old = await act(() => handles.current?.login.mutateAsync({ identifier: 'ada', password: PASSWORD }).catch((error: unknown) => error));
      expect(old).toMatchObject({ code: 'invalid_credentials' });
      await act(() => handles.current?.login.mutateAsync({ identifier: 'ada', password: NEW_PASSWORD }));
      await waitFor(() => expect(status()).toBe('authenticated:ada:no roles'));
    });
  });
}
