import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RenderResult } from '@testing-library/react';
import { createMockBackend } from 'latchkey/mock';
import type { MockBackendOptions, MockUserSeed } from 'latchkey/mock';
import { http, HttpResponse } from 'msw';
import type { JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { axe } from 'vitest-axe';
import { toHaveNoViolations } from 'vitest-axe/dist/matchers.js';
import { AuthProvider, createAuthClient } from 'latchkey';
import type { AuthClient, AuthProviderProps } from 'latchkey';

expect.extend({ toHaveNoViolations });

/** jsdom's page is `http://localhost:3000/`; the client resolves the base URL against it. */
export const BASE = '/api/auth';

export const ada = { username: 'ada', email: 'ada@example.com', name: 'Ada Lovelace', password: 'correct horse battery staple', roles: ['admin', 'editor'] };
export const bob = { username: 'bob', email: 'bob@example.com', name: 'Bob Builder', password: 'another long passphrase', roles: [] as string[] };

export const server = setupServer();

/** A request the network saw: `METHOD path-under-base`, full URL and the body text. */
export interface SeenRequest {
  name: string;
  url: string;
  body: string;
}

/** Every request of the current test, in order. */
export const requests: SeenRequest[] = [];
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  const path = url.pathname.startsWith(`${BASE}/`) ? url.pathname.slice(BASE.length + 1) : url.pathname;
  const entry: SeenRequest = { name: `${request.method} ${path}`, url: request.url, body: '' };
  requests.push(entry);
  void request
    .clone()
    .text()
    .then((text) => {
      entry.body = text;
    });
});

/** How many requests named `name` (`POST login`) the test sent. */
export const count = (name: string): number => requests.filter((seen) => seen.name === name).length;

/** Starts msw for the file; handlers, the request log and the URL are reset after every test. */
export function installMsw(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
    window.history.replaceState(null, '', '/');
  });
  afterAll(() => server.close());
}

export interface WidgetHarness {
  backend: ReturnType<typeof createMockBackend>;
  client: AuthClient;
  queryClient: QueryClient;
  /** Renders `ui` inside an `AuthProvider` wired to this harness, in a `<main>` landmark like a page would. */
  renderWithAuth(ui: ReactNode, props?: Partial<AuthProviderProps>): RenderResult;
  /** Signs a user in on the backend before anything renders; clears the request log. */
  signIn(user?: { username: string; password: string }): Promise<void>;
}

/** A fresh mock backend (through msw), client and QueryClient for one test. */
export function setup(options: Omit<MockBackendOptions, 'baseUrl'> & { users?: readonly MockUserSeed[]; timeoutMs?: number } = {}): WidgetHarness {
  const { timeoutMs, ...backendOptions } = options;
  const backend = createMockBackend({ baseUrl: BASE, users: [ada, bob], ...backendOptions });
  server.use(...backend.handlers);
  const client = createAuthClient({ baseUrl: BASE, transport: backend.config.transport, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  const queryClient = new QueryClient();
  return {
    backend,
    client,
    queryClient,
    renderWithAuth(ui, props = {}) {
      return render(
        <AuthProvider client={client} queryClient={queryClient} {...props}>
          <main>{ui}</main>
        </AuthProvider>,
      );
    },
    async signIn(user = ada) {
      await client.login({ identifier: user.username, password: user.password });
      requests.length = 0;
    },
  };
}

/** Runs axe on the rendered document and expects no violation. */
export async function expectNoAxeViolations(container: Element = document.body): Promise<void> {
  expect(await axe(container)).toHaveNoViolations();
}

/** An error answer in the contract's shape, for one endpoint (`POST login`), overriding the mock. */
export function failWith(method: 'get' | 'post' | 'patch' | 'delete', path: string, status: number, body: JsonBodyType, headers?: HeadersInit) {
  return http[method](`*${BASE}/${path}`, () => HttpResponse.json(body, { status, headers }));
}

/** A network failure for one endpoint. */
export function networkError(method: 'get' | 'post' | 'patch' | 'delete', path: string) {
  return http[method](`*${BASE}/${path}`, () => HttpResponse.error());
}

/** The body of the last request named `name`, parsed. */
export function lastBody(name: string): unknown {
  const seen = requests.filter((entry) => entry.name === name).at(-1);
  return seen === undefined ? undefined : (JSON.parse(seen.body) as unknown);
}

/** Waits until the config (and session) queries settled, by waiting for a given text. */
export const findText = (text: string | RegExp) => screen.findByText(text);

export { http, HttpResponse };

/** A user-event instance without pauses between keys (the machine is shared; typing stays realistic). */
export const typist = (options: Parameters<typeof userEvent.setup>[0] = {}) => userEvent.setup({ delay: null, ...options });

/** The user-event instance type. */
export type Typist = ReturnType<typeof userEvent.setup>;

/** Puts `value` into a field the way a password manager or a paste does: one input event. */
export async function enter(user: Typist, field: HTMLElement, value: string): Promise<void> {
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

/** Per-file test options: generous timeouts, the dom project shares two cores with other suites. */
export const SLOW = { timeout: 30_000 } as const;
