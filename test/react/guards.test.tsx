import { act, screen, waitFor } from '@testing-library/react';
import { delay } from 'msw';
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { authQueryKeys, RequireAuth, useAuth, useRequireAuth } from 'latchkey';
import type { Session } from 'latchkey/contract';
import { BASE, bob, brokenSession, http, server, setup, startMswServer } from './support.js';

startMswServer();

function Protected({ onMount }: { onMount?: () => void }) {
  useEffect(() => onMount?.(), [onMount]);
  return <p>Secret page</p>;
}

describe('RequireAuth', () => {
  it('mounts nothing protected while loading', async () => {
    const t = setup();
    await t.signIn();
    server.use(
      http.get(`*${BASE}/session`, async () => {
        await delay(100);
        return undefined;
      }),
    );
    const mounted = vi.fn();
    t.renderWithAuth(
      <RequireAuth fallback={<p>Checking your session…</p>}>
        <Protected onMount={mounted} />
      </RequireAuth>,
    );
    expect(screen.getByText('Checking your session…')).toBeInTheDocument();
    expect(mounted).not.toHaveBeenCalled();
    expect(await screen.findByText('Secret page')).toBeInTheDocument();
    expect(mounted).toHaveBeenCalledTimes(1);
  });

  it('fails closed when the session check errors, without redirecting', async () => {
    const t = setup();
    server.use(brokenSession());
    function Probe() {
      const guard = useRequireAuth();
      return <p>Guard: {guard.status}</p>;
    }
    t.renderWithAuth(
      <>
        <Probe />
        <RequireAuth fallback={<p>Could not check your session</p>}>
          <Protected />
        </RequireAuth>
      </>,
    );
    expect(await screen.findByText('Guard: error')).toBeInTheDocument();
    expect(screen.getByText('Could not check your session')).toBeInTheDocument();
    expect(screen.queryByText('Secret page')).not.toBeInTheDocument();
    expect(t.navigate).not.toHaveBeenCalled();
  });

  it('redirects a signed-out user once, with a sanitized returnTo of the current page', async () => {
    const t = setup();
    window.history.replaceState(null, '', '/orders/42?tab=items#total');
    const { rerenderWithAuth } = t.renderWithAuth(
      <RequireAuth fallback={<p>Redirecting…</p>}>
        <Protected />
      </RequireAuth>,
    );
    await waitFor(() => expect(t.navigate).toHaveBeenCalledTimes(1));
    expect(t.navigate).toHaveBeenCalledWith(`/login?returnTo=${encodeURIComponent('/orders/42?tab=items#total')}`);
    expect(screen.getByText('Redirecting…')).toBeInTheDocument();
    for (let i = 0; i < 5; i += 1) {
      rerenderWithAuth(
        <RequireAuth fallback={<p>Redirecting…</p>}>
          <Protected />
        </RequireAuth>,
      );
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(t.navigate).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Secret page')).not.toBeInTheDocument();
  });

  it('uses redirectTo and the provider loginPath', async () => {
    const t = setup();
    window.history.replaceState(null, '', '/a');
    t.renderWithAuth(
      <>
        <RequireAuth>
          <Protected />
        </RequireAuth>
        <RequireAuth redirectTo="/welcome?from=guard">
          <Protected />
        </RequireAuth>
      </>,
      { loginPath: '/signin' },
    );
    await waitFor(() => expect(t.navigate).toHaveBeenCalledTimes(2));
    expect(t.navigate).toHaveBeenCalledWith('/signin?returnTo=%2Fa');
    expect(t.navigate).toHaveBeenCalledWith('/welcome?from=guard&returnTo=%2Fa');
  });

  it.each(['//evil.example/phish', '/%2F%2Fevil.example/phish', '/%2fevil.example', '/%5Cevil.example', '/\\evil.example'])(
    'falls back to "/" when the current path could be read as another site (also once decoded): %s',
    async (path) => {
      const t = setup();
      window.history.replaceState(null, '', `http://localhost:3000${path}`);
      t.renderWithAuth(
        <RequireAuth>
          <Protected />
        </RequireAuth>,
      );
      await waitFor(() => expect(t.navigate).toHaveBeenCalledTimes(1));
      expect(t.navigate).toHaveBeenCalledWith('/login?returnTo=%2F');
    },
  );

  it('does not redirect to the page it is already on (no loop)', async () => {
    const t = setup();
    window.history.replaceState(null, '', '/login?returnTo=%2Fx');
    t.renderWithAuth(
      <RequireAuth fallback={<p>Please sign in</p>}>
        <Protected />
      </RequireAuth>,
    );
    expect(await screen.findByText('Please sign in')).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(t.navigate).not.toHaveBeenCalled();
  });

  it('calls onUnauthenticated instead of navigating, and redirectTo={false} stays put', async () => {
    const t = setup();
    window.history.replaceState(null, '', '/reports');
    const onUnauthenticated = vi.fn();
    t.renderWithAuth(
      <>
        <RequireAuth onUnauthenticated={onUnauthenticated}>
          <Protected />
        </RequireAuth>
        <RequireAuth redirectTo={false} fallback={<p>Inline sign-in</p>}>
          <Protected />
        </RequireAuth>
      </>,
    );
    expect(await screen.findByText('Inline sign-in')).toBeInTheDocument();
    await waitFor(() => expect(onUnauthenticated).toHaveBeenCalledWith('/reports'));
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(t.navigate).not.toHaveBeenCalled();
  });

  it('shows forbidden content to a user without any of the roles', async () => {
    const t = setup();
    await t.signIn(bob);
    t.renderWithAuth(
      <RequireAuth roles={['admin', 'auditor']} forbidden={<p>Admins only</p>}>
        <Protected />
      </RequireAuth>,
    );
    expect(await screen.findByText('Admins only')).toBeInTheDocument();
    expect(screen.queryByText('Secret page')).not.toBeInTheDocument();
    expect(t.navigate).not.toHaveBeenCalled();
  });

  it('lets in a user with any of the roles', async () => {
    const t = setup();
    await t.signIn();
    t.renderWithAuth(
      <RequireAuth roles={['auditor', 'admin']} forbidden={<p>Admins only</p>}>
        <Protected />
      </RequireAuth>,
    );
    expect(await screen.findByText('Secret page')).toBeInTheDocument();
  });

  it('unmounts protected content and redirects once on sign-out', async () => {
    const t = setup();
    await t.signIn();
    window.history.replaceState(null, '', '/account');
    function SignOut() {
      const logout = useAuth((auth) => auth.logout);
      return <button onClick={() => void logout()}>Sign out</button>;
    }
    t.renderWithAuth(
      <>
        <SignOut />
        <RequireAuth fallback={<p>Signed out</p>}>
          <Protected />
        </RequireAuth>
      </>,
    );
    expect(await screen.findByText('Secret page')).toBeInTheDocument();
    act(() => screen.getByRole('button', { name: 'Sign out' }).click());
    expect(await screen.findByText('Signed out')).toBeInTheDocument();
    await waitFor(() => expect(t.navigate).toHaveBeenCalledTimes(1));
    expect(t.navigate).toHaveBeenCalledWith('/login?returnTo=%2Faccount');
  });
  it('puts returnTo before a fragment of redirectTo, after its query', async () => {
    const t = setup();
    window.history.replaceState(null, '', '/a?b=1');
    t.renderWithAuth(
      <>
        <RequireAuth redirectTo="/signin#form">
          <Protected />
        </RequireAuth>
        <RequireAuth redirectTo="/signin?next=1#form">
          <Protected />
        </RequireAuth>
      </>,
    );
    await waitFor(() => expect(t.navigate).toHaveBeenCalledTimes(2));
    expect(t.navigate).toHaveBeenCalledWith('/signin?returnTo=%2Fa%3Fb%3D1#form');
    expect(t.navigate).toHaveBeenCalledWith('/signin?next=1&returnTo=%2Fa%3Fb%3D1#form');
  });

  it('redirects again when the user signs in and then out once more', async () => {
    const t = setup();
    window.history.replaceState(null, '', '/account');
    const onUnauthenticated = vi.fn();
    t.renderWithAuth(
      <RequireAuth onUnauthenticated={onUnauthenticated} roles="admin">
        <Protected />
      </RequireAuth>,
    );
    await waitFor(() => expect(onUnauthenticated).toHaveBeenCalledTimes(1));
    const keys = authQueryKeys(t.client.baseUrl);
    const session: Session = {
      user: { id: 'u-1', username: 'ada', email: 'ada@example.com', name: 'Ada Lovelace', roles: ['admin'] },
      expiresAt: null,
    };
    act(() => {
      t.queryClient.setQueryData(keys.session, session);
    });
    expect(await screen.findByText('Secret page')).toBeInTheDocument();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    act(() => {
      t.queryClient.setQueryData(keys.session, null);
    });
    await waitFor(() => expect(onUnauthenticated).toHaveBeenCalledTimes(2));
    expect(onUnauthenticated).toHaveBeenLastCalledWith('/account');
    expect(screen.queryByText('Secret page')).not.toBeInTheDocument();
  });
});
