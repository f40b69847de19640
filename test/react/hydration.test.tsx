import { QueryClient } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from 'latchkey/contract';
import { AuthProvider, createAuthClient, RequireAuth, useAuth } from 'latchkey';
import { BASE, requests, startMswServer } from './support.js';

startMswServer();

const session: Session = { user: { id: 'u-1', username: 'ada', email: null, name: 'Ada', roles: [] }, expiresAt: '2099-01-01T00:00:00.000Z' };

function Status() {
  const auth = useAuth();
  return <p>{auth.status === 'authenticated' ? `Signed in as ${auth.user.username}` : auth.status}</p>;
}

function App() {
  return (
    <AuthProvider client={createAuthClient({ baseUrl: BASE })} queryClient={new QueryClient()} initialSession={session}>
      <Status />
      <RequireAuth fallback={<p>Checking</p>}>
        <p>Account</p>
      </RequireAuth>
    </AuthProvider>
  );
}

describe('hydration', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('hydrates server HTML rendered with initialSession: no mismatch, no flash, no request', async () => {
    const container = document.createElement('div');
    container.innerHTML = renderToString(<App />);
    document.body.append(container);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const recoverable = vi.fn();
    let root: ReturnType<typeof hydrateRoot> | undefined;
    try {
      await act(async () => {
        root = hydrateRoot(container, <App />, { onRecoverableError: recoverable });
      });
      expect(screen.getByText('Signed in as ada')).toBeInTheDocument();
      expect(screen.getByText('Account')).toBeInTheDocument();
      expect(recoverable).not.toHaveBeenCalled();
      expect(errors).not.toHaveBeenCalled();
      await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
      expect(requests).toEqual([]);
    } finally {
      errors.mockRestore();
      act(() => root?.unmount());
    }
  });
});
