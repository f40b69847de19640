import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AuthProvider, authQueryKeys, SignedIn, SignedOut, useAuth, useLogin } from 'latchkey';
import type { Session } from 'latchkey/contract';
import { ada, brokenSession, count, requests, server, setup, startMswServer } from './support.js';

startMswServer();

function Status() {
  const auth = useAuth();
  if (auth.status === 'loading') return <p>Checking…</p>;
  if (auth.status === 'authenticated') return <p>Signed in as {auth.user.username}</p>;
  return <p>{auth.error ? `Check failed: ${auth.error.code}` : 'Signed out'}</p>;
}

describe('useAuth', () => {
  it('serves 20 readers with exactly one GET session', async () => {
    const t = setup();
    await t.signIn();
    t.renderWithAuth(
      <>
        {Array.from({ length: 20 }, (_, i) => (
          <Status key={i} />
        ))}
      </>,
    );
    await waitFor(() => expect(screen.getAllByText('Signed in as ada')).toHaveLength(20));
    expect(requests).toEqual(['GET session']);
  });

  it('still makes one GET session in StrictMode (effects run twice)', async () => {
    const t = setup();
    await t.signIn();
    render(
      <StrictMode>
        <AuthProvider client={t.client} queryClient={t.queryClient}>
          {Array.from({ length: 5 }, (_, i) => (
            <Status key={i} />
          ))}
        </AuthProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getAllByText('Signed in as ada')).toHaveLength(5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual(['GET session']);
  });

  it('costs no request for 100 rerenders and a remount', async () => {
    const t = setup();
    await t.signIn();
    function Counter() {
      const [n, setN] = useState(0);
      return (
        <>
          <button onClick={() => setN((x) => x + 1)}>rerender {n}</button>
          <Status key={n % 2 === 0 ? 'even' : 'odd'} />
        </>
      );
    }
    const view = t.renderWithAuth(<Counter />);
    await screen.findByText('Signed in as ada');
    requests.length = 0;
    const button = screen.getByRole('button');
    for (let i = 0; i < 100; i += 1) act(() => button.click());
    expect(screen.getByRole('button')).toHaveTextContent('rerender 100');
    view.unmount();
    t.renderWithAuth(<Counter />);
    expect(screen.getByText('Signed in as ada')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
  });

  it('signs in with exactly one request and no follow-up GET', async () => {
    const t = setup();
    function Login() {
      const login = useLogin();
      return <button onClick={() => login.mutate({ identifier: ada.username, password: ada.password })}>Sign in</button>;
    }
    t.renderWithAuth(
      <>
        <Status />
        <Login />
      </>,
    );
    await screen.findByText('Signed out');
    requests.length = 0;
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Signed in as ada');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual(['POST login']);
  });

  it('renders a selected slice only when that slice changes', async () => {
    const t = setup();
    await t.signIn();
    const renders: string[] = [];
    const rendersOf = (name: string) => renders.filter((seen) => seen === name).length;
    function Name() {
      const name = useAuth((auth) => auth.user?.name ?? null);
      renders.push('name');
      return <p>Name: {name}</p>;
    }
    function Expiry() {
      const expiresAt = useAuth((auth) => auth.session?.expiresAt ?? null);
      renders.push('expiry');
      return <p>Ends: {expiresAt}</p>;
    }
    function Pair() {
      const slice = useAuth((auth) => ({ status: auth.status, id: auth.user?.id ?? null }));
      return <p>Pair: {slice.status}</p>;
    }
    t.renderWithAuth(
      <>
        <Name />
        <Expiry />
        <Pair />
      </>,
    );
    await screen.findByText('Name: Ada Lovelace');
    const before = { name: rendersOf('name'), expiry: rendersOf('expiry') };
    const keys = authQueryKeys(t.client.baseUrl);
    const current = t.queryClient.getQueryData<Session>(keys.session);
    if (!current) throw new Error('expected a session in the cache');
    act(() => {
      t.queryClient.setQueryData(keys.session, { ...current, expiresAt: '2099-01-01T00:00:00.000Z' });
    });
    await screen.findByText('Ends: 2099-01-01T00:00:00.000Z');
    expect(rendersOf('expiry')).toBe(before.expiry + 1);
    expect(rendersOf('name')).toBe(before.name);
  });

  it('keeps an equal object selection when the session changes, but never takes two Dates as equal', async () => {
    const t = setup();
    await t.signIn();
    const slices: object[] = [];
    function Slice() {
      const slice = useAuth((auth) => ({ id: auth.user?.id ?? null, roles: auth.user?.roles ?? [] }));
      const ends = useAuth((auth) => new Date(auth.session?.expiresAt ?? 0));
      slices.push(slice);
      return <p>Until: {ends.toISOString()}</p>;
    }
    t.renderWithAuth(<Slice />);
    await screen.findByText(/^Until: (?!1970)/);
    const keys = authQueryKeys(t.client.baseUrl);
    const current = t.queryClient.getQueryData<Session>(keys.session);
    if (!current) throw new Error('expected a session in the cache');
    const first = slices.at(-1);
    act(() => {
      t.queryClient.setQueryData(keys.session, { ...current, expiresAt: '2099-01-01T00:00:00.000Z' });
    });
    expect(await screen.findByText('Until: 2099-01-01T00:00:00.000Z')).toBeInTheDocument();
    expect(slices.at(-1)).toBe(first);
  });

  it('renders authenticated on the first render from initialSession, with no request', async () => {
    const t = setup();
    const session: Session = {
      user: { id: 'u-1', username: 'ada', email: 'ada@example.com', name: 'Ada Lovelace', roles: [] },
      expiresAt: null,
    };
    const seen: string[] = [];
    function FirstRender() {
      seen.push(useAuth((auth) => auth.status));
      return null;
    }
    t.renderWithAuth(
      <>
        <FirstRender />
        <Status />
      </>,
      { initialSession: session },
    );
    expect(seen[0]).toBe('authenticated');
    expect(screen.getByText('Signed in as ada')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
  });

  it('treats a contract-breaking session answer as a failed check, never as signed in', async () => {
    const t = setup();
    server.use(brokenSession());
    t.renderWithAuth(<Status />);
    expect(await screen.findByText('Check failed: contract_mismatch')).toBeInTheDocument();
  });

  it('refresh() re-reads the session and rejects with the AuthError when the check fails, keeping the known session', async () => {
    const t = setup();
    await t.signIn();
    const grabbed: Array<() => Promise<void>> = [];
    const refresh = () => grabbed.at(-1)?.();
    function Grab() {
      grabbed.push(useAuth((auth) => auth.refresh));
      return null;
    }
    t.renderWithAuth(
      <>
        <Grab />
        <Status />
      </>,
    );
    await screen.findByText('Signed in as ada');
    requests.length = 0;
    await act(() => refresh());
    expect(requests).toEqual(['GET session']);
    server.use(brokenSession());
    await act(async () => {
      await expect(refresh()).rejects.toMatchObject({ name: 'AuthError', code: 'contract_mismatch' });
    });
    expect(screen.getByText('Signed in as ada')).toBeInTheDocument();
  });

  it('tells whether the user has a role (any of a list)', async () => {
    const t = setup();
    await t.signIn();
    function Roles() {
      const auth = useAuth();
      return (
        <p>
          {String(auth.hasRole('admin'))} {String(auth.hasRole(['editor', 'admin']))} {String(auth.hasRole('editor'))}
        </p>
      );
    }
    t.renderWithAuth(<Roles />);
    expect(await screen.findByText('true true false')).toBeInTheDocument();
  });

  it('shows SignedIn and SignedOut content by state, nothing while loading', async () => {
    const t = setup();
    t.renderWithAuth(
      <>
        <SignedIn>
          <p>Welcome back</p>
        </SignedIn>
        <SignedOut>
          <a href="/login">Sign in</a>
        </SignedOut>
      </>,
    );
    expect(screen.queryByText('Welcome back')).not.toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('Welcome back')).not.toBeInTheDocument();
  });

  it('re-checks the session when the tab becomes visible again after the session went stale', async () => {
    const t = setup();
    await t.signIn();
    t.renderWithAuth(<Status />);
    await screen.findByText('Signed in as ada');
    expect(count('GET session')).toBe(1);
    const keys = authQueryKeys(t.client.baseUrl);
    // Age the cached answer past its freshness, then come back to the tab.
    act(() => {
      t.queryClient.getQueryCache().find({ queryKey: keys.session })?.setState({ dataUpdatedAt: Date.now() - 10 * 60_000 });
    });
    act(() => {
      window.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(count('GET session')).toBe(2));
  });

  it('throws a clear error outside the provider', () => {
    expect(() => renderHook(() => useAuth())).toThrow('useAuth must be used within <AuthProvider>');
    expect(() => render(<SignedIn>x</SignedIn>)).toThrow('useAuth must be used within <AuthProvider>');
  });
});
