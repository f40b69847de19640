import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { authQueryKeys, useAuth, useLogin, useLogout, useSessionState } from 'latchkey';
import { bob, count, setup, startMswServer } from './support.js';

startMswServer();

function Counter({ label = 'Clicks' }: { label?: string }) {
  const [clicks, setClicks] = useSessionState('demo.clicks', 0);
  return <button onClick={() => setClicks((n) => n + 1)}>{`${label}: ${clicks}`}</button>;
}

function Page() {
  const [shown, setShown] = useState(true);
  const user = useAuth((auth) => auth.user?.username ?? 'nobody');
  const logout = useLogout();
  const login = useLogin();
  return (
    <>
      <p>User: {user}</p>
      <button onClick={() => setShown((s) => !s)}>Toggle</button>
      <button onClick={() => logout.mutate()}>Sign out</button>
      <button onClick={() => login.mutate({ identifier: bob.username, password: bob.password })}>Sign in as bob</button>
      {shown ? <Counter /> : <p>Other route</p>}
    </>
  );
}

describe('useSessionState', () => {
  it('survives rerenders and remounts (a route change), and is shared by key', async () => {
    const t = setup();
    await t.signIn();
    const view = t.renderWithAuth(<Page />);
    await screen.findByText('User: ada');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Clicks: 0' }));
    await user.click(screen.getByRole('button', { name: 'Clicks: 1' }));
    await user.click(screen.getByRole('button', { name: 'Toggle' }));
    expect(screen.getByText('Other route')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Toggle' }));
    expect(screen.getByRole('button', { name: 'Clicks: 2' })).toBeInTheDocument();
    view.rerenderWithAuth(
      <>
        <Page />
        <Counter label="Elsewhere" />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Elsewhere: 2' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Elsewhere: 2' }));
    expect(screen.getByRole('button', { name: 'Clicks: 3' })).toBeInTheDocument();
  });

  it('leaves an unmounted provider idle: no session request from it once it is gone, though the QueryClient is shared', async () => {
    const t = setup();
    await t.signIn();
    const view = t.renderWithAuth(<Page />);
    await screen.findByText('User: ada');
    expect(count('GET session')).toBe(1);
    view.unmount();
    await act(async () => {
      await Promise.resolve();
      await t.queryClient.invalidateQueries({ queryKey: authQueryKeys(t.client.baseUrl).session });
    });
    expect(count('GET session')).toBe(1);
  });

  it('is wiped on sign-out', async () => {
    const t = setup();
    await t.signIn();
    t.renderWithAuth(<Page />);
    await screen.findByText('User: ada');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Clicks: 0' }));
    expect(screen.getByRole('button', { name: 'Clicks: 1' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByText('User: nobody');
    expect(screen.getByRole('button', { name: 'Clicks: 0' })).toBeInTheDocument();
  });

  it('is wiped when another user signs in', async () => {
    const t = setup();
    await t.signIn();
    t.renderWithAuth(<Page />);
    await screen.findByText('User: ada');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Clicks: 0' }));
    await user.click(screen.getByRole('button', { name: 'Clicks: 1' }));
    await user.click(screen.getByRole('button', { name: 'Sign in as bob' }));
    await screen.findByText('User: bob');
    expect(screen.getByRole('button', { name: 'Clicks: 0' })).toBeInTheDocument();
  });

  it('computes a lazy initial value once', async () => {
    const t = setup();
    let calls = 0;
    function Lazy() {
      const [value, setValue] = useSessionState('lazy', () => {
        calls += 1;
        return 'first';
      });
      return <button onClick={() => setValue('second')}>{value}</button>;
    }
    t.renderWithAuth(<Lazy />);
    await screen.findByRole('button', { name: 'first' });
    act(() => screen.getByRole('button').click());
    expect(screen.getByRole('button', { name: 'second' })).toBeInTheDocument();
    expect(calls).toBe(1);
  });

  it('refuses an empty key with a clear error', async () => {
    const t = setup();
    function Bad() {
      useSessionState('', 0);
      return null;
    }
    expect(() => t.renderWithAuth(<Bad />)).toThrow('useSessionState: key must be a non-empty string');
  });
});
