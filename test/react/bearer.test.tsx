import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequireAuth, useAuth, useLogin } from 'latchkey';
import { ada, requests, setup, startMswServer } from './support.js';

startMswServer();

function Page() {
  const auth = useAuth();
  const login = useLogin();
  return (
    <>
      <p>{auth.status === 'authenticated' ? `Signed in as ${auth.user.username}` : auth.status}</p>
      <button onClick={() => login.mutate({ identifier: ada.username, password: ada.password })}>Sign in</button>
      <button onClick={() => void auth.refresh()}>Check again</button>
      <RequireAuth redirectTo={false} fallback={<p>Protected content hidden</p>}>
        <p>Account details</p>
      </RequireAuth>
    </>
  );
}

describe('bearer transport', () => {
  it('signs in with one request and no token anywhere but memory', async () => {
    const t = setup({ transport: 'bearer' });
    t.renderWithAuth(<Page />);
    await screen.findByText('unauthenticated');
    requests.length = 0;
    act(() => screen.getByRole('button', { name: 'Sign in' }).click());
    expect(await screen.findByText('Account details')).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(requests).toEqual(['POST login']);
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
    expect(window.location.href).not.toContain('token');
  });

  it('a session revoked on the server: one refresh attempt, then signed out and the guard redirects once', async () => {
    const t = setup({ transport: 'bearer' });
    window.history.replaceState(null, '', '/account');
    const { rerenderWithAuth } = t.renderWithAuth(<Page />);
    await screen.findByText('unauthenticated');
    act(() => screen.getByRole('button', { name: 'Sign in' }).click());
    await screen.findByText('Account details');
    // Now use a guard that redirects, as a protected page would.
    rerenderWithAuth(
      <>
        <Page />
        <RequireAuth>
          <p>Settings</p>
        </RequireAuth>
      </>,
    );
    await screen.findByText('Settings');
    const id = t.backend.store.findByIdentifier('ada')?.id;
    if (id === undefined) throw new Error('expected ada in the mock store');
    t.backend.store.revokeSessions(id);
    requests.length = 0;

    act(() => screen.getByRole('button', { name: 'Check again' }).click());
    expect(await screen.findByText('Protected content hidden')).toBeInTheDocument();
    expect(screen.queryByText('Settings')).not.toBeInTheDocument();
    await waitFor(() => expect(t.navigate).toHaveBeenCalledTimes(1));
    expect(t.navigate).toHaveBeenCalledWith('/login?returnTo=%2Faccount');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(requests).toEqual(['GET session', 'POST refresh']);
    expect(t.navigate).toHaveBeenCalledTimes(1);
  });
});
