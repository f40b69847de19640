/**
 * Request and render counts of the session layer, written to bench/.results/requests.json for
 * bench/run.ts. Counts, not timings: the same figures come out on any machine. The CI budgets for
 * these numbers are asserted in test/react; this file only measures and reports them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AuthProvider, authQueryKeys, createAuthClient, useAuth, useLogin } from 'latchkey';
import type { Session } from 'latchkey';
import { createMockBackend } from 'latchkey/mock';
import { setupServer } from 'msw/node';
import { Profiler } from 'react';
import { afterAll, beforeAll, expect, it } from 'vitest';

const BASE = '/api/auth';
const ada = { username: 'ada', email: 'ada@example.com', name: 'Ada Lovelace', password: 'correct horse battery staple', roles: [] };
const server = setupServer();
const seen: string[] = [];
server.events.on('request:start', ({ request }) => seen.push(`${request.method} ${new URL(request.url).pathname.slice(BASE.length + 1)}`));
const results: Record<string, number> = {};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  mkdirSync('bench/.results', { recursive: true });
  writeFileSync('bench/.results/requests.json', JSON.stringify(results, null, 2));
});

function fresh() {
  const backend = createMockBackend({ baseUrl: BASE, users: [ada] });
  server.resetHandlers(...backend.handlers);
  const client = createAuthClient({ baseUrl: BASE });
  const queryClient = new QueryClient();
  seen.length = 0;
  return { backend, client, queryClient };
}

function Reader({ index }: { index: number }) {
  const status = useAuth((auth) => auth.status);
  return <span data-testid={`reader-${index}`}>{status}</span>;
}

for (const n of [1, 20, 100]) {
  it(`${n} components reading the session`, async () => {
    const { client, queryClient } = fresh();
    render(
      <AuthProvider client={client} queryClient={queryClient}>
        {Array.from({ length: n }, (_, index) => (
          <Reader key={index} index={index} />
        ))}
      </AuthProvider>,
    );
    await waitFor(() => expect(screen.getByTestId(`reader-${n - 1}`).textContent).toBe('unauthenticated'));
    results[`session GETs for ${n} readers`] = seen.filter((r) => r === 'GET session').length;
  });
}

it('100 rerenders and 10 remounts', async () => {
  const { client, queryClient } = fresh();
  const tree = (key: number, tick: number) => (
    <AuthProvider client={client} queryClient={queryClient}>
      <Reader key={key} index={tick} />
    </AuthProvider>
  );
  const view = render(tree(0, 0));
  await waitFor(() => expect(screen.getByTestId('reader-0').textContent).toBe('unauthenticated'));
  seen.length = 0;
  for (let tick = 1; tick <= 100; tick += 1) view.rerender(tree(0, 0));
  for (let key = 1; key <= 10; key += 1) view.rerender(tree(key, 0));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
  results['requests for 100 rerenders + 10 remounts'] = seen.length;
});

it('login', async () => {
  const { client, queryClient } = fresh();
  function Login() {
    const login = useLogin();
    const status = useAuth((auth) => auth.status);
    return (
      <>
        <span data-testid="status">{status}</span>
        <button type="button" onClick={() => login.mutate({ identifier: ada.username, password: ada.password })}>
          Sign in
        </button>
      </>
    );
  }
  render(
    <AuthProvider client={client} queryClient={queryClient}>
      <Login />
    </AuthProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('unauthenticated'));
  seen.length = 0;
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('authenticated'));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
  results['requests for a login (all)'] = seen.length;
});

it('renders of a user.name reader when the expiry is refreshed', async () => {
  const { client, queryClient } = fresh();
  await client.login({ identifier: ada.username, password: ada.password });
  let renders = 0;
  function Name() {
    const name = useAuth((auth) => auth.user?.name ?? null);
    return <span data-testid="name">{name}</span>;
  }
  render(
    <AuthProvider client={client} queryClient={queryClient}>
      <Profiler id="name" onRender={() => (renders += 1)}>
        <Name />
      </Profiler>
    </AuthProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('name').textContent).toBe(ada.name));
  const before = renders;
  // A new expiry arrives (as "stay signed in" brings it): same user, a later expiresAt.
  const key = authQueryKeys(client.baseUrl).session;
  await act(async () => {
    queryClient.setQueryData<Session | null>(key, (old) => (old ? { ...old, expiresAt: new Date(Date.now() + 3_600_000).toISOString() } : old));
  });
  results['rerenders of a user.name reader on expiry refresh'] = renders - before;
});
