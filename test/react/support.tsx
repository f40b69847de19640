import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { createMockBackend } from 'latchkey/mock';
import type { MockBackendOptions } from 'latchkey/mock';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import type { Mock } from 'vitest';
import { AuthProvider, createAuthClient } from 'latchkey';
import type { AuthClient, AuthProviderProps } from 'latchkey';

/** jsdom's page is `http://localhost:3000/`; the client resolves the base URL against it. */
export const BASE = '/api/auth';

export const ada = { username: 'ada', email: 'ada@example.com', name: 'Ada Lovelace', password: 'correct horse battery staple', roles: ['admin'] };
export const bob = { username: 'bob', email: 'bob@example.com', name: 'Bob Builder', password: 'another long passphrase', roles: [] as string[] };

export const server = setupServer();

/** Every request the network saw, as `METHOD path-under-base` (`GET session`, `POST login`). */
export const requests: string[] = [];
server.events.on('request:start', ({ request }) => {
  const path = new URL(request.url).pathname;
  requests.push(`${request.method} ${path.startsWith(`${BASE}/`) ? path.slice(BASE.length + 1) : path}`);
});

/** Starts msw for the file; handlers and the request log are reset after every test. */
export function startMswServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
    window.history.replaceState(null, '', '/');
  });
  afterAll(() => server.close());
}

export const count = (request: string): number => requests.filter((seen) => seen === request).length;

export interface Harness {
  backend: ReturnType<typeof createMockBackend>;
  client: AuthClient;
  queryClient: QueryClient;
  navigate: Mock<(to: string) => void>;
  /** Renders `ui` inside a provider using this harness's client, QueryClient and `navigate`. */
  renderWithAuth(ui: ReactNode, props?: Partial<AuthProviderProps>): RenderResult & { rerenderWithAuth(ui: ReactNode): void };
  /** Signs a user in on the backend (sets the session cookie) before anything renders; clears the request log. */
  signIn(user?: { username: string; password: string }): Promise<void>;
}

/** A fresh mock backend, client and QueryClient for one test. */
export function setup(options: { users?: (typeof ada)[]; backend?: MockBackendOptions; transport?: 'cookie' | 'bearer' } = {}): Harness {
  const transport = options.transport ?? 'cookie';
  const backend = createMockBackend({
    baseUrl: BASE,
    users: options.users ?? [ada, bob],
    ...options.backend,
    config: { ...options.backend?.config, transport },
  });
  server.use(...backend.handlers);
  const client = createAuthClient({ baseUrl: BASE, transport });
  const queryClient = new QueryClient();
  const navigate = vi.fn<(to: string) => void>();
  const tree = (ui: ReactNode, props: Partial<AuthProviderProps>) => (
    <AuthProvider client={client} queryClient={queryClient} navigate={navigate} {...props}>
      {ui}
    </AuthProvider>
  );
  return {
    backend,
    client,
    queryClient,
    navigate,
    renderWithAuth(ui, props = {}) {
      const result = render(tree(ui, props));
      return Object.assign(result, { rerenderWithAuth: (next: ReactNode) => result.rerender(tree(next, props)) });
    },
    async signIn(user = ada) {
      await client.login({ identifier: user.username, password: user.password });
      requests.length = 0;
    },
  };
}

/** A `GET session` answer that breaks the contract (HTML with 200). */
export const brokenSession = () =>
  http.get(`*${BASE}/session`, () => new HttpResponse('<!doctype html><title>Login</title>', { status: 200, headers: { 'Content-Type': 'text/html' } }));

export { http, HttpResponse };
