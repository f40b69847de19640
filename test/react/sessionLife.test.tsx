import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider, authQueryKeys, createAuthClient, useAdminUsers, useAuth, useLogin, useLogout, useSessionExpiry } from 'latchkey';
import { ada, BASE, count, http, HttpResponse, requests, server, setup, startMswServer } from './support.js';

startMswServer();

function Status() {
  const auth = useAuth();
  if (auth.status === 'loading') return <p>Checking…</p>;
  return <p>{auth.status === 'authenticated' ? `Signed in as ${auth.user.username}` : 'Signed out'}</p>;
}

function Tab({ name }: { name: string }) {
  const login = useLogin();
  const logout = useLogout();
  return (
    <section aria-label={name}>
      <Status />
      <button onClick={() => login.mutate({ identifier: ada.username, password: ada.password })}>Sign in</button>
      <button onClick={() => logout.mutate()}>Sign out</button>
    </section>
  );
}

describe('cross-tab', () => {
  it('follows sign-in and sign-out in another tab, by re-checking the session', async () => {
    setup();
    // Two tabs of one browser: separate clients and caches, one cookie jar, one channel name.
    const tabs = ['Tab A', 'Tab B'].map((name) => (
      <AuthProvider key={name} client={createAuthClient({ baseUrl: BASE })} queryClient={new QueryClient()}>
        <Tab name={name} />
      </AuthProvider>
    ));
    render(<>{tabs}</>);
    const a = within(screen.getByRole('region', { name: 'Tab A' }));
    const b = within(screen.getByRole('region', { name: 'Tab B' }));
    await b.findByText('Signed out');
    await a.findByText('Signed out');

    act(() => a.getByRole('button', { name: 'Sign in' }).click());
    await a.findByText('Signed in as ada');
    expect(await b.findByText('Signed in as ada')).toBeInTheDocument();

    requests.length = 0;
    act(() => a.getByRole('button', { name: 'Sign out' }).click());
    await a.findByText('Signed out');
    expect(await b.findByText('Signed out')).toBeInTheDocument();
    // Tab B re-checked once; nothing bounced back and forth.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(count('GET session')).toBe(1);
  });

  it('an extension in one tab moves the end in the others', async () => {
    const t = setup({ backend: { lifetimes: { idleMs: 5 * 60_000 } } });
    await t.signIn();
    function Ends({ name }: { name: string }) {
      const { expiresAt, extend } = useSessionExpiry();
      return (
        <section aria-label={name}>
          <p>{expiresAt ? `Ends ${expiresAt.toISOString()}` : 'No end'}</p>
          <button onClick={() => void extend()}>Stay signed in</button>
        </section>
      );
    }
    render(
      <>
        {['Tab A', 'Tab B'].map((name) => (
          <AuthProvider key={name} client={name === 'Tab A' ? t.client : createAuthClient({ baseUrl: BASE })} queryClient={new QueryClient()}>
            <Ends name={name} />
          </AuthProvider>
        ))}
      </>,
    );
    const a = within(screen.getByRole('region', { name: 'Tab A' }));
    const b = within(screen.getByRole('region', { name: 'Tab B' }));
    const before = (await b.findByText(/^Ends /)).textContent ?? '';
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    requests.length = 0;
    act(() => a.getByRole('button', { name: 'Stay signed in' }).click());
    await waitFor(() => expect(b.getByText(/^Ends /).textContent).not.toBe(before));
    expect(a.getByText(/^Ends /).textContent).not.toBe(before);
    // Tab A re-read the session (cookie mode), tab B re-checked once after the message.
    await waitFor(() => expect(count('GET session')).toBe(2));
  });

  it('never posts a token or anything but type, user id and time', async () => {
    const t = setup();
    const seen: unknown[] = [];
    const listener = new BroadcastChannel('latchkey:session');
    listener.onmessage = (event: MessageEvent) => seen.push(event.data);
    try {
      t.renderWithAuth(<Tab name="Tab" />);
      await screen.findByText('Signed out');
      act(() => screen.getByRole('button', { name: 'Sign in' }).click());
      await screen.findByText('Signed in as ada');
      act(() => screen.getByRole('button', { name: 'Sign out' }).click());
      await screen.findByText('Signed out');
      await waitFor(() => expect(seen).toHaveLength(2));
      expect(seen[0]).toEqual({ type: 'signed-in', userId: expect.any(String), timestamp: expect.any(Number) });
      expect(seen[1]).toEqual({ type: 'signed-out', userId: null, timestamp: expect.any(Number) });
    } finally {
      listener.close();
    }
  });
});

describe('logout', () => {
  it('clears the session and per-user cached data even when the request fails', async () => {
    const t = setup();
    await t.signIn();
    server.use(http.post(`*${BASE}/logout`, () => HttpResponse.error()));
    function Admin() {
      const users = useAdminUsers();
      return <p>{users.data ? `${users.data.total} users` : 'no list'}</p>;
    }
    t.renderWithAuth(
      <>
        <Tab name="Tab" />
        <Admin />
      </>,
    );
    await screen.findByText(/^\d+ users$/);
    act(() => screen.getByRole('button', { name: 'Sign out' }).click());
    expect(await screen.findByText('Signed out')).toBeInTheDocument();
    expect(count('POST logout')).toBe(1);
    const keys = authQueryKeys(t.client.baseUrl);
    expect(t.queryClient.getQueryData(keys.session)).toBeNull();
    expect(t.queryClient.getQueryCache().findAll({ queryKey: keys.admin })).toHaveLength(0);
  });
});

describe('expiry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function Expiry() {
    const { warning, msLeft, extend } = useSessionExpiry();
    return (
      <div>
        <p>{warning ? `Ending in ${Math.ceil((msLeft ?? 0) / 1000)} s` : 'No warning'}</p>
        <button onClick={() => void extend()}>Stay signed in</button>
      </div>
    );
  }

  it('warns before the end, then signs out cleanly and calls onSessionExpired once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const t = setup({ backend: { now: () => Date.now(), lifetimes: { idleMs: 5 * 60_000 } } });
    await t.signIn();
    const onSessionExpired = vi.fn();
    t.renderWithAuth(
      <>
        <Status />
        <Expiry />
      </>,
      { onSessionExpired, expiryWarningMs: 60_000 },
    );
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(screen.getByText('Signed in as ada')).toBeInTheDocument();
    expect(screen.getByText('No warning')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000));
    expect(screen.getByText(/^Ending in (60|59) s$/)).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(screen.getByText(/^Ending in (30|29) s$/)).toBeInTheDocument();
    expect(onSessionExpired).not.toHaveBeenCalled();

    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(screen.getByText('Signed out')).toBeInTheDocument();
    expect(screen.getByText('No warning')).toBeInTheDocument();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(count('POST logout')).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('moves the end when the session is extended', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const t = setup({ backend: { now: () => Date.now(), lifetimes: { idleMs: 5 * 60_000 } } });
    await t.signIn();
    const onSessionExpired = vi.fn();
    t.renderWithAuth(
      <>
        <Status />
        <Expiry />
      </>,
      { onSessionExpired, expiryWarningMs: 60_000 },
    );
    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000 + 10));
    expect(screen.getByText(/^Ending in/)).toBeInTheDocument();
    await act(async () => {
      screen.getByRole('button', { name: 'Stay signed in' }).click();
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByText('No warning')).toBeInTheDocument();
    // Past the old end: still signed in.
    await act(() => vi.advanceTimersByTimeAsync(2 * 60_000));
    expect(screen.getByText('Signed in as ada')).toBeInTheDocument();
    expect(onSessionExpired).not.toHaveBeenCalled();
    // The new end (5 min after extending) arrives.
    await act(() => vi.advanceTimersByTimeAsync(3 * 60_000));
    expect(screen.getByText('Signed out')).toBeInTheDocument();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });
});
